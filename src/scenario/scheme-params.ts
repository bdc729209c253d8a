/**
 * Reward scheme parameters (SPEC.md section 3), as given in `config`, `scheme.set` and
 * scenarios. Re-exported by trace-schema.ts.
 */
import { z } from "zod";

import { countSchema, materialSchema, moneySchema, type SchemeName } from "./trace-primitives.js";

const perMaterialSchema = z.partialRecord(materialSchema, countSchema);

/** Scheme parameters; every key optional (a missing one takes the SPEC default). */
export const schemeParamsSchemas = {
  flat: z.strictObject({
    ratePerKg: countSchema.optional().describe("Credits per kg (default 300)."),
  }),
  material: z.strictObject({
    rates: perMaterialSchema
      .optional()
      .describe(
        "Credits per kg by material, merged over the defaults " +
          "(CLEAR_PET 500, PET 300, HDPE 250, PP 200, PS 100, OTHER 0).",
      ),
  }),
  tiered: z.strictObject({
    bands: z
      .array(z.tuple([countSchema, countSchema]))
      .min(1)
      .max(8)
      .refine((b) => b[0]?.[0] === 0, "the first band must start at 0 grams")
      .refine(
        (b) => b.every((band, i) => i === 0 || band[0] > (b[i - 1]?.[0] ?? 0)),
        "bands must be in ascending order of fromGrams",
      )
      .optional()
      .describe(
        "Marginal bands [fromGrams, credits per kg] on the citizen's grams so far in the " +
          "epoch, ascending from 0 (default [[0, 400], [2000, 250], [5000, 100]]).",
      ),
  }),
  perItem: z.strictObject({
    perItem: perMaterialSchema
      .optional()
      .describe("Credits per item by material, merged over the defaults (CLEAR_PET 10, PET 10)."),
  }),
  budgetPool: z.strictObject({
    budget: moneySchema
      .optional()
      .describe("Credits shared per epoch in proportion to points (default 1,000,000)."),
    weights: perMaterialSchema
      .optional()
      .describe("Points per kg by material (default: the material scheme's rates)."),
  }),
} as const;

export type SchemeParams = { [K in SchemeName]: z.output<(typeof schemeParamsSchemas)[K]> };

/** A scheme and its (validated) parameters. */
export type SchemeChoice = {
  [K in SchemeName]: { scheme: K; params: SchemeParams[K] };
}[SchemeName];

/**
 * The `params` field of `config` and `scheme.set`: checked against the named scheme's
 * parameter schema by a refinement (the JSON Schema export lists the forms).
 */
export const schemeParamsFieldSchema = z
  .unknown()
  .describe("Scheme parameters (SPEC.md section 3); a missing key takes the scheme's default.");

/** Validates `params` against the parameter schema of `scheme`, reporting under `params`. */
export function refineSchemeParams(
  value: { scheme?: SchemeName | undefined; params?: unknown },
  ctx: z.RefinementCtx,
): void {
  if (value.params === undefined) return;
  if (value.scheme === undefined) {
    ctx.addIssue({ code: "custom", path: ["params"], message: "params given without a scheme" });
    return;
  }
  const result = schemeParamsSchemas[value.scheme].safeParse(value.params);
  if (!result.success) {
    for (const issue of result.error.issues) {
      ctx.addIssue({ code: "custom", path: ["params", ...issue.path], message: issue.message });
    }
  }
}
