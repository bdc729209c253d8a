/**
 * The parallel speed-up of `compare`: the same comparison (schemes x seeds of a scenario,
 * without its sweep) run with 1 worker and with 2, each run a `hardhat simulate` child, timed
 * against the wall clock in the same bench run. The target is >= 1.7x on 2 cores; the figure
 * is reported, not asserted. BENCH_COMPARE_SEEDS=0 skips the section (it takes minutes).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";

import { prepareCompare, runCompare } from "../src/compare/compare.js";
import { BenchConfigError } from "./config.js";

export interface CompareSpeedupConfig {
  /** Seeds per scheme; 0 skips the section. */
  readonly seeds: number;
  readonly scenario: string;
  /** Comma-separated, as `--schemes`. */
  readonly schemes: string;
}

export function readCompareSpeedupConfig(
  env: NodeJS.ProcessEnv = process.env,
): CompareSpeedupConfig {
  const raw = env.BENCH_COMPARE_SEEDS?.trim() ?? "";
  const seeds = raw === "" ? 4 : Number(raw);
  if (!Number.isSafeInteger(seeds) || seeds < 0) {
    throw new BenchConfigError(`BENCH_COMPARE_SEEDS must be an integer >= 0, got "${raw}"`);
  }
  return {
    seeds,
    scenario: env.BENCH_COMPARE_SCENARIO?.trim() || "scenarios/songdo-week.yaml",
    schemes: env.BENCH_COMPARE_SCHEMES?.trim() || "flat,material,tiered",
  };
}

export interface CompareTiming {
  readonly workers: number;
  readonly runs: number;
  readonly refused: number;
  readonly seconds: number;
}

export interface CompareSpeedup {
  readonly config: CompareSpeedupConfig;
  readonly cores: number;
  /** 1-minute load average before each measurement: other work on the machine skews both. */
  readonly loadBefore: readonly number[];
  readonly timings: readonly CompareTiming[];
  /** Seconds with 1 worker over seconds with 2. */
  readonly speedup: number;
}

async function timeCompare(
  root: string,
  config: CompareSpeedupConfig,
  workers: number,
  progress: (message: string) => void,
): Promise<CompareTiming> {
  const out = await mkdtemp(join(tmpdir(), `bench-compare-w${workers}-`));
  try {
    const prepared = await prepareCompare({
      scenario: config.scenario,
      schemes: config.schemes,
      runs: String(config.seeds),
      workers: String(workers),
      noSweep: true,
      out,
    });
    const started = performance.now();
    const outcome = await runCompare(prepared, { root, log: (line) => progress(`  ${line}`) });
    const seconds = (performance.now() - started) / 1000;
    return { workers, runs: prepared.runs.length, refused: outcome.refused, seconds };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/** Both measurements (1 worker, then 2), or null when skipped. */
export async function measureCompareSpeedup(
  root: string,
  config: CompareSpeedupConfig,
  progress: (message: string) => void,
): Promise<CompareSpeedup | null> {
  if (config.seeds === 0) return null;
  const timings: CompareTiming[] = [];
  const loadBefore: number[] = [];
  for (const workers of [1, 2]) {
    progress(`compare speed-up: ${config.schemes} x ${config.seeds} seeds, ${workers} worker(s)`);
    loadBefore.push(loadavg()[0] ?? 0);
    timings.push(await timeCompare(root, config, workers, progress));
  }
  const [one, two] = timings;
  const speedup = one !== undefined && two !== undefined ? one.seconds / two.seconds : 0;
  return { config, cores: availableParallelism(), loadBefore, timings, speedup };
}

export function formatCompareSpeedup(result: CompareSpeedup | null): string[] {
  if (result === null) return ["Compare speed-up: skipped (BENCH_COMPARE_SEEDS=0)"];
  const { config } = result;
  const lines = [
    `Compare speed-up (${config.scenario}, schemes ${config.schemes}, ${config.seeds} seeds, ` +
      `no sweep; each run a simulate child; ${result.cores} cores)`,
    "workers  runs  refused  wall seconds  load before",
  ];
  result.timings.forEach((t, i) => {
    lines.push(
      `${String(t.workers).padStart(7)}  ${String(t.runs).padStart(4)}  ` +
        `${String(t.refused).padStart(7)}  ${t.seconds.toFixed(1).padStart(12)}  ` +
        `${(result.loadBefore[i] ?? 0).toFixed(2).padStart(11)}`,
    );
  });
  const verdict = result.speedup >= 1.7 ? "met" : "not met";
  lines.push(
    `speed-up 2 workers / 1 worker: ${result.speedup.toFixed(2)}x (target >= 1.7x: ${verdict})`,
  );
  return lines;
}

/** Whether every run of both measurements was reconciled. */
export function compareSpeedupClean(result: CompareSpeedup | null): boolean {
  return result === null || result.timings.every((t) => t.refused === 0);
}
