/**
 * Signs the replay's transactions for a remote network: EIP-1559, explicit gas limit,
 * nonces counted here per account. Within one block, tips fall by one wei per transaction in
 * file order: a node whose mempool orders by fee (anvil, `hardhat node`, most clients) then
 * mines them in file order, and a sender's own transactions stay in nonce order.
 *
 * Signing is deterministic (RFC 6979): the same account, nonce and fees give the same
 * transaction hash, which is how a resumed replay recognises what it already sent.
 */
import { SigningKey, Transaction, computeAddress } from "ethers";

import type { TxRequest } from "../internal/sender.js";

export interface SignedTx {
  request: TxRequest;
  nonce: number;
  tip: bigint;
  raw: string;
  hash: string;
}

export interface Fees {
  maxFeePerGas: bigint;
}

export class NonceSigner {
  readonly #chainId: bigint;
  readonly #keys = new Map<string, SigningKey>();
  readonly #nonces = new Map<string, number>();

  constructor(chainId: bigint) {
    this.#chainId = chainId;
  }

  /** Registers a key; returns false if its account was known already. */
  addKey(privateKey: string): boolean {
    const address = computeAddress(privateKey).toLowerCase();
    if (this.#keys.has(address)) return false;
    this.#keys.set(address, new SigningKey(privateKey));
    return true;
  }

  hasKey(address: string): boolean {
    return this.#keys.has(address.toLowerCase());
  }

  /** The next nonce of `address`, if counted here. */
  nonce(address: string): number | undefined {
    return this.#nonces.get(address.toLowerCase());
  }

  setNonce(address: string, nonce: number): void {
    this.#nonces.set(address.toLowerCase(), nonce);
  }

  /** Every counted nonce, for a checkpoint. */
  nonces(): [string, number][] {
    return [...this.#nonces];
  }

  /**
   * Signs `requests` as one block: nonces in order per account (each account's nonce must
   * be known), tips `n, n-1, ..., 1` wei in file order.
   */
  signBlock(requests: readonly TxRequest[], fees: Fees): SignedTx[] {
    return requests.map((request, i) => {
      const tip = BigInt(requests.length - i);
      return this.sign(request, this.#takeNonce(request.from), tip, fees);
    });
  }

  /** Signs one transaction at a given nonce and tip. */
  sign(request: TxRequest, nonce: number, tip: bigint, fees: Fees): SignedTx {
    const key = this.#keys.get(request.from.toLowerCase());
    if (key === undefined) throw new Error(`no key for ${request.from}`);
    const tx = Transaction.from({
      type: 2,
      chainId: this.#chainId,
      nonce,
      to: request.to ?? null,
      data: request.data,
      value: request.value ?? 0n,
      gasLimit: BigInt(request.gas),
      maxPriorityFeePerGas: tip,
      maxFeePerGas: fees.maxFeePerGas + tip,
    });
    tx.signature = key.sign(tx.unsignedHash);
    return { request, nonce, tip, raw: tx.serialized, hash: tx.hash ?? "" };
  }

  #takeNonce(from: string): number {
    const address = from.toLowerCase();
    const nonce = this.#nonces.get(address);
    if (nonce === undefined) throw new Error(`nonce of ${from} unknown`);
    this.#nonces.set(address, nonce + 1);
    return nonce;
  }
}
