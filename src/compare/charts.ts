/**
 * The charts of comparison.html, drawn by chart.js embedded in the page (its UMD build,
 * read from node_modules), so the page works offline and from any folder. The figures go
 * in as a JSON island; a small script draws bars with 95% interval whiskers (chart.js has
 * no error bars of its own) and the scatter of every counted run.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

import type { MetricKey } from "./metrics.js";
import { distinctRows, type Comparison } from "./table.js";

interface BarSeries {
  label: string;
  mean: (number | null)[];
  ci: ([number, number] | null)[];
}

interface ScatterSeries {
  label: string;
  points: { x: number; y: number; seed: number }[];
}

export interface ChartData {
  categories: string[];
  kgPerKrw: BarSeries[];
  kgPerCredit: BarSeries[];
  gini: BarSeries[];
  mintedVsKg: ScatterSeries[];
}

function barSeries(comparison: Comparison, key: MetricKey, label: string): BarSeries {
  const rows = distinctRows(comparison);
  return {
    label,
    mean: rows.map((r) => r.metrics[key].estimate?.mean ?? null),
    ci: rows.map((r) => {
      const ci = r.metrics[key].estimate?.ci;
      return ci === undefined || ci === null ? null : [ci[0], ci[1]];
    }),
  };
}

function scatter(comparison: Comparison): ScatterSeries[] {
  const { plan, results } = comparison;
  return distinctRows(comparison).map((row) => ({
    label: row.caption,
    points: plan.runs
      .filter((run) => run.variant === row.variant)
      .flatMap((run) => {
        const result = results.get(run.id);
        if (result?.ok !== true) return [];
        const x = result.values.kg_collected;
        const y = result.values.credits_minted;
        return x === null || y === null ? [] : [{ x, y, seed: run.seed }];
      }),
  }));
}

export function chartData(comparison: Comparison): ChartData {
  return {
    categories: distinctRows(comparison).map((r) => r.caption),
    // Two charts, not one: early in a pilot little is redeemed, so the first figure can be
    // many times the second and would flatten it on a shared axis.
    kgPerKrw: [barSeries(comparison, "kg_per_1000_krw_paid_out", "kg per 1,000 KRW paid out")],
    kgPerCredit: [
      barSeries(comparison, "kg_per_1000_credits_minted", "kg per 1,000 credits minted"),
    ],
    gini: [barSeries(comparison, "gini_credits", "Gini of credits earned")],
    mintedVsKg: scatter(comparison),
  };
}

/** JSON that can sit inside a `<script>` element: `<` escaped, so no tag can close it. */
export function jsonIsland(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

/** chart.js's UMD build, without its source map comment (nothing to fetch offline). */
export async function loadChartJs(): Promise<string> {
  const entry = createRequire(import.meta.url).resolve("chart.js");
  const code = await readFile(join(dirname(entry), "chart.umd.min.js"), "utf8");
  // A `</script` inside the code would end the element early; chart.js has none, but be sure.
  return code.replace(/\/\/# sourceMappingURL=\S*\s*$/, "").replace(/<\/script/gi, "<\\/script");
}

/** Draws the charts from the JSON island `#chart-data` into the canvases named below. */
export const CHART_SCRIPT = `
(function () {
  var data = JSON.parse(document.getElementById("chart-data").textContent);
  if (typeof Chart === "undefined") return;
  var colours = ["#1b6ca8", "#e07b39", "#3c9d5d", "#b8336a", "#7a5195", "#8c8c8c", "#c9a227"];
  var whiskers = {
    id: "whiskers",
    afterDatasetsDraw: function (chart) {
      var ctx = chart.ctx, y = chart.scales.y;
      chart.data.datasets.forEach(function (ds, i) {
        var meta = chart.getDatasetMeta(i);
        if (meta.hidden || !ds.ci) return;
        meta.data.forEach(function (bar, j) {
          var ci = ds.ci[j];
          if (!ci) return;
          var top = y.getPixelForValue(ci[1]), bottom = y.getPixelForValue(ci[0]);
          ctx.save();
          ctx.strokeStyle = "#222";
          ctx.lineWidth = 1.5;
          ctx.beginPath();
          ctx.moveTo(bar.x, top); ctx.lineTo(bar.x, bottom);
          ctx.moveTo(bar.x - 5, top); ctx.lineTo(bar.x + 5, top);
          ctx.moveTo(bar.x - 5, bottom); ctx.lineTo(bar.x + 5, bottom);
          ctx.stroke();
          ctx.restore();
        });
      });
    }
  };
  function fmt(v) { return v === null ? "–" : Number(v.toPrecision(4)).toLocaleString("en-US"); }
  function bars(id, series, yTitle, colour) {
    // The axis must reach the whiskers, below zero too when an interval crosses it.
    var ends = [0];
    series.forEach(function (s) {
      s.ci.forEach(function (c) { if (c) ends.push(c[0], c[1]); });
      s.mean.forEach(function (m) { if (m !== null) ends.push(m); });
    });
    new Chart(document.getElementById(id), {
      type: "bar",
      data: {
        labels: data.categories,
        datasets: series.map(function (s, i) {
          return { label: s.label, data: s.mean, ci: s.ci, backgroundColor: colours[(colour + i) % colours.length] };
        })
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: { y: { suggestedMin: Math.min.apply(null, ends), suggestedMax: Math.max.apply(null, ends) * 1.05,
          title: { display: true, text: yTitle } } },
        plugins: { tooltip: { callbacks: { label: function (c) {
          var ci = c.dataset.ci[c.dataIndex];
          return c.dataset.label + ": " + fmt(c.raw) + (ci ? " (95% CI " + fmt(ci[0]) + " to " + fmt(ci[1]) + ")" : "");
        } } } }
      },
      plugins: [whiskers]
    });
  }
  bars("chart-kg-per-krw", data.kgPerKrw, "kg per 1,000 KRW paid out", 0);
  bars("chart-kg-per-credit", data.kgPerCredit, "kg per 1,000 credits minted", 1);
  bars("chart-gini", data.gini, "Gini (0 = equal)", 4);
  new Chart(document.getElementById("chart-minted-vs-kg"), {
    type: "scatter",
    data: { datasets: data.mintedVsKg.map(function (s, i) {
      return { label: s.label, data: s.points, pointRadius: 5, backgroundColor: colours[i % colours.length] };
    }) },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: { x: { title: { display: true, text: "plastic collected (kg)" } },
        y: { title: { display: true, text: "credits minted" } } },
      plugins: { tooltip: { callbacks: { label: function (c) {
        return c.dataset.label + ", seed " + c.raw.seed + ": " + fmt(c.raw.x) + " kg, " + fmt(c.raw.y) + " credits";
      } } } }
    }
  });
})();
`;
