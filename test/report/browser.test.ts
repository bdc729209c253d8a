/**
 * report.html in a real browser: a simulation of the mini pilot is written to a temporary
 * folder, and its page is opened from file:// in headless Chromium (Debian's, driven by
 * playwright-core). The page must load with no error, no request leaving the file, every
 * chart drawn by Chart.js, and headline figures equal to kpis.json's. A screenshot is left
 * next to the run for a person to look at.
 */
import { existsSync } from "node:fs";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

import { expect } from "chai";
import hre from "hardhat";
import { chromium, type Browser, type Page } from "playwright-core";

import { valueAt, type HeadlineFormat } from "../../src/report/report-headline.js";
import type { Kpis } from "../../src/report/index.js";
import { simulate } from "../../src/run/simulate.js";

const CHROMIUM = "/usr/bin/chromium";
const MINI = join(import.meta.dirname, "..", "run", "fixtures", "mini-pilot.yaml");
const CHART_IDS = [
  "chart-occupancy-by-hour",
  "chart-revenue-by-owner",
  "chart-kg-by-material",
  "chart-credits-over-time",
  "chart-lorenz",
  "chart-gas-cost",
];

/** The little of the page's globals the checks use (the project's TS has no DOM library). */
interface PageGlobals {
  document: { getElementById(id: string): CanvasLike | null };
  Chart?: { getChart(canvas: CanvasLike): DrawnChart | undefined };
}
interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: "2d"): {
    getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> };
  } | null;
}
interface DrawnChart {
  data: { datasets: { label?: string; data: unknown[] }[] };
}

interface CanvasState {
  chart: boolean;
  datasets: number;
  points: number;
  width: number;
  height: number;
  /** Pixels with any opacity: 0 means nothing was painted. */
  painted: number;
}

/** What Chart.js made of one canvas, read inside the page. */
async function canvasState(page: Page, id: string): Promise<CanvasState | null> {
  return page.evaluate((canvasId) => {
    const g = globalThis as unknown as PageGlobals;
    const canvas = g.document.getElementById(canvasId);
    if (canvas === null) return null;
    const chart = g.Chart?.getChart(canvas);
    const pixels = canvas.getContext("2d")?.getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let i = 3; pixels !== undefined && i < pixels.length; i += 4) {
      if ((pixels[i] ?? 0) > 0) painted += 1;
    }
    const datasets = chart?.data.datasets ?? [];
    return {
      chart: chart !== undefined,
      datasets: datasets.length,
      points: datasets.reduce((sum, d) => sum + d.data.length, 0),
      width: canvas.width,
      height: canvas.height,
      painted,
    };
  }, id);
}

/** The datasets a chart holds in the page, as Chart.js has them. */
async function chartData(page: Page, id: string): Promise<{ label: string; data: unknown[] }[]> {
  return page.evaluate((canvasId) => {
    const g = globalThis as unknown as PageGlobals;
    const canvas = g.document.getElementById(canvasId);
    const chart = canvas === null ? undefined : g.Chart?.getChart(canvas);
    return (chart?.data.datasets ?? []).map((d) => ({ label: d.label ?? "", data: d.data }));
  }, id);
}

const sum = (values: readonly unknown[]): number =>
  values.reduce<number>((total, v) => total + (typeof v === "number" ? v : 0), 0);

/** The number a headline shows (`1,234.5 KRW`, `23.4 %`, `–`), or null for the dash. */
function shownNumber(text: string): number | null {
  const match = /^-?[\d,]+(\.\d+)?/.exec(text.trim());
  return match === null ? null : Number(match[0].replace(/,/g, ""));
}

/** Checks one headline against kpis.json, to the precision its format promises. */
function expectShown(kpis: Kpis, path: string, format: HeadlineFormat, text: string): void {
  const value = valueAt(kpis, path);
  const shown = shownNumber(text);
  const where = `${path} shows ${JSON.stringify(text)}, kpis.json has ${JSON.stringify(value)}`;
  if (format === "whole") {
    expect(typeof value, where).to.equal("string");
    expect(text.replace(/,/g, "").split(" ")[0], where).to.equal(value);
    return;
  }
  if (value === null) {
    expect(shown, where).to.equal(null);
    return;
  }
  expect(typeof value, where).to.equal("number");
  const [scaled, halfStep] =
    format === "percent"
      ? [Number(value) * 100, 0.05]
      : format === "3dp"
        ? [Number(value), 0.0005]
        : [Number(value), 0.005];
  expect(shown, where).to.be.a("number");
  expect(Math.abs((shown ?? NaN) - scaled), where).to.be.at.most(halfStep + 1e-9);
}

describe("report: report.html in headless Chromium", function () {
  this.timeout(300_000);

  let browser: Browser | undefined;
  let page: Page;
  let kpis: Kpis;
  let root: string;
  const problems: string[] = [];

  before(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `${CHROMIUM} is missing: the report's browser test needs Debian's Chromium ` +
          "(apt-get install -y chromium; CI's .ci/run installs it)",
      );
    }
    root = await mkdtemp(join(tmpdir(), "city-pilot-report-"));
    const out = join(root, "run");
    await simulate(hre, { input: MINI, out, gasPriceGwei: "2", krwPerEth: "4000000" });
    kpis = JSON.parse(await readFile(join(out, "kpis.json"), "utf8")) as Kpis;

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
      ],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console error: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("request", (request) => {
      if (!/^(file|data):/.test(request.url())) problems.push(`request: ${request.url()}`);
    });
    await page.goto(pathToFileURL(join(out, "report.html")).href, { waitUntil: "load" });
  });

  after(async () => {
    await browser?.close();
  });

  it("loads with no console error, no page error and no request leaving the file", () => {
    expect(problems).to.deep.equal([]);
  });

  it("draws every chart: a Chart.js instance with data on a painted, non-empty canvas", async () => {
    const ids = await page
      .locator("canvas")
      .evaluateAll((canvases) => canvases.map((c) => (c as unknown as { id: string }).id));
    expect(ids).to.deep.equal(CHART_IDS);
    for (const id of CHART_IDS) {
      const state = await canvasState(page, id);
      expect(state, id).to.not.equal(null);
      expect(state?.chart, `${id}: Chart.getChart`).to.equal(true);
      expect(state?.datasets, `${id}: datasets`).to.be.greaterThan(0);
      expect(state?.points, `${id}: points`).to.be.greaterThan(0);
      expect(state?.width, `${id}: width`).to.be.greaterThan(0);
      expect(state?.height, `${id}: height`).to.be.greaterThan(0);
      expect(state?.painted, `${id}: painted pixels`).to.be.greaterThan(0);
      const box = await page.locator(`#${id}`).boundingBox();
      expect(box?.width ?? 0, `${id}: shown width`).to.be.greaterThan(0);
      expect(box?.height ?? 0, `${id}: shown height`).to.be.greaterThan(0);
    }
  });

  it("shows the headline figures of kpis.json, as rounded", async () => {
    const cards = page.locator(".kpi");
    const count = await cards.count();
    expect(count).to.be.at.least(8);
    const paths: string[] = [];
    for (let i = 0; i < count; i++) {
      const card = cards.nth(i);
      const path = (await card.getAttribute("data-kpi")) ?? "";
      const format = (await card.getAttribute("data-format")) as HeadlineFormat;
      expectShown(kpis, path, format, await card.locator(".kpi-value").innerText());
      paths.push(path);
    }
    expect(paths).to.include.members([
      "parking.occupancy.rate",
      "parking.charged",
      "recycling.kgCollected",
      "recycling.creditsMinted.total",
      "city.netCost",
      "series.gasCost.totalKrw",
    ]);
  });

  it("draws kpis.json's series: kg per day, credits outstanding, occupancy of all districts", async () => {
    const kg = await chartData(page, "chart-kg-by-material");
    const drawnKg = kg.reduce((total, d) => total + sum(d.data), 0);
    expect(Math.abs(drawnKg - kpis.recycling.kgCollected)).to.be.below(1e-9);
    const credits = await chartData(page, "chart-credits-over-time");
    const outstanding = credits.find((d) => d.label.startsWith("Outstanding"));
    expect(outstanding?.data.at(-1)).to.equal(Number(kpis.city.creditsOutstanding));
    const occupancy = await chartData(page, "chart-occupancy-by-hour");
    expect(occupancy[0]?.data).to.deep.equal(
      kpis.series.occupancyByHour.all.rate.map((r) => (r === null ? null : r * 100)),
    );
  });

  it("kpis.json's series add up to its KPIs over a whole generated run", () => {
    const s = kpis.series;
    const o = kpis.parking.occupancy;
    expect(sum(s.occupancyByHour.all.bookedUnitHours)).to.equal(o.bookedUnitHours);
    expect(sum(s.occupancyByHour.all.availableUnitHours)).to.equal(o.availableUnitHours);
    const kg = Object.values(s.kgByDay.byMaterial).reduce((total, v) => total + sum(v), 0);
    expect(Math.abs(kg - kpis.recycling.kgCollected)).to.be.below(1e-9);
    const total = (values: string[]) => values.reduce((t, v) => t + BigInt(v), 0n);
    expect(total(s.creditsByDay.minted)).to.equal(BigInt(kpis.recycling.creditsMinted.total));
    expect(total(s.creditsByDay.redeemed)).to.equal(BigInt(kpis.city.creditsRedeemed));
    expect(s.creditDistribution.gini).to.equal(kpis.recycling.giniOfCreditsEarned);
  });

  it("prices gas at the run's options", () => {
    expect(kpis.series.gasCost.gasPriceGwei).to.equal(2);
    expect(kpis.series.gasCost.krwPerEth).to.equal(4_000_000);
    // 2 gwei x 4,000,000 KRW/ETH / 1e9 gwei per ETH = 0.008 KRW per gas.
    const expected = kpis.gas.totalGas * 0.008;
    expect(Math.abs(kpis.series.gasCost.totalKrw - expected)).to.be.below(1e-6 * expected);
  });

  it("leaves a screenshot of the whole page", async () => {
    const file = join(root, "report.png");
    await page.screenshot({ path: file, fullPage: true });
    expect(existsSync(file)).to.equal(true);
    console.log(`      screenshot: ${file}`);
  });
});
