/**
 * Writing a comparison: read each planned run's folder, build the table, write
 * comparison.csv and comparison.html atomically (a temporary name, then a rename), and
 * summarise it for the terminal. Shared by `compare` (one folder) and `merge` (shards).
 */
import { mkdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";

import { writeFileAtomic } from "../report/atomic-file.js";
import { formatComparisonCsv } from "./csv.js";
import { loadChartJs } from "./charts.js";
import { estimateText } from "./html-parts.js";
import { renderComparisonHtml } from "./html.js";
import { metricByKey } from "./metrics.js";
import type { ComparisonPlan } from "./plan.js";
import { readRunResult, type RunResult } from "./results.js";
import { distinctRows, buildComparison, type Comparison } from "./table.js";

export const COMPARISON_FILES = { csv: "comparison.csv", html: "comparison.html" } as const;

/** Where a planned run's outputs are, and the exit code its runner saw (if known). */
export interface RunLocation {
  dir: string;
  exitCode: number | null | undefined;
}

export async function collectResults(
  plan: ComparisonPlan,
  locations: ReadonlyMap<string, RunLocation>,
): Promise<Map<string, RunResult>> {
  const results = new Map<string, RunResult>();
  for (const run of plan.runs) {
    const at = locations.get(run.id);
    if (at !== undefined) results.set(run.id, await readRunResult(at.dir, run, at.exitCode));
  }
  return results;
}

/** A link from `outDir` to a run's report, with forward slashes (it is a URL). */
function linkTo(outDir: string, runDir: string): string {
  return relative(outDir, join(runDir, "report.html")).split(sep).join("/");
}

export interface WrittenComparison {
  comparison: Comparison;
  csv: string;
  html: string;
}

export async function writeComparison(
  outDir: string,
  plan: ComparisonPlan,
  locations: ReadonlyMap<string, RunLocation>,
): Promise<WrittenComparison> {
  const comparison = buildComparison(plan, await collectResults(plan, locations));
  const runLinks = new Map([...locations].map(([id, at]) => [id, linkTo(outDir, at.dir)]));
  const html = renderComparisonHtml({
    comparison,
    chartJs: await loadChartJs(),
    runLinks,
    createdAt: new Date().toISOString(),
  });
  await mkdir(outDir, { recursive: true });
  const csvPath = join(outDir, COMPARISON_FILES.csv);
  const htmlPath = join(outDir, COMPARISON_FILES.html);
  await writeFileAtomic(csvPath, formatComparisonCsv(comparison));
  await writeFileAtomic(htmlPath, html);
  return { comparison, csv: csvPath, html: htmlPath };
}

/** Lines for the terminal: refused runs, kilograms per won and Gini per scheme, the files. */
export function summaryLines(written: WrittenComparison): string[] {
  const { comparison } = written;
  const lines: string[] = [];
  for (const { run, reason } of comparison.refused) {
    lines.push(`Refused ${run.id} (seed ${run.seed}): ${reason}`);
  }
  const kg = metricByKey("kg_per_1000_krw_paid_out");
  const gini = metricByKey("gini_credits");
  for (const row of distinctRows(comparison)) {
    lines.push(
      `${row.caption}: ${estimateText(row.metrics.kg_per_1000_krw_paid_out.estimate, kg.digits)} ` +
        `kg per 1,000 KRW paid out; Gini ${estimateText(row.metrics.gini_credits.estimate, gini.digits)}` +
        (row.seedsRefused.length > 0 ? `; ${row.seedsRefused.length} seed(s) refused` : ""),
    );
  }
  lines.push(`Comparison: ${written.csv}`, `Report: ${written.html}`);
  return lines;
}
