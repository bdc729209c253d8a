/**
 * The report stage's public API: the outputs of one run (events.jsonl, balances.csv,
 * kpis.json, report.html, manifest.json).
 */
export * from "./types.js";
export {
  AtomicLineWriter,
  partialPathOf,
  writeFileAtomic,
  type AtomicLineWriterOptions,
  type LineWriterState,
  type WrittenFile,
  type WrittenLines,
} from "./atomic-file.js";
export {
  eventLineOf,
  formatEventLine,
  kstIso,
  type EventLine,
  type ExpectationForReport,
} from "./events-jsonl.js";
export {
  BALANCES_HEADER,
  csvField,
  csvRow,
  formatBalancesCsv,
  roleLabel,
  type BalanceForReport,
  type BalancesCsvParameters,
  type ChainBalancesForReport,
} from "./balances-csv.js";
export {
  GasCollector,
  summarize,
  type BatchGasSummary,
  type GasStats,
  type GasSummary,
} from "./gas.js";
export { OutcomeCollector, type OutcomeTotals, type OutputForReport } from "./outcome-collector.js";
export {
  SeriesCollector,
  kstHour,
  type CreditFlows,
  type EventForSeries,
  type OutputForSeries,
  type SeriesTotals,
} from "./series-collector.js";
export { creditsByDay, dayRange, kgByDay, occupancyByHour, seriesKpis } from "./kpis-series.js";
export * from "./series-types.js";
export {
  DEFAULT_GAS_PRICING,
  checkGasPricing,
  gasCostOf,
  krwOfGas,
  type GasPricing,
} from "./gas-cost.js";
export {
  availableUnits,
  availableUnitsByDistrict,
  availableUnitsByHour,
  runDaysBetween,
  runDaysFrom,
  slotsOfModel,
  weekdayCounts,
  type RunDays,
  type SlotForReport,
} from "./occupancy.js";
export { giniOf, lorenzOf, type LorenzCurvePoint } from "./gini.js";
export { computeKpis, formatKpis, kstDate, type KpiContext } from "./kpis.js";
export * from "./kpi-types.js";
export * from "./manifest.js";
export {
  compilerOf,
  readCodeVersion,
  sha256File,
  type CompilerConfigSource,
} from "./provenance.js";
export { escapeHtml } from "./html.js";
export { renderReportHtml, type ReportHtmlParameters } from "./report-html.js";
export { RUN_FILES, writeRunOutputs, type RunOutputParts, type RunOutputs } from "./write-run.js";
