import { expect } from "chai";

import {
  GasCollector,
  buildManifest,
  computeKpis,
  escapeHtml,
  renderReportHtml,
  type Kpis,
  type ReportHtmlParameters,
} from "../../src/report/index.js";
import { manifestParameters } from "./fixture-manifest.js";
import { runPilot } from "./pilot-run.js";

function pilotKpis(): Kpis {
  const run = runPilot();
  const gas = new GasCollector();
  gas.add({
    line: 1,
    kind: "parking.book",
    time: 0,
    status: "ok",
    gasUsed: 150_000,
    txGasUsed: 150_000,
    txCount: 1,
    batchSize: 1,
    timestamp: 0,
  });
  return computeKpis(run.state, gas.stats(), run.context);
}

interface ChartJson {
  type: string;
  data: { labels?: string[]; datasets: { label?: string; data: unknown[] }[] };
}

/** The JSON configuration of one chart, read back from the page. */
function chartConfig(html: string, id: string): ChartJson {
  const block = new RegExp(`<script type="application/json" id="${id}-config">([^<]*)</script>`);
  const json = block.exec(html)?.[1];
  if (json === undefined) throw new Error(`no configuration for ${id}`);
  return JSON.parse(json) as ChartJson;
}

function render(overrides: Partial<ReportHtmlParameters> = {}): string {
  return renderReportHtml({
    manifest: buildManifest(manifestParameters()),
    kpis: pilotKpis(),
    differences: [],
    mismatches: [],
    ...overrides,
  });
}

describe("report: report.html", () => {
  it("is one self-contained page: Chart.js inlined, nothing loaded from elsewhere", () => {
    const html = render();
    expect(html.startsWith("<!DOCTYPE html>")).to.equal(true);
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    // Inline code (no src) or a chart's JSON data: nothing for the browser to fetch.
    for (const [, attributes] of scripts) {
      expect(attributes).to.match(/^(| type="application\/json" id="chart-[a-z-]+-config")$/);
    }
    expect(scripts.some(([, , body]) => body?.includes("Chart.js v4"))).to.equal(true);
    const markup = html.replace(/<script[^>]*>[\s\S]*?<\/script>/g, "");
    expect(markup).to.not.match(/<script|<link|<img|<iframe|src=|href=|url\(|@import/i);
  });

  it("shows the verdict, the KPIs with units, and gas per operation", () => {
    const html = render();
    expect(html).to.include('class="verdict ok"');
    expect(html).to.include("Slot occupancy");
    expect(html).to.include("6.9 %"); // 5 of 72 hours
    expect(html).to.include("11,300 KRW");
    expect(html).to.include("2,825 KRW/h");
    expect(html).to.include("Net cost to the city");
    expect(html).to.include("Gini of credits earned");
    expect(html).to.include("<td>parking.book</td>");
    expect(html).to.include('<td class="n">150,000</td>');
  });

  it("a failed reconciliation says so and lists what differed", () => {
    const manifest = buildManifest(
      manifestParameters({ reconciliation: { differences: 1, mismatches: 1 } }),
    );
    const html = render({
      manifest,
      differences: [{ account: "d1", asset: "krw", model: 17_000n, chain: 16_999n }],
      mismatches: [
        {
          line: 14,
          kind: "parking.book",
          expected: "ok",
          actual: "reverted (ParkingSlotAlreadyBooked)",
        },
      ],
    });
    expect(html).to.include('class="verdict fail"');
    expect(html).to.include("<td>d1</td><td>krw</td>");
    expect(html).to.include("16,999");
    expect(html).to.include("reverted (ParkingSlotAlreadyBooked)");
  });

  it("escapes every name that comes from the input", () => {
    const manifest = buildManifest(
      manifestParameters({
        input: { file: "<script>alert(1)</script>.yaml", kind: "scenario", sha256: "00" },
      }),
    );
    const kpis = pilotKpis();
    kpis.parking.revenueByOwner = { '<img src=x onerror="alert(1)">': "5" };
    const html = render({ manifest, kpis });
    expect(html).to.not.include("<script>alert");
    expect(html).to.not.include("<img");
    expect(html).to.include("&lt;script&gt;alert(1)&lt;/script&gt;.yaml");
    expect(html).to.include("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });

  it("keeps a name in a chart's JSON from closing its script element", () => {
    const kpis = pilotKpis();
    const name = "</script><script>alert(1)</script>";
    kpis.parking.revenueByOwner = { [name]: "5" };
    const html = render({ kpis });
    expect(html).to.not.include("<script>alert");
    const config = chartConfig(html, "chart-revenue-by-owner");
    expect(config.data.labels).to.deep.equal([name]);
  });

  it("draws six charts, each a canvas with a stable id and its data as JSON", () => {
    const html = render();
    const ids = [...html.matchAll(/<canvas id="([^"]+)" data-chart-config="([^"]+)"/g)];
    expect(ids.map(([, id]) => id)).to.deep.equal([
      "chart-occupancy-by-hour",
      "chart-revenue-by-owner",
      "chart-kg-by-material",
      "chart-credits-over-time",
      "chart-lorenz",
      "chart-gas-cost",
    ]);
    for (const [, id, configId] of ids) expect(configId).to.equal(`${id}-config`);
    expect(html.match(/<figcaption>/g)).to.have.length(6);
  });

  it("charts the series of kpis.json: occupancy in %, kg stacked by material, Lorenz in %", () => {
    const html = render();
    const kpis = pilotKpis();
    const occupancy = chartConfig(html, "chart-occupancy-by-hour");
    expect(occupancy.type).to.equal("line");
    expect(occupancy.data.labels?.[9]).to.equal("09:00");
    const songdo = occupancy.data.datasets.find((d) => d.label === "songdo");
    expect(songdo?.data.slice(8, 13)).to.deep.equal([0, 50, 100, 50, 0]);
    const kg = chartConfig(html, "chart-kg-by-material");
    expect(kg.data.labels).to.deep.equal(kpis.series.kgByDay.days);
    // Materials nobody brought are left out of the legend.
    expect(kg.data.datasets.map((d) => d.label)).to.deep.equal(["CLEAR_PET", "PET", "HDPE", "PP"]);
    const lorenz = chartConfig(html, "chart-lorenz");
    expect(lorenz.data.datasets[0]?.data.at(-1)).to.deep.equal({ x: 100, y: 100 });
  });

  it("headline cards show kpis.json's figures with units, and name their path", () => {
    const html = render();
    expect(html).to.include(
      '<div class="kpi" data-kpi="parking.occupancy.rate" data-format="percent">',
    );
    expect(html).to.include('<div class="kpi-value">6.9 %</div>');
    expect(html).to.include('<div class="kpi-value">11,300 KRW</div>');
    expect(html).to.include('<div class="kpi-value">9.5 kg</div>');
    expect(html).to.include('<div class="kpi-value">570 KRW</div>');
    // Default pricing: 150,000 gas x 1 gwei x 5,000,000 KRW/ETH = 750 KRW.
    expect(html).to.include('<div class="kpi-value">750 KRW</div>');
    expect(html).to.include("the default assumption");
  });

  it("escapeHtml covers the five special characters", () => {
    expect(escapeHtml(`&<>"'`)).to.equal("&amp;&lt;&gt;&quot;&#39;");
  });
});
