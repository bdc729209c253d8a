/** Shared pieces of the compare tests: the mini scenario, plans, task runs with captured output. */
import { readFileSync } from "node:fs";
import { join } from "node:path";

import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { parseBaseline, parseSchemes } from "../../src/compare/options.js";
import { buildPlan, type BuiltPlan } from "../../src/compare/plan.js";
import { parseScenarioText, type LoadedScenario } from "../../src/scenario/load-scenario.js";

export const MINI = join(import.meta.dirname, "..", "run", "fixtures", "mini-pilot.yaml");

export function miniText(): string {
  return readFileSync(MINI, "utf8");
}

/** The mini scenario, with its text changed by `edit` (e.g. another sweep). */
export function loadMini(edit: (text: string) => string = (t) => t): LoadedScenario {
  return parseScenarioText(edit(miniText()), MINI);
}

export function planOf(
  loaded: LoadedScenario,
  options: { schemes?: string; baseline?: string; runs?: number; sweep?: boolean } = {},
): BuiltPlan {
  const schemes = parseSchemes(loaded.scenario, options.schemes);
  return buildPlan({
    loaded,
    sha256: "0".repeat(64),
    schemes,
    baseline: parseBaseline(loaded.scenario, schemes, options.baseline),
    runs: options.runs ?? 2,
    sweep: options.sweep ?? true,
  });
}

export interface TaskRun {
  exitCode: number | string | null | undefined;
  out: string[];
  err: string[];
}

/** Runs a task action, capturing console output and the exit code it sets. */
export async function runTask<A>(
  action: (args: A, hre: HardhatRuntimeEnvironment) => Promise<void>,
  args: A,
  hre: HardhatRuntimeEnvironment = {} as HardhatRuntimeEnvironment,
): Promise<TaskRun> {
  const saved = { exitCode: process.exitCode, log: console.log, error: console.error };
  const out: string[] = [];
  const err: string[] = [];
  console.log = (...m: unknown[]) => out.push(m.join(" "));
  console.error = (...m: unknown[]) => err.push(m.join(" "));
  try {
    await action(args, hre);
    return { exitCode: process.exitCode, out, err };
  } finally {
    process.exitCode = saved.exitCode;
    console.log = saved.log;
    console.error = saved.error;
  }
}
