import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";

import type { BenchConfig } from "./config.js";
import { measureGas } from "./gas.js";
import { formatReport } from "./report.js";
import { type BenchResults, type ThroughputFigure } from "./results.js";
import { replayBookingsFast, replayBookingsNaive } from "./throughput-bookings.js";
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

/**
 * Runs every section, each on a fresh in-process chain that it closes: gas per operation, the
 * raw transfer limit, the fast booking replay, then the naive references. Prints the report,
 * writes the JSON to `config.out` if set, and returns the results.
 */
export async function runBench(config: BenchConfig): Promise<BenchResults> {
  const startedAt = new Date().toISOString();
  const started = performance.now();

  progress(
    `gas per operation (${config.gasRounds} rounds x ${config.gasSlotsPerGroup} slots per group)`,
  );
  const gas = await measureGas(config);
  progress(
    `raw transfer limit (${config.transfers} transfers, ${config.transfersPerBlock} a block)`,
  );
  const rawTransfers = await measureRawTransfers(config);
  progress(`fast booking replay (${config.bookings} bookings, ${config.bookingsPerBlock} a block)`);
  const fastBookings = await replayBookingsFast(config);
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
    ...[rawTransfers, fastBookings, naiveTransfers, naiveBookings].flatMap(
      (f) => f?.failures ?? [],
    ),
  ];
  const results: BenchResults = {
    startedAt,
    node: process.version,
    totalSeconds: (performance.now() - started) / 1000,
    config: { ...config },
    gas: { rows: gas.rows, transactions: gas.transactions, failures: gas.failures },
    throughput: { fastBookings, naiveBookings, rawTransfers, naiveTransfers },
    ratios: {
      fastBookingsToRawTransfers: rateRatio(fastBookings, rawTransfers) ?? 0,
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
