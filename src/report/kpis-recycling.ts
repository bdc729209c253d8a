/**
 * Recycling KPIs: kilograms by material, credits minted and per kg, participation and the
 * spread of credits earned over citizens.
 */
import type { ModelState } from "../model/snapshot.js";
import { giniOf } from "./gini.js";
import type { RecyclingKpis } from "./kpi-types.js";
import { decimal, decimals, kgOf, kgRecord, ratio, sumValues } from "./kpi-math.js";
import type { OutcomeTotals } from "./outcome-collector.js";

export interface RecyclingKpiInputs {
  model: ModelState;
  /** Every actor who joined with the citizen role, in order of joining. */
  citizens: readonly string[];
  outcomes: OutcomeTotals;
}

/**
 * Credits earned by each citizen who joined, 0 for those who earned nothing, so that the
 * Gini coefficient counts non-participants as the poorest rather than leaving them out.
 * An earner missing from `citizens` (not possible in a validated trace) still counts.
 */
export function creditsEarnedByCitizen(
  citizens: readonly string[],
  earned: ReadonlyMap<string, bigint>,
): bigint[] {
  const all = new Map<string, bigint>(citizens.map((name) => [name, 0n]));
  for (const [name, credits] of earned) all.set(name, credits);
  return [...all.values()];
}

function numbersByReason(reasons: Readonly<Partial<Record<string, number>>> | undefined) {
  const out: Record<string, number> = {};
  for (const [reason, count] of Object.entries(reasons ?? {})) {
    if (count !== undefined) out[reason] = count;
  }
  return out;
}

export function recyclingKpis({ model, citizens, outcomes }: RecyclingKpiInputs): RecyclingKpis {
  const r = model.counters.recycling;
  const gramsCollected = sumValues(Object.values(r.gramsCollected));
  const gramsAccepted = sumValues(Object.values(r.gramsAccepted));
  const minted = r.creditsMintedAtDeposits + r.creditsClaimed;
  const epochs = [...model.mintedByEpoch].sort(([a], [b]) => a - b);
  const earned = creditsEarnedByCitizen(citizens, r.creditsEarnedByCitizen);
  return {
    deposits: r.deposits,
    viaReceipt: r.viaReceipt,
    rejected: r.rejected,
    rejectedByReason: numbersByReason(model.counters.rejections),
    receiptsRefusedByReason: numbersByReason(model.counters.failures["recycle.receipt"]),
    kgCollected: kgOf(gramsCollected),
    kgCollectedByMaterial: kgRecord(r.gramsCollected),
    kgAccepted: kgOf(gramsAccepted),
    kgAcceptedByMaterial: kgRecord(r.gramsAccepted),
    creditsMinted: {
      atDeposits: decimal(r.creditsMintedAtDeposits),
      atClaims: decimal(r.creditsClaimed),
      total: decimal(minted),
    },
    creditsMintedByEpoch: decimals(new Map(epochs.map(([epoch, c]) => [String(epoch), c]))),
    claims: r.claims,
    creditsCutByMintCap: decimal(r.creditsCutByMintCap),
    creditsPerKg: ratio(minted, kgOf(gramsCollected)),
    creditsPerAcceptedKg: ratio(minted, kgOf(gramsAccepted)),
    participation: {
      citizensJoined: citizens.length,
      citizensDepositing: outcomes.depositingCitizens.size,
      rate: ratio(outcomes.depositingCitizens.size, citizens.length),
    },
    giniOfCreditsEarned: giniOf(earned),
  };
}
