/**
 * Reading back what a remote node did with a block's transactions: receipts, block
 * timestamps and hashes, and the revert data of failed transactions.
 */
import type { MinedTx, TxLog } from "../internal/sender.js";
import type { JsonRpcClient } from "./json-rpc.js";
import type { SignedTx } from "./signer.js";

export interface RpcReceipt {
  transactionHash: string;
  status: string;
  gasUsed: string;
  blockNumber: string;
  logs: { address: string; topics: string[]; data: string }[];
}

export interface RpcBlock {
  number: string;
  hash: string;
  timestamp: string;
  gasLimit: string;
  baseFeePerGas?: string;
}

const CHUNK = 500;

/** Receipts of `hashes` (null where not mined yet), read in batches. */
export async function readReceipts(
  client: JsonRpcClient,
  hashes: readonly string[],
): Promise<(RpcReceipt | null)[]> {
  const receipts: (RpcReceipt | null)[] = [];
  for (let from = 0; from < hashes.length; from += CHUNK) {
    const chunk = hashes.slice(from, from + CHUNK);
    const answers = await client.batch(
      chunk.map((hash) => ({ method: "eth_getTransactionReceipt", params: [hash] })),
    );
    for (const answer of answers) {
      if (!answer.ok) throw answer.error;
      receipts.push((answer.result ?? null) as RpcReceipt | null);
    }
  }
  return receipts;
}

/** The blocks with these numbers (distinct), by number. */
export async function readBlocks(
  client: JsonRpcClient,
  numbers: Iterable<number>,
): Promise<Map<number, RpcBlock>> {
  const distinct = [...new Set(numbers)];
  const answers = await client.batch(
    distinct.map((n) => ({
      method: "eth_getBlockByNumber",
      params: [`0x${n.toString(16)}`, false],
    })),
  );
  const blocks = new Map<number, RpcBlock>();
  answers.forEach((answer, i) => {
    if (!answer.ok) throw answer.error;
    if (answer.result !== null) blocks.set(distinct[i] as number, answer.result as RpcBlock);
  });
  return blocks;
}

/**
 * Revert data of a failed transaction: `debug_traceTransaction` re-executes it in its block
 * (anvil and `hardhat node` have it); a node without it gets an `eth_call` of the same call at
 * the parent block, which misses the effects of earlier transactions of the block.
 */
export async function revertData(
  client: JsonRpcClient,
  signed: SignedTx,
  blockNumber: number,
): Promise<string> {
  try {
    const trace = await client.request<{ returnValue?: string }>("debug_traceTransaction", [
      signed.hash,
      { disableStorage: true, disableMemory: true, disableStack: true },
    ]);
    const data = trace.returnValue ?? "";
    if (data === "") return "0x";
    return data.startsWith("0x") ? data : `0x${data}`;
  } catch {
    const { from, to, data, gas } = signed.request;
    const call = { from, to, data, gas: `0x${gas.toString(16)}` };
    try {
      await client.request("eth_call", [call, `0x${(blockNumber - 1).toString(16)}`]);
      return "0x";
    } catch (error) {
      const errorData = (error as { data?: unknown }).data;
      return typeof errorData === "string" && errorData.startsWith("0x") ? errorData : "0x";
    }
  }
}

/** A receipt as the replay's {@link MinedTx}, with its block's timestamp. */
export async function minedFrom(
  client: JsonRpcClient,
  signed: SignedTx,
  receipt: RpcReceipt,
  timestamp: number,
): Promise<MinedTx> {
  const ok = receipt.status === "0x1";
  const logs: TxLog[] = receipt.logs.map(({ address, topics, data }) => ({
    address,
    topics,
    data,
  }));
  const blockNumber = Number(receipt.blockNumber);
  const mined: MinedTx = {
    hash: receipt.transactionHash,
    ok,
    gasUsed: Number(receipt.gasUsed),
    gasLimit: signed.request.gas,
    blockNumber,
    timestamp,
    logs,
  };
  if (!ok) mined.revertData = await revertData(client, signed, blockNumber);
  return mined;
}
