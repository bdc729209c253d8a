/**
 * The fast path on the in-process network: automine off; per trace time, send every
 * transaction with `eth_sendTransaction` from impersonated accounts (the FIFO mempool keeps
 * file order), mine one block at the trace's time, read the receipts. Revert
 * data of the failed ones comes from `debug_traceTransaction`, which re-executes the block
 * up to the transaction; an `eth_call` at the parent block would miss the effects of the
 * transactions before it in the same block.
 */
import type { EthereumProvider } from "hardhat/types/providers";

import { ReplayError } from "../errors.js";
import type { MinedTx, TxLog, TxRequest, TxSender } from "./sender.js";

/** Gas money for every sender: far more than a replay burns at any base fee it reaches. */
const GAS_MONEY_WEI = 10n ** 24n;

/**
 * Explicit fees. Left out, each `eth_sendTransaction` has the provider suggest fees from the
 * pending block, which it builds by executing the whole mempool: sends get slower as the
 * block fills (measured: 13 ms per send at 100 pending, 0.08 ms with fees given). The cap
 * is far above any base fee a replay reaches and the tip is zero, so a transaction pays the
 * base fee only; the sender's balance covers `gas x cap` (the pre-check) for any limit here.
 */
const MAX_FEE_PER_GAS = 10n ** 15n;
const MAX_PRIORITY_FEE_PER_GAS = 0n;

interface RpcReceipt {
  transactionHash: string;
  status: string;
  gasUsed: string;
  blockNumber: string;
  logs: { address: string; topics: string[]; data: string }[];
}

interface RpcTrace {
  failed: boolean;
  returnValue: string;
}

const hex = (n: number | bigint): string => `0x${n.toString(16)}`;

export class FastSender implements TxSender {
  readonly setsTimestamps = true;
  readonly #provider: EthereumProvider;
  readonly #known = new Set<string>();
  #blockGasLimit = 0;

  constructor(provider: EthereumProvider) {
    this.#provider = provider;
  }

  get blockGasLimit(): number {
    return this.#blockGasLimit;
  }

  async start(): Promise<void> {
    const latest = (await this.#provider.request({
      method: "eth_getBlockByNumber",
      params: ["latest", false],
    })) as { gasLimit: string };
    this.#blockGasLimit = Number(latest.gasLimit);
    await this.#provider.request({ method: "evm_setAutomine", params: [false] });
  }

  async stop(): Promise<void> {
    await this.#provider.request({ method: "evm_setAutomine", params: [true] });
  }

  async addAccount(address: string): Promise<void> {
    const key = address.toLowerCase();
    if (this.#known.has(key)) return;
    this.#known.add(key);
    await this.#provider.request({ method: "hardhat_impersonateAccount", params: [address] });
    await this.#provider.request({
      method: "hardhat_setBalance",
      params: [address, hex(GAS_MONEY_WEI)],
    });
  }

  async nextNonce(address: string): Promise<number> {
    const count = await this.#provider.request({
      method: "eth_getTransactionCount",
      params: [address, "pending"],
    });
    return Number(count);
  }

  async executeBlock(time: number, txs: readonly TxRequest[]): Promise<MinedTx[]> {
    if (txs.length === 0) return [];
    const hashes: string[] = [];
    // One by one: the mempool orders by arrival, so sends must not overlap.
    for (const tx of txs) hashes.push(await this.#send(tx));
    // `evm_mine` with a timestamp is `evm_setNextBlockTimestamp` + `evm_mine` in one call.
    await this.#provider.request({ method: "evm_mine", params: [hex(time)] });
    // Receipts are independent reads: let them overlap.
    const receipts = await Promise.all(hashes.map((h) => this.#receipt(h)));
    if (receipts.some((r) => r === null)) {
      throw new ReplayError("LEFT_PENDING", {
        count: receipts.filter((r) => r === null).length,
        time,
      });
    }
    return Promise.all(
      receipts.map((r, i) => this.#mined(r as RpcReceipt, txs[i] as TxRequest, time)),
    );
  }

  async #send(tx: TxRequest): Promise<string> {
    const params: Record<string, string> = {
      from: tx.from,
      data: tx.data,
      gas: hex(tx.gas),
      maxFeePerGas: hex(MAX_FEE_PER_GAS),
      maxPriorityFeePerGas: hex(MAX_PRIORITY_FEE_PER_GAS),
    };
    if (tx.to !== undefined) params.to = tx.to;
    return (await this.#provider.request({
      method: "eth_sendTransaction",
      params: [params],
    })) as string;
  }

  async #receipt(hash: string): Promise<RpcReceipt | null> {
    return (await this.#provider.request({
      method: "eth_getTransactionReceipt",
      params: [hash],
    })) as RpcReceipt | null;
  }

  async #mined(receipt: RpcReceipt, tx: TxRequest, time: number): Promise<MinedTx> {
    const ok = receipt.status === "0x1";
    const logs: TxLog[] = receipt.logs.map(({ address, topics, data }) => ({
      address,
      topics,
      data,
    }));
    const mined: MinedTx = {
      hash: receipt.transactionHash,
      ok,
      gasUsed: Number(receipt.gasUsed),
      gasLimit: tx.gas,
      blockNumber: Number(receipt.blockNumber),
      // evm_setNextBlockTimestamp fixed it: no need to read the block back.
      timestamp: time,
      logs,
    };
    if (!ok) mined.revertData = await this.#revertData(receipt.transactionHash);
    return mined;
  }

  async #revertData(hash: string): Promise<string> {
    const trace = (await this.#provider.request({
      method: "debug_traceTransaction",
      params: [hash, { disableStorage: true, disableMemory: true, disableStack: true }],
    })) as RpcTrace;
    const data = trace.returnValue;
    if (data === "" || data === undefined) return "0x";
    return data.startsWith("0x") ? data : `0x${data}`;
  }
}
