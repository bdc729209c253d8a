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
  it("is one self-contained page: no scripts, links or images from elsewhere", () => {
    const html = render();
    expect(html.startsWith("<!DOCTYPE html>")).to.equal(true);
    expect(html).to.not.match(/<script|<link|<img|<iframe|src=|href=|url\(|@import/i);
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

  it("escapeHtml covers the five special characters", () => {
    expect(escapeHtml(`&<>"'`)).to.equal("&amp;&lt;&gt;&quot;&#39;");
  });
});
