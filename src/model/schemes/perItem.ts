/** perItem: `items * perItem[material]` (the items the daily cap lets count). */
import type { PerMaterial, SchemeDefinition } from "./scheme.js";
import { mergeOverDefaults } from "./scheme.js";

export const PER_ITEM_DEFAULTS: PerMaterial = {
  CLEAR_PET: 10,
  PET: 10,
  HDPE: 0,
  PP: 0,
  PS: 0,
  OTHER: 0,
};

export const perItem: SchemeDefinition<"perItem"> = {
  name: "perItem",
  create(params) {
    const rates = mergeOverDefaults(PER_ITEM_DEFAULTS, params.perItem);
    return {
      name: "perItem",
      onDeposit: (deposit) => ({
        credits: BigInt(deposit.items) * BigInt(rates[deposit.material]),
        points: 0n,
      }),
    };
  },
};
