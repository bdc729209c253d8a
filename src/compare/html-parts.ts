/**
 * Pieces of comparison.html: figures with their intervals, the side-by-side tables, the run
 * list. Every text goes through `escapeHtml` (labels and captions come from the scenario).
 */
import { escapeHtml } from "../report/html.js";
import { METRICS, type MetricDefinition } from "./metrics.js";
import { pointText } from "./variants.js";
import { excludesZero, type Estimate } from "./statistics.js";
import type { Comparison, ComparisonRow } from "./table.js";

const formats = new Map<number, Intl.NumberFormat>();

/** A figure with `digits` decimals, grouped (`12,345.6`). */
export function formatFigure(value: number, digits: number): string {
  let format = formats.get(digits);
  if (format === undefined) {
    format = new Intl.NumberFormat("en-US", {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formats.set(digits, format);
  }
  const text = format.format(value);
  // Rounding can leave a negative zero ("-0.0"), which reads as a difference that is not there.
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}

const signed = (value: number, digits: number): string => {
  const text = formatFigure(value, digits);
  return value > 0 && text !== formatFigure(0, digits) ? `+${text}` : text;
};

/** `12.3 (9.8 to 14.8)`, or the mean alone for one seed, or a dash for no value. */
export function estimateText(e: Estimate | null, digits: number): string {
  if (e === null) return "–";
  const mean = formatFigure(e.mean, digits);
  if (e.ci === null) return `${mean} (one seed: no interval)`;
  return `${mean} (${formatFigure(e.ci[0], digits)} to ${formatFigure(e.ci[1], digits)})`;
}

export function differenceText(e: Estimate | null, digits: number): string {
  if (e === null) return "–";
  const mean = signed(e.mean, digits);
  if (e.ci === null) return mean;
  return `${mean} (${signed(e.ci[0], digits)} to ${signed(e.ci[1], digits)})`;
}

function metricCell(row: ComparisonRow, metric: MetricDefinition): string {
  const cell = row.metrics[metric.key as keyof ComparisonRow["metrics"]];
  const main = `<div>${escapeHtml(estimateText(cell.estimate, metric.digits))}</div>`;
  if (row.isBaseline) return `<td class="n">${main}<div class="note">baseline</div></td>`;
  const diff = escapeHtml(differenceText(cell.difference, metric.digits));
  const strong = excludesZero(cell.difference);
  const line = strong ? `<strong>${diff}</strong>` : diff;
  return `<td class="n">${main}<div class="note">vs baseline: ${line}</div></td>`;
}

/** KPIs down, schemes across: one table for the rows of one sweep point. */
export function sideBySide(rows: readonly ComparisonRow[]): string {
  const head = rows
    .map((r) => `<th>${escapeHtml(r.label)}<div class="note">${seedsNote(r)}</div></th>`)
    .join("");
  const body = METRICS.map((metric) => {
    const name =
      `<th scope="row">${escapeHtml(metric.title)}<div class="note">` +
      `${escapeHtml(metric.unit)}. ${escapeHtml(metric.meaning)}</div></th>`;
    return `<tr>${name}${rows.map((r) => metricCell(r, metric)).join("")}</tr>`;
  });
  return (
    `<table class="side"><thead><tr><th>KPI</th>${head}</tr></thead>` +
    `<tbody>${body.join("")}</tbody></table>`
  );
}

function seedsNote(row: ComparisonRow): string {
  const counted = `${row.seedsIncluded.length} seed(s)`;
  if (row.seedsRefused.length === 0) return counted;
  return `${counted}; <span class="bad">${row.seedsRefused.length} refused</span>`;
}

/** One side-by-side table per sweep point, headed by the point's values. */
export function sideBySideTables(comparison: Comparison): string {
  const { plan } = comparison;
  return plan.points
    .map((point, index) => {
      const rows = comparison.rows.filter((r) => r.point === index);
      const text = pointText(point);
      const heading = text === "" ? "" : `<h3>Sweep point: ${escapeHtml(text)}</h3>`;
      return heading + sideBySide(rows);
    })
    .join("");
}

/** Every planned run: scheme, seed, whether it counts (and why not), a link to its report. */
export function runTable(comparison: Comparison, links: ReadonlyMap<string, string>): string {
  const rows = comparison.plan.runs.map((run) => {
    const result = comparison.results.get(run.id);
    const status =
      result?.ok === true
        ? `<span class="good">counted</span>`
        : `<span class="bad">refused: ${escapeHtml(result?.reason ?? "not run")}</span>`;
    const href = links.get(run.id);
    const link =
      href === undefined ? "" : `<a href="${escapeHtml(href)}">${escapeHtml(run.id)}</a>`;
    const caption = comparison.plan.variants.find((v) => v.id === run.variant)?.caption ?? "";
    return (
      `<tr><td>${link === "" ? escapeHtml(run.id) : link}</td><td>${escapeHtml(caption)}</td>` +
      `<td class="n">${run.seed}</td><td>${status}</td></tr>`
    );
  });
  return (
    `<table><thead><tr><th>run</th><th>scheme</th><th>seed</th><th>status</th></tr></thead>` +
    `<tbody>${rows.join("")}</tbody></table>`
  );
}
