import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";

import type { BenchConfig } from "./config.js";
import { measureGas } from "./gas.js";
import { measureRecyclingGas } from "./recycling-gas.js";
import { formatReport } from "./report.js";
import { type BenchResults, type ThroughputFigure } from "./results.js";
import { replayBookingsFast, replayBookingsNaive } from "./throughput-bookings.js";
import { replayDepositsFast } from "./throughput-deposits.js";
import { measureNaiveTransfers, measureRawTransfers } from "./throughput-transfers.js";

/** Progress goes to stderr, so that stdout holds only the report. */
function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

async function optional<T>(count: number, run: () => Promise<T>): Promise<T | null> {
  return count > 0 ? run() : null;
}

const rateRatio = (fast: ThroughputFigure, other: ThroughputFigure | null): number | null =>
  other === null || other.perSecond === 0 ? null : fast.perSecond / other.perSecond;

/** Transactions per second of `fast` over those of `other`. */
const txRatio = (fast: ThroughputFigure, other: ThroughputFigure): number =>
  other.seconds === 0 || fast.seconds === 0
    ? 0
    : fast.transactions / fast.seconds / (other.transactions / other.seconds);

/**
 * Runs every section, each on a fresh in-process chain that it closes: gas per parking and
 * recycling operation, the raw transfer limit, the fast booking and deposit replays, then the
 * naive references. Prints the report, writes the JSON to `config.out` if set, and returns the
 * results.
 */
export async function runBench(config: BenchConfig): Promise<BenchResults> {
  const startedAt = new Date().toISOString();
  const started = performance.now();

  progress(
    `gas per operation (${config.gasRounds} rounds x ${config.gasSlotsPerGroup} slots per group)`,
  );
  const gas = await measureGas(config);
  progress(
    `recycling gas (${config.gasBatches} batches of each size, ${config.gasReceipts} receipts a day)`,
  );
  const recyclingGas = await measureRecyclingGas(config);
  progress(
    `raw transfer limit (${config.transfers} transfers, ${config.transfersPerBlock} a block)`,
  );
  const rawTransfers = await measureRawTransfers(config);
  progress(`fast booking replay (${config.bookings} bookings, ${config.bookingsPerBlock} a block)`);
  const fastBookings = await replayBookingsFast(config);
  progress(
    `fast deposit replay (${config.deposits} deposits, batches of ${config.depositsPerBatch}, ` +
      `${config.batchesPerBlock} batches a block)`,
  );
  const fastDeposits = await replayDepositsFast(config);
  progress(`naive transfers (${config.naiveTransfers})`);
  const naiveTransfers = await optional(config.naiveTransfers, () =>
    measureNaiveTransfers(config, config.naiveTransfers),
  );
  progress(`naive bookings (${config.naiveBookings})`);
  const naiveBookings = await optional(config.naiveBookings, () =>
    replayBookingsNaive(config, config.naiveBookings),
  );

  const failures = [
    ...gas.failures,
    ...recyclingGas.failures,
    ...[rawTransfers, fastBookings, fastDeposits, naiveTransfers, naiveBookings].flatMap(
      (f) => f?.failures ?? [],
    ),
  ];
  const results: BenchResults = {
    startedAt,
    node: process.version,
    totalSeconds: (performance.now() - started) / 1000,
    config: { ...config },
    gas: { rows: gas.rows, transactions: gas.transactions, failures: gas.failures },
    recyclingGas,
    throughput: { fastBookings, fastDeposits, naiveBookings, rawTransfers, naiveTransfers },
    ratios: {
      fastBookingsToRawTransfers: rateRatio(fastBookings, rawTransfers) ?? 0,
      fastDepositsToRawTransfers: rateRatio(fastDeposits, rawTransfers) ?? 0,
      fastDepositTxToRawTransfers: txRatio(fastDeposits, rawTransfers),
      fastBookingsToNaiveBookings: rateRatio(fastBookings, naiveBookings),
      fastBookingsToNaiveTransfers: rateRatio(fastBookings, naiveTransfers),
    },
    clean: failures.length === 0,
  };

  console.log(formatReport(results, failures));
  if (config.out !== undefined) {
    const path = resolve(config.out);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, JSON.stringify(results, null, 2) + "\n");
    progress(`results written to ${path}`);
  }
  return results;
}
