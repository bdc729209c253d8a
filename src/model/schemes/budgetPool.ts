/**
 * budgetPool: a deposit earns points `floor(grams * weight[material] / 1000)`; after the
 * epoch each citizen claims `floor(points * min(budget, totalPoints) / totalPoints)`.
 * Each instance keeps its own points and its own budget per epoch; what is unclaimed or
 * lost to rounding stays unminted.
 */
import { MATERIAL_DEFAULT_RATES } from "./material.js";
import type { SchemeDefinition } from "./scheme.js";
import { mergeOverDefaults, perKg } from "./scheme.js";

export const BUDGET_POOL_DEFAULT_BUDGET = 1_000_000n;

interface EpochPool {
  totalPoints: bigint;
  /** Points not yet claimed, by citizen. */
  unclaimed: Map<string, bigint>;
}

/** A citizen's share of one epoch's budget. */
export function poolPayout(points: bigint, totalPoints: bigint, budget: bigint): bigint {
  if (totalPoints === 0n) return 0n;
  const paid = budget < totalPoints ? budget : totalPoints;
  return (points * paid) / totalPoints;
}

export const budgetPool: SchemeDefinition<"budgetPool"> = {
  name: "budgetPool",
  create(params) {
    const weights = mergeOverDefaults(MATERIAL_DEFAULT_RATES, params.weights);
    const budget = params.budget ?? BUDGET_POOL_DEFAULT_BUDGET;
    const epochs = new Map<number, EpochPool>();

    function poolOf(epoch: number): EpochPool {
      let pool = epochs.get(epoch);
      if (pool === undefined) {
        pool = { totalPoints: 0n, unclaimed: new Map() };
        epochs.set(epoch, pool);
      }
      return pool;
    }

    return {
      name: "budgetPool",
      onDeposit(deposit) {
        const points = perKg(deposit.grams, weights[deposit.material]);
        // A deposit worth 0 points does not make the citizen a claimant of this instance.
        if (points === 0n) return { credits: 0n, points };
        const pool = poolOf(deposit.epoch);
        pool.totalPoints += points;
        pool.unclaimed.set(deposit.citizen, (pool.unclaimed.get(deposit.citizen) ?? 0n) + points);
        return { credits: 0n, points };
      },
      claim(citizen, epoch) {
        const pool = epochs.get(epoch);
        const points = pool?.unclaimed.get(citizen);
        if (pool === undefined || points === undefined) return undefined;
        pool.unclaimed.delete(citizen);
        return poolPayout(points, pool.totalPoints, budget);
      },
    };
  },
};
