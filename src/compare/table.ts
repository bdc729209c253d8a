/**
 * The comparison table: one row per (sweep point, scheme), each KPI's mean and 95% interval
 * over the seeds whose run counts, and the paired difference against the baseline scheme at
 * the same sweep point, seed by seed (the baseline's run of a seed saw the same draws).
 */
import { METRICS, type MetricKey, type MetricValues } from "./metrics.js";
import { runIdOf, type ComparisonPlan, type PlannedRun } from "./plan.js";
import type { RunResult } from "./results.js";
import { estimate, pairedDifference, type Estimate } from "./statistics.js";
import { pointText } from "./variants.js";

export interface MetricCell {
  estimate: Estimate | null;
  /** Against the baseline; null on the baseline's own row and where no seed pairs. */
  difference: Estimate | null;
}

export interface ComparisonRow {
  point: number;
  /** The sweep point as `key=value, ...` ("" without a sweep). */
  sweep: string;
  label: string;
  variant: string;
  caption: string;
  isBaseline: boolean;
  seedsIncluded: number[];
  seedsRefused: number[];
  metrics: Record<MetricKey, MetricCell>;
}

export interface RefusedRun {
  run: PlannedRun;
  reason: string;
}

export interface Comparison {
  plan: ComparisonPlan;
  rows: ComparisonRow[];
  /** Each planned run's result (a run never reported is refused as not run). */
  results: ReadonlyMap<string, RunResult>;
  refused: RefusedRun[];
}

/** Values of a variant's runs by seed; undefined where the run is refused. */
function valuesBySeed(
  plan: ComparisonPlan,
  variant: string,
  results: ReadonlyMap<string, RunResult>,
): Map<number, MetricValues | undefined> {
  return new Map(
    plan.seeds.map((seed) => {
      const result = results.get(runIdOf(variant, seed));
      return [seed, result?.ok === true ? result.values : undefined];
    }),
  );
}

function metricCells(
  own: ReadonlyMap<number, MetricValues | undefined>,
  baseline: ReadonlyMap<number, MetricValues | undefined> | undefined,
): Record<MetricKey, MetricCell> {
  const cells = METRICS.map((metric) => {
    const values = [...own.values()].flatMap((v) => {
      const value = v?.[metric.key];
      return value === undefined || value === null ? [] : [value];
    });
    const pairs =
      baseline === undefined
        ? undefined
        : [...own].flatMap(([seed, v]) => {
            const b = baseline.get(seed);
            if (v === undefined || b === undefined) return [];
            return [{ value: v[metric.key], baseline: b[metric.key] }];
          });
    return [
      metric.key,
      {
        estimate: estimate(values),
        difference: pairs === undefined ? null : pairedDifference(pairs),
      },
    ] as const;
  });
  return Object.fromEntries(cells) as Record<MetricKey, MetricCell>;
}

/** Every planned run's result: those given, and "not run" for the others. */
function completeResults(
  plan: ComparisonPlan,
  given: ReadonlyMap<string, RunResult>,
): Map<string, RunResult> {
  return new Map(
    plan.runs.map((run) => [
      run.id,
      given.get(run.id) ?? { id: run.id, ok: false, reason: "not run" },
    ]),
  );
}

export function buildComparison(
  plan: ComparisonPlan,
  given: ReadonlyMap<string, RunResult>,
): Comparison {
  const results = completeResults(plan, given);
  const variantOf = (point: number, label: string) =>
    plan.cells.find((c) => c.point === point && c.label === label)?.variant;
  const rows = plan.cells.map((cell): ComparisonRow => {
    const own = valuesBySeed(plan, cell.variant, results);
    const isBaseline = cell.label === plan.baseline;
    const baselineVariant = variantOf(cell.point, plan.baseline);
    const baseline =
      isBaseline || baselineVariant === undefined
        ? undefined
        : valuesBySeed(plan, baselineVariant, results);
    return {
      point: cell.point,
      sweep: pointText(plan.points[cell.point] ?? {}),
      label: cell.label,
      variant: cell.variant,
      caption: plan.variants.find((v) => v.id === cell.variant)?.caption ?? cell.label,
      isBaseline,
      seedsIncluded: plan.seeds.filter((s) => own.get(s) !== undefined),
      seedsRefused: plan.seeds.filter((s) => own.get(s) === undefined),
      metrics: metricCells(own, baseline),
    };
  });
  const refused = plan.runs.flatMap((run) => {
    const result = results.get(run.id);
    return result === undefined || result.ok ? [] : [{ run, reason: result.reason }];
  });
  return { plan, rows, results, refused };
}

/** One row per distinct variant (rows sharing a variant share every figure), in plan order. */
export function distinctRows(comparison: Comparison): ComparisonRow[] {
  const seen = new Set<string>();
  return comparison.rows.filter((row) => {
    if (seen.has(row.variant)) return false;
    seen.add(row.variant);
    return true;
  });
}
