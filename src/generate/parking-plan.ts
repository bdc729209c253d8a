/**
 * Planning parking demand, one KST day of booking starts at a time: how many trips each
 * driver starts (Poisson, on the hourly profile of the day's kind), when, for how long,
 * booked how far ahead, in which slot, and what becomes of each booking. Everything is
 * drawn from parking streams that no scheme touches, so a seed gives the same parking
 * demand under every scheme.
 */
import { roundPrice } from "./cast.js";
import type { Context, Trip } from "./context.js";
import {
  MAX_BOOKING_UNITS,
  SECONDS_PER_DAY,
  SECONDS_PER_HOUR,
  UNIT_SECONDS,
  isWeekend,
  kstDayStart,
} from "./kst-time.js";
import { cumulative, type Random } from "./random.js";
import { findSlot } from "./slot-book.js";

export interface ParkingStreams {
  /** Trip counts, start hours, stays, lead times. */
  arrivals: Random;
  /** Destination district and scan position. */
  slots: Random;
  /** Cancellation, no-show, check-in and check-out times, credit payment. */
  fates: Random;
  /** Slot price changes. */
  prices: Random;
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** Days ahead that trips must be planned so that every booking is planned before it is sent. */
export function planningHorizonDays(ctx: Context): number {
  return Math.ceil((ctx.scenario.behaviour.drivers.leadMinutes.max * 60) / SECONDS_PER_DAY);
}

export class ParkingPlanner {
  readonly #ctx: Context;
  readonly #streams: ParkingStreams;
  readonly #weekday: number[];
  readonly #weekend: number[];
  /** Expected trips per driver on a weekday and on a weekend day. */
  readonly #perDay: { weekday: number; weekend: number };
  /** Per home district: cumulative population weights of the other districts. */
  readonly #elsewhere: { districts: number[]; weights: number[] }[];

  constructor(ctx: Context, streams: ParkingStreams) {
    this.#ctx = ctx;
    this.#streams = streams;
    const d = ctx.scenario.behaviour.drivers;
    this.#weekday = cumulative(d.weekdayArrivals);
    this.#weekend = cumulative(d.weekendArrivals);
    // Weekday and weekend weights share one scale (scenario schema): a week has 5 + 2 days.
    const weekdayWeight = sum(d.weekdayArrivals);
    const weekendWeight = sum(d.weekendArrivals);
    const week = 5 * weekdayWeight + 2 * weekendWeight;
    this.#perDay = {
      weekday: (d.tripsPerWeek * weekdayWeight) / week,
      weekend: (d.tripsPerWeek * weekendWeight) / week,
    };
    this.#elsewhere = ctx.cast.districts.map((_, home) => {
      const districts = ctx.cast.districts.map((_, i) => i).filter((i) => i !== home);
      const weights = cumulative(districts.map((i) => ctx.cast.districts[i]?.population ?? 1));
      return { districts, weights };
    });
  }

  /**
   * Plans the trips starting on KST day `day`; their bookings are queued no earlier than
   * `notBefore` (the queue's current time) nor before the run starts.
   */
  planDay(day: number, notBefore: number): void {
    const weekend = isWeekend(day);
    const mean = weekend ? this.#perDay.weekend : this.#perDay.weekday;
    const hours = weekend ? this.#weekend : this.#weekday;
    const dayStart = kstDayStart(day);
    this.#ctx.cast.drivers.forEach((_, driver) => {
      const trips = this.#streams.arrivals.poisson(mean);
      for (let i = 0; i < trips; i++) this.#planTrip(driver, dayStart, hours, notBefore);
    });
  }

  #planTrip(driver: number, dayStart: number, hours: readonly number[], notBefore: number): void {
    const ctx = this.#ctx;
    const d = ctx.scenario.behaviour.drivers;
    const a = this.#streams.arrivals;
    const start = dayStart + a.pick(hours) * SECONDS_PER_HOUR + a.below(4) * UNIT_SECONDS;
    const units = Math.min(MAX_BOOKING_UNITS, Math.max(1, Math.ceil(a.skewed(d.stayMinutes) / 15)));
    const end = start + units * UNIT_SECONDS;
    const lead = Math.round(a.skewed(d.leadMinutes) * 60);
    const district = this.#destination(driver);
    const offset = this.#streams.slots.uniform();
    const fate = this.#drawFate(start, end, Math.max(start - lead, notBefore, ctx.start));
    if (start < ctx.start || start >= ctx.end) return;
    ctx.stats.tripsPlanned += 1;
    const slot = findSlot(ctx.cast, ctx.slots, district, { start, end }, offset);
    if (slot === undefined) {
      ctx.stats.tripsWithoutSlot += 1;
      return;
    }
    ctx.slots.reserve(slot, start, end);
    const trip: Trip = {
      driver,
      slot,
      start,
      end,
      ...fate,
      booking: undefined,
      fee: 0n,
      deposit: 0n,
      unitPrice: 0n,
    };
    ctx.queue.push(trip.bookTime, { type: "trip", trip, step: "book" });
  }

  /** The driver's district, or with `otherDistrictShare` another one by population. */
  #destination(driver: number): number {
    const s = this.#streams.slots;
    const home = this.#ctx.cast.drivers[driver]?.district ?? 0;
    const away = s.chance(this.#ctx.scenario.behaviour.drivers.otherDistrictShare);
    const which = s.pick(this.#elsewhere[home]?.weights ?? []);
    const others = this.#elsewhere[home]?.districts ?? [];
    return away && others.length > 0 ? (others[which] ?? home) : home;
  }

  /**
   * What becomes of a booking, from a fixed ten draws. A cancellation falls in the free
   * window (at least freeCancelSeconds before the start) or, with lateCancelShare, in the
   * late one; a lead too short for a free one makes it late, one too short for any (booked
   * at the start) means no cancellation.
   */
  #drawFate(start: number, end: number, bookTime: number) {
    const d = this.#ctx.scenario.behaviour.drivers;
    const f = this.#streams.fates;
    const [cancels, late, cancelDraw, noShow, checkInDraw, overstays] = [
      f.chance(d.cancelOdds),
      f.chance(d.lateCancelShare),
      f.uniform(),
      f.chance(d.noShowOdds),
      f.uniform(),
      f.chance(d.overstayOdds),
    ];
    const overstayMinutes = f.skewed(d.overstayMinutes);
    const earlyMinutes = f.intBetween(d.earlyLeaveMinutes.min, d.earlyLeaveMinutes.max);
    const wantsCredits = f.chance(d.creditPayment.share);
    const cancelAt = cancels ? this.#cancelTime(start, bookTime, late, cancelDraw) : undefined;
    const offset = d.checkInOffsetMinutes;
    // Events fall on the clock tick (the queue moves a time up to the next one), so the
    // last moments of a window are a tick before its end, not a second.
    const tick = this.#ctx.scenario.timeStepSeconds;
    const checkInAt = Math.min(
      end - tick,
      Math.max(
        start - UNIT_SECONDS,
        bookTime,
        start + Math.round((offset.min + (offset.max - offset.min) * checkInDraw) * 60),
      ),
    );
    const leaveAt = overstays ? end + Math.round(overstayMinutes * 60) : end - earlyMinutes * 60;
    return {
      bookTime,
      cancelAt,
      noShow: cancelAt === undefined && noShow,
      checkInAt,
      checkOutAt: Math.max(checkInAt + tick, leaveAt),
      wantsCredits,
    };
  }

  #cancelTime(start: number, bookTime: number, late: boolean, draw: number): number | undefined {
    const tick = this.#ctx.scenario.timeStepSeconds;
    const lastFree = Math.floor((start - this.#ctx.market.freeCancelSeconds) / tick) * tick;
    const [lo, hi] =
      !late && bookTime <= lastFree
        ? [bookTime, lastFree]
        : [Math.max(bookTime, lastFree + 1), start - tick];
    if (lo > hi) return undefined;
    return lo + Math.min(hi - lo, Math.floor(draw * (hi - lo + 1)));
  }

  /** Price changes of the day: Poisson per slot, a new price drawn from the slot's range. */
  planPrices(day: number): void {
    const ctx = this.#ctx;
    const p = this.#streams.prices;
    const mean = ctx.scenario.behaviour.owners.priceChangesPerSlotPerWeek / 7;
    const dayStart = kstDayStart(day);
    ctx.cast.slots.forEach((slot, index) => {
      const changes = p.poisson(mean);
      for (let i = 0; i < changes; i++) {
        const time = dayStart + p.below(SECONDS_PER_DAY);
        const { min, max, step } = slot.prices;
        const unitPrice = roundPrice(p.intBetween(min, max), step);
        if (time >= ctx.start && time < ctx.end) {
          ctx.queue.push(time, { type: "price", slot: index, unitPrice });
        }
      }
    });
  }
}
