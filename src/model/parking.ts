/**
 * The shared parking market (SPEC.md section 2): slots, bookings and their escrow.
 */
import type { TraceEventOf } from "../scenario/trace-schema.js";
import { isAvailable, parseAvailability, type WeeklyAvailability } from "./availability.js";
import type { MarketParams } from "./config.js";
import type { Ledger } from "./money.js";
import {
  bookingPrice,
  creditsCashedOut,
  isFreeCancel,
  lateCancelFee,
  overstay,
  platformSplit,
} from "./parking-formulas.js";
import { SlotReservations } from "./reservations.js";
import { UNIT_SECONDS, UNITS_PER_DAY } from "./time.js";
import { failed, ok, type BookingClosing, type ClosedEffect, type Outcome } from "./types.js";

interface Slot {
  name: string;
  owner: string;
  district: string;
  /** KRW per unit for later bookings. */
  unitPrice: bigint;
  week: WeeklyAvailability;
  reservations: SlotReservations;
}

interface Booking {
  name: string;
  slot: Slot;
  driver: string;
  start: number;
  end: number;
  units: number;
  /** The price stored at booking: every amount of this booking uses it. */
  unitPrice: bigint;
  fee: bigint;
  deposit: bigint;
  creditsUsed: bigint;
  krwPaid: bigint;
  /** Unix seconds of the check-in, or undefined while booked. */
  checkedInAt: number | undefined;
}

/** A closed booking keeps only how it closed, so that memory follows live bookings. */
type BookingEntry = Booking | BookingClosing;

export class ParkingMarket {
  readonly slots = new Map<string, Slot>();
  private readonly bookings = new Map<string, BookingEntry>();

  constructor(
    private readonly ledger: Ledger,
    public market: MarketParams,
  ) {}

  registerSlot(event: TraceEventOf<"slot.register">): Outcome {
    this.slots.set(event.slot, {
      name: event.slot,
      owner: event.owner,
      district: event.district,
      unitPrice: event.unitPrice,
      week: parseAvailability(event.availability),
      reservations: new SlotReservations(),
    });
    return ok({ type: "recorded" });
  }

  setPrice(event: TraceEventOf<"slot.price">): Outcome {
    this.slotNamed(event.slot).unitPrice = event.unitPrice;
    return ok({ type: "recorded" });
  }

  /**
   * Checks, in this order: alignment, `start >= now`, 1..96 units, availability, overlap,
   * `credits <= fee`, the driver's credits, the treasury's KRW to redeem them, the driver's KRW.
   */
  book(event: TraceEventOf<"parking.book">, start: number, end: number, now: number): Outcome {
    const slot = this.slotNamed(event.slot);
    if (start % UNIT_SECONDS !== 0 || end % UNIT_SECONDS !== 0) return failed("BookingNotAligned");
    if (start < now) return failed("BookingInPast");
    const units = (end - start) / UNIT_SECONDS;
    if (units < 1 || units > UNITS_PER_DAY) return failed("InvalidBookingUnits");
    if (!isAvailable(slot.week, start, units)) return failed("SlotUnavailable");
    if (slot.reservations.overlaps(start, end, now)) return failed("SlotAlreadyBooked");
    const { fee, deposit } = bookingPrice(units, slot.unitPrice, this.market);
    const credits = event.credits;
    if (credits > fee) return failed("CreditsExceedFee");
    // The market takes the driver's credits, then redeems them through the treasury.
    if (this.ledger.creditsOf(event.driver) < credits) return failed("InsufficientCredits");
    if (this.ledger.treasuryKrw < credits) return failed("TreasuryInsufficientFunds");
    const krwPaid = fee + deposit - credits;
    if (this.ledger.krwOf(event.driver) < krwPaid) return failed("InsufficientKrw");

    this.ledger.redeemCreditsToEscrow(event.driver, credits);
    this.ledger.payKrwIntoEscrow(event.driver, krwPaid);
    slot.reservations.reserve(event.booking, start, end);
    const booking: Booking = {
      name: event.booking,
      slot,
      driver: event.driver,
      start,
      end,
      units,
      unitPrice: slot.unitPrice,
      fee,
      deposit,
      creditsUsed: credits,
      krwPaid,
      checkedInAt: undefined,
    };
    this.bookings.set(event.booking, booking);
    return ok({
      type: "booked",
      ...partiesOf(booking),
      units,
      unitPrice: slot.unitPrice,
      fee,
      deposit,
      creditsUsed: credits,
      krwPaid,
    });
  }

  /** In `[start - 900, end)`, for a booking still booked. */
  checkIn(name: string, now: number): Outcome {
    const booking = this.bookings.get(name);
    if (booking === undefined) return failed("BookingNotFound");
    if (typeof booking === "string" || booking.checkedInAt !== undefined) {
      return failed("InvalidBookingStatus");
    }
    if (now < booking.start - UNIT_SECONDS || now >= booking.end) {
      return failed("CheckInOutsideWindow");
    }
    booking.checkedInAt = now;
    return ok({ type: "checkedIn", ...partiesOf(booking) });
  }

  /** After check-in; pays the fee and any overstay penalty out of escrow. */
  checkOut(name: string, now: number): Outcome {
    const booking = this.bookings.get(name);
    if (booking === undefined) return failed("BookingNotFound");
    if (typeof booking === "string" || booking.checkedInAt === undefined) {
      return failed("InvalidBookingStatus");
    }
    const { overUnits, penalty } = overstay(
      now,
      booking.end,
      booking.unitPrice,
      booking.deposit,
      this.market,
    );
    const effect = this.payOut(
      booking,
      "checkOut",
      booking.fee + penalty,
      booking.deposit - penalty,
    );
    return ok({ ...effect, overUnits, penalty, parkedSeconds: now - booking.checkedInAt });
  }

  /** By the driver, before start and before check-in. Checks status, then time. */
  cancel(name: string, now: number): Outcome {
    const booking = this.bookings.get(name);
    if (booking === undefined) return failed("BookingNotFound");
    if (typeof booking === "string" || booking.checkedInAt !== undefined) {
      return failed("InvalidBookingStatus");
    }
    if (now >= booking.start) return failed("CancelTooLate");
    booking.slot.reservations.release(name);
    if (isFreeCancel(now, booking.start, this.market)) {
      return ok(this.payOut(booking, "freeCancel", 0n, booking.fee + booking.deposit));
    }
    const cancelFee = lateCancelFee(booking.fee, this.market);
    const refund = booking.fee - cancelFee + booking.deposit;
    return ok({ ...this.payOut(booking, "lateCancel", cancelFee, refund), cancelFee });
  }

  /** A no-show: a booking never checked in, once `now >= end + graceSeconds`. */
  settle(name: string, now: number): Outcome {
    const booking = this.bookings.get(name);
    if (booking === undefined) return failed("BookingNotFound");
    if (typeof booking === "string" || booking.checkedInAt !== undefined) {
      return failed("InvalidBookingStatus");
    }
    if (now < booking.end + this.market.graceSeconds) return failed("SettleTooEarly");
    return ok(this.payOut(booking, "noShow", booking.fee, booking.deposit));
  }

  /** Live bookings (booked or checked in), for the escrow invariant. */
  liveBookings(): Iterable<{ fee: bigint; deposit: bigint }> {
    const live: Booking[] = [];
    for (const entry of this.bookings.values()) if (typeof entry !== "string") live.push(entry);
    return live;
  }

  /**
   * Empties the escrow of a booking: `charged` is split between the treasury (platform
   * cut) and the slot owner, `refund` goes back to the driver in KRW.
   */
  private payOut(
    booking: Booking,
    closing: BookingClosing,
    charged: bigint,
    refund: bigint,
  ): ClosedEffect {
    const { platformCut, ownerShare } = platformSplit(charged, this.market);
    this.ledger.payEscrowToTreasury(platformCut);
    this.ledger.payKrwFromEscrow(booking.slot.owner, ownerShare);
    this.ledger.payKrwFromEscrow(booking.driver, refund);
    this.bookings.set(booking.name, closing);
    return {
      type: "closed",
      ...partiesOf(booking),
      closing,
      units: booking.units,
      fee: booking.fee,
      deposit: booking.deposit,
      overUnits: 0,
      penalty: 0n,
      cancelFee: 0n,
      platformCut,
      ownerShare,
      refund,
      creditsUsed: booking.creditsUsed,
      creditsCashedOut: creditsCashedOut(refund, booking.krwPaid),
      parkedSeconds: 0,
    };
  }

  private slotNamed(name: string): Slot {
    const slot = this.slots.get(name);
    if (slot === undefined) throw new Error(`slot ${name} is not registered (validate the trace)`);
    return slot;
  }
}

function partiesOf(booking: Booking) {
  return {
    booking: booking.name,
    slot: booking.slot.name,
    owner: booking.slot.owner,
    district: booking.slot.district,
    driver: booking.driver,
  };
}
