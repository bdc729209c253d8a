/** material: `floor(grams * rate[material] / 1000)`. */
import type { PerMaterial, SchemeDefinition } from "./scheme.js";
import { mergeOverDefaults, perKg } from "./scheme.js";

/** Credits per kg by material; also the default budgetPool weights. */
export const MATERIAL_DEFAULT_RATES: PerMaterial = {
  CLEAR_PET: 500,
  PET: 300,
  HDPE: 250,
  PP: 200,
  PS: 100,
  OTHER: 0,
};

export const material: SchemeDefinition<"material"> = {
  name: "material",
  create(params) {
    const rates = mergeOverDefaults(MATERIAL_DEFAULT_RATES, params.rates);
    return {
      name: "material",
      onDeposit: (deposit) => ({
        credits: perKg(deposit.grams, rates[deposit.material]),
        points: 0n,
      }),
    };
  },
};
