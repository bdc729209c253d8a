/**
 * Trace values to contract arguments where the mapping is a choice of the replay.
 */
import { encodeBytes32String, keccak256, toUtf8Bytes, toUtf8String, getBytes } from "ethers";

import { MATERIALS, type Material } from "../../scenario/trace-schema.js";

/**
 * A district name as `bytes32`: the UTF-8 bytes, right-padded, when they fit in 31 bytes
 * (readable in logs and explorers); the keccak-256 hash of the name when longer.
 */
export function districtId(name: string): string {
  return toUtf8Bytes(name).length <= 31 ? encodeBytes32String(name) : keccak256(toUtf8Bytes(name));
}

/** The district name back from a `bytes32` written by {@link districtId}, if readable. */
export function districtName(id: string): string | undefined {
  const bytes = getBytes(id);
  const end = bytes.indexOf(0);
  if (end === -1) return undefined;
  if (bytes.slice(end).some((b) => b !== 0)) return undefined;
  return toUtf8String(bytes.slice(0, end));
}

/**
 * A receipt name of the trace as its on-chain id: the keccak-256 hash of the name, so any
 * name maps to a distinct `uint256` and the same name to the same id (a reused receipt
 * reverts on chain, as the rules say).
 */
export function receiptId(name: string): bigint {
  return BigInt(keccak256(toUtf8Bytes(`receipt/${name}`)));
}

/** The `Material` enum index of a material. */
export function materialIndex(material: Material): number {
  return MATERIALS.indexOf(material);
}
