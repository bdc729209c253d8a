import type { BenchSection } from "./config.js";
import type { PhaseTimes, TxOutcome } from "./fast-sender.js";
import type { GasRow } from "./gas-stats.js";
import type { SchemeGasRow } from "./recycling-ops.js";
import type { SimulatorResults } from "./simulator-results.js";

/** A transaction that failed (reverted, was never mined, or threw on the naive path). */
export interface BenchFailure {
  readonly section: string;
  readonly label: string;
  readonly detail: string;
  /** The transaction, when it was sent on the fast path. */
  readonly hash?: string;
  /** Whether it made it into a block (a revert), as opposed to never being mined. */
  readonly mined?: boolean;
}

/** One throughput measurement: operations replayed against the wall clock. */
export interface ThroughputFigure {
  readonly section: string;
  /** How the transactions were sent (fast path, or awaited ethers calls with automine). */
  readonly path: "fast" | "naive";
  /** Operations replayed (one per transaction, or the deposits of kiosk batches). */
  readonly operations: number;
  /** Transactions mined, failed ones included. */
  readonly transactions: number;
  readonly blocks: number;
  /** Blocks mined only for what a full block left in the mempool. */
  readonly extraBlocks: number;
  /** Where the fast path's time went; null on the naive path. */
  readonly phases: PhaseTimes | null;
  readonly seconds: number;
  readonly perSecond: number;
  readonly failures: readonly BenchFailure[];
}

/** Everything one `npm run bench` measured, as written to BENCH_OUT. */
export interface BenchResults {
  readonly startedAt: string;
  readonly node: string;
  readonly totalSeconds: number;
  readonly config: Readonly<Record<string, unknown>>;
  /** The sections that ran (BENCH_SECTIONS); the others are null. */
  readonly sections: readonly BenchSection[];
  readonly gas: {
    readonly rows: readonly GasRow[];
    readonly transactions: number;
    readonly failures: readonly BenchFailure[];
  } | null;
  readonly recyclingGas: {
    readonly rows: readonly GasRow[];
    /** A kiosk batch of 50 and a receipt claim under a new instance of each scheme. */
    readonly schemes: readonly SchemeGasRow[];
    readonly transactions: number;
    readonly failures: readonly BenchFailure[];
  } | null;
  /** Null when neither the throughput nor the simulator section ran. */
  readonly throughput: {
    /** The raw transfer limit: measured whenever throughput or simulator runs. */
    readonly rawTransfers: ThroughputFigure;
    /** The others only with the throughput section. */
    readonly fastBookings: ThroughputFigure | null;
    /** Deposits in kiosk batches (operations: deposits; transactions: batches). */
    readonly fastDeposits: ThroughputFigure | null;
    readonly naiveBookings: ThroughputFigure | null;
    readonly naiveTransfers: ThroughputFigure | null;
  } | null;
  /** Fast replay rates divided by each reference rate (same run); null where not measured. */
  readonly ratios: {
    readonly fastBookingsToRawTransfers: number | null;
    /** Deposits per second, and batch transactions per second, over raw transfers per second. */
    readonly fastDepositsToRawTransfers: number | null;
    readonly fastDepositTxToRawTransfers: number | null;
    readonly fastBookingsToNaiveBookings: number | null;
    readonly fastBookingsToNaiveTransfers: number | null;
  };
  /** The simulator's replays and month simulation (its own ratios inside). */
  readonly simulator: SimulatorResults | null;
  /** True when no transaction of any section failed and the month reconciled. */
  readonly clean: boolean;
}

/** The failures among fast-path outcomes. */
export function failuresOf(section: string, outcomes: readonly TxOutcome[]): BenchFailure[] {
  return outcomes
    .filter((o) => !o.ok)
    .map((o) => ({
      section,
      label: o.label,
      hash: o.hash,
      mined: o.block >= 0,
      detail:
        o.block < 0 ? `not mined (tx ${o.hash})` : `reverted in block ${o.block} (tx ${o.hash})`,
    }));
}

/** A throughput figure from counts and elapsed milliseconds. */
export function throughputFigure(
  fields: Omit<ThroughputFigure, "seconds" | "perSecond">,
  elapsedMs: number,
): ThroughputFigure {
  const seconds = elapsedMs / 1000;
  return { ...fields, seconds, perSecond: seconds > 0 ? fields.operations / seconds : 0 };
}
