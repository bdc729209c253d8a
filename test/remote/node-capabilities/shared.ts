/**
 * Shared by the node-capability tests: the test mnemonic's accounts, signed transfers, a
 * contract that always reverts, and small JSON-RPC readers. What each node was found to do
 * is in the table at the top of capabilities.test.ts.
 */

import { expect } from "chai";
import { HDNodeWallet, Mnemonic, Transaction } from "ethers";

import {
  RpcError,
  rpc,
  startAnvil,
  startHardhatNode,
  type LocalNode,
  type NodeKind,
} from "../../../scripts/local-node.js";

export const MNEMONIC = Mnemonic.fromPhrase(
  "test test test test test test test test test test test junk",
);
export const CHAIN_ID = 31_337;
export const GWEI = 10n ** 9n;
/** Far above either node's base fee (1 gwei at genesis, falling while blocks are empty). */
export const MAX_FEE = 100n * GWEI;
/** 2020-01-01, where simNode starts too. */
export const GENESIS_TIME = 1_577_836_800;

/**
 * Runtime code that always reverts with the 4 bytes 0xdeadbeef (a custom error without
 * arguments): PUSH4 deadbeef, PUSH1 e0, SHL, PUSH0, MSTORE, PUSH1 4, PUSH0, REVERT.
 */
export const REVERTER_RUNTIME = "0x63deadbeef60e01b5f5260045ffd";
/**
 * Creation code returning that runtime: PUSH1 14 (size), PUSH1 10 (offset of the runtime in
 * this code), PUSH0, CODECOPY, PUSH1 14, PUSH0, RETURN; then the 14 bytes of runtime.
 */
export const REVERTER_CREATION = "0x600e600a5f39600e5ff3" + REVERTER_RUNTIME.slice(2);
export const REVERT_DATA = "0xdeadbeef";

/** Errors a resend may get: the transaction is in the pool, or its nonce is used. */
export const DUPLICATE_ERROR = /already known|already imported|known transaction|nonce too low/i;

export interface RpcBlock {
  number: string;
  hash: string;
  timestamp: string;
  transactions: string[];
}

export interface RpcReceipt {
  status: string;
  blockNumber: string;
  contractAddress: string | null;
}

export interface TxTrace {
  failed: boolean;
  returnValue: string;
}

export interface TxSpec {
  /** Index of the sender in the test mnemonic (anvil funds 0..9, hardhat node 0..19). */
  sender: number;
  to?: string;
  data?: string;
  gasLimit?: bigint;
  tip?: bigint;
  maxFee?: bigint;
}

/** What differs between the two nodes; everything else is asserted the same for both. */
export interface NodeFacts {
  kind: NodeKind;
  start(): Promise<LocalNode>;
  /** evm_mine also takes anvil's `{ timestamp, blocks }` object. */
  minesWithOptionsObject: boolean;
  /** Message for an evm_setNextBlockTimestamp before the latest block. */
  earlierTimestamp: RegExp;
  /** The fee its mempool ranks ready transactions of different senders by. */
  ranksBy: "maxFeePerGas" | "maxPriorityFeePerGas";
  /** Error sending a transaction again while it is pending. */
  duplicatePending(hash: string): { code: number; message: string | RegExp };
  /** Error sending a transaction again once it is mined. */
  duplicateMined: { code: number; message: string | RegExp };
  /** With automine on, sending a transaction that reverts fails (though it is mined). */
  automineRevertFails: boolean;
}

export const ANVIL: NodeFacts = {
  kind: "anvil",
  start: () => startAnvil({ timestamp: GENESIS_TIME }),
  minesWithOptionsObject: true,
  earlierTimestamp: /^Timestamp error: \d+ is lower than previous block's timestamp$/,
  ranksBy: "maxFeePerGas",
  duplicatePending: () => ({ code: -32003, message: "transaction already imported" }),
  duplicateMined: { code: -32003, message: "nonce too low" },
  automineRevertFails: false,
};

export const HARDHAT_NODE: NodeFacts = {
  kind: "hardhat-node",
  start: () => startHardhatNode(),
  minesWithOptionsObject: false,
  earlierTimestamp: /^Timestamp \d+ is lower than the previous block's timestamp \d+$/,
  ranksBy: "maxPriorityFeePerGas",
  duplicatePending: (hash) => ({ code: -32000, message: `Known transaction: ${hash}` }),
  duplicateMined: {
    code: -32000,
    message: /^Transaction nonce too low\. Expected nonce to be at least \d+ but got \d+\.$/,
  },
  automineRevertFails: true,
};

export const wallets = new Map<number, HDNodeWallet>();

export function account(index: number): HDNodeWallet {
  let wallet = wallets.get(index);
  if (wallet === undefined) {
    wallet = HDNodeWallet.fromMnemonic(MNEMONIC, `m/44'/60'/0'/0/${index}`);
    wallets.set(index, wallet);
  }
  return wallet;
}

/** A fresh address per label, so that transfers differ by recipient. */
export function recipient(label: number): string {
  return "0x" + (0xc1700000 + label).toString(16).padStart(40, "0");
}

/** Signs EIP-1559 transactions in order, numbering each sender's nonces from its mined count. */
export async function signAll(url: string, specs: readonly TxSpec[]): Promise<string[]> {
  const nextNonce = new Map<number, number>();
  const raws: string[] = [];
  for (const spec of specs) {
    const nonce = nextNonce.get(spec.sender) ?? (await minedNonce(url, spec.sender));
    nextNonce.set(spec.sender, nonce + 1);
    raws.push(
      await account(spec.sender).signTransaction({
        type: 2,
        chainId: CHAIN_ID,
        nonce,
        to: spec.to ?? null,
        data: spec.data ?? "0x",
        value: spec.to === undefined ? 0n : 1n,
        gasLimit: spec.gasLimit ?? 21_000n,
        maxFeePerGas: spec.maxFee ?? MAX_FEE,
        maxPriorityFeePerGas: spec.tip ?? 1_000n,
      }),
    );
  }
  return raws;
}

export async function minedNonce(url: string, sender: number): Promise<number> {
  return Number(
    await rpc<string>(url, "eth_getTransactionCount", [account(sender).address, "latest"]),
  );
}

export function hashOf(raw: string): string {
  const hash = Transaction.from(raw).hash;
  if (hash === null) throw new Error("unsigned transaction");
  return hash;
}

export const send = (url: string, raw: string) => rpc<string>(url, "eth_sendRawTransaction", [raw]);
export const mine = (url: string, ...params: unknown[]) => rpc(url, "evm_mine", params);
export const latestBlock = (url: string) =>
  rpc<RpcBlock>(url, "eth_getBlockByNumber", ["latest", false]);
export const receipt = (url: string, hash: string) =>
  rpc<RpcReceipt | null>(url, "eth_getTransactionReceipt", [hash]);
export const balance = (url: string, address: string) =>
  rpc<string>(url, "eth_getBalance", [address, "latest"]);

/**
 * The receipt of a transaction mined by automine. anvil's receipt is sometimes not there yet
 * right after eth_sendRawTransaction answers (it mines just after), so this polls.
 */
export async function minedReceipt(url: string, hash: string): Promise<RpcReceipt> {
  return eventually(async () => (await receipt(url, hash)) ?? undefined, `${hash} mined`);
}

/** Polls `probe` until it gives a value (every 20 ms, for 2 s at most). */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let tries = 0; tries < 100; tries++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return expect.fail(`not ${what} after 2 s`);
}

export async function latestTime(url: string): Promise<number> {
  return Number((await latestBlock(url)).timestamp);
}

/** What a promise rejects with (fails the test if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return expect.fail("expected a rejection");
}

/** The JSON-RPC error a call fails with. */
export async function rpcError(call: Promise<unknown>): Promise<RpcError> {
  const error = await rejection(call);
  expect(error).to.be.instanceOf(RpcError);
  return error as RpcError;
}

export async function answers(url: string): Promise<boolean> {
  return rpc(url, "eth_chainId").then(
    () => true,
    () => false,
  );
}

export function expectError(error: RpcError, expected: { code: number; message: string | RegExp }) {
  expect(error.code).to.equal(expected.code);
  if (typeof expected.message === "string") expect(error.message).to.equal(expected.message);
  else expect(error.message).to.match(expected.message);
}
