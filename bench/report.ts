import { formatRecyclingGas } from "./report-recycling.js";
import { formatSimulator } from "./report-simulator.js";
import { gasTable, int, table } from "./report-table.js";
import type { BenchFailure, BenchResults, ThroughputFigure } from "./results.js";

/** Failures listed one by one before the list is cut short. */
const MAX_LISTED_FAILURES = 20;

/** The gas table: operation, median, cold, warm, target, verdict. */
export function formatGas(gas: NonNullable<BenchResults["gas"]>): string[] {
  const lines = [
    `Gas per parking operation (receipt gasUsed; ${int(gas.transactions)} transactions)`,
    ...gasTable(gas.rows),
    "",
    "A target is met when both the median and the warm median are within it.",
    "Cold means the first write of the storage the operation touches:",
  ];
  for (const row of gas.rows) {
    lines.push(
      `  ${row.label}: ${row.coldMeans ?? "nothing it writes can be a first write (all warm)"}`,
    );
  }
  return lines;
}

function phaseShares(f: ThroughputFigure): string {
  if (f.phases === null) return "";
  const { sendMs, mineMs, receiptsMs } = f.phases;
  const total = sendMs + mineMs + receiptsMs;
  if (total <= 0) return "";
  const share = (ms: number): string => `${Math.round((100 * ms) / total)}%`;
  return `send ${share(sendMs)}, mine ${share(mineMs)}, receipts ${share(receiptsMs)}`;
}

function throughputRow(name: string, f: ThroughputFigure | null, unit: string): string[] {
  if (f === null) return [name, "skipped", "", "", "", "", "", ""];
  return [
    name,
    int(f.operations),
    int(f.blocks) + (f.extraBlocks > 0 ? ` (+${f.extraBlocks})` : ""),
    f.seconds.toFixed(2),
    `${int(f.perSecond)} ${unit}/s`,
    `${int(f.transactions / f.seconds)} tx/s`,
    int(f.failures.length),
    phaseShares(f),
  ];
}

function ratio(value: number | null): string {
  return value === null ? "-" : `${value.toFixed(2)}x`;
}

/** Throughput lines, the ratios between them, and the failure list. */
export function formatThroughput(
  t: NonNullable<BenchResults["throughput"]>,
  results: BenchResults,
): string[] {
  const rows = [
    throughputRow("bookings, fast path", t.fastBookings, "bookings"),
    throughputRow(
      `deposits, fast path (kiosk batches of ${results.config.depositsPerBatch})`,
      t.fastDeposits,
      "deposits",
    ),
    throughputRow("transfers, raw limit (fast path)", t.rawTransfers, "transfers"),
    throughputRow("bookings, naive (awaited ethers calls)", t.naiveBookings, "bookings"),
    throughputRow("transfers, naive (awaited ethers calls)", t.naiveTransfers, "transfers"),
  ];
  const header = [
    "replay",
    "ops",
    "blocks",
    "seconds",
    "rate",
    "tx rate",
    "failed",
    "fast-path time",
  ];
  return [
    "Throughput on the in-process network (wall clock, this run only)",
    ...table(header, rows),
    "",
    "Ratios (same run; compare these, not absolute rates across runs or machines):",
    `  fast bookings / raw transfer limit   ${ratio(results.ratios.fastBookingsToRawTransfers)}`,
    `  fast bookings / naive bookings       ${ratio(results.ratios.fastBookingsToNaiveBookings)}`,
    `  fast bookings / naive transfers      ${ratio(results.ratios.fastBookingsToNaiveTransfers)}`,
    `  fast deposits / raw transfer limit   ${ratio(results.ratios.fastDepositsToRawTransfers)}` +
      " (deposits a second over transfers a second)",
    `  deposit batches / raw transfer limit ${ratio(results.ratios.fastDepositTxToRawTransfers)}` +
      " (transactions a second)",
  ];
}

/** Every failed transaction of the run (cut after a few), and the run's verdict. */
export function formatFailures(failures: readonly BenchFailure[]): string[] {
  if (failures.length === 0) return ["Result: clean run, every transaction succeeded."];
  const lines = [
    `Result: ${failures.length} FAILED TRANSACTION(S); the figures above are not clean:`,
  ];
  for (const f of failures.slice(0, MAX_LISTED_FAILURES)) {
    lines.push(`  [${f.section}] ${f.label}: ${f.detail}`);
  }
  if (failures.length > MAX_LISTED_FAILURES) {
    lines.push(`  ... and ${failures.length - MAX_LISTED_FAILURES} more (all in BENCH_OUT if set)`);
  }
  return lines;
}

/** The whole report: the sections that ran, then the verdict. */
export function formatReport(results: BenchResults, failures: readonly BenchFailure[]): string {
  const took = results.totalSeconds.toFixed(1);
  const parts: string[][] = [
    [`City pilot benchmark, ${results.startedAt}, Node ${results.node}, ${took} s`],
  ];
  if (results.gas !== null) parts.push(formatGas(results.gas));
  if (results.recyclingGas !== null) parts.push(formatRecyclingGas(results.recyclingGas));
  if (results.throughput !== null && results.throughput.fastBookings !== null) {
    parts.push(formatThroughput(results.throughput, results));
  }
  if (results.simulator !== null) parts.push(formatSimulator(results.simulator));
  parts.push(formatFailures(failures));
  return parts.map((lines) => lines.join("\n")).join("\n\n");
}
