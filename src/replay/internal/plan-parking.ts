/**
 * Plans of the shared-parking events. Ids the market assigns (slots, bookings) are learnt
 * from the mined logs; an event naming a slot or booking whose creation reverted sends id
 * 0, so that the market itself answers (`ParkingSlotNotFound`, `ParkingBookingNotFound`)
 * and the record carries the chain's reason rather than the replay's.
 */
import { unixSeconds, type TraceEventOf } from "../../scenario/trace-schema.js";
import { availabilityBitmap } from "../availability.js";
import type { TracedEvent } from "../types.js";
import { districtId } from "./encoding.js";
import { GAS_LIMITS } from "./gas.js";
import {
  actorAddress,
  call,
  indexedIdFromLogs,
  lookup,
  type PlanContext,
  type PlannedUnit,
} from "./plan-types.js";

type Input<K extends TracedEvent["event"]["kind"]> = TracedEvent & { event: TraceEventOf<K> };

/** Trace kinds of booking actions, with the market function and gas of each. */
const BOOKING_ACTIONS = {
  "parking.checkIn": { fn: "checkIn", gas: GAS_LIMITS.checkIn },
  "parking.checkOut": { fn: "checkOut", gas: GAS_LIMITS.checkOut },
  "parking.cancel": { fn: "cancel", gas: GAS_LIMITS.cancel },
  "parking.settle": { fn: "settle", gas: GAS_LIMITS.settle },
} as const;

export type BookingActionKind = keyof typeof BOOKING_ACTIONS;

/** `slot.register`: the admin (registrar) mints the slot to its owner. */
export function planSlotRegister(input: Input<"slot.register">, ctx: PlanContext): PlannedUnit {
  const { event } = input;
  const { abi, contracts } = ctx;
  const owner = actorAddress(ctx, event.owner, input);
  ctx.slotOwners.set(event.slot, event.owner);
  const args = [
    owner,
    districtId(event.district),
    event.unitPrice,
    availabilityBitmap(event.availability),
  ];
  return {
    inputs: [input],
    txs: [
      {
        request: call(
          abi.market,
          contracts.market,
          contracts.admin,
          "registerSlot",
          args,
          GAS_LIMITS.registerSlot,
        ),
        onMined: (mined) => {
          if (!mined.ok) return;
          const id = indexedIdFromLogs(abi.market, contracts.market, "SlotRegistered", mined);
          if (id !== undefined) ctx.slots.set(event.slot, id);
        },
      },
    ],
  };
}

/** `slot.price`: the slot's owner sets a new unit price for later bookings. */
export function planSlotPrice(input: Input<"slot.price">, ctx: PlanContext): PlannedUnit {
  const { event } = input;
  const owner = actorAddress(ctx, lookup(ctx.slotOwners, event.slot, "slot", input), input);
  const args = [ctx.slots.get(event.slot) ?? 0n, event.unitPrice];
  return {
    inputs: [input],
    txs: [
      {
        request: call(
          ctx.abi.market,
          ctx.contracts.market,
          owner,
          "setUnitPrice",
          args,
          GAS_LIMITS.setUnitPrice,
        ),
      },
    ],
  };
}

/** `parking.book`: the driver books, paying part of the fee in credits if the trace says so. */
export function planBook(input: Input<"parking.book">, ctx: PlanContext): PlannedUnit {
  const { event } = input;
  const { abi, contracts } = ctx;
  const driver = actorAddress(ctx, event.driver, input);
  lookup(ctx.slotOwners, event.slot, "slot", input);
  ctx.bookingDrivers.set(event.booking, event.driver);
  const args = [
    ctx.slots.get(event.slot) ?? 0n,
    unixSeconds(event.start),
    unixSeconds(event.end),
    event.credits,
  ];
  return {
    inputs: [input],
    txs: [
      {
        request: call(abi.market, contracts.market, driver, "book", args, GAS_LIMITS.book),
        onMined: (mined) => {
          if (!mined.ok) return;
          const id = indexedIdFromLogs(abi.market, contracts.market, "BookingCreated", mined);
          if (id !== undefined) ctx.bookings.set(event.booking, id);
        },
      },
    ],
  };
}

/**
 * Check-in, check-out and cancel are sent by the booking's driver; settle by the keeper
 * (a no-show may be settled by anyone).
 */
export function planBookingAction(input: Input<BookingActionKind>, ctx: PlanContext): PlannedUnit {
  const { event } = input;
  const { fn, gas } = BOOKING_ACTIONS[event.kind];
  const from =
    event.kind === "parking.settle"
      ? ctx.keeper
      : actorAddress(ctx, lookup(ctx.bookingDrivers, event.booking, "booking", input), input);
  const id = ctx.bookings.get(event.booking) ?? 0n;
  return {
    inputs: [input],
    txs: [{ request: call(ctx.abi.market, ctx.contracts.market, from, fn, [id], gas) }],
  };
}
