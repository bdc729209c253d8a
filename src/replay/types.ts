/**
 * Public types of the replay stage: what goes in (timed trace events), what comes out
 * (one record per event, name maps, deployed addresses).
 */
import type { TracedEvent } from "../scenario/load-trace.js";
import type { EventKind, SchemeChoice } from "../scenario/trace-schema.js";
import type { ReplayActor } from "./actors.js";
import type { ProgressReporter } from "./progress.js";
import type { TxSender } from "./internal/sender.js";
import type { Resumption } from "./remote/checkpoint.js";

/** The replay reads the scenario stage's validated events (`readTrace(file)` streams them). */
export type { TracedEvent };

/** `ok`: the transaction went through; `reverted`: it reverted; `rejected`: a kiosk batch skipped the entry. */
export type EventStatus = "ok" | "reverted" | "rejected";

/** What happened to one trace event on chain. */
export interface EventRecord {
  line: number;
  kind: EventKind;
  /** The trace's time of the event. */
  time: number;
  status: EventStatus;
  /**
   * Why it did not go through: the decoded custom error name (`ParkingSlotAlreadyBooked`,
   * `ERC20InsufficientBalance`, `Error: <reason>`, `Panic(0x11)`, `OutOfGas`) for `reverted`,
   * the contract's reject reason (`OverKioskCapacity`) for `rejected`.
   */
  error?: string;
  /** Gas of this event: its transactions' gas, or its even share of a kiosk batch. */
  gasUsed: number;
  /** Gas of the transaction(s) the event rode in, whole (equals `gasUsed` unless batched). */
  txGasUsed: number;
  /** Transactions the event sent (0 for `config`; `actor.join` may send several). */
  txCount: number;
  /** Entries of the kiosk batch the event was part of (1 when not batched). */
  batchSize: number;
  /** The event's last (main) transaction. */
  txHash?: string;
  blockNumber?: number;
  /** The block timestamp the chain used (the trace's time on the fast path). */
  timestamp: number;
}

/** Addresses of the deployed system. */
export interface DeployedContracts {
  admin: string;
  krw: string;
  credit: string;
  treasury: string;
  market: string;
  /** The recycling rewards contract. */
  recycling: string;
}

/** A reward scheme instance the replay installed, with the line of its `scheme.set`. */
export type InstalledScheme = SchemeChoice & {
  address: string;
  /** Absent for the scheme the run started with. */
  line?: number;
};

export interface ReplayOptions {
  /** `--scheme`: replaces the run's initial scheme (later `scheme.set` events still apply). */
  initialScheme?: SchemeChoice;
  /** The scenario's scheme, for a trace whose `config` names none. */
  scenarioScheme?: SchemeChoice;
  /** Called for every record as soon as its block is mined (stream to events.jsonl). */
  onRecord?: (record: EventRecord) => void;
  /** Keep every record in the result (default true; turn off for very long traces). */
  keepRecords?: boolean;
  progress?: ProgressReporter;
  /** Events in the trace, if known, for the progress ETA. */
  totalEvents?: number;
  /**
   * How transactions reach the network. Default: the fast in-process sender, which needs
   * the network options of {@link fastPathNetworkOverride}.
   */
  sender?: TxSender;
  /** Most deposits in one kiosk batch transaction (default 100). */
  maxBatchSize?: number;
  /** Keys of the actors and the keeper (default: the in-process derivation of actors.ts). */
  accounts?: ReplayAccounts;
  /** Ignition deployment id: on a remote network, an existing one is reused. */
  deploymentId?: string | undefined;
  /** Called once the system is deployed (or found, when resuming). */
  onDeployed?: (deployed: DeployedSystem) => Promise<void>;
  /** Progress kept after every block (remote runs). */
  checkpoint?: ReplayCheckpoint;
  /** Continue a checkpointed run: no deployment, the events done are skipped. */
  resume?: Resumption;
}

/** Keys a replay acts with. The admin's is needed only where transactions are signed here. */
export interface ReplayAccounts {
  actorKey: (name: string) => string;
  keeperKey: string;
  adminKey?: string;
}

export interface DeployedSystem {
  contracts: DeployedContracts;
  chainId: bigint;
  initialScheme: InstalledScheme;
}

/** What the replay knows at a block boundary, for a checkpoint. */
export interface ReplayProgress {
  eventsDone: number;
  slots: [string, string][];
  bookings: [string, string][];
  schemes: InstalledScheme[];
}

export interface ReplayCheckpoint {
  /** A record of an event just done (kept until the next save). */
  record(record: EventRecord): void;
  /**
   * Offers the progress after a block; it may be saved only every so often unless `force`
   * (before the first block and after the last).
   */
  save(progress: ReplayProgress, force?: boolean): Promise<void>;
}

export interface ReplayStats {
  events: number;
  transactions: number;
  blocks: number;
  reverted: number;
  rejected: number;
  /** Wall-clock seconds of the replay proper (after deployment). */
  seconds: number;
  deploySeconds: number;
}

export interface ReplayResult {
  chainId: bigint;
  contracts: DeployedContracts;
  /** Every actor by trace name, with address and roles. */
  actors: ReadonlyMap<string, ReplayActor>;
  /** The account that sends `parking.settle` (no-show settlement is open to anyone). */
  keeper: string;
  /** Every scheme installed, in order: the initial one, then one per successful `scheme.set`. */
  schemes: InstalledScheme[];
  /** Trace slot name to on-chain slot id (absent if its `slot.register` reverted). */
  slots: ReadonlyMap<string, bigint>;
  /** Trace booking name to on-chain booking id (absent if its `parking.book` reverted). */
  bookings: ReadonlyMap<string, bigint>;
  /** One per event in trace order, unless `keepRecords` was false. */
  records: EventRecord[];
  stats: ReplayStats;
  firstTime: number | undefined;
  lastTime: number | undefined;
}
