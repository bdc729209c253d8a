/**
 * One trace event to its plan, by kind, and the ids it needs from or gives to other
 * transactions of the same block.
 */
import type { TracedEvent } from "../types.js";
import {
  planActorJoin,
  planCreditSpend,
  planMerchantRedeem,
  planTreasuryFund,
} from "./plan-accounts.js";
import { planBook, planBookingAction, planSlotPrice, planSlotRegister } from "./plan-parking.js";
import { planClaim, planDepositBatch, planReceipt, planSchemeSet } from "./plan-recycling.js";
import type { PlanContext, PlannedUnit } from "./plan-types.js";

/**
 * Ids an event needs, as `slot:<name>` / `booking:<name>` keys. If one is still being
 * created in the unmined block, the block is mined first: the id is only known from the
 * creating transaction's logs (ids are sequential, but a reverted creation would shift
 * every predicted id after it).
 */
export function idsNeeded({ event }: TracedEvent): string[] {
  switch (event.kind) {
    case "slot.price":
      return [`slot:${event.slot}`];
    case "parking.book":
      return [`slot:${event.slot}`];
    case "parking.checkIn":
    case "parking.checkOut":
    case "parking.cancel":
    case "parking.settle":
      return [`booking:${event.booking}`];
    default:
      return [];
  }
}

/**
 * Whether everything pending must be mined before the event is planned: a `scheme.set`
 * predicts its scheme's address from the admin's pending nonce.
 */
export function needsMinedBlock({ event }: TracedEvent): boolean {
  return event.kind === "scheme.set";
}

/** Ids an event creates, as keys in the form of {@link idsNeeded}. */
export function idsCreated({ event }: TracedEvent): string[] {
  switch (event.kind) {
    case "slot.register":
      return [`slot:${event.slot}`];
    case "parking.book":
      return [`booking:${event.booking}`];
    default:
      return [];
  }
}

/**
 * The plan of a single event. `recycle.deposit` goes through the batcher instead
 * (plan-recycling.ts), so here it is a batch of one.
 */
export async function planEvent(input: TracedEvent, ctx: PlanContext): Promise<PlannedUnit> {
  const { event } = input;
  // Each case narrows `event`; the input is rebuilt so the planners get the narrowed type.
  switch (event.kind) {
    case "config":
      return { inputs: [input], txs: [] };
    case "actor.join":
      return planActorJoin({ ...input, event }, ctx);
    case "treasury.fund":
      return planTreasuryFund({ ...input, event }, ctx);
    case "credit.spend":
      return planCreditSpend({ ...input, event }, ctx);
    case "merchant.redeem":
      return planMerchantRedeem({ ...input, event }, ctx);
    case "slot.register":
      return planSlotRegister({ ...input, event }, ctx);
    case "slot.price":
      return planSlotPrice({ ...input, event }, ctx);
    case "parking.book":
      return planBook({ ...input, event }, ctx);
    case "parking.checkIn":
    case "parking.checkOut":
    case "parking.cancel":
    case "parking.settle":
      return planBookingAction({ ...input, event }, ctx);
    case "recycle.deposit":
      return planDepositBatch([{ ...input, event }], ctx);
    case "recycle.receipt":
      return planReceipt({ ...input, event }, ctx);
    case "recycle.claim":
      return planClaim({ ...input, event }, ctx);
    case "scheme.set":
      return planSchemeSet({ ...input, event }, ctx);
  }
}
