/**
 * The generator's public API: a validated scenario and a seed in, a trace out (SPEC.md
 * section 4), streamed line by line.
 *
 * ```ts
 * const trace = generateTrace(scenario, { seed: 7 });
 * for (const line of trace) out.write(line + "\n");
 * console.log(trace.stats.events, trace.stats.queuePeak);
 * ```
 *
 * Same scenario, options and seed give byte-identical lines. Parking demand comes from
 * streams no scheme touches, so it is the same under every scheme (common random numbers);
 * recycling frequency responds to a scheme only through the scenario's reward elasticity.
 */
import type { Scenario } from "../scenario/scenario-schema.js";
import { emptyStats, type GenerateStats } from "./context.js";
import { traceLines, type GenerateOptions } from "./trace-generator.js";

export type { GenerateStats } from "./context.js";
export type { GenerateOptions, SchemeChange } from "./trace-generator.js";

/** A trace being generated: iterate it once for its lines (JSON, no newline). */
export interface GeneratedTrace extends Iterable<string> {
  /** Counters, filled in as the lines are produced (final once iterated). */
  readonly stats: GenerateStats;
}

export function generateTrace(scenario: Scenario, options: GenerateOptions = {}): GeneratedTrace {
  const stats = emptyStats();
  let started = false;
  return {
    stats,
    [Symbol.iterator]() {
      if (started) throw new Error("a generated trace can be iterated once");
      started = true;
      return traceLines(scenario, options, stats);
    },
  };
}
