/**
 * Sending a trip's events when their time comes, one step at a time: the booking (if the
 * driver can pay; with credits where the driver holds some), then a cancellation, a
 * keeper's settlement of a no-show, or a check-in and its check-out. Each step queues the
 * next, so the queue holds one item per trip in flight. The driver's KRW budget follows
 * SPEC.md section 2's refunds and penalties.
 */
import type { Context, Trip, TripStep } from "./context.js";
import { isoKst, UNIT_SECONDS } from "./kst-time.js";
import { bookingName } from "./names.js";

const BPS = 10_000n;

export function runTripStep(ctx: Context, trip: Trip, step: TripStep, time: number): void {
  switch (step) {
    case "book":
      return book(ctx, trip, time);
    case "cancel":
      return cancel(ctx, trip, time);
    case "settle":
      return settle(ctx, trip, time);
    case "checkIn":
      ctx.emit({ t: isoKst(time), kind: "parking.checkIn", booking: name(trip) });
      ctx.queue.push(trip.checkOutAt, { type: "trip", trip, step: "checkOut" });
      return;
    case "checkOut":
      return checkOut(ctx, trip, time);
  }
}

function name(trip: Trip): string {
  if (trip.booking === undefined) throw new Error("a trip step before its booking");
  return trip.booking;
}

function book(ctx: Context, trip: Trip, time: number): void {
  const slot = ctx.cast.slots[trip.slot];
  const driver = ctx.cast.drivers[trip.driver];
  if (slot === undefined || driver === undefined) return;
  const units = BigInt((trip.end - trip.start) / UNIT_SECONDS);
  trip.unitPrice = slot.unitPrice;
  trip.fee = units * slot.unitPrice;
  trip.deposit = ctx.market.depositUnits * slot.unitPrice;
  const budget = ctx.budgets[trip.driver] ?? 0n;
  if (budget < trip.fee + trip.deposit) {
    ctx.stats.tripsUnaffordable += 1;
    ctx.slots.release(trip.slot, trip.start, trip.end);
    return;
  }
  ctx.budgets[trip.driver] = budget - trip.fee - trip.deposit;
  const credits = creditsToUse(ctx, trip, driver.citizen);
  trip.booking = bookingName(++ctx.counters.booking);
  ctx.emit({
    t: isoKst(time),
    kind: "parking.book",
    booking: trip.booking,
    driver: driver.name,
    slot: slot.name,
    start: isoKst(trip.start),
    end: isoKst(trip.end),
    credits,
  });
  if (trip.cancelAt !== undefined) {
    ctx.queue.push(trip.cancelAt, { type: "trip", trip, step: "cancel" });
  } else if (trip.noShow) {
    ctx.queue.push(trip.end + ctx.market.graceSeconds, { type: "trip", trip, step: "settle" });
  } else {
    ctx.queue.push(trip.checkInAt, { type: "trip", trip, step: "checkIn" });
  }
}

/**
 * Credits a driver who is also a citizen pays with: up to `maxFeeShare` of the fee, and
 * never more than the credits the citizen holds (by the ledger's estimate).
 */
function creditsToUse(ctx: Context, trip: Trip, citizen: number | undefined): bigint {
  if (!trip.wantsCredits || citizen === undefined) return 0n;
  const held = ctx.ledger.credits[citizen] ?? 0n;
  const shareBps = BigInt(
    Math.floor(ctx.scenario.behaviour.drivers.creditPayment.maxFeeShare * 10_000),
  );
  const limit = (trip.fee * shareBps) / BPS;
  const credits = held < limit ? held : limit;
  if (credits <= 0n) return 0n;
  ctx.ledger.spend(citizen, credits);
  return credits;
}

function refund(ctx: Context, trip: Trip, amount: bigint): void {
  ctx.budgets[trip.driver] = (ctx.budgets[trip.driver] ?? 0n) + amount;
}

/** Free at least freeCancelSeconds before the start (all back), else the cancel fee is kept. */
function cancel(ctx: Context, trip: Trip, time: number): void {
  const free = trip.start - time >= ctx.market.freeCancelSeconds;
  const kept = free ? 0n : (trip.fee * ctx.market.lateCancelBps) / BPS;
  refund(ctx, trip, trip.fee - kept + trip.deposit);
  ctx.emit({ t: isoKst(time), kind: "parking.cancel", booking: name(trip) });
}

/** A no-show: the fee goes to the owner, the deposit back to the driver. */
function settle(ctx: Context, trip: Trip, time: number): void {
  refund(ctx, trip, trip.deposit);
  ctx.emit({ t: isoKst(time), kind: "parking.settle", booking: name(trip) });
}

/** The deposit back, less the overstay penalty when the driver left after the grace. */
function checkOut(ctx: Context, trip: Trip, time: number): void {
  let penalty = 0n;
  if (time > trip.end + ctx.market.graceSeconds) {
    const overUnits = BigInt(Math.ceil((time - trip.end) / UNIT_SECONDS));
    const charged = (overUnits * trip.unitPrice * ctx.market.overstayBps) / BPS;
    penalty = charged < trip.deposit ? charged : trip.deposit;
  }
  refund(ctx, trip, trip.deposit - penalty);
  ctx.emit({ t: isoKst(time), kind: "parking.checkOut", booking: name(trip) });
}

/** An owner's new price: later bookings of the slot pay it (SPEC.md section 2). */
export function setPrice(ctx: Context, slot: number, unitPrice: bigint, time: number): void {
  const s = ctx.cast.slots[slot];
  if (s === undefined || s.unitPrice === unitPrice) return;
  s.unitPrice = unitPrice;
  ctx.emit({ t: isoKst(time), kind: "slot.price", slot: s.name, unitPrice });
}
