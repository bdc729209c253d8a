/**
 * The report's time series, gathered while the model's outputs stream by: booked units by
 * KST hour of day and district, grams by material per KST day, credits minted and redeemed
 * per KST day. Memory is bounded by the run's length in days (and by the bookings still
 * open), never by its number of events: every output is folded into a bucket and dropped.
 */
import type { Outcome } from "../model/types.js";
import { KST_OFFSET_SECONDS, SECONDS_PER_DAY, UNIT_SECONDS, kstDay } from "../model/time.js";
import { unixSeconds } from "../scenario/trace-primitives.js";
import { MATERIALS, type Material } from "../scenario/trace-schema.js";

export const HOURS_PER_DAY = 24;

/** What the collector reads of a model output (the model's `ModelOutput` fits). */
export interface OutputForSeries {
  line: number;
  /** The time the chain used for the event, Unix seconds. */
  time: number;
  outcome: Outcome;
}

/**
 * What the collector reads of the output's trace event: a booking's start, which the
 * model's `booked` effect does not carry (the trace's `TraceEvent` fits).
 */
export type EventForSeries = { kind: "parking.book"; start: string } | { kind: string };

/** Credits that moved in one KST day. */
export interface CreditFlows {
  mintedAtDeposits: bigint;
  mintedAtClaims: bigint;
  redeemedByMerchants: bigint;
  /** Credits a driver paid into a booking: the treasury redeems them at booking time. */
  redeemedIntoParking: bigint;
}

export interface SeriesTotals {
  /** Booked units (15 min) of bookings not cancelled, by district, 24 KST hours each. */
  bookedUnitsByHour: ReadonlyMap<string, readonly number[]>;
  /** Grams taken in by kiosks (daily-cap excess included), by KST day index and material. */
  gramsByDay: ReadonlyMap<number, Readonly<Record<Material, number>>>;
  /** Credit flows by KST day index. */
  creditsByDay: ReadonlyMap<number, Readonly<CreditFlows>>;
}

/** A booking still open, kept so that a cancel can take its hours back out. */
interface OpenBooking {
  district: string;
  start: number;
  units: number;
}

/** KST hour of day (0-23) of a Unix time. */
export function kstHour(time: number): number {
  const secondsIntoDay =
    (((time + KST_OFFSET_SECONDS) % SECONDS_PER_DAY) + SECONDS_PER_DAY) % SECONDS_PER_DAY;
  return Math.floor(secondsIntoDay / 3600);
}

const noGrams = (): Record<Material, number> =>
  Object.fromEntries(MATERIALS.map((m) => [m, 0])) as Record<Material, number>;

const noCredits = (): CreditFlows => ({
  mintedAtDeposits: 0n,
  mintedAtClaims: 0n,
  redeemedByMerchants: 0n,
  redeemedIntoParking: 0n,
});

/** Feed it every model output with its trace event (`add`), in trace order. */
export class SeriesCollector implements SeriesTotals {
  readonly bookedUnitsByHour = new Map<string, number[]>();
  readonly gramsByDay = new Map<number, Record<Material, number>>();
  readonly creditsByDay = new Map<number, CreditFlows>();
  private readonly open = new Map<string, OpenBooking>();

  /** Bookings made and not yet closed: the only per-event state, freed at each close. */
  get openBookings(): number {
    return this.open.size;
  }

  add(output: OutputForSeries, event: EventForSeries): void {
    const { outcome, time } = output;
    if (outcome.status !== "ok") return;
    const effect = outcome.effect;
    switch (effect.type) {
      case "booked": {
        const start = bookingStart(output.line, event);
        const booking = { district: effect.district, start, units: effect.units };
        this.open.set(effect.booking, booking);
        this.addUnits(booking, 1);
        this.credits(time).redeemedIntoParking += effect.creditsUsed;
        return;
      }
      case "closed": {
        const booking = this.open.get(effect.booking);
        this.open.delete(effect.booking);
        // A cancelled booking freed its slot: its hours no longer count as booked.
        const cancelled = effect.closing === "freeCancel" || effect.closing === "lateCancel";
        if (cancelled && booking !== undefined) this.addUnits(booking, -1);
        return;
      }
      case "deposited":
        this.grams(time)[effect.material] += effect.grams;
        this.credits(time).mintedAtDeposits += effect.reward;
        return;
      case "claimed":
        this.credits(time).mintedAtClaims += effect.reward;
        return;
      case "merchantRedeemed":
        this.credits(time).redeemedByMerchants += effect.credits;
        return;
      default:
        return;
    }
  }

  /** Adds (sign 1) or removes (sign -1) a booking's units, unit by unit, by KST hour. */
  private addUnits(booking: OpenBooking, sign: 1 | -1): void {
    let hours = this.bookedUnitsByHour.get(booking.district);
    if (hours === undefined) {
      hours = Array<number>(HOURS_PER_DAY).fill(0);
      this.bookedUnitsByHour.set(booking.district, hours);
    }
    for (let unit = 0; unit < booking.units; unit++) {
      const hour = kstHour(booking.start + unit * UNIT_SECONDS);
      hours[hour] = (hours[hour] ?? 0) + sign;
    }
  }

  private grams(time: number): Record<Material, number> {
    const day = kstDay(time);
    let grams = this.gramsByDay.get(day);
    if (grams === undefined) this.gramsByDay.set(day, (grams = noGrams()));
    return grams;
  }

  private credits(time: number): CreditFlows {
    const day = kstDay(time);
    let flows = this.creditsByDay.get(day);
    if (flows === undefined) this.creditsByDay.set(day, (flows = noCredits()));
    return flows;
  }
}

/** The Unix start of a booking, from its `parking.book` event. */
function bookingStart(line: number, event: EventForSeries): number {
  if (event.kind !== "parking.book" || !("start" in event)) {
    throw new Error(`series: line ${line} booked a slot but its event is ${event.kind}`);
  }
  return unixSeconds(event.start);
}
