/**
 * How the replay reaches a network. The rest of the stage hands a sender blocks of
 * transactions, each to be executed in the given order at one time, and reads back what
 * happened; it never talks to the provider about mining. The fast in-process sender sets
 * block timestamps and mines itself; a sender for a remote network would sign with the
 * actors' derived keys, send in order and report the timestamps the chain chose.
 */

/** A transaction to send. `to` absent deploys a contract. */
export interface TxRequest {
  from: string;
  to?: string;
  data: string;
  /** Wei sent along (gas money for a new account on a remote network). */
  value?: bigint;
  /** Explicit gas limit: the replay never estimates. */
  gas: number;
}

/** A log of a mined transaction. */
export interface TxLog {
  address: string;
  topics: readonly string[];
  data: string;
}

/** What happened to one transaction. */
export interface MinedTx {
  hash: string;
  ok: boolean;
  gasUsed: number;
  gasLimit: number;
  blockNumber: number;
  timestamp: number;
  logs: readonly TxLog[];
  /** Revert data of a failed transaction (`0x` when it reverted without data). */
  revertData?: string;
}

export interface TxSender {
  /** Largest total gas limit of one block's transactions. */
  readonly blockGasLimit: number;
  /** Whether blocks can follow the trace's times (false on a remote network). */
  readonly setsTimestamps: boolean;
  /** Prepares the sender for the replay (the fast path turns automine off). */
  start(): Promise<void>;
  /**
   * Makes `address` able to send: impersonation and gas money on the fast path; on a remote
   * network its key (to sign with) and gas money from the admin.
   */
  addAccount(address: string, privateKey?: string): Promise<void>;
  /**
   * Executes `txs` in this order at `time` (where the network lets it choose) and returns
   * their outcomes in the same order. An empty list mines nothing.
   */
  executeBlock(time: number, txs: readonly TxRequest[]): Promise<MinedTx[]>;
  /** The nonce `address` will use for its next transaction (to predict CREATE addresses). */
  nextNonce(address: string): Promise<number>;
  /** Restores the network as it was (automine back on). */
  stop(): Promise<void>;
}
