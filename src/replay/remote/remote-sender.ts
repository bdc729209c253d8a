/**
 * The replay's sender for a remote JSON-RPC node (README "Remote networks"). Transactions
 * are signed here with the actors' keys, nonces counted per account, a block's transactions
 * sent together and its receipts awaited.
 *
 * Time modes:
 * - `trace`: the node lets the replay mine (`evm_setAutomine`, `evm_mine` with a timestamp;
 *   anvil and `hardhat node` do): automine off, each block mined at its trace time, as on the
 *   in-process network. Blocks are final once mined, so confirmations do not apply.
 * - `node`: the node mines on its own clock; each trace time's transactions are sent in file
 *   order and the replay waits for their receipts (with the configured confirmations). The
 *   chain's timestamps then differ from the trace's: the run records the drift.
 *
 * Accounts are funded with gas money by the admin in a block of their own before they first
 * send: a node checks a sender's balance when a transaction arrives.
 */
import { setTimeout as sleep } from "node:timers/promises";

import { ReplayError } from "../errors.js";
import type { MinedTx, TxRequest, TxSender } from "../internal/sender.js";
import type { JsonRpcClient } from "./json-rpc.js";
import { minedFrom, readBlocks, readReceipts, type RpcReceipt } from "./receipts.js";
import { sendRawAll } from "./send-raw.js";
import { NonceSigner, type SignedTx } from "./signer.js";

export type TimeMode = "trace" | "node";

export interface RemoteSenderOptions {
  client: JsonRpcClient;
  chainId: bigint;
  timeMode: TimeMode;
  /** The admin: pays every account's gas money. */
  funder: { address: string; privateKey: string };
  /** Node mode: blocks on top of a transaction's before its receipt counts (default 1). */
  confirmations?: number;
  /** Node mode: how often receipts are polled (default 250 ms). */
  pollMs?: number;
  /** Gas money per account (default 0.5 ETH). */
  gasMoneyWei?: bigint;
}

/** What a checkpoint keeps of the sender, to sign the same transactions after a resume. */
export interface RemoteSenderState {
  nonces: [string, number][];
  funded: string[];
  maxFeePerGas: string;
  lastBlock: { number: number; hash: string } | null;
}

const DEFAULT_GAS_MONEY_WEI = 5n * 10n ** 17n;
const MIN_MAX_FEE = 10n ** 9n;
/** Node mode: how long a transaction may stay unmined before the run fails. */
const NODE_MODE_PATIENCE_MS = 10 * 60_000;
/** Trace mode: extra blocks mined at the same time for transactions left pending. */
const EXTRA_MINES = 3;
/** Node mode: transactions still unmined after this long are sent again. */
const RESEND_AFTER_MS = 5_000;

export class RemoteSender implements TxSender {
  readonly setsTimestamps: boolean;
  readonly #options: RemoteSenderOptions;
  readonly #client: JsonRpcClient;
  readonly #signer: NonceSigner;
  readonly #funded = new Set<string>();
  #toFund: string[] = [];
  #maxFeePerGas = MIN_MAX_FEE;
  #blockGasLimit = 0;
  #lastBlock: { number: number; hash: string } | null = null;
  /**
   * After a resume, the blocks since the checkpoint may have been mined already: ask for
   * their receipts before sending, until a block the chain has not seen.
   */
  #resuming = false;

  constructor(options: RemoteSenderOptions) {
    this.#options = options;
    this.#client = options.client;
    this.#signer = new NonceSigner(options.chainId);
    this.setsTimestamps = options.timeMode === "trace";
    this.#signer.addKey(options.funder.privateKey);
    this.#client.onReconnect = () => this.#afterReconnect();
    this.#funded.add(options.funder.address.toLowerCase());
  }

  get blockGasLimit(): number {
    return this.#blockGasLimit;
  }

  get lastBlock(): { number: number; hash: string } | null {
    return this.#lastBlock;
  }

  async start(): Promise<void> {
    const latest = await this.#client.request<{ gasLimit: string; baseFeePerGas?: string }>(
      "eth_getBlockByNumber",
      ["latest", false],
    );
    this.#blockGasLimit = Number(latest.gasLimit);
    if (!this.#resuming) this.#setFees(latest.baseFeePerGas);
    await this.#ensureNonces([this.#options.funder.address]);
    if (this.setsTimestamps) await this.#client.request("evm_setAutomine", [false]);
  }

  async stop(): Promise<void> {
    if (this.setsTimestamps) await this.#client.request("evm_setAutomine", [true]);
  }

  async addAccount(address: string, privateKey?: string): Promise<void> {
    const key = address.toLowerCase();
    if (privateKey === undefined) {
      if (this.#signer.hasKey(key)) return;
      throw new Error(`no key for ${address}: a remote replay signs every transaction`);
    }
    this.#signer.addKey(privateKey);
    // Actor and keeper keys are this run's own (keys.ts): they have sent nothing before.
    // Counting from 0 rather than asking the node keeps a resumed run from taking a nonce
    // its interrupted block already used.
    if (this.#signer.nonce(key) === undefined) this.#signer.setNonce(key, 0);
    if (!this.#funded.has(key) && !this.#toFund.includes(key)) this.#toFund.push(key);
  }

  async nextNonce(address: string): Promise<number> {
    const nonce = this.#signer.nonce(address);
    if (nonce === undefined) throw new Error(`nonce of ${address} unknown`);
    return nonce;
  }

  async executeBlock(time: number, txs: readonly TxRequest[]): Promise<MinedTx[]> {
    if (txs.length === 0) return [];
    await this.#fundNewAccounts(time);
    const signed = this.#signer.signBlock(txs, { maxFeePerGas: this.#maxFeePerGas });
    return this.#land(time, signed);
  }

  /** The state a checkpoint keeps (taken between blocks). */
  state(): RemoteSenderState {
    return {
      nonces: this.#signer.nonces(),
      funded: [...this.#funded],
      maxFeePerGas: this.#maxFeePerGas.toString(),
      lastBlock: this.#lastBlock,
    };
  }

  /** Continues from a checkpoint: same nonces and fees, so the same transactions. */
  restore(state: RemoteSenderState): void {
    for (const [address, nonce] of state.nonces) this.#signer.setNonce(address, nonce);
    for (const address of state.funded) this.#funded.add(address);
    this.#maxFeePerGas = BigInt(state.maxFeePerGas);
    this.#lastBlock = state.lastBlock;
    this.#resuming = true;
  }

  async #fundNewAccounts(time: number): Promise<void> {
    if (this.#toFund.length === 0) return;
    const accounts = this.#toFund;
    const funder = this.#options.funder.address;
    const value = this.#options.gasMoneyWei ?? DEFAULT_GAS_MONEY_WEI;
    const transfers = accounts.map((to) => ({ from: funder, to, data: "0x", value, gas: 21_000 }));
    const signed = this.#signer.signBlock(transfers, { maxFeePerGas: this.#maxFeePerGas });
    const mined = await this.#land(time, signed);
    if (mined.some((tx) => !tx.ok)) throw new Error("funding an account with gas money failed");
    this.#toFund = [];
    for (const account of accounts) this.#funded.add(account);
  }

  /** Reads the pending nonce of accounts not counted yet (the admin's, at the start). */
  async #ensureNonces(addresses: readonly string[]): Promise<void> {
    const unknown = [...new Set(addresses.map((a) => a.toLowerCase()))].filter(
      (a) => this.#signer.nonce(a) === undefined,
    );
    const answers = await this.#client.batch(
      unknown.map((a) => ({ method: "eth_getTransactionCount", params: [a, "pending"] })),
    );
    answers.forEach((answer, i) => {
      if (!answer.ok) throw answer.error;
      this.#signer.setNonce(unknown[i] as string, Number(answer.result));
    });
  }

  /** Sends what is not on chain yet, gets it mined, returns every transaction's outcome. */
  async #land(time: number, signed: readonly SignedTx[]): Promise<MinedTx[]> {
    let receipts = this.#resuming
      ? await readReceipts(
          this.#client,
          signed.map((tx) => tx.hash),
        )
      : signed.map(() => null);
    const unsent = signed.filter((_, i) => receipts[i] === null);
    if (unsent.length === signed.length) this.#resuming = false;
    if (unsent.length > 0) {
      await this.#send(unsent);
      receipts = this.setsTimestamps
        ? await this.#mineAt(time, signed)
        : await this.#awaitNodeMined(signed);
    }
    return this.#outcomes(signed, receipts as RpcReceipt[]);
  }

  #send(txs: readonly SignedTx[]): Promise<void> {
    return sendRawAll(this.#client, txs, { inOrder: !this.setsTimestamps });
  }

  /** Transactions of `signed` without a receipt in `receipts`. */
  #missing(signed: readonly SignedTx[], receipts: readonly (RpcReceipt | null)[]): SignedTx[] {
    return signed.filter((_, i) => receipts[i] === null);
  }

  /**
   * Mines at `time` until every transaction has a receipt. One that is missing after a mine
   * was lost with a restarted node's mempool: it is sent again (sending is safe to repeat).
   */
  async #mineAt(time: number, signed: readonly SignedTx[]): Promise<RpcReceipt[]> {
    const hashes = signed.map((tx) => tx.hash);
    let missing: SignedTx[] = [];
    for (let mines = 0; mines <= EXTRA_MINES; mines += 1) {
      if (missing.length > 0) await this.#send(missing);
      await this.#client.request("evm_mine", [time]);
      const receipts = await readReceipts(this.#client, hashes);
      missing = this.#missing(signed, receipts);
      if (missing.length === 0) return receipts as RpcReceipt[];
    }
    throw new ReplayError("LEFT_PENDING", { count: missing.length, time });
  }

  async #awaitNodeMined(signed: readonly SignedTx[]): Promise<RpcReceipt[]> {
    const hashes = signed.map((tx) => tx.hash);
    const confirmations = this.#options.confirmations ?? 1;
    const deadline = Date.now() + NODE_MODE_PATIENCE_MS;
    let resendAt = Date.now() + RESEND_AFTER_MS;
    for (;;) {
      const receipts = await readReceipts(this.#client, hashes);
      const missing = this.#missing(signed, receipts);
      if (missing.length === 0) {
        const highest = Math.max(...receipts.map((r) => Number((r as RpcReceipt).blockNumber)));
        const head = Number(await this.#client.request<string>("eth_blockNumber"));
        if (head >= highest + confirmations - 1) return receipts as RpcReceipt[];
      } else if (Date.now() > resendAt) {
        // A node that restarted has forgotten what was pending.
        await this.#send(missing);
        resendAt = Date.now() + RESEND_AFTER_MS;
      }
      if (Date.now() > deadline) {
        throw new ReplayError("LEFT_PENDING", { count: missing.length, time: "node time" });
      }
      await sleep(this.#options.pollMs ?? 250);
    }
  }

  /**
   * After the node was unreachable: a restarted node has automine back on (trace mode turns
   * it off again before anything else is sent), and must still hold the last block the run
   * mined, or the run's records no longer describe the chain.
   */
  async #afterReconnect(): Promise<void> {
    if (this.setsTimestamps) await this.#client.request("evm_setAutomine", [false]);
    const last = this.#lastBlock;
    if (last === null) return;
    const block = await this.#client.request<{ hash: string } | null>("eth_getBlockByNumber", [
      `0x${last.number.toString(16)}`,
      false,
    ]);
    if (block?.hash !== last.hash) {
      throw new ReplayError("NODE_LOST_BLOCKS", { number: last.number, hash: last.hash });
    }
  }

  async #outcomes(signed: readonly SignedTx[], receipts: RpcReceipt[]): Promise<MinedTx[]> {
    const blocks = await readBlocks(
      this.#client,
      receipts.map((r) => Number(r.blockNumber)),
    );
    const last = Math.max(...blocks.keys());
    const lastBlock = blocks.get(last);
    if (lastBlock !== undefined) {
      this.#lastBlock = { number: last, hash: lastBlock.hash };
      this.#setFees(lastBlock.baseFeePerGas);
    }
    return Promise.all(
      receipts.map((receipt, i) => {
        const block = blocks.get(Number(receipt.blockNumber));
        const timestamp = block === undefined ? 0 : Number(block.timestamp);
        return minedFrom(this.#client, signed[i] as SignedTx, receipt, timestamp);
      }),
    );
  }

  /** Room for the base fee to double before the next block, and never below 1 gwei. */
  #setFees(baseFee: string | undefined): void {
    const doubled = 2n * BigInt(baseFee ?? 0);
    this.#maxFeePerGas = doubled > MIN_MAX_FEE ? doubled : MIN_MAX_FEE;
  }
}
