/**
 * Building blocks of the scenario schema: odds, shares, ranges, distributions and hourly
 * profiles, each with the range checks an analyst's typo should trip.
 */
import { z } from "zod";

import { MATERIALS, type Material } from "./trace-schema.js";

/** Tolerance for shares that must add up to 1 (a YAML author writes 0.33 three times). */
export const SHARE_SUM_TOLERANCE = 0.001;

/** A probability or a share: a number in [0, 1]. */
export const oddsSchema = z
  .number()
  .min(0, "must be between 0 and 1")
  .max(1, "must be between 0 and 1");

/** A whole count of things (actors, slots, minutes...). */
export const wholeSchema = z
  .number()
  .int("must be a whole number")
  .nonnegative("must not be negative");

/** A non-negative rate (events per week, weights). */
export const rateSchema = z.number().nonnegative("must not be negative");

/** An inclusive range `{min, max}` of whole numbers, drawn uniformly. */
export const wholeRangeSchema = z
  .strictObject({
    min: wholeSchema.describe("Smallest value (inclusive)."),
    max: wholeSchema.describe("Largest value (inclusive)."),
  })
  .refine((r) => r.min <= r.max, { message: "min must not exceed max", path: ["max"] });

/** An inclusive range of shares in [0, 1]. */
export const oddsRangeSchema = z
  .strictObject({
    min: oddsSchema.describe("Smallest value (inclusive)."),
    max: oddsSchema.describe("Largest value (inclusive)."),
  })
  .refine((r) => r.min <= r.max, { message: "min must not exceed max", path: ["max"] });

/**
 * A positive quantity with a right-skewed spread (stay lengths, lead times, grams): a
 * lognormal with the given mean and standard deviation, clipped to `[min, max]`.
 */
export function skewedSchema(unit: string, bounds: { min: number; max: number }) {
  return z
    .strictObject({
      mean: z.number().positive("must be greater than 0").describe(`Mean, in ${unit}.`),
      sd: rateSchema.describe(`Standard deviation, in ${unit} (0: always the mean).`),
      min: z
        .number()
        .min(bounds.min, `must be at least ${bounds.min}`)
        .default(bounds.min)
        .describe(`Draws below this are raised to it, in ${unit}.`),
      max: z
        .number()
        .max(bounds.max, `must be at most ${bounds.max}`)
        .default(bounds.max)
        .describe(`Draws above this are lowered to it, in ${unit}.`),
    })
    .refine((d) => d.min <= d.max, { message: "min must not exceed max", path: ["max"] })
    .refine((d) => d.min <= d.mean && d.mean <= d.max, {
      message: "mean must lie between min and max",
      path: ["mean"],
    })
    .describe(`Lognormal with this mean and standard deviation, clipped to [min, max] ${unit}.`);
}
export type Skewed = z.output<ReturnType<typeof skewedSchema>>;

/** 24 non-negative weights, hour 0 (00:00-01:00 KST) first; not all zero. */
export const hourlyProfileSchema = z
  .array(rateSchema)
  .length(24, "must have exactly 24 entries, one per hour of the day")
  .refine((w) => w.some((x) => x > 0), "at least one hour must have a weight above 0")
  .describe("Relative weights of the 24 hours of a day (KST), 00:00-01:00 first.");

function sumsToOne(values: readonly number[]): boolean {
  return Math.abs(values.reduce((a, b) => a + b, 0) - 1) <= SHARE_SUM_TOLERANCE;
}

function sumReason(values: readonly number[]): string {
  const sum = values.reduce((a, b) => a + b, 0);
  return `shares must add up to 1 (within ${SHARE_SUM_TOLERANCE}), they add up to ${Number(sum.toFixed(6))}`;
}

/**
 * A share per material; missing materials take `defaults` only when the whole map is
 * missing (a partial mix that does not add up to 1 is refused, not topped up).
 */
export function materialSharesSchema(defaults: Record<Material, number>) {
  const shape = Object.fromEntries(
    MATERIALS.map((m) => [m, oddsSchema.default(0).describe(`Share of ${m}.`)]),
  ) as Record<Material, z.ZodDefault<typeof oddsSchema>>;
  return z
    .strictObject(shape)
    .superRefine((mix, ctx) => {
      const values = Object.values(mix);
      if (!sumsToOne(values)) ctx.addIssue({ code: "custom", message: sumReason(values) });
    })
    .default(defaults);
}

/** A value per material; a partial map is merged over `defaults`. */
export function perMaterialSchema<S extends z.ZodType>(
  value: S,
  defaults: Record<Material, z.input<S>>,
  what: string,
) {
  const shape = Object.fromEntries(
    MATERIALS.map((m) => [m, value.prefault(defaults[m]).describe(`${what} for ${m}.`)]),
  ) as Record<Material, z.ZodPrefault<S>>;
  return z.strictObject(shape).prefault({});
}

/** A list of weighted alternatives whose `share` fields add up to 1. */
export function sharedListSchema<S extends z.ZodObject<{ share: typeof oddsSchema }>>(item: S) {
  return z
    .array(item)
    .min(1, "must have at least one entry")
    .superRefine((list, ctx) => {
      const shares = list.map((x) => (x as { share: number }).share);
      if (!sumsToOne(shares)) ctx.addIssue({ code: "custom", message: sumReason(shares) });
    });
}

/** `songdo`, `cheongna-2`: lower-case letters, digits and dashes. */
export const slugSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,31}$/, "must be lower-case letters, digits and dashes, e.g. songdo");
