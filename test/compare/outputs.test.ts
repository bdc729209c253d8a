/** comparison.csv's figures and columns, and comparison.html's parts, from a built comparison. */
import { expect } from "chai";

import { jsonIsland } from "../../src/compare/charts.js";
import { comparisonCsvHeader, csvNumber, formatComparisonCsv } from "../../src/compare/csv.js";
import { differenceText, estimateText } from "../../src/compare/html-parts.js";
import { renderComparisonHtml } from "../../src/compare/html.js";
import { METRICS, type MetricValues } from "../../src/compare/metrics.js";
import type { RunResult } from "../../src/compare/results.js";
import { buildComparison } from "../../src/compare/table.js";
import { loadMini, planOf } from "./helpers.js";

function values(kg: number, minted: number): MetricValues {
  const base = Object.fromEntries(METRICS.map((m) => [m.key, 1])) as Record<string, number>;
  return { ...base, kg_collected: kg, credits_minted: minted } as MetricValues;
}

function comparison() {
  const { plan } = planOf(loadMini(), { schemes: "flat,material", runs: 2 });
  const results = new Map<string, RunResult>(
    plan.runs.map((run, i) => [
      run.id,
      { id: run.id, ok: true, values: values(10 + (run.seed % 2), 1000 * (i + 1)) },
    ]),
  );
  return buildComparison(plan, results);
}

describe("comparison outputs", () => {
  it("writes figures to six decimals, without trailing zeros or a negative zero", () => {
    expect(csvNumber(1500)).to.equal("1500");
    expect(csvNumber(1 / 3)).to.equal("0.333333");
    expect(csvNumber(-0.0000001)).to.equal("0");
    expect(csvNumber(2.5)).to.equal("2.5");
    expect(csvNumber(-12.75)).to.equal("-12.75");
  });

  it("has one row per scheme and sweep point, eight columns per KPI", () => {
    const header = comparisonCsvHeader();
    expect(header.slice(0, 7)).to.deep.equal([
      "scheme",
      "scheme_type",
      "sweep",
      "baseline",
      "seeds",
      "seeds_included",
      "seeds_refused",
    ]);
    expect(header).to.have.length(7 + 8 * METRICS.length);
    expect(header).to.include("kg_per_1000_krw_paid_out_diff_ci_high");
    const lines = formatComparisonCsv(comparison()).trim().split("\n");
    expect(lines).to.have.length(1 + 3 * 2);
    expect(lines.slice(1).map((l) => l.split(",").slice(0, 3).join(","))).to.deep.equal([
      "flat,flat,flat.ratePerKg=200",
      "material,material,flat.ratePerKg=200",
      "flat,flat,flat.ratePerKg=300",
      "material,material,flat.ratePerKg=300",
      "flat,flat,flat.ratePerKg=400",
      "material,material,flat.ratePerKg=400",
    ]);
    expect(lines.every((l) => l.split(",").length === header.length)).to.equal(true);
  });

  it("writes estimates and differences for a reader", () => {
    expect(estimateText({ n: 3, mean: 1234.5, ci: [1000, 1469] }, 1)).to.equal(
      "1,234.5 (1,000.0 to 1,469.0)",
    );
    expect(estimateText({ n: 1, mean: 2, ci: null }, 0)).to.equal("2 (one seed: no interval)");
    expect(estimateText(null, 2)).to.equal("–");
    expect(differenceText({ n: 2, mean: 0.5, ci: [-0.25, 1.25] }, 2)).to.equal(
      "+0.50 (-0.25 to +1.25)",
    );
    expect(differenceText({ n: 2, mean: -0.0001, ci: [-0.0002, 0] }, 2)).to.equal(
      "0.00 (0.00 to 0.00)",
    );
  });

  it("renders a page with the questions, a table per sweep point and embedded chart data", () => {
    const html = renderComparisonHtml({
      comparison: comparison(),
      chartJs: "/* chart.js */",
      runLinks: new Map([["material-s20260406", "runs/material-s20260406/report.html"]]),
      createdAt: "2026-01-01T00:00:00.000Z",
    });
    expect(html).to.include("<h2>Which scheme gives the most kilograms per won?</h2>");
    expect(html).to.include("<h2>Who gets the credits?</h2>");
    expect(html.match(/<h3>Sweep point: /g)).to.have.length(3);
    expect(html).to.include("<h3>Sweep point: flat.ratePerKg=300</h3>");
    expect(html).to.include('<a href="runs/material-s20260406/report.html">');
    expect(html).to.include("All 8 runs reconciled");
    expect(html).to.include('<script type="application/json" id="chart-data">');
    expect(html).to.include("/* chart.js */");
  });

  it("keeps JSON inside a script element from closing it", () => {
    expect(jsonIsland({ label: "</script><b>" })).to.equal('{"label":"\\u003c/script>\\u003cb>"}');
  });
});
