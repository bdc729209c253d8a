/**
 * EIP-712 receipts as kiosks sign them, and signatures bent for the attack tests.
 */
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { Signature, type TypedDataDomain } from "ethers";

import type { IRecyclingRewards, RecyclingRewards } from "../../../typechain-types/index.js";
import { ethers } from "./chain.js";

/** The EIP-712 types of a receipt, as the contract declares them. */
export const RECEIPT_TYPES = {
  Receipt: [
    { name: "citizen", type: "address" },
    { name: "kiosk", type: "address" },
    { name: "material", type: "uint8" },
    { name: "grams", type: "uint256" },
    { name: "items", type: "uint256" },
    { name: "id", type: "uint256" },
    { name: "expiry", type: "uint256" },
  ],
};

/** A receipt with every field a bigint or an address. */
export interface ReceiptValue {
  citizen: string;
  kiosk: string;
  material: number;
  grams: bigint;
  items: bigint;
  id: bigint;
  expiry: bigint;
}

/** The rewards contract's EIP-712 domain, optionally with another chain id or contract. */
export async function receiptDomain(
  rewards: RecyclingRewards,
  override: Partial<TypedDataDomain> = {},
): Promise<TypedDataDomain> {
  const { chainId } = await ethers.provider.getNetwork();
  return {
    name: "RecyclingRewards",
    version: "1",
    chainId,
    verifyingContract: await rewards.getAddress(),
    ...override,
  };
}

/** `signer`'s signature over `receipt` in `domain` (default: the contract's own). */
export async function signReceipt(
  signer: HardhatEthersSigner,
  rewards: RecyclingRewards,
  receipt: ReceiptValue,
  domain?: TypedDataDomain,
): Promise<string> {
  return signer.signTypedData(domain ?? (await receiptDomain(rewards)), RECEIPT_TYPES, receipt);
}

/** The same signature with `s` replaced by `n - s` and `v` flipped: valid for ecrecover, malleable. */
export function highS(signature: string): string {
  const sig = Signature.from(signature);
  const n = BigInt("0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141");
  const s = n - BigInt(sig.s);
  const v = sig.v === 27 ? 28 : 27;
  return ethers.concat([sig.r, ethers.toBeHex(s, 32), ethers.toBeHex(v, 1)]);
}

/** The high `s` of a signature bent by {highS}. */
export function sOf(signature: string): string {
  return ethers.dataSlice(signature, 32, 64);
}

/** A receipt struct for the contract call. */
export function asStruct(receipt: ReceiptValue): IRecyclingRewards.ReceiptStruct {
  return { ...receipt };
}
