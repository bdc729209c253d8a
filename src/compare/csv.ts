/**
 * comparison.csv: one row per scheme and sweep point. For each KPI `<k>`: `<k>_n` (seeds
 * with a value), `<k>_mean`, `<k>_ci_low`, `<k>_ci_high` (95% t interval; empty for n = 1),
 * then the paired difference against the baseline `<k>_diff_n`, `<k>_diff_mean`,
 * `<k>_diff_ci_low`, `<k>_diff_ci_high` (empty on the baseline's own row). The text depends
 * only on the plan and the runs' figures (no paths, no times), so a merge of shards gives
 * the same bytes as one unsharded comparison.
 */
import { csvRow } from "../report/balances-csv.js";
import { METRICS } from "./metrics.js";
import type { Estimate } from "./statistics.js";
import type { Comparison, ComparisonRow } from "./table.js";

const LEAD = [
  "scheme",
  "scheme_type",
  "sweep",
  "baseline",
  "seeds",
  "seeds_included",
  "seeds_refused",
] as const;

export function comparisonCsvHeader(): string[] {
  return [
    ...LEAD,
    ...METRICS.flatMap(({ key }) => [
      `${key}_n`,
      `${key}_mean`,
      `${key}_ci_low`,
      `${key}_ci_high`,
      `${key}_diff_n`,
      `${key}_diff_mean`,
      `${key}_diff_ci_low`,
      `${key}_diff_ci_high`,
    ]),
  ];
}

/**
 * A figure to six decimals without trailing zeros (`0.333333`, `1500`): enough for any KPI,
 * and the same text for the same number on every platform.
 */
export function csvNumber(value: number): string {
  const text = value.toFixed(6).replace(/\.?0+$/, "");
  return text === "-0" ? "0" : text;
}

function estimateFields(e: Estimate | null): string[] {
  if (e === null) return ["0", "", "", ""];
  const [low, high] = e.ci === null ? ["", ""] : e.ci.map(csvNumber);
  return [String(e.n), csvNumber(e.mean), low ?? "", high ?? ""];
}

function rowFields(comparison: Comparison, row: ComparisonRow): string[] {
  const scheme = comparison.plan.schemes.find((s) => s.label === row.label)?.scheme ?? "";
  const lead = [
    row.label,
    scheme,
    row.sweep,
    comparison.plan.baseline,
    String(row.seedsIncluded.length),
    row.seedsIncluded.join(" "),
    row.seedsRefused.join(" "),
  ];
  const figures = METRICS.flatMap(({ key }) => {
    const cell = row.metrics[key];
    const diff = row.isBaseline ? ["", "", "", ""] : estimateFields(cell.difference);
    return [...estimateFields(cell.estimate), ...diff];
  });
  return [...lead, ...figures];
}

export function formatComparisonCsv(comparison: Comparison): string {
  const lines = [
    csvRow(comparisonCsvHeader()),
    ...comparison.rows.map((row) => csvRow(rowFields(comparison, row))),
  ];
  return lines.join("\n") + "\n";
}
