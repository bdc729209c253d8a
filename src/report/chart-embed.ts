/**
 * Charts in a page that must work offline and from file://: Chart.js's UMD build is read
 * from node_modules when the page is rendered and inlined, each chart's configuration is a
 * JSON block next to its <canvas>, and one small script hands every canvas to Chart.js. The
 * configurations are plain data built (and type-checked) here, so the browser runs no code
 * of ours beyond that loop, and every figure a chart draws can be read back from the page.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

import type { ChartConfiguration } from "chart.js";

import { escapeHtml } from "./html.js";

/** The chart types the report draws; their configurations are JSON, never functions. */
export type ChartConfig =
  | ChartConfiguration<"bar", number[], string>
  | ChartConfiguration<"line", (number | null)[], string>
  | ChartConfiguration<"scatter", { x: number; y: number }[]>;

export interface ChartSpec {
  /** The canvas's id, stable across runs (the tests and readers find charts by it). */
  id: string;
  title: string;
  /** One or two sentences: what is drawn, and how to read it. */
  caption: string;
  config: ChartConfig;
  /** Markup shown under the caption (a table of the same figures), already escaped. */
  after?: string;
}

/** Colours that stay apart for the few series a chart has (districts, materials). */
export const PALETTE = [
  "#1f77b4",
  "#ff7f0e",
  "#2ca02c",
  "#d62728",
  "#9467bd",
  "#8c564b",
  "#e377c2",
  "#7f7f7f",
  "#bcbd22",
  "#17becf",
];

export const colour = (index: number): string => PALETTE[index % PALETTE.length] ?? "#444";

/** Options every chart shares: no animation (a drawn page is final), sized by its box. */
export const BASE_OPTIONS = {
  animation: false,
  responsive: true,
  maintainAspectRatio: false,
} as const;

/** An axis title. */
export const axisTitle = (text: string) => ({ display: true, text }) as const;

let chartJs: string | undefined;

/** Chart.js's UMD build (it defines the global `Chart`), read once per process. */
export function chartJsSource(): string {
  if (chartJs === undefined) {
    // The package's exports map hides dist/, so find it beside the main entry point.
    const main = createRequire(import.meta.url).resolve("chart.js");
    chartJs = readFileSync(join(dirname(main), "chart.umd.min.js"), "utf8");
  }
  return chartJs;
}

/**
 * JSON that is safe inside a <script> element: `<` cannot open `</script>` or `<!--`, and
 * the two line separators JavaScript once refused are escaped too. JSON.parse reads it back.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** Script text inlined as it is, except that it cannot close its own element early. */
export function inlineScript(source: string): string {
  return `<script>${source.replace(/<\/(script)/gi, "<\\/$1")}</script>`;
}

const configId = (id: string): string => `${id}-config`;

/** A chart as a figure: title, canvas, its configuration as JSON, and the caption. */
export function chartFigure(spec: ChartSpec): string {
  const id = escapeHtml(spec.id);
  return [
    `<figure class="chart" id="${id}-figure">`,
    `<h3>${escapeHtml(spec.title)}</h3>`,
    `<div class="chart-box"><canvas id="${id}" data-chart-config="${escapeHtml(configId(spec.id))}"`,
    ` role="img" aria-label="${escapeHtml(spec.title)}"></canvas></div>`,
    `<script type="application/json" id="${escapeHtml(configId(spec.id))}">`,
    scriptJson(spec.config),
    "</script>",
    `<figcaption>${escapeHtml(spec.caption)}</figcaption>`,
    spec.after ?? "",
    "</figure>",
  ].join("");
}

/** Hands every canvas to Chart.js with the configuration its data attribute names. */
const BOOT = `"use strict";
for (const canvas of document.querySelectorAll("canvas[data-chart-config]")) {
  const config = document.getElementById(canvas.dataset.chartConfig);
  new Chart(canvas, JSON.parse(config.textContent));
}`;

/** Chart.js, then the loop that draws the charts: the page's last elements. */
export function chartScripts(): string {
  return inlineScript(chartJsSource()) + inlineScript(BOOT);
}
