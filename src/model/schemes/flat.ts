/** flat: `floor(grams * ratePerKg / 1000)`, default 300 credits per kg. */
import type { SchemeDefinition } from "./scheme.js";
import { perKg } from "./scheme.js";

export const FLAT_DEFAULT_RATE_PER_KG = 300;

export const flat: SchemeDefinition<"flat"> = {
  name: "flat",
  create(params) {
    const ratePerKg = params.ratePerKg ?? FLAT_DEFAULT_RATE_PER_KG;
    return {
      name: "flat",
      onDeposit: (deposit) => ({ credits: perKg(deposit.grams, ratePerKg), points: 0n }),
    };
  },
};
