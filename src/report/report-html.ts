/**
 * report.html: one self-contained page (Chart.js inlined; no scripts, fonts or images from
 * elsewhere, so it opens offline and from file://) that a policy analyst can read without
 * the JSON: the reconciliation verdict, headline KPIs, charts with captions, the KPI tables
 * with their units and meaning, gas per operation and its cost in KRW, and the run's facts.
 */
import type { BalanceDifference } from "../reconcile/balances.js";
import type { OutcomeMismatch } from "../reconcile/outcomes.js";
import {
  STYLE,
  escapeHtml,
  facts,
  figure,
  groupDigits,
  paragraph,
  section,
  table,
} from "./html.js";
import { chartFigure, chartScripts } from "./chart-embed.js";
import { gasCostChart } from "./charts-gas.js";
import { occupancyChart, revenueByOwnerChart } from "./charts-parking.js";
import { creditsChart, kgByMaterialChart, lorenzChart } from "./charts-recycling.js";
import { headlineCards } from "./report-headline.js";
import { cityTable, parkingTables, recyclingTables } from "./report-kpi-tables.js";
import type { GasKpis, Kpis } from "./kpi-types.js";
import type { RunManifest } from "./manifest.js";
import type { GasSummary } from "./gas.js";

export interface ReportHtmlParameters {
  manifest: RunManifest;
  kpis: Kpis;
  /** The reconciler's lists (it keeps the first few hundred; the manifest has the counts). */
  differences: readonly BalanceDifference[];
  mismatches: readonly OutcomeMismatch[];
  /** Rows listed per table of differences or mismatches. Default 50. */
  maxListed?: number;
}

function runTable(m: RunManifest): string {
  const seconds = (s: number | null): string => (s === null ? "not run" : `${s.toFixed(1)} s`);
  const rows: [string, string][] = [
    ["Input", `${m.input.file} (${m.input.kind}, sha256 ${m.input.sha256.slice(0, 12)}…)`],
    ["Seed", m.seed === null ? "none (trace input)" : String(m.seed)],
    ["Initial reward scheme", m.scheme.name],
    ["Network", `${m.network.name} (chain id ${m.network.chainId})`],
    ["Solidity compiler", m.compiler.versions.join(", ")],
    [
      "Code",
      `${m.code.name} ${m.code.version}${m.code.commit === null ? "" : ` @ ${m.code.commit.slice(0, 10)}`}`,
    ],
    [
      "Events, transactions, blocks",
      `${m.counts.events}, ${m.counts.transactions}, ${m.counts.blocks}`,
    ],
    [
      "Replay, model, reconcile time",
      [m.timings.replay, m.timings.model, m.timings.reconcile].map(seconds).join(", "),
    ],
    ["Written at", m.createdAt],
  ];
  return facts(rows);
}

function verdict(p: ReportHtmlParameters): string {
  const r = p.manifest.reconciliation;
  if (r.ok) {
    return `<p class="verdict ok">${escapeHtml(
      "Chain and reference model agree: every balance and every event outcome matches, so the figures below hold for both.",
    )}</p>`;
  }
  const text =
    `Chain and reference model disagree: ${r.differences} balance difference(s), ` +
    `${r.mismatches} event outcome mismatch(es), ${r.unpaired} event(s) seen by one side only. ` +
    "The KPIs below are the model's and cannot be trusted until this is explained.";
  return `<p class="verdict fail">${escapeHtml(text)}</p>`;
}

function reconciliationLists(p: ReportHtmlParameters): string {
  const max = p.maxListed ?? 50;
  const parts: string[] = [];
  if (p.differences.length > 0) {
    const rows = p.differences
      .slice(0, max)
      .map((d) => [
        d.account,
        d.asset,
        figure(groupDigits(d.model.toString())),
        figure(groupDigits(d.chain.toString())),
      ]);
    parts.push(table(["Account", "Asset", "Model", "Chain"], rows));
  }
  if (p.mismatches.length > 0) {
    const rows = p.mismatches
      .slice(0, max)
      .map((m) => [figure(String(m.line)), m.kind, m.expected, m.actual]);
    parts.push(table(["Trace line", "Event", "Model expected", "Chain did"], rows));
  }
  const listed = Math.min(max, p.differences.length) + Math.min(max, p.mismatches.length);
  const total = p.manifest.reconciliation.differences + p.manifest.reconciliation.mismatches;
  if (total > listed)
    parts.push(
      paragraph(
        `Showing ${listed} of ${total}; events.jsonl marks every mismatched event with "expected".`,
      ),
    );
  return parts.join("");
}

function gasRow(kind: string, s: GasSummary): (string | number)[] {
  return [kind, s.count, Math.round(s.median), Math.round(s.p90), Math.round(s.mean)];
}

function gasTables(gas: GasKpis): string {
  const headers = ["Operation", "Count", "Median gas", "p90 gas", "Mean gas"];
  const parts = [
    paragraph(
      "Gas of each operation that went through; a batched deposit counts its share of the batch.",
    ),
    table(
      headers,
      Object.entries(gas.byKind).map(([k, s]) => gasRow(k, s)),
    ),
  ];
  const batches = Object.entries(gas.batchesByKind);
  if (batches.length > 0) {
    parts.push(
      paragraph(
        "Kiosk batches: one transaction carries many deposits; gas of the whole transaction.",
      ),
    );
    const rows = batches.map(([k, s]) => [
      ...gasRow(`${k} batch`, s),
      figure(s.meanEntries.toFixed(1)),
    ]);
    parts.push(table([...headers, "Deposits per batch"], rows));
  }
  const failed = Object.entries(gas.failedByKind);
  if (failed.length > 0) {
    parts.push(
      paragraph("Reverted or rejected operations: gas spent on transactions that changed nothing."),
    );
    parts.push(
      table(
        headers,
        failed.map(([k, s]) => gasRow(k, s)),
      ),
    );
  }
  return parts.join("");
}

export function renderReportHtml(p: ReportHtmlParameters): string {
  const { manifest: m, kpis } = p;
  const title = `City pilot simulation: ${m.input.file}`;
  const body = [
    `<h1>${escapeHtml(title)}</h1>`,
    verdict(p),
    section("Headline figures", headlineCards(kpis)),
    section(
      "Shared parking",
      chartFigure(occupancyChart(kpis)),
      chartFigure(revenueByOwnerChart(kpis)),
      ...parkingTables(kpis),
    ),
    section(
      "Recycling rewards",
      chartFigure(kgByMaterialChart(kpis)),
      chartFigure(creditsChart(kpis)),
      chartFigure(lorenzChart(kpis)),
      ...recyclingTables(kpis),
    ),
    section("City finances", cityTable(kpis)),
    section("Gas per operation", chartFigure(gasCostChart(kpis)), gasTables(kpis.gas)),
    ...(m.reconciliation.ok ? [] : [section("Reconciliation differences", reconciliationLists(p))]),
    section("Run", runTable(m)),
    `<p class="note">${escapeHtml(
      "Money is in whole KRW and credits (1 credit = 1 KRW face value). Figures come from kpis.json; per-event detail is in events.jsonl, balances in balances.csv.",
    )}</p>`,
  ];
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>`,
    `<body>${body.join("\n")}\n${chartScripts()}</body>`,
    "</html>",
    "",
  ].join("\n");
}
