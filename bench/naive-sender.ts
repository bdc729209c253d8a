/**
 * The naive way to replay a trace, as a sender for the replay stage: every transaction is an
 * ethers call from the actor's signer (`ethers.getSigner` on an impersonated account), sent
 * and awaited one at a time with automine on, after `evm_setNextBlockTimestamp` to the
 * event's time. Ethers and Hardhat estimate gas and fill in nonce and fees on every call.
 *
 * The replay stage plans the events (calldata, name maps, records, revert decoding) exactly
 * as on the fast path; only the sending differs, which is what the comparison is about.
 */
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { TransactionReceipt, TransactionResponse } from "ethers";

import type { MinedTx, TxRequest, TxSender } from "../src/replay/internal/sender.js";
import type { BenchEthers } from "./chain.js";

/** Gas money for every sender, as on the fast path. */
const GAS_MONEY_WEI = 10n ** 24n;

const hex = (n: number | bigint): string => `0x${n.toString(16)}`;

interface RpcTrace {
  returnValue?: string;
}

/** The receipt a failed `wait()` carries (ethers' CallExceptionError), if any. */
function receiptOf(error: unknown): TransactionReceipt | null {
  const receipt = (error as { receipt?: unknown } | null)?.receipt;
  return receipt !== undefined && receipt !== null ? (receipt as TransactionReceipt) : null;
}

export class NaiveSender implements TxSender {
  readonly setsTimestamps = true;
  readonly #ethers: BenchEthers;
  readonly #signers = new Map<string, HardhatEthersSigner>();
  #blockGasLimit = 0;
  #blocks = 0;
  #lastBlock = -1;

  constructor(ethers: BenchEthers) {
    this.#ethers = ethers;
  }

  get blockGasLimit(): number {
    return this.#blockGasLimit;
  }

  /** Blocks the replay's transactions were mined in (automine: one per transaction). */
  get blocks(): number {
    return this.#blocks;
  }

  async start(): Promise<void> {
    const latest = await this.#ethers.provider.getBlock("latest");
    this.#blockGasLimit = Number(latest?.gasLimit ?? 0n);
  }

  async stop(): Promise<void> {
    // Automine stayed on.
  }

  async addAccount(address: string): Promise<void> {
    const key = address.toLowerCase();
    if (this.#signers.has(key)) return;
    await this.#ethers.provider.send("hardhat_impersonateAccount", [address]);
    await this.#ethers.provider.send("hardhat_setBalance", [address, hex(GAS_MONEY_WEI)]);
    this.#signers.set(key, await this.#ethers.getSigner(address));
  }

  async nextNonce(address: string): Promise<number> {
    return this.#ethers.provider.getTransactionCount(address, "pending");
  }

  async executeBlock(time: number, txs: readonly TxRequest[]): Promise<MinedTx[]> {
    const mined: MinedTx[] = [];
    for (const tx of txs) mined.push(await this.#sendOne(time, tx));
    return mined;
  }

  async #sendOne(time: number, tx: TxRequest): Promise<MinedTx> {
    await this.#ethers.provider.send("evm_setNextBlockTimestamp", [hex(time)]);
    const signer = await this.#signer(tx.from);
    const response: TransactionResponse = await signer.sendTransaction(
      tx.to === undefined ? { data: tx.data } : { to: tx.to, data: tx.data },
    );
    let receipt: TransactionReceipt | null;
    try {
      receipt = await response.wait();
    } catch (error) {
      receipt = receiptOf(error);
      if (receipt === null) throw error;
    }
    if (receipt === null) throw new Error(`no receipt for ${response.hash}`);
    if (receipt.blockNumber !== this.#lastBlock) this.#blocks += 1;
    this.#lastBlock = receipt.blockNumber;
    const ok = receipt.status === 1;
    const result: MinedTx = {
      hash: receipt.hash,
      ok,
      gasUsed: Number(receipt.gasUsed),
      gasLimit: Number(response.gasLimit),
      blockNumber: receipt.blockNumber,
      timestamp: time,
      logs: receipt.logs.map((log) => ({
        address: log.address,
        topics: log.topics,
        data: log.data,
      })),
    };
    if (!ok) result.revertData = await this.#revertData(receipt.hash);
    return result;
  }

  async #signer(address: string): Promise<HardhatEthersSigner> {
    const known = this.#signers.get(address.toLowerCase());
    if (known !== undefined) return known;
    // The admin (a local account) never went through addAccount.
    const signer = await this.#ethers.getSigner(address);
    this.#signers.set(address.toLowerCase(), signer);
    return signer;
  }

  async #revertData(hash: string): Promise<string> {
    const trace = (await this.#ethers.provider.send("debug_traceTransaction", [
      hash,
      { disableStorage: true, disableMemory: true, disableStack: true },
    ])) as RpcTrace;
    const data = trace.returnValue ?? "";
    if (data === "") return "0x";
    return data.startsWith("0x") ? data : `0x${data}`;
  }
}
