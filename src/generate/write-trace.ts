/**
 * Writing a generated trace to a file atomically: lines go to `<path>.partial`, which is
 * renamed to `<path>` only once complete and flushed. An interrupted run leaves at most a
 * `.partial` file, never a file that looks like a whole trace; a failed run removes it.
 */
import { open, rename, rm } from "node:fs/promises";

import type { Scenario } from "../scenario/scenario-schema.js";
import { generateTrace, type GenerateOptions, type GenerateStats } from "./generate-trace.js";

/** Lines are written in chunks of about this many characters (one write call each). */
const CHUNK_CHARS = 1 << 18;

export interface WriteTraceResult {
  path: string;
  stats: GenerateStats;
  /** Wall time of generation and writing, in seconds. */
  seconds: number;
}

/** The name a trace is written under until it is complete. */
export function partialPathOf(path: string): string {
  return `${path}.partial`;
}

export async function writeTrace(
  scenario: Scenario,
  path: string,
  options: GenerateOptions = {},
): Promise<WriteTraceResult> {
  const began = performance.now();
  const partial = partialPathOf(path);
  const trace = generateTrace(scenario, options);
  const handle = await open(partial, "w");
  try {
    let chunk: string[] = [];
    let chars = 0;
    for (const line of trace) {
      chunk.push(line);
      chars += line.length + 1;
      if (chars >= CHUNK_CHARS) {
        await handle.write(`${chunk.join("\n")}\n`);
        chunk = [];
        chars = 0;
      }
    }
    if (chunk.length > 0) await handle.write(`${chunk.join("\n")}\n`);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(partial, { force: true });
    throw error;
  }
  await handle.close();
  await rename(partial, path);
  return { path, stats: trace.stats, seconds: (performance.now() - began) / 1000 };
}
