/**
 * The scenario file (SPEC.md section 4, first bullet): a plain YAML a policy analyst edits.
 * The seeded generator turns a parsed {@link Scenario} into a trace. Every field is
 * described, so the exported JSON Schema (schemas/scenario.schema.json) documents the file
 * in an editor.
 */
import { z } from "zod";

import { behaviourSchema } from "./scenario-behaviour.js";
import { oddsSchema, slugSchema, wholeSchema } from "./scenario-parts.js";
import { checkSweepKeys } from "./scenario-sweep.js";
import {
  isoTimeSchema,
  marketConfigSchema,
  moneySchema,
  recyclingConfigSchema,
  schemeNameSchema,
  schemeParamsFieldSchema,
  schemeParamsSchemas,
  type SchemeChoice,
  type SchemeName,
} from "./trace-schema.js";

export const actorCountsSchema = z
  .strictObject({
    owners: wholeSchema.default(0).describe("Slot owners (residents, buildings) in the district."),
    drivers: wholeSchema.default(0).describe("Drivers living in the district."),
    citizens: wholeSchema.default(0).describe("Citizens who may recycle, living in the district."),
    kiosks: wholeSchema.default(0).describe("Reverse vending machines in the district."),
    merchants: wholeSchema.default(0).describe("Shops accepting credits in the district."),
  })
  .describe("How many actors of each kind the district has.");

export const districtSchema = z
  .strictObject({
    name: slugSchema.describe("District name, used in the trace (e.g. songdo)."),
    population: wholeSchema
      .min(1, "must be at least 1")
      .optional()
      .describe("Residents; weights where drivers from other districts park (default: equal)."),
    unitPrice: z
      .strictObject({ min: wholeSchema.min(1, "must be at least 1"), max: wholeSchema })
      .refine((r) => r.min <= r.max, { message: "min must not exceed max", path: ["max"] })
      .optional()
      .describe("Overrides behaviour.owners.unitPrice for slots in this district."),
    actors: actorCountsSchema.prefault({}),
  })
  .describe("A district of the city and its actors.");

export const startingKrwSchema = z
  .strictObject({
    owner: moneySchema.prefault(0).describe("KRW minted to each slot owner at actor.join."),
    driver: moneySchema.prefault(100_000).describe("KRW minted to each driver at actor.join."),
    citizen: moneySchema
      .prefault(0)
      .describe("KRW minted to each citizen at actor.join (added to a driver's if both)."),
    kiosk: moneySchema.prefault(0).describe("KRW minted to each kiosk at actor.join."),
    merchant: moneySchema.prefault(0).describe("KRW minted to each merchant at actor.join."),
  })
  .describe("Starting KRW per role (minted at actor.join, not from the treasury).");

export const actorsSchema = z
  .strictObject({
    startingKrw: startingKrwSchema.prefault({}),
    driversAlsoCitizens: oddsSchema
      .default(0.2)
      .describe(
        "Share of drivers who are also citizens of their district (one person, roles " +
          "[citizen, driver]; counted in both counts): they can pay parking with credits.",
      ),
  })
  .describe("Settings common to the actors of every district.");

const schemeChoiceInputSchema = z.strictObject({
  label: slugSchema
    .optional()
    .describe("A name for this variant in comparison reports (default: the scheme name)."),
  scheme: schemeNameSchema.describe("The reward scheme."),
  params: schemeParamsFieldSchema.optional(),
});

/** A scheme with its typed parameters and the label reports use. */
export type LabelledScheme = SchemeChoice & { label: string };

/** Parses scheme params into their typed form, reporting issues under `params`. */
function parseSchemeChoice(
  value: { scheme: SchemeName; params?: unknown; label?: string | undefined },
  ctx: z.RefinementCtx,
): LabelledScheme {
  const result = schemeParamsSchemas[value.scheme].safeParse(value.params ?? {});
  if (!result.success) {
    for (const issue of result.error.issues) {
      ctx.addIssue({ ...issue, path: ["params", ...issue.path] } as z.core.$ZodRawIssue);
    }
    return z.NEVER;
  }
  return {
    label: value.label ?? value.scheme,
    scheme: value.scheme,
    params: result.data,
  } as LabelledScheme;
}

export const schemeEntrySchema = z
  .union([schemeNameSchema.transform((scheme) => ({ scheme })), schemeChoiceInputSchema])
  .transform(parseSchemeChoice)
  .describe("A scheme to compare: a name, or {scheme, params, label}.");

export const sweepSchema = z
  .record(
    z.string().regex(/^[A-Za-z]+(\.[A-Za-z0-9_]+)+$/, "expected a dotted key, e.g. flat.ratePerKg"),
    z.array(z.unknown()).min(1, "must list at least one value"),
  )
  .describe(
    "Values to sweep in comparisons: 'scheme.param' (e.g. flat.ratePerKg, material.rates.PET) " +
      "or a path into the scenario (e.g. behaviour.drivers.cancelOdds) -> list of values.",
  );

const scenarioObjectSchema = z.strictObject({
  name: slugSchema.describe("Scenario name, used in output folders."),
  description: z.string().optional().describe("What the scenario is for, in a sentence or two."),
  start: isoTimeSchema.describe("First moment of the run, ISO 8601 with offset (KST: +09:00)."),
  days: wholeSchema
    .min(1, "must be at least 1")
    .max(366, "must be at most 366")
    .describe("Length of the run in days."),
  timeStepSeconds: wholeSchema
    .min(1, "must be at least 1")
    .max(900, "must be at most 900 (a parking unit)")
    .refine((s) => 900 % s === 0, "must divide 900, so booking times stay on the tick")
    .default(60)
    .describe(
      "Clock tick of generated events in seconds: every event happens on a multiple of it " +
        "(later, never earlier, than drawn). The chain mines one block per distinct time, so " +
        "a coarser tick means fewer blocks, a faster replay and less memory.",
    ),
  seed: wholeSchema
    .max(2 ** 32 - 1, "must fit in 32 bits")
    .default(1)
    .describe("Seed of the generator; same scenario and seed give the same trace."),
  treasury: z
    .strictObject({
      krw: moneySchema
        .prefault(100_000_000)
        .describe("KRW the city funds the treasury with at the start (treasury.fund)."),
    })
    .prefault({})
    .describe("The city's treasury."),
  districts: z
    .array(districtSchema)
    .min(1, "must have at least one district")
    .describe("Districts of the city and their actors."),
  actors: actorsSchema.prefault({}),
  behaviour: behaviourSchema.prefault({}),
  market: marketConfigSchema
    .prefault({})
    .describe("Parking market parameters (as in a trace's config); missing keys: SPEC defaults."),
  recycling: recyclingConfigSchema
    .prefault({})
    .describe("Recycling parameters (as in a trace's config); missing keys: SPEC defaults."),
  scheme: schemeNameSchema.default("flat").describe("The reward scheme of a single run."),
  params: schemeParamsFieldSchema.optional(),
  schemes: z
    .array(schemeEntrySchema)
    .min(1, "must list at least one scheme")
    .optional()
    .describe("Schemes to compare (default: just `scheme`)."),
  sweep: sweepSchema.optional(),
});

/** Duplicate district names and scheme labels, each as an issue at the later entry. */
function checkUnique(
  names: readonly string[],
  pathOf: (i: number) => PropertyKey[],
  what: string,
  ctx: z.RefinementCtx,
): void {
  const seen = new Set<string>();
  names.forEach((name, i) => {
    if (seen.has(name))
      ctx.addIssue({
        code: "custom",
        path: pathOf(i),
        message: `${what} ${JSON.stringify(name)} appears twice`,
      });
    seen.add(name);
  });
}

export const scenarioSchema = scenarioObjectSchema
  .transform((s, ctx) => {
    const { params, ...rest } = s;
    const scheme = parseSchemeChoice({ scheme: s.scheme, params }, ctx);
    checkUnique(
      s.districts.map((d) => d.name),
      (i) => ["districts", i, "name"],
      "district",
      ctx,
    );
    const schemes = s.schemes ?? [scheme];
    if (s.schemes !== undefined) {
      checkUnique(
        s.schemes.map((x) => x.label),
        (i) => ["schemes", i, "label"],
        "scheme label",
        ctx,
      );
    }
    if (s.sweep !== undefined) checkSweepKeys(s.sweep, s, schemes, ctx);
    return { ...rest, scheme, schemes };
  })
  .describe("A city pilot scenario: who lives where, how they behave, and the reward scheme.");

/** A scenario as written in YAML (before defaults). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A validated scenario with every default filled in: what the generator reads. */
export type Scenario = z.output<typeof scenarioSchema>;
export type District = Scenario["districts"][number];
export type ActorCounts = District["actors"];
