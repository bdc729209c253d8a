/**
 * The checks and caps of a deposit (SPEC.md section 3, checks), as pure functions of the
 * day's counters, so that the order of the checks is visible in one place.
 */
import type { RecyclingParams } from "./config.js";
import type { RejectionReason } from "./reasons.js";

export interface DepositRequest {
  grams: number;
  items: number;
}

/**
 * The first rule a deposit breaks, in this order: grams > 0, grams <= maxDepositGrams,
 * items <= grams, not before epochStart, the kiosk's daily capacity (counting the full
 * grams, the deposit rejected whole if the intake would pass it).
 */
export function depositRejection(
  deposit: DepositRequest,
  time: number,
  kioskIntakeToday: number,
  kioskCapacity: number,
  params: RecyclingParams & { epochStart: number },
): RejectionReason | undefined {
  if (deposit.grams <= 0) return "ZeroGrams";
  if (deposit.grams > params.maxDepositGrams) return "DepositTooLarge";
  if (deposit.items > deposit.grams) return "ItemsExceedGrams";
  if (time < params.epochStart) return "BeforeEpochStart";
  if (kioskIntakeToday + deposit.grams > kioskCapacity) return "DailyCapacityExceeded";
  return undefined;
}

/**
 * The grams of a deposit that earn: those under the citizen's daily cap. A deposit that
 * crosses the cap earns only its part under it; one made with the cap reached earns 0.
 */
export function acceptedGramsUnderCap(
  grams: number,
  citizenGramsToday: number,
  dailyCapGrams: number,
): number {
  const room = Math.max(0, dailyCapGrams - citizenGramsToday);
  return Math.min(grams, room);
}

/** A deposit cut by the daily cap counts `floor(items * acceptedGrams / grams)` items. */
export function acceptedItems(items: number, acceptedGrams: number, grams: number): number {
  if (acceptedGrams === grams) return items;
  return Math.floor((items * acceptedGrams) / grams);
}

/** `epoch = floor((time - epochStart) / epochSeconds)`. */
export function epochOf(time: number, epochStart: number, epochSeconds: number): number {
  return Math.floor((time - epochStart) / epochSeconds);
}

/** An epoch has ended once `now >= epochStart + (epoch + 1) * epochSeconds`. */
export function epochHasEnded(
  epoch: number,
  now: number,
  epochStart: number,
  epochSeconds: number,
): boolean {
  return now >= epochStart + (epoch + 1) * epochSeconds;
}
