import type { PhaseTimes, TxOutcome } from "./fast-sender.js";
import type { GasRow } from "./gas-stats.js";
import type { SchemeGasRow } from "./recycling-ops.js";

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
  readonly config: Readonly<Record<string, number | string | undefined>>;
  readonly gas: {
    readonly rows: readonly GasRow[];
    readonly transactions: number;
    readonly failures: readonly BenchFailure[];
  };
  readonly recyclingGas: {
    readonly rows: readonly GasRow[];
    /** A kiosk batch of 50 and a receipt claim under a new instance of each scheme. */
    readonly schemes: readonly SchemeGasRow[];
    readonly transactions: number;
    readonly failures: readonly BenchFailure[];
  };
  readonly throughput: {
    readonly fastBookings: ThroughputFigure;
    /** Deposits in kiosk batches (operations: deposits; transactions: batches). */
    readonly fastDeposits: ThroughputFigure;
    readonly naiveBookings: ThroughputFigure | null;
    readonly rawTransfers: ThroughputFigure;
    readonly naiveTransfers: ThroughputFigure | null;
  };
  /** Fast replay rates divided by each reference rate (same run). */
  readonly ratios: {
    readonly fastBookingsToRawTransfers: number;
    /** Deposits per second, and batch transactions per second, over raw transfers per second. */
    readonly fastDepositsToRawTransfers: number;
    readonly fastDepositTxToRawTransfers: number;
    readonly fastBookingsToNaiveBookings: number | null;
    readonly fastBookingsToNaiveTransfers: number | null;
  };
  /** True when no transaction of any section failed. */
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
