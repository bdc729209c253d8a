/**
 * Aggregated counters for the KPIs, updated from each outcome, so that no event needs to be
 * kept. Money is bigint; grams are numbers (a run's total stays far below 2^53).
 */
import { MATERIALS, type EventKind, type Material } from "../scenario/trace-schema.js";
import type { FailureReason, RejectionReason } from "./reasons.js";
import type { ClosedEffect, DepositedEffect, Outcome, OutcomeStatus } from "./types.js";

export interface ParkingCounters {
  bookings: number;
  unitsBooked: number;
  checkIns: number;
  checkOuts: number;
  /** Check-outs later than end + graceSeconds. */
  overstays: number;
  noShows: number;
  freeCancels: number;
  lateCancels: number;
  /** Fee, penalty or cancel fee charged at closing (platform cut + owner share). */
  charged: bigint;
  penalties: bigint;
  cancelFees: bigint;
  platformCuts: bigint;
  ownerShares: bigint;
  refunds: bigint;
  /** Credits redeemed into escrow at booking. */
  creditsUsed: bigint;
  /** See `creditsCashedOut` in parking-formulas.ts. */
  creditsCashedOut: bigint;
  parkedSeconds: number;
  /** Owner share by slot owner. */
  ownerRevenue: Map<string, bigint>;
  /** Charged (owner share + platform cut) by district. */
  districtRevenue: Map<string, bigint>;
}

export interface RecyclingCounters {
  deposits: number;
  viaReceipt: number;
  rejected: number;
  /** Full grams taken in by kiosks (over the daily cap included), by material. */
  gramsCollected: Record<Material, number>;
  /** Grams under the daily cap (those that earn), by material. */
  gramsAccepted: Record<Material, number>;
  creditsMintedAtDeposits: bigint;
  claims: number;
  creditsClaimed: bigint;
  pointsEarned: bigint;
  creditsCutByMintCap: bigint;
  /** Credits minted to each citizen (deposits and claims), for participation and Gini. */
  creditsEarnedByCitizen: Map<string, bigint>;
}

export interface CreditCounters {
  spentAtMerchants: bigint;
  redeemedByMerchants: bigint;
}

export interface ModelCounters {
  byKind: Partial<Record<EventKind, Record<OutcomeStatus, number>>>;
  failures: Partial<Record<EventKind, Partial<Record<FailureReason | RejectionReason, number>>>>;
  rejections: Partial<Record<RejectionReason, number>>;
  parking: ParkingCounters;
  recycling: RecyclingCounters;
  credits: CreditCounters;
}

const perMaterial = (): Record<Material, number> =>
  Object.fromEntries(MATERIALS.map((m) => [m, 0])) as Record<Material, number>;

export function newCounters(): ModelCounters {
  return {
    byKind: {},
    failures: {},
    rejections: {},
    parking: {
      bookings: 0,
      unitsBooked: 0,
      checkIns: 0,
      checkOuts: 0,
      overstays: 0,
      noShows: 0,
      freeCancels: 0,
      lateCancels: 0,
      charged: 0n,
      penalties: 0n,
      cancelFees: 0n,
      platformCuts: 0n,
      ownerShares: 0n,
      refunds: 0n,
      creditsUsed: 0n,
      creditsCashedOut: 0n,
      parkedSeconds: 0,
      ownerRevenue: new Map(),
      districtRevenue: new Map(),
    },
    recycling: {
      deposits: 0,
      viaReceipt: 0,
      rejected: 0,
      gramsCollected: perMaterial(),
      gramsAccepted: perMaterial(),
      creditsMintedAtDeposits: 0n,
      claims: 0,
      creditsClaimed: 0n,
      pointsEarned: 0n,
      creditsCutByMintCap: 0n,
      creditsEarnedByCitizen: new Map(),
    },
    credits: { spentAtMerchants: 0n, redeemedByMerchants: 0n },
  };
}

function addTo<K>(map: Map<K, bigint>, key: K, amount: bigint): void {
  map.set(key, (map.get(key) ?? 0n) + amount);
}

function countClosing(parking: ParkingCounters, closed: ClosedEffect): void {
  if (closed.closing === "checkOut") parking.checkOuts += 1;
  if (closed.closing === "noShow") parking.noShows += 1;
  if (closed.closing === "freeCancel") parking.freeCancels += 1;
  if (closed.closing === "lateCancel") parking.lateCancels += 1;
  if (closed.overUnits > 0) parking.overstays += 1;
  const charged = closed.platformCut + closed.ownerShare;
  parking.charged += charged;
  parking.penalties += closed.penalty;
  parking.cancelFees += closed.cancelFee;
  parking.platformCuts += closed.platformCut;
  parking.ownerShares += closed.ownerShare;
  parking.refunds += closed.refund;
  parking.creditsCashedOut += closed.creditsCashedOut;
  parking.parkedSeconds += closed.parkedSeconds;
  addTo(parking.ownerRevenue, closed.owner, closed.ownerShare);
  addTo(parking.districtRevenue, closed.district, charged);
}

function countDeposit(recycling: RecyclingCounters, deposit: DepositedEffect): void {
  recycling.deposits += 1;
  if (deposit.viaReceipt) recycling.viaReceipt += 1;
  recycling.gramsCollected[deposit.material] += deposit.grams;
  recycling.gramsAccepted[deposit.material] += deposit.acceptedGrams;
  recycling.creditsMintedAtDeposits += deposit.reward;
  recycling.pointsEarned += deposit.points;
  recycling.creditsCutByMintCap += deposit.cutByMintCap;
  addTo(recycling.creditsEarnedByCitizen, deposit.citizen, deposit.reward);
}

function countStatus(counters: ModelCounters, kind: EventKind, outcome: Outcome): void {
  const byStatus = (counters.byKind[kind] ??= { ok: 0, failed: 0, rejected: 0 });
  byStatus[outcome.status] += 1;
  if (outcome.status === "failed") {
    const reasons = (counters.failures[kind] ??= {});
    reasons[outcome.reason] = (reasons[outcome.reason] ?? 0) + 1;
  }
  if (outcome.status === "rejected") {
    counters.rejections[outcome.reason] = (counters.rejections[outcome.reason] ?? 0) + 1;
    counters.recycling.rejected += 1;
  }
}

/** Adds one event's outcome to the counters. */
export function countOutcome(counters: ModelCounters, kind: EventKind, outcome: Outcome): void {
  countStatus(counters, kind, outcome);
  if (outcome.status !== "ok") return;
  const { parking, recycling, credits } = counters;
  const effect = outcome.effect;
  switch (effect.type) {
    case "booked":
      parking.bookings += 1;
      parking.unitsBooked += effect.units;
      parking.creditsUsed += effect.creditsUsed;
      return;
    case "checkedIn":
      parking.checkIns += 1;
      return;
    case "closed":
      return countClosing(parking, effect);
    case "deposited":
      return countDeposit(recycling, effect);
    case "claimed":
      recycling.claims += 1;
      recycling.creditsClaimed += effect.reward;
      recycling.creditsCutByMintCap += effect.cutByMintCap;
      addTo(recycling.creditsEarnedByCitizen, effect.citizen, effect.reward);
      return;
    case "creditsSpent":
      credits.spentAtMerchants += effect.credits;
      return;
    case "merchantRedeemed":
      credits.redeemedByMerchants += effect.credits;
      return;
    default:
      return;
  }
}
