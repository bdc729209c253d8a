import type { MonthFigure, SimulatorResults, SimulatorTargets } from "./simulator-results.js";

/** What became of each simulator target in a run (reported, never asserted). */
export interface SimulatorVerdicts {
  readonly weekToRaw: string;
  readonly monthToRaw: string;
  readonly weekToNaive: string;
  readonly monthWall: string;
  readonly monthRss: string;
}

/** `met` or `MISSED` for a ratio that must reach `target` (`not measured` without a value). */
export function atLeast(value: number | null, target: number): string {
  if (value === null) return "not measured";
  return value >= target ? "met" : "MISSED";
}

/**
 * `met` / `MISSED` for a value that must stay under `target`: over it is missed even if the
 * run stopped early; under it counts only for a finished run, else the projection decides.
 */
export function under(
  value: number | null,
  target: number,
  finished: boolean,
  projected: number | null | undefined,
): string {
  if (value === null) return "not measured";
  if (value >= target) return finished ? "MISSED" : "MISSED (already over when stopped)";
  if (finished) return "met";
  if (projected !== null && projected !== undefined && projected >= target) {
    return "MISSED (projected)";
  }
  return "not known (stopped early)";
}

function monthVerdicts(
  m: MonthFigure | null,
  t: SimulatorTargets,
): Pick<SimulatorVerdicts, "monthWall" | "monthRss"> {
  if (m === null) return { monthWall: "not measured", monthRss: "not measured" };
  const finished = m.stopped === null;
  return {
    monthWall: under(m.wallSeconds, t.monthSeconds, finished, m.stopped?.projectedReplaySeconds),
    monthRss: under(m.peakRssBytes, t.monthRssBytes, finished, m.stopped?.projectedRssBytes),
  };
}

/** The verdicts of a run's simulator figures against their targets. */
export function simulatorVerdicts(s: Omit<SimulatorResults, "verdicts">): SimulatorVerdicts {
  const t = s.targets;
  return {
    weekToRaw: atLeast(s.ratios.weekToRaw, t.rawShare),
    monthToRaw: atLeast(s.ratios.monthToRaw, t.rawShare),
    weekToNaive: atLeast(s.ratios.weekToNaiveTx, t.naiveRatio),
    ...monthVerdicts(s.month, t),
  };
}
