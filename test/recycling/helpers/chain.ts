/**
 * The chain the recycling tests share, and time in KST days and epochs.
 */
import { network } from "hardhat";

/** One in-process chain for every recycling test file (fixtures snapshot and restore it). */
export const connection = await network.create();
export const { ethers, networkHelpers } = connection;

/** Seconds in a day. */
export const DAY = 86_400n;
/** Korea Standard Time is UTC+9. */
export const KST_OFFSET = 32_400n;
/** The spec's default epoch: 30 days. */
export const EPOCH_30_DAYS = 30n * DAY;

/** The KST day number of unix time `t`, per the spec: floor((t + 32400) / 86400). */
export function kstDay(t: bigint): bigint {
  return (t + KST_OFFSET) / DAY;
}

/** Unix time of the first KST midnight strictly after `t`. */
export function nextKstMidnight(t: bigint): bigint {
  return (kstDay(t) + 1n) * DAY - KST_OFFSET;
}

/** The latest block's time. */
export async function now(): Promise<bigint> {
  return BigInt(await networkHelpers.time.latest());
}

/** Makes the next transaction's block time exactly `t`. */
export async function at(t: bigint): Promise<void> {
  await networkHelpers.time.setNextBlockTimestamp(t);
}

/** Mines a block at `t`, so views see that time. */
export async function mineAt(t: bigint): Promise<void> {
  await networkHelpers.time.increaseTo(t);
}
