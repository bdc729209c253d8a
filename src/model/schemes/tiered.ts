/**
 * tiered: marginal bands on the citizen's accepted grams so far in the epoch, like tax
 * brackets: `floor(sum(gramsInBand * bandRate) / 1000)`.
 */
import type { SchemeDefinition } from "./scheme.js";

/** `[fromGrams, ratePerKg]`, ascending, the first from 0; the last band has no upper end. */
export type Band = readonly [fromGrams: number, ratePerKg: number];

export const TIERED_DEFAULT_BANDS: readonly Band[] = [
  [0, 400],
  [2000, 250],
  [5000, 100],
];

/**
 * Credits for the grams `[before, before + grams)` of the epoch's running total: each band
 * pays its rate on the part of that range that falls inside it; one floor at the end.
 */
export function tieredReward(bands: readonly Band[], before: number, grams: number): bigint {
  const after = before + grams;
  let creditsTimesThousand = 0n;
  bands.forEach(([from, rate], i) => {
    const to = bands[i + 1]?.[0] ?? Number.POSITIVE_INFINITY;
    const inBand = Math.min(after, to) - Math.max(before, from);
    if (inBand > 0) creditsTimesThousand += BigInt(inBand) * BigInt(rate);
  });
  return creditsTimesThousand / 1000n;
}

export const tiered: SchemeDefinition<"tiered"> = {
  name: "tiered",
  create(params) {
    const bands = params.bands ?? TIERED_DEFAULT_BANDS;
    return {
      name: "tiered",
      onDeposit: (deposit) => ({
        credits: tieredReward(bands, deposit.epochGramsBefore, deposit.grams),
        points: 0n,
      }),
    };
  },
};
