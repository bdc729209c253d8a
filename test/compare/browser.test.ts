/**
 * comparison.html in a real browser: a compare of two schemes over two seeds of the mini
 * pilot, opened from file:// in headless Chromium. The page must load with no error and no
 * request leaving the file, draw every chart with Chart.js, and chart the same means as
 * comparison.csv. A screenshot is left next to the comparison.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { expect } from "chai";
import hre from "hardhat";

import compare from "../../tasks/compare.js";
import { openInChromium, type OpenedPage } from "../helpers/browser.js";
import { expectCloseTo } from "../helpers/close-to.js";
import { MINI, runTask } from "./helpers.js";

const CHART_IDS = ["chart-kg-per-krw", "chart-kg-per-credit", "chart-gini", "chart-minted-vs-kg"];

interface DrawnCanvas {
  drawn: boolean;
  width: number;
  datasets: number;
  firstData: unknown[];
}

/** The little of the page's globals the checks read (the project's TS has no DOM library). */
interface PageGlobals {
  document: { getElementById(id: string): { width: number } | null };
  Chart?: {
    getChart(canvas: unknown): { data: { datasets: { data: unknown[] }[] } } | undefined;
  };
}

function csvColumn(csv: string, column: string): number[] {
  const [header = "", ...rows] = csv.trim().split("\n");
  const index = header.split(",").indexOf(column);
  expect(index, `column ${column}`).to.be.greaterThan(-1);
  return rows.map((row) => Number(row.split(",")[index]));
}

describe("comparison.html in Chromium", function () {
  this.timeout(600_000);
  let opened: OpenedPage;
  let out: string;

  before(async () => {
    out = join(mkdtempSync(join(tmpdir(), "city-pilot-compare-")), "compare");
    const options = { scenario: MINI, schemes: "flat,material", runs: "2", workers: "2" };
    const run = await runTask(compare, { ...options, noSweep: true, out }, hre);
    expect(run.exitCode, run.err.join("\n")).to.equal(undefined);
    opened = await openInChromium(join(out, "comparison.html"));
  });

  after(async () => {
    await opened?.browser.close();
  });

  it("loads with no console error, no page error and no request leaving the file", () => {
    expect(opened.problems).to.deep.equal([]);
  });

  it("draws every chart with Chart.js", async () => {
    for (const id of CHART_IDS) {
      const state = await opened.page.evaluate((canvasId: string): DrawnCanvas | null => {
        const page = globalThis as unknown as PageGlobals;
        const canvas = page.document.getElementById(canvasId);
        if (canvas === null) return null;
        const chart = page.Chart?.getChart(canvas);
        return {
          drawn: chart !== undefined,
          width: canvas.width,
          datasets: chart?.data.datasets.length ?? 0,
          firstData: chart?.data.datasets[0]?.data ?? [],
        };
      }, id);
      expect(state, id).to.not.equal(null);
      expect(state?.drawn, id).to.equal(true);
      expect(state?.width, id).to.be.greaterThan(0);
      expect(state?.datasets, id).to.be.greaterThan(0);
      expect(state?.firstData.length, id).to.be.greaterThan(0);
    }
  });

  it("charts kg per 1,000 KRW paid out with the means of comparison.csv", async () => {
    const csv = readFileSync(join(out, "comparison.csv"), "utf8");
    const expected = csvColumn(csv, "kg_per_1000_krw_paid_out_mean");
    const charted = await opened.page.evaluate((): unknown[] => {
      const page = globalThis as unknown as PageGlobals;
      const canvas = page.document.getElementById("chart-kg-per-krw");
      return page.Chart?.getChart(canvas)?.data.datasets[0]?.data ?? [];
    });
    expect(charted.length).to.equal(expected.length);
    charted.forEach((value, i) => {
      const mean = typeof value === "number" ? value : Number((value as { y?: number }).y);
      expectCloseTo(mean, expected[i] ?? Number.NaN, 1e-6, `row ${i}`);
    });
  });

  it("leaves a screenshot of the whole page", async () => {
    const file = join(out, "comparison.png");
    await opened.page.screenshot({ path: file, fullPage: true });
    expect(readFileSync(file).subarray(1, 4).toString()).to.equal("PNG");
    console.log(`      screenshot: ${file}`);
  });
});
