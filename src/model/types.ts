/**
 * The model's inputs and outputs: one event in, one outcome (with its effects) out.
 */
import type {
  EventKind,
  Material,
  SchemeChoice,
  SchemeName,
  TraceEvent,
} from "../scenario/trace-schema.js";
import type { FailureReason, RejectionReason } from "./reasons.js";

/** One trace event with the time the chain used for it (Unix seconds). */
export interface ModelInput {
  /** Line of the trace file, carried through for reports. */
  line: number;
  /** The block timestamp: the trace's time, or the recorded one on a remote network. */
  time: number;
  event: TraceEvent;
}

export interface ModelOptions {
  /** `--scheme`: replaces the initial scheme only; later `scheme.set` events still apply. */
  initialScheme?: SchemeChoice | undefined;
  /** The scenario's scheme, used when the trace's `config` names none. */
  scenarioScheme?: SchemeChoice | undefined;
}

export type OutcomeStatus = "ok" | "failed" | "rejected";

/** How a booking's escrow was paid out. */
export type BookingClosing = "checkOut" | "noShow" | "freeCancel" | "lateCancel";

/** The fields every parking effect names, for revenue by owner and district. */
interface BookingParties {
  booking: string;
  slot: string;
  owner: string;
  district: string;
  driver: string;
}

export interface BookedEffect extends BookingParties {
  type: "booked";
  units: number;
  unitPrice: bigint;
  fee: bigint;
  deposit: bigint;
  /** Credits redeemed through the treasury into escrow. */
  creditsUsed: bigint;
  /** KRW paid by the driver: fee + deposit - creditsUsed. */
  krwPaid: bigint;
}

export interface CheckedInEffect extends BookingParties {
  type: "checkedIn";
}

/** A booking's escrow paid out (check-out, no-show settle, or cancel). */
export interface ClosedEffect extends BookingParties {
  type: "closed";
  closing: BookingClosing;
  units: number;
  fee: bigint;
  deposit: bigint;
  /** Units after `end` charged at check-out (0 inside the grace period). */
  overUnits: number;
  penalty: bigint;
  /** Fee kept by a late cancel (0 otherwise). */
  cancelFee: bigint;
  /** To the treasury. */
  platformCut: bigint;
  /** To the slot owner. */
  ownerShare: bigint;
  /** KRW back to the driver. */
  refund: bigint;
  creditsUsed: bigint;
  /** See {@link creditsCashedOut} in parking-formulas.ts. */
  creditsCashedOut: bigint;
  /** Seconds between check-in and check-out (0 when never checked in). */
  parkedSeconds: number;
}

export interface DepositedEffect {
  type: "deposited";
  citizen: string;
  kiosk: string;
  material: Material;
  grams: number;
  items: number;
  /** Grams under the citizen's daily cap: the grams that earn and count. */
  acceptedGrams: number;
  /** `floor(items * acceptedGrams / grams)`: the items the scheme sees. */
  acceptedItems: number;
  epoch: number;
  scheme: SchemeName;
  /** Credits minted to the citizen now. */
  reward: bigint;
  /** budgetPool points, paid at the claim. */
  points: bigint;
  /** What the scheme owed minus what the epoch's mint cap let through. */
  cutByMintCap: bigint;
  viaReceipt: boolean;
}

export interface DepositRejectedEffect {
  type: "depositRejected";
  citizen: string;
  kiosk: string;
  material: Material;
  grams: number;
  viaReceipt: boolean;
}

export interface ClaimedEffect {
  type: "claimed";
  citizen: string;
  epoch: number;
  reward: bigint;
  cutByMintCap: bigint;
}

export interface CreditsSpentEffect {
  type: "creditsSpent";
  citizen: string;
  merchant: string;
  credits: bigint;
}

export interface MerchantRedeemedEffect {
  type: "merchantRedeemed";
  merchant: string;
  credits: bigint;
}

export interface ActorJoinedEffect {
  type: "actorJoined";
  actor: string;
  krw: bigint;
}

export interface TreasuryFundedEffect {
  type: "treasuryFunded";
  krw: bigint;
}

export interface SchemeSetEffect {
  type: "schemeSet";
  scheme: SchemeName;
  /** 0 for the initial scheme, then 1, 2, ... for each `scheme.set`. */
  instance: number;
}

/** Events with no money or KPI figure of their own (config, slot.register, slot.price). */
export interface RecordedEffect {
  type: "recorded";
}

export type Effect =
  | BookedEffect
  | CheckedInEffect
  | ClosedEffect
  | DepositedEffect
  | DepositRejectedEffect
  | ClaimedEffect
  | CreditsSpentEffect
  | MerchantRedeemedEffect
  | ActorJoinedEffect
  | TreasuryFundedEffect
  | SchemeSetEffect
  | RecordedEffect;

export type Outcome =
  | { status: "ok"; effect: Exclude<Effect, DepositRejectedEffect> }
  | { status: "failed"; reason: FailureReason | RejectionReason }
  | { status: "rejected"; reason: RejectionReason; effect: DepositRejectedEffect };

/** An outcome with the event it belongs to. */
export interface ModelOutput {
  line: number;
  time: number;
  kind: EventKind;
  outcome: Outcome;
}

export const ok = (effect: Exclude<Effect, DepositRejectedEffect>): Outcome => ({
  status: "ok",
  effect,
});

export const failed = (reason: FailureReason): Outcome => ({ status: "failed", reason });
