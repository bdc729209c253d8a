import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";

import type { BenchConfig, BenchSection } from "./config.js";
import { measureGas } from "./gas.js";
import { measureRecyclingGas } from "./recycling-gas.js";
import { formatReport } from "./report.js";
import { type BenchResults, type ThroughputFigure } from "./results.js";
import { measureSimulator, simulatorFailures } from "./simulator.js";
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

async function when<T>(selected: boolean, run: () => Promise<T>): Promise<T | null> {
  return selected ? run() : null;
}

/** `fast` operations a second over `other`'s, null where either was not measured. */
const rateRatio = (fast: ThroughputFigure | null, other: ThroughputFigure | null): number | null =>
  fast === null || other === null || other.perSecond === 0
    ? null
    : fast.perSecond / other.perSecond;

/** Transactions per second of `fast` over those of `other`. */
const txRatio = (fast: ThroughputFigure | null, other: ThroughputFigure | null): number | null =>
  fast === null || other === null || other.seconds === 0 || fast.seconds === 0
    ? null
    : fast.transactions / fast.seconds / (other.transactions / other.seconds);

/** Transactions a second of a throughput figure. */
const txPerSecond = (f: ThroughputFigure): number =>
  f.seconds > 0 ? f.transactions / f.seconds : 0;

/**
 * Runs the selected sections (`config.sections`), each on a fresh in-process chain that it
 * closes: gas per parking and recycling operation, the raw transfer limit (with throughput or
 * simulator), the fast booking and deposit replays and their naive references, then the
 * simulator (week replays, fast and naive; the month simulation in a child process). Prints
 * the report, writes the JSON to `config.out` if set, and returns the results.
 */
export async function runBench(config: BenchConfig): Promise<BenchResults> {
  const startedAt = new Date().toISOString();
  const started = performance.now();
  const has = (section: BenchSection): boolean => config.sections.includes(section);
  const throughputOn = has("throughput");

  const gas = await when(has("gas"), () => {
    progress(
      `gas per operation (${config.gasRounds} rounds x ${config.gasSlotsPerGroup} slots per group)`,
    );
    return measureGas(config);
  });
  const recyclingGas = await when(has("recycling"), () => {
    progress(
      `recycling gas (${config.gasBatches} batches of each size, ${config.gasReceipts} receipts a day)`,
    );
    return measureRecyclingGas(config);
  });
  const rawTransfers = await when(throughputOn || has("simulator"), () => {
    progress(
      `raw transfer limit (${config.transfers} transfers, ${config.transfersPerBlock} a block)`,
    );
    return measureRawTransfers(config);
  });
  const fastBookings = await when(throughputOn, () => {
    progress(
      `fast booking replay (${config.bookings} bookings, ${config.bookingsPerBlock} a block)`,
    );
    return replayBookingsFast(config);
  });
  const fastDeposits = await when(throughputOn, () => {
    progress(
      `fast deposit replay (${config.deposits} deposits, batches of ${config.depositsPerBatch}, ` +
        `${config.batchesPerBlock} batches a block)`,
    );
    return replayDepositsFast(config);
  });
  const naiveTransfers = await when(throughputOn, () => {
    progress(`naive transfers (${config.naiveTransfers})`);
    return optional(config.naiveTransfers, () =>
      measureNaiveTransfers(config, config.naiveTransfers),
    );
  });
  const naiveBookings = await when(throughputOn, () => {
    progress(`naive bookings (${config.naiveBookings})`);
    return optional(config.naiveBookings, () => replayBookingsNaive(config, config.naiveBookings));
  });
  const simulator = await when(has("simulator") && rawTransfers !== null, () =>
    measureSimulator(config, rawTransfers === null ? 0 : txPerSecond(rawTransfers), progress),
  );

  const throughputFigures = [
    rawTransfers,
    fastBookings,
    fastDeposits,
    naiveTransfers ?? null,
    naiveBookings ?? null,
  ];
  const failures = [
    ...(gas?.failures ?? []),
    ...(recyclingGas?.failures ?? []),
    ...throughputFigures.flatMap((f) => f?.failures ?? []),
    ...(simulator === null ? [] : simulatorFailures(simulator)),
  ];
  const results: BenchResults = {
    startedAt,
    node: process.version,
    totalSeconds: (performance.now() - started) / 1000,
    config: { ...config },
    sections: config.sections,
    gas:
      gas === null
        ? null
        : { rows: gas.rows, transactions: gas.transactions, failures: gas.failures },
    recyclingGas,
    throughput:
      rawTransfers === null
        ? null
        : {
            rawTransfers,
            fastBookings,
            fastDeposits,
            naiveBookings: naiveBookings ?? null,
            naiveTransfers: naiveTransfers ?? null,
          },
    ratios: {
      fastBookingsToRawTransfers: rateRatio(fastBookings, rawTransfers),
      fastDepositsToRawTransfers: rateRatio(fastDeposits, rawTransfers),
      fastDepositTxToRawTransfers: txRatio(fastDeposits, rawTransfers),
      fastBookingsToNaiveBookings: rateRatio(fastBookings, naiveBookings ?? null),
      fastBookingsToNaiveTransfers: rateRatio(fastBookings, naiveTransfers ?? null),
    },
    simulator,
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
