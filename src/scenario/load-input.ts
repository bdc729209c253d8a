/**
 * The one entry for a run's input: a scenario (.yaml, .yml) or a trace (.jsonl), decided by
 * the file's extension and validated whole before anything runs.
 */
import { extname } from "node:path";

import { InputError } from "./errors.js";
import { loadScenario, type LoadedScenario } from "./load-scenario.js";
import { readTrace, validateTraceFile, type TraceReader } from "./load-trace.js";
import type { TraceSummary } from "./validate-trace.js";

export type LoadedInput =
  | ({ kind: "scenario" } & LoadedScenario)
  | {
      kind: "trace";
      file: string;
      /** What the (valid) trace holds. */
      summary: TraceSummary;
      /** Streams the trace's events again, in file order. */
      read: () => TraceReader;
    };

export const SCENARIO_EXTENSIONS = [".yaml", ".yml"] as const;
export const TRACE_EXTENSIONS = [".jsonl"] as const;

/** Whether a path names a scenario or a trace, by extension (case-insensitive). */
export function inputKindOf(file: string): "scenario" | "trace" | undefined {
  const ext = extname(file).toLowerCase();
  if ((SCENARIO_EXTENSIONS as readonly string[]).includes(ext)) return "scenario";
  if ((TRACE_EXTENSIONS as readonly string[]).includes(ext)) return "trace";
  return undefined;
}

/** Loads and validates a scenario or a trace; throws an {@link InputError} on bad input. */
export async function loadInput(file: string): Promise<LoadedInput> {
  switch (inputKindOf(file)) {
    case "scenario":
      return { kind: "scenario", ...(await loadScenario(file)) };
    case "trace": {
      const summary = await validateTraceFile(file);
      return { kind: "trace", file, summary, read: () => readTrace(file) };
    }
    case undefined:
      throw new InputError({
        code: "UNSUPPORTED_FILE",
        file,
        reason: `expected a scenario (.yaml, .yml) or a trace (.jsonl), got ${JSON.stringify(extname(file) || "no extension")}`,
      });
  }
}
