import type { RpcProfile } from "./rpc-profile.js";
import type { ChildSample } from "./simulate-child.js";
import type { SimulatorVerdicts } from "./simulator-verdicts.js";

/** Where the replay proper's wall time went. */
export interface ReplayProfile {
  /** JSON-RPC wall time by phase (send, mine, receipts, revert traces, accounts, other). */
  readonly rpc: RpcProfile;
  /** Time inside the trace's iterator: reading, parsing and validating lines (null: unknown). */
  readonly traceReadMs: number | null;
  /**
   * The rest of the replay: planning (encoding, EIP-712 signatures of receipts), records,
   * the caller's per-record work, and the trace reading where it is not known apart.
   */
  readonly otherMs: number;
}

/** One replay of a trace (fast path or naive) on a fresh in-process chain. */
export interface ReplayFigure {
  readonly path: "fast" | "naive";
  readonly events: number;
  /** Transactions mined (a kiosk batch is one). */
  readonly transactions: number;
  readonly blocks: number;
  readonly reverted: number;
  readonly rejected: number;
  /** The replay proper: after deployment, from the first event to the last record. */
  readonly seconds: number;
  readonly deploySeconds: number | null;
  readonly eventsPerSecond: number;
  readonly txPerSecond: number;
  readonly profile: ReplayProfile | null;
}

/** The generated week trace the week replays read. */
export interface WeekTrace {
  readonly scenario: string;
  readonly events: number;
  readonly generateSeconds: number;
}

/** Where a month simulation stopped at a limit, and a rough projection of the whole run. */
export interface MonthStop {
  readonly reason: "time" | "memory";
  /** The limit that stopped it (seconds, or bytes). */
  readonly limit: number;
  readonly seconds: number;
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
  readonly eventsDone: number;
  readonly eventsTotal: number;
  /** Distinct event times of the trace: at least as many blocks for the whole replay. */
  readonly distinctTimes: number;
  /**
   * The replay's seconds and the process's resident memory at the end of the whole run, at
   * the rates per block of the second half of the run so far (after the setup block) over
   * the blocks still to mine (one per distinct event time). Rough: the cost of a block
   * changes with the chain's state and with what the trace does at that time.
   */
  readonly projectedReplaySeconds: number | null;
  readonly projectedRssBytes: number | null;
}

/** The month simulation, run as a child process (`hardhat run bench/simulate-child.ts`). */
export interface MonthFigure {
  readonly scenario: string;
  /** Wall time of the child process: Hardhat's start, generate, model, replay, reconcile, write. */
  readonly wallSeconds: number;
  /** Seconds per stage, from the run's manifest (null when the run stopped at a limit). */
  readonly stages: {
    readonly generate: number | null;
    readonly model: number;
    readonly replay: number;
    readonly reconcile: number;
    readonly write: number;
  } | null;
  /**
   * The replay proper inside the simulation (per-record reconciliation work included); up to
   * the stop when the run stopped at a limit.
   */
  readonly replay: ReplayFigure;
  /** Peak resident set size of the simulation, in bytes, and where it was read. */
  readonly peakRssBytes: number | null;
  readonly rssSource: string;
  /** Largest JS heap in use (sampled once a second): the rest of the RSS is native (EDR). */
  readonly maxHeapUsedBytes: number;
  /** Whether chain and model agreed on every balance and event; null if it never got there. */
  readonly reconciled: boolean | null;
  /** Set when the run stopped at BENCH_MONTH_MAX_SECONDS or BENCH_MONTH_MAX_RSS_MIB. */
  readonly stopped: MonthStop | null;
  /** The child once a second: blocks mined so far, RSS and JS heap. */
  readonly samples: readonly ChildSample[];
  readonly exitCode: number | null;
}

export interface SimulatorTargets {
  /** Replay tx/s over the raw transfer limit's tx/s. */
  readonly rawShare: number;
  /** Replay tx/s over the naive replay's tx/s. */
  readonly naiveRatio: number;
  readonly monthSeconds: number;
  readonly monthRssBytes: number;
}

export const SIMULATOR_TARGETS: SimulatorTargets = {
  rawShare: 0.75,
  naiveRatio: 4,
  monthSeconds: 180,
  monthRssBytes: 1_000_000_000,
};

/** The simulator's figures (SPEC section 8), references measured in the same run. */
export interface SimulatorResults {
  readonly week: {
    readonly trace: WeekTrace;
    readonly fast: ReplayFigure;
    readonly naive: ReplayFigure | null;
  };
  readonly month: MonthFigure | null;
  /** Why the month simulation gave no figures (it failed), if it did not. */
  readonly monthError: string | null;
  /** The raw transfer limit of this run (tx/s), from the throughput section's measurement. */
  readonly rawTxPerSecond: number;
  readonly ratios: {
    /** Fast week replay tx/s over the raw limit's tx/s. */
    readonly weekToRaw: number | null;
    readonly monthToRaw: number | null;
    /** Fast over naive week replay, transactions a second (the naive path sends more). */
    readonly weekToNaiveTx: number | null;
    /** Fast over naive week replay, events a second. */
    readonly weekToNaiveEvents: number | null;
  };
  readonly targets: SimulatorTargets;
  readonly verdicts: SimulatorVerdicts;
}

/** A figure's rates from its counts and seconds. */
export function replayRates(
  events: number,
  transactions: number,
  seconds: number,
): { eventsPerSecond: number; txPerSecond: number } {
  return {
    eventsPerSecond: seconds > 0 ? events / seconds : 0,
    txPerSecond: seconds > 0 ? transactions / seconds : 0,
  };
}
