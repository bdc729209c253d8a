/**
 * The compare stage's public API: a plan of runs (sweep points x schemes x seeds), shards,
 * the process pool that runs them, the statistics over seeds, the comparison table and its
 * comparison.csv and comparison.html, and the merge of shard folders.
 */
export {
  DEFAULT_RUNS,
  prepareCompare,
  runCompare,
  type CompareOutcome,
  type CompareRequest,
  type PreparedCompare,
} from "./compare.js";
export { prepareMerge, runMerge, type MergeOutcome, type PreparedMerge } from "./merge.js";
export {
  CompareOptionError,
  isUsageError,
  parseBaseline,
  parseCount,
  parseSchemes,
  parseShard,
  resolveSchemeRef,
  type SchemeRef,
  type ShardSpec,
} from "./options.js";
export {
  buildPlan,
  PLAN_FORMAT,
  runIdOf,
  type BuiltPlan,
  type ComparisonPlan,
  type PlannedCell,
  type PlannedRun,
  type PlannedVariant,
  type PlanRequest,
} from "./plan.js";
export {
  formatShardManifest,
  planIdentity,
  readShardManifest,
  runsOfShard,
  SHARD_FILE,
  SHARD_FORMAT,
  ShardReadError,
  type RunExit,
  type ShardManifest,
} from "./shard.js";
export { hardhatCli, runPool, runSimulateChild, simulateArguments } from "./runner.js";
export { readRunResult, type RunResult } from "./results.js";
export { METRICS, metricValues, type MetricDefinition, type MetricKey } from "./metrics.js";
export {
  estimate,
  excludesZero,
  pairedDifference,
  tQuantile975,
  type Estimate,
  type Pair,
} from "./statistics.js";
export { buildComparison, distinctRows, type Comparison, type ComparisonRow } from "./table.js";
export { comparisonCsvHeader, csvNumber, formatComparisonCsv } from "./csv.js";
export { renderComparisonHtml, type ComparisonHtmlParameters } from "./html.js";
export {
  COMPARISON_FILES,
  collectResults,
  summaryLines,
  writeComparison,
  type RunLocation,
  type WrittenComparison,
} from "./outputs.js";
export { variantOf, variantText } from "./variants.js";
