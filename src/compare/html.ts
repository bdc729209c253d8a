/**
 * comparison.html: one self-contained page (chart.js inlined, no request leaves it) for a
 * policy analyst: which reward scheme gives the most kilograms per won, who gets the
 * credits, every KPI side by side with its 95% interval and its difference from the
 * baseline, and which runs were refused.
 */
import { escapeHtml } from "../report/html.js";
import { CHART_SCRIPT, chartData, jsonIsland } from "./charts.js";
import {
  differenceText,
  estimateText,
  formatFigure,
  runTable,
  sideBySideTables,
} from "./html-parts.js";
import { metricByKey, type MetricKey } from "./metrics.js";
import { distinctRows, type Comparison, type ComparisonRow } from "./table.js";
import { pointText } from "./variants.js";

export interface ComparisonHtmlParameters {
  comparison: Comparison;
  /** chart.js's UMD build (see `loadChartJs`). */
  chartJs: string;
  /** Link to each run's report.html, relative to the page. */
  runLinks: ReadonlyMap<string, string>;
  /** When the page was written, ISO 8601. */
  createdAt: string;
}

const STYLE = `
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 75rem; padding: 0 1rem; color: #222; line-height: 1.45; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2.2rem; border-bottom: 1px solid #ccc; }
h3 { font-size: 1.05rem; margin-top: 1.5rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
th, td { padding: 0.3rem 0.7rem; border-bottom: 1px solid #eee; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
th { background: #f4f4f4; } table.side th[scope=row] { max-width: 22rem; font-weight: 600; }
.note { color: #666; font-size: 0.85rem; font-weight: normal; }
.answer p { margin: 0.3rem 0; } .answer { font-size: 1.1rem; background: #eef4fb; padding: 0.75rem 1rem; border-radius: 4px; }
.verdict { padding: 0.75rem 1rem; border-radius: 4px; font-weight: 600; }
.ok { background: #e6f4ea; color: #1e6b34; } .fail { background: #fce8e6; color: #a52714; }
.good { color: #1e6b34; } .bad { color: #a52714; }
figure { margin: 1rem 0 2rem; } figcaption { color: #444; margin-bottom: 0.5rem; }
.chart { position: relative; height: 22rem; }
`;

function best(
  rows: readonly ComparisonRow[],
  key: MetricKey,
  order: "high" | "low",
): ComparisonRow | undefined {
  const scored = rows.filter((r) => r.metrics[key].estimate !== null);
  const sign = order === "high" ? 1 : -1;
  return scored.reduce<ComparisonRow | undefined>((top, r) => {
    const value = (r.metrics[key].estimate?.mean ?? 0) * sign;
    return top === undefined || value > (top.metrics[key].estimate?.mean ?? 0) * sign ? r : top;
  }, undefined);
}

/** "Most plastic per <what>: <best>, <mean (CI)> kg per 1,000 <unit>; the others: ...". */
function ranking(rows: readonly ComparisonRow[], key: MetricKey, what: string): string | undefined {
  const top = best(rows, key, "high");
  if (top === undefined) return undefined;
  const { digits, unit } = metricByKey(key);
  const others = rows
    .filter((r) => r !== top && r.metrics[key].estimate !== null)
    .map((r) => `${r.caption} ${formatFigure(r.metrics[key].estimate?.mean ?? 0, digits)}`);
  const difference = top.metrics[key].difference;
  const against =
    difference === null ? "" : ` (against the baseline: ${differenceText(difference, digits)})`;
  return (
    `Most plastic per ${what}: ${top.caption}, ` +
    `${estimateText(top.metrics[key].estimate, digits)} ${unit}${against}` +
    (others.length > 0 ? `; the others: ${others.join(", ")}.` : ".")
  );
}

function answerKgPerWon(comparison: Comparison): string[] {
  const rows = distinctRows(comparison);
  const paid = ranking(rows, "kg_per_1000_krw_paid_out", "won paid out");
  const minted = ranking(rows, "kg_per_1000_credits_minted", "credit minted");
  return [
    paid ?? "No run paid out KRW for credits, so kilograms per won paid out cannot be measured.",
    // Credits not yet redeemed at the end of a run are still owed: the minted figure counts them.
    ...(minted === undefined ? [] : [minted]),
    ...redeemedShare(comparison),
  ];
}

/** How much of what was minted the treasury has paid out, under the baseline (first row). */
function redeemedShare(comparison: Comparison): string[] {
  const row = comparison.rows.find((r) => r.isBaseline);
  const paid = row?.metrics.krw_paid_out.estimate?.mean;
  const minted = row?.metrics.credits_minted.estimate?.mean;
  if (row === undefined || paid === undefined || minted === undefined || minted <= 0) return [];
  const share = formatFigure((100 * paid) / minted, 1);
  return [
    `By the end of a run the treasury had paid out ${share}% of the credits minted under ` +
      `${row.caption}; the rest is still owed, so the two figures differ.`,
  ];
}

function answerGini(comparison: Comparison): string {
  const top = best(distinctRows(comparison), "gini_credits", "low");
  if (top === undefined) return "No scheme minted credits, so there is no spread to measure.";
  const e = top.metrics.gini_credits.estimate;
  return `Most even spread of credits (lowest Gini): ${top.caption}, ${estimateText(e, 3)}.`;
}

function verdict(comparison: Comparison): string {
  const total = comparison.plan.runs.length;
  const refused = comparison.refused.length;
  if (refused === 0) {
    return `<p class="verdict ok">All ${total} runs reconciled: every balance and event on chain agreed with the model.</p>`;
  }
  const items = comparison.refused
    .map(({ run, reason }) => `<li>${escapeHtml(`${run.id} (seed ${run.seed}): ${reason}`)}</li>`)
    .join("");
  return (
    `<div class="verdict fail">${refused} of ${total} runs were refused and left out of every ` +
    `figure below (their chain and model disagreed, or they did not finish):<ul>${items}</ul></div>`
  );
}

function facts(comparison: Comparison, createdAt: string): string {
  const { plan } = comparison;
  const sweep = plan.points.map(pointText).filter((t) => t !== "");
  const rows: [string, string][] = [
    [
      "Scenario",
      `${plan.scenario.name} (${plan.scenario.file}, sha256 ${plan.scenario.sha256.slice(0, 12)}…)`,
    ],
    [
      "Schemes",
      plan.schemes
        .map((s) => (s.label === s.scheme ? s.label : `${s.label} (${s.scheme})`))
        .join(", "),
    ],
    ["Baseline", plan.baseline],
    ["Seeds", `${plan.seeds.length}: ${plan.seeds.join(", ")}`],
    ["Sweep points", sweep.length === 0 ? "none" : sweep.join("; ")],
    ["Runs", `${plan.runs.length - comparison.refused.length} counted of ${plan.runs.length}`],
    ["Written at", createdAt],
  ];
  const body = rows
    .map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
    .join("");
  return `<table><tbody>${body}</tbody></table>`;
}

function figureBlock(id: string, caption: string): string {
  return (
    `<figure><figcaption>${escapeHtml(caption)}</figcaption>` +
    `<div class="chart"><canvas id="${id}"></canvas></div></figure>`
  );
}

const HOW_TO_READ = [
  "Each seed is one simulated city: the same citizens, drivers and random draws are replayed under every scheme (common random numbers), so a difference between schemes comes from the scheme, not from luck of the draw.",
  "A figure is the mean over the seeds, followed by its 95% confidence interval in brackets (Student's t with one fewer degrees of freedom than seeds): with more seeds the interval narrows.",
  "'vs baseline' is the difference from the baseline scheme, worked out seed by seed and then averaged, with its own 95% interval. In bold: the interval does not include zero, so the difference is very unlikely to be noise.",
  "Every run was replayed on a blockchain and checked against an independent model of the rules; a run where they disagreed is refused and left out.",
];

export function renderComparisonHtml(p: ComparisonHtmlParameters): string {
  const { comparison } = p;
  const title = `Reward schemes compared: ${comparison.plan.scenario.name}`;
  const body = [
    `<h1>${escapeHtml(title)}</h1>`,
    facts(comparison, p.createdAt),
    verdict(comparison),
    `<h2>Which scheme gives the most kilograms per won?</h2>`,
    `<div class="answer">${answerKgPerWon(comparison)
      .map((t) => `<p>${escapeHtml(t)}</p>`)
      .join("")}</div>`,
    figureBlock(
      "chart-kg-per-krw",
      "Kilograms of plastic collected for every 1,000 KRW the treasury paid out for credits during the run; whiskers are 95% intervals. Higher is cheaper.",
    ),
    figureBlock(
      "chart-kg-per-credit",
      "Kilograms collected for every 1,000 credits minted, redeemed yet or not (1 credit = 1 KRW the city owes); whiskers are 95% intervals. Higher is cheaper.",
    ),
    `<h2>Who gets the credits?</h2>`,
    `<p class="answer">${escapeHtml(answerGini(comparison))}</p>`,
    figureBlock(
      "chart-gini",
      "Inequality of credits earned among all citizens (0: everyone earned the same; 1: one citizen earned everything); whiskers are 95% intervals.",
    ),
    figureBlock(
      "chart-minted-vs-kg",
      "Credits minted against plastic collected, one dot per run: a steeper cloud means the scheme pays more per kilogram.",
    ),
    `<h2>Every figure side by side</h2>`,
    `<p class="note">Mean over seeds (95% interval); below it, the difference from the baseline ${escapeHtml(comparison.plan.baseline)} at the same sweep point.</p>`,
    sideBySideTables(comparison),
    `<h2>How to read this page</h2>`,
    `<ul>${HOW_TO_READ.map((t) => `<li>${escapeHtml(t)}</li>`).join("")}</ul>`,
    `<h2>Runs</h2>`,
    `<p class="note">Each run's own report (balances, every KPI, gas) is linked.</p>`,
    runTable(comparison, p.runLinks),
  ].join("\n");
  return [
    "<!DOCTYPE html>",
    `<html lang="en"><head><meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>`,
    body,
    `<script type="application/json" id="chart-data">${jsonIsland(chartData(comparison))}</script>`,
    `<script>${p.chartJs}</script>`,
    `<script>${CHART_SCRIPT}</script>`,
    "</body></html>",
    "",
  ].join("\n");
}
