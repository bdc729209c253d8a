/**
 * The simulator's figures: the week scenario's trace replayed on the fast path and the naive
 * way, the month scenario simulated whole in a child process, and their ratios to the raw
 * transfer limit measured earlier in the same run.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import type { BenchConfig } from "./config.js";
import type { BenchFailure } from "./results.js";
import { simulateMonth } from "./simulator-month.js";
import {
  SIMULATOR_TARGETS,
  type MonthFigure,
  type ReplayFigure,
  type SimulatorResults,
} from "./simulator-results.js";
import { simulatorVerdicts } from "./simulator-verdicts.js";
import { generateScenarioTrace, replayFast, replayNaive } from "./simulator-week.js";

const over = (a: number | undefined, b: number | undefined): number | null =>
  a === undefined || b === undefined || b === 0 ? null : a / b;

/** Failures of the simulator: a month that did not reconcile, replays that disagree. */
export function simulatorFailures(s: SimulatorResults): BenchFailure[] {
  const failures: BenchFailure[] = [];
  const { fast, naive } = s.week;
  if (naive !== null) {
    if (fast.events !== naive.events || fast.reverted !== naive.reverted) {
      failures.push({
        section: "simulator",
        label: "week replays",
        detail:
          `fast and naive replays disagree: ${fast.events} / ${naive.events} events, ` +
          `${fast.reverted} / ${naive.reverted} reverted`,
      });
    }
  }
  if (s.monthError !== null) {
    failures.push({ section: "simulator", label: "month simulation", detail: s.monthError });
  }
  if (s.month !== null && s.month.reconciled === false) {
    failures.push({
      section: "simulator",
      label: "month simulation",
      detail: `not reconciled (exit code ${s.month.exitCode ?? "none"})`,
    });
  }
  return failures;
}

/**
 * Runs the simulator section. `rawTxPerSecond` is the raw transfer limit measured in this
 * run; `progress` reports each step on stderr.
 */
export async function measureSimulator(
  config: BenchConfig,
  rawTxPerSecond: number,
  progress: (message: string) => void,
): Promise<SimulatorResults> {
  const dir = await mkdtemp(join(tmpdir(), "city-pilot-bench-"));
  try {
    progress(`simulator: generating ${config.weekScenario}`);
    const trace = await generateScenarioTrace(config.weekScenario, dir);
    progress(`simulator: week replay, fast path (${trace.events} events)`);
    const fast = await replayFast(trace);
    let naive: ReplayFigure | null = null;
    if (config.naiveWeek) {
      progress(`simulator: week replay, naive (${trace.events} events)`);
      naive = await replayNaive(trace);
    }
    let month: MonthFigure | null = null;
    let monthError: string | null = null;
    if (config.month) {
      progress(`simulator: month simulation (${config.monthScenario}, child process)`);
      try {
        month = await simulateMonth(config.monthScenario, join(dir, "month"), {
          maxSeconds: config.monthMaxSeconds,
          maxRssMib: config.monthMaxRssMib,
        });
      } catch (error) {
        monthError = error instanceof Error ? error.message : String(error);
      }
    }
    const results = {
      week: {
        trace: {
          scenario: trace.scenario,
          events: trace.events,
          generateSeconds: trace.generateSeconds,
        },
        fast,
        naive,
      },
      month,
      monthError,
      rawTxPerSecond,
      ratios: {
        weekToRaw: over(fast.txPerSecond, rawTxPerSecond),
        monthToRaw: over(month?.replay.txPerSecond, rawTxPerSecond),
        weekToNaiveTx: over(fast.txPerSecond, naive?.txPerSecond),
        weekToNaiveEvents: over(fast.eventsPerSecond, naive?.eventsPerSecond),
      },
      targets: SIMULATOR_TARGETS,
    };
    return { ...results, verdicts: simulatorVerdicts(results) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
