/**
 * The process pool: each run is `hardhat simulate <variant> --scheme S --seed N --out DIR`
 * in a child process of its own, so each has its own in-process network and its own core;
 * at most `workers` run at once. A child's output goes to a log file, not to the terminal
 * (several would interleave); the parent prints one line per finished run.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { open, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

import type { RunExit } from "./shard.js";

/**
 * Runs `work` over `items`, at most `workers` at a time, in order of the items; results
 * come back in the same order. `work` must not throw (a failure is a result).
 */
export async function runPool<T, R>(
  items: readonly T[],
  workers: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(workers, items.length) }, worker));
  return results;
}

/** The Hardhat CLI script, run with this process's Node (the project's pinned Node 22). */
export function hardhatCli(root: string): string {
  try {
    const cli = join(
      dirname(createRequire(join(root, "package.json")).resolve("hardhat")),
      "cli.js",
    );
    if (existsSync(cli)) return cli;
  } catch {
    // Fall through to the npm bin link.
  }
  return join(root, "node_modules", ".bin", "hardhat");
}

export interface SimulateJob {
  id: string;
  /** Absolute paths. */
  scenario: string;
  outDir: string;
  logFile: string;
  scheme: string;
  seed: number;
}

export interface ChildSettings {
  /** The project root: the children's working folder, where hardhat.config.ts is. */
  root: string;
  cli: string;
}

export function simulateArguments(job: SimulateJob): string[] {
  return [
    "simulate",
    job.scenario,
    "--scheme",
    job.scheme,
    "--seed",
    String(job.seed),
    "--out",
    job.outDir,
  ];
}

/**
 * Runs one simulate child. An earlier manifest in the run folder is removed first, so a
 * child that dies before writing its own cannot leave an old run looking finished.
 */
export async function runSimulateChild(
  job: SimulateJob,
  settings: ChildSettings,
): Promise<RunExit> {
  const started = performance.now();
  await rm(join(job.outDir, "manifest.json"), { force: true });
  const log = await open(job.logFile, "w");
  try {
    const exitCode = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [settings.cli, ...simulateArguments(job)], {
        cwd: settings.root,
        stdio: ["ignore", log.fd, log.fd],
        env: { ...process.env, NO_COLOR: "1" },
      });
      child.once("error", () => resolve(null));
      child.once("exit", (code) => resolve(code));
    });
    return { id: job.id, exitCode, seconds: (performance.now() - started) / 1000 };
  } finally {
    await log.close();
  }
}
