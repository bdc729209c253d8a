import { DAY, HOUR, UNIT_SECONDS, alignUp } from "./time.js";

/** One booking of the throughput replay. */
export interface PlannedBooking {
  /** Position in the replay (0-based). */
  readonly index: number;
  /** Index into the drivers. */
  readonly driver: number;
  /** On-chain slot id (slots are registered 1..slots in order). */
  readonly slotId: number;
  /** Unix seconds, aligned to 900. */
  readonly start: number;
  readonly end: number;
  readonly credits: bigint;
}

/** Sizes of the throughput replay. */
export interface BookingPlanParameters {
  readonly bookings: number;
  readonly slots: number;
  readonly drivers: number;
}

/** Each slot's k-th booking lies in its own 6-hour window: bookings of a slot never overlap. */
const WINDOW_SECONDS = 6 * HOUR;
/** Longest booking: 16 units (4 h), starting at most 3 units into its window (ends by 4 h 45). */
const MAX_UNITS = 16;
/** One booking in five pays half its fee in credits. */
const CREDIT_EVERY = 5;

/** The price of slot `slotId`, KRW per unit: 500 to 1,500 (2,000 to 6,000 KRW an hour). */
export function slotUnitPrice(slotId: number): bigint {
  return 500n + BigInt(slotId % 5) * 250n;
}

/**
 * The throughput bookings: booking `i` takes slot `i % slots` in that slot's `floor(i / slots)`-th
 * 6-hour window after `firstStart`, for 1 to 16 units, by a driver that rotates across windows.
 * Every booking starts after `firstStart` (at least a week after the chain's time), lies in an
 * all-week availability, and never overlaps another booking of its slot, so all of them must
 * succeed whatever the block order.
 */
export function planBookings(params: BookingPlanParameters, now: number): PlannedBooking[] {
  const firstStart = alignUp(now + 7 * DAY, UNIT_SECONDS);
  return Array.from({ length: params.bookings }, (_, index): PlannedBooking => {
    const slot = index % params.slots;
    const window = Math.floor(index / params.slots);
    const units = 1 + ((index * 7) % MAX_UNITS);
    const start = firstStart + window * WINDOW_SECONDS + (index % 4) * UNIT_SECONDS;
    const slotId = slot + 1;
    const fee = BigInt(units) * slotUnitPrice(slotId);
    return {
      index,
      driver: (index + window) % params.drivers,
      slotId,
      start,
      end: start + units * UNIT_SECONDS,
      credits: index % CREDIT_EVERY === CREDIT_EVERY - 1 ? fee / 2n : 0n,
    };
  });
}
