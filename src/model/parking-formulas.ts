/**
 * The money formulas of SPEC.md section 2, as pure functions of a booking's stored figures.
 * Every amount uses the unit price stored when the booking was made.
 */
import type { MarketParams } from "./config.js";
import { bpsCut } from "./money.js";
import { UNIT_SECONDS } from "./time.js";

/** `fee = units * unitPrice`; `deposit = depositUnits * unitPrice`. */
export function bookingPrice(
  units: number,
  unitPrice: bigint,
  market: MarketParams,
): { fee: bigint; deposit: bigint } {
  return { fee: BigInt(units) * unitPrice, deposit: market.depositUnits * unitPrice };
}

/**
 * Overstay: only a check-out later than `end + graceSeconds` pays; then
 * `overUnits = ceil((checkout - end) / 900)` and
 * `penalty = min(deposit, floor(overUnits * unitPrice * overstayBps / 10000))`.
 */
export function overstay(
  checkout: number,
  end: number,
  unitPrice: bigint,
  deposit: bigint,
  market: MarketParams,
): { overUnits: number; penalty: bigint } {
  if (checkout <= end + market.graceSeconds) return { overUnits: 0, penalty: 0n };
  const overUnits = Math.ceil((checkout - end) / UNIT_SECONDS);
  const uncapped = bpsCut(BigInt(overUnits) * unitPrice, market.overstayBps);
  return { overUnits, penalty: uncapped < deposit ? uncapped : deposit };
}

/** `platformCut = floor(amount * platformFeeBps / 10000)` to the treasury, the rest to the owner. */
export function platformSplit(
  amount: bigint,
  market: MarketParams,
): { platformCut: bigint; ownerShare: bigint } {
  const platformCut = bpsCut(amount, market.platformFeeBps);
  return { platformCut, ownerShare: amount - platformCut };
}

/** A cancel at least `freeCancelSeconds` before start is free (the limit itself included). */
export function isFreeCancel(now: number, start: number, market: MarketParams): boolean {
  return start - now >= market.freeCancelSeconds;
}

/** `cancelFee = floor(fee * lateCancelBps / 10000)`, kept by a late cancel. */
export function lateCancelFee(fee: bigint, market: MarketParams): bigint {
  return bpsCut(fee, market.lateCancelBps);
}

/**
 * "Credits cashed out through parking refunds" (SPEC.md section 2, refunds): refunds are
 * paid in KRW even where the driver paid in credits, so a driver can end a booking with
 * more KRW than they paid in. That net KRW gain, `max(0, refund - krwPaid)`, is the part
 * of the credits used that came back as KRW without a merchant. It equals the credits
 * used for a free cancel, `max(0, creditsUsed - cancelFee)` for a late cancel, and is 0
 * for a check-out or no-show (the fee, which the credits paid, is spent).
 */
export function creditsCashedOut(refund: bigint, krwPaid: bigint): bigint {
  return refund > krwPaid ? refund - krwPaid : 0n;
}
