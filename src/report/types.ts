/**
 * What the report reads from the earlier stages, as plain structural types: the replay's
 * `EventRecord`, `ReplayActor` and `DeployedContracts` fit them as they are, and so does
 * any test double, so this stage depends on field names only.
 */

/** One event as the chain handled it (the replay's `EventRecord`). */
export interface RecordForReport {
  line: number;
  kind: string;
  /** The trace's time of the event, Unix seconds. */
  time: number;
  status: "ok" | "reverted" | "rejected";
  error?: string | undefined;
  /** Gas of this event: its transactions', or its even share of a kiosk batch. */
  gasUsed: number;
  /** Gas of the whole transaction(s) the event rode in. */
  txGasUsed: number;
  txCount: number;
  /** Entries of the kiosk batch (1 when not batched). */
  batchSize: number;
  txHash?: string | undefined;
  blockNumber?: number | undefined;
  /** The block timestamp the chain used, Unix seconds. */
  timestamp: number;
}

/** An actor of the run (the replay's `ReplayActor`). */
export interface ActorForReport {
  name: string;
  address: string;
  roles: readonly string[];
}

/** The contracts that hold balances of their own (from the replay's `DeployedContracts`). */
export interface ContractsForReport {
  treasury: string;
  /** The parking market, which holds the escrow. */
  market: string;
}
