import type { EthereumProvider } from "hardhat/types/providers";

/** A transaction for the fast path: calldata encoded once, an explicit gas limit. */
export interface FastTx {
  readonly from: string;
  readonly to: string;
  readonly data: string;
  readonly gas: bigint;
  /** What the transaction does, for the failure list (`book #17 slot 3`). */
  readonly label: string;
}

/** What became of a transaction once mined. */
export interface TxOutcome {
  readonly label: string;
  readonly hash: string;
  /** Receipt status 1. False for a revert and for a transaction that was never mined. */
  readonly ok: boolean;
  readonly gasUsed: number;
  readonly block: number;
}

/** Where the time of {@link FastSender.runBlock} went (milliseconds, cumulative). */
export interface PhaseTimes {
  /** Sending the transactions to the mempool. */
  readonly sendMs: number;
  /** `evm_setNextBlockTimestamp` + `evm_mine`: executing the block. */
  readonly mineMs: number;
  /** Fetching and checking every receipt (extra blocks for leftovers included). */
  readonly receiptsMs: number;
}

/** Fee fields given explicitly, so the provider's gas price handler makes no round trip. */
const MAX_FEE_PER_GAS = 1_000_000_000_000n; // 1,000 gwei, far above the base fee of these runs
const MAX_PRIORITY_FEE_PER_GAS = 1_000_000_000n; // 1 gwei
/** Ether for every sender: enough for any number of transactions at MAX_FEE_PER_GAS. */
const SENDER_BALANCE = 10n ** 30n;
/** Extra blocks mined for transactions a full block left in the mempool, before giving up. */
const MAX_EXTRA_BLOCKS = 20;

const hex = (value: bigint | number): string => `0x${value.toString(16)}`;

function asHexNumber(value: unknown, what: string): number {
  if (typeof value !== "string" || !value.startsWith("0x")) {
    throw new Error(`expected a hex quantity for ${what}, got ${String(value)}`);
  }
  return Number(BigInt(value));
}

interface RawReceipt {
  readonly status?: unknown;
  readonly gasUsed?: unknown;
  readonly blockNumber?: unknown;
}

/**
 * The fast path to the in-process network: impersonated senders, automine off, raw
 * `eth_sendTransaction` requests with explicit nonce, gas and fees (no estimateGas, no nonce
 * or fee look-ups), all transactions of a block sent before one `evm_mine` at the block's
 * simulated time, and every receipt checked.
 */
export class FastSender {
  readonly #provider: EthereumProvider;
  readonly #nonces = new Map<string, number>();
  #lastTimestamp: number;
  #blocks = 0;
  #extraBlocks = 0;
  readonly #phases = { sendMs: 0, mineMs: 0, receiptsMs: 0 };

  private constructor(provider: EthereumProvider, lastTimestamp: number) {
    this.#provider = provider;
    this.#lastTimestamp = lastTimestamp;
  }

  /** Turns automine off on `provider` and starts from its latest block. */
  static async open(provider: EthereumProvider): Promise<FastSender> {
    await provider.request({ method: "evm_setAutomine", params: [false] });
    const block: unknown = await provider.request({
      method: "eth_getBlockByNumber",
      params: ["latest", false],
    });
    const timestamp = (block as { timestamp?: unknown } | null)?.timestamp;
    return new FastSender(provider, asHexNumber(timestamp, "the latest block's timestamp"));
  }

  /** Timestamp of the last block mined. */
  get now(): number {
    return this.#lastTimestamp;
  }

  /** Blocks mined so far, and how many of them only took what a full block left behind. */
  get blockCounts(): { readonly blocks: number; readonly extraBlocks: number } {
    return { blocks: this.#blocks, extraBlocks: this.#extraBlocks };
  }

  /** Wall-clock milliseconds spent by {@link runBlock} so far, per phase. */
  get phases(): PhaseTimes {
    return { ...this.#phases };
  }

  /** Impersonates `accounts` and gives them ether for gas (the admin too, for many setup txs). */
  async prepareSenders(accounts: readonly string[], impersonate = true): Promise<void> {
    await Promise.all(
      accounts.map(async (account) => {
        if (impersonate) {
          await this.#provider.request({ method: "hardhat_impersonateAccount", params: [account] });
        }
        await this.#provider.request({
          method: "hardhat_setBalance",
          params: [account, hex(SENDER_BALANCE)],
        });
      }),
    );
  }

  /**
   * Sends `txs`, mines them in one block at `timestamp` (later than the last block), and
   * returns their outcomes in the order given.
   */
  async runBlock(txs: readonly FastTx[], timestamp: number): Promise<TxOutcome[]> {
    const t0 = performance.now();
    const hashes = await this.send(txs);
    const t1 = performance.now();
    await this.mine(timestamp);
    const t2 = performance.now();
    const outcomes = await this.collect(txs, hashes);
    this.#phases.sendMs += t1 - t0;
    this.#phases.mineMs += t2 - t1;
    this.#phases.receiptsMs += performance.now() - t2;
    return outcomes;
  }

  /** Sends `txs` to the mempool (nonces assigned here, in the order given). */
  async send(txs: readonly FastTx[]): Promise<string[]> {
    await this.#loadNonces(txs.map((tx) => tx.from));
    const requests = txs.map((tx) => ({
      from: tx.from,
      to: tx.to,
      data: tx.data,
      gas: hex(tx.gas),
      nonce: hex(this.#nextNonce(tx.from)),
      maxFeePerGas: hex(MAX_FEE_PER_GAS),
      maxPriorityFeePerGas: hex(MAX_PRIORITY_FEE_PER_GAS),
      value: "0x0",
    }));
    // Explicit nonces make the arrival order irrelevant, so the requests can all be in flight.
    const hashes: unknown[] = await Promise.all(
      requests.map((params) =>
        this.#provider.request({ method: "eth_sendTransaction", params: [params] }),
      ),
    );
    return hashes.map((hash) => {
      if (typeof hash !== "string") throw new Error(`eth_sendTransaction returned ${String(hash)}`);
      return hash;
    });
  }

  /** Mines one block at `timestamp`, which must be later than the last block's. */
  async mine(timestamp: number): Promise<void> {
    if (!Number.isSafeInteger(timestamp) || timestamp <= this.#lastTimestamp) {
      throw new Error(
        `block time ${timestamp} is not after the last block's ${this.#lastTimestamp}`,
      );
    }
    await this.#provider.request({ method: "evm_setNextBlockTimestamp", params: [hex(timestamp)] });
    await this.#provider.request({ method: "evm_mine", params: [] });
    this.#lastTimestamp = timestamp;
    this.#blocks += 1;
  }

  /**
   * Fetches the receipts of `hashes`. Transactions a full block left in the mempool are mined
   * in extra blocks one second apart; any still missing after that count as failed.
   */
  async collect(txs: readonly FastTx[], hashes: readonly string[]): Promise<TxOutcome[]> {
    let receipts = await this.#receipts(hashes);
    for (let extra = 0; receipts.some((r) => r === null) && extra < MAX_EXTRA_BLOCKS; extra++) {
      await this.mine(this.#lastTimestamp + 1);
      this.#extraBlocks += 1;
      receipts = await this.#receipts(hashes);
    }
    return hashes.map((hash, i) => {
      const receipt = receipts[i] ?? null;
      const label = txs[i]?.label ?? hash;
      if (receipt === null) return { label, hash, ok: false, gasUsed: 0, block: -1 };
      return {
        label,
        hash,
        ok: receipt.status === "0x1",
        gasUsed: asHexNumber(receipt.gasUsed, "gasUsed"),
        block: asHexNumber(receipt.blockNumber, "blockNumber"),
      };
    });
  }

  /** Turns automine back on (for a naive section on the same chain). */
  async restoreAutomine(): Promise<void> {
    await this.#provider.request({ method: "evm_setAutomine", params: [true] });
  }

  async #receipts(hashes: readonly string[]): Promise<(RawReceipt | null)[]> {
    const receipts: unknown[] = await Promise.all(
      hashes.map((hash) =>
        this.#provider.request({ method: "eth_getTransactionReceipt", params: [hash] }),
      ),
    );
    return receipts.map((r) => (r === null || typeof r !== "object" ? null : (r as RawReceipt)));
  }

  async #loadNonces(senders: readonly string[]): Promise<void> {
    const unknown = [...new Set(senders.map((s) => s.toLowerCase()))].filter(
      (s) => !this.#nonces.has(s),
    );
    const counts: unknown[] = await Promise.all(
      unknown.map((s) =>
        this.#provider.request({ method: "eth_getTransactionCount", params: [s, "pending"] }),
      ),
    );
    unknown.forEach((s, i) => this.#nonces.set(s, asHexNumber(counts[i], `nonce of ${s}`)));
  }

  #nextNonce(sender: string): number {
    const key = sender.toLowerCase();
    const nonce = this.#nonces.get(key);
    if (nonce === undefined) throw new Error(`no nonce loaded for ${sender}`);
    this.#nonces.set(key, nonce + 1);
    return nonce;
  }
}
