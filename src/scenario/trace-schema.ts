/**
 * The trace format (SPEC.md section 4): one JSON object per line, validated by these zod
 * schemas. Every type of a trace event is derived from them.
 */
import { z } from "zod";

import {
  refineSchemeParams,
  schemeParamsFieldSchema,
  schemeParamsSchemas,
  type SchemeChoice,
} from "./scheme-params.js";
import {
  availabilityEntrySchema,
  countSchema,
  isoTimeSchema,
  materialSchema,
  moneySchema,
  nameSchema,
  roleSchema,
  schemeNameSchema,
  type Role,
  type SchemeName,
} from "./trace-primitives.js";

export * from "./scheme-params.js";
export * from "./trace-primitives.js";

const base = { t: isoTimeSchema };

export const marketConfigSchema = z.strictObject({
  platformFeeBps: countSchema
    .max(10_000)
    .optional()
    .describe("Platform cut of fees and penalties, in basis points (default 1000)."),
  depositUnits: countSchema
    .max(255)
    .optional()
    .describe("Booking deposit, in units of the slot's unit price (default 4)."),
  graceSeconds: countSchema
    .optional()
    .describe("Seconds after the end before a check-out counts as overstay (default 600)."),
  overstayBps: countSchema
    .optional()
    .describe("Overstay penalty per unit, in basis points of the unit price (default 15000)."),
  freeCancelSeconds: countSchema
    .optional()
    .describe("A cancel at least this long before the start is free (default 3600)."),
  lateCancelBps: countSchema
    .max(10_000)
    .optional()
    .describe("Share of the fee kept on a late cancel, in basis points (default 5000)."),
});

export const recyclingConfigSchema = z.strictObject({
  dailyCapGrams: countSchema
    .optional()
    .describe("Grams per citizen per KST day that earn a reward (default 5000)."),
  maxDepositGrams: countSchema
    .optional()
    .describe("Largest single deposit in grams (default 20000)."),
  epochSeconds: countSchema
    .min(1)
    .optional()
    .describe("Length of a reward epoch in seconds (default 30 days)."),
  epochStart: isoTimeSchema
    .optional()
    .describe("Start of epoch 0 (default: KST midnight of the first event's day)."),
  epochMintCap: moneySchema
    .optional()
    .describe("Most credits minted for one epoch (default: no cap)."),
});

export const configEventSchema = z
  .strictObject({
    ...base,
    kind: z.literal("config"),
    market: marketConfigSchema.optional(),
    recycling: recyclingConfigSchema.optional(),
    scheme: schemeNameSchema.optional(),
    params: schemeParamsFieldSchema.optional(),
  })
  .superRefine(refineSchemeParams);

export const actorJoinSchema = z.strictObject({
  ...base,
  kind: z.literal("actor.join"),
  actor: nameSchema,
  role: z.union([roleSchema, z.array(roleSchema).min(1)]),
  krw: moneySchema.default(0n),
  district: nameSchema.optional(),
  capacityGrams: countSchema.optional(),
});

export const treasuryFundSchema = z.strictObject({
  ...base,
  kind: z.literal("treasury.fund"),
  krw: moneySchema,
});

export const slotRegisterSchema = z.strictObject({
  ...base,
  kind: z.literal("slot.register"),
  slot: nameSchema,
  owner: nameSchema,
  district: nameSchema,
  unitPrice: moneySchema,
  availability: z.array(availabilityEntrySchema),
});

export const slotPriceSchema = z.strictObject({
  ...base,
  kind: z.literal("slot.price"),
  slot: nameSchema,
  unitPrice: moneySchema,
});

export const parkingBookSchema = z.strictObject({
  ...base,
  kind: z.literal("parking.book"),
  booking: nameSchema,
  driver: nameSchema,
  slot: nameSchema,
  start: isoTimeSchema,
  end: isoTimeSchema,
  credits: moneySchema.default(0n),
});

const bookingActionSchema = <K extends string>(kind: K) =>
  z.strictObject({ ...base, kind: z.literal(kind), booking: nameSchema });

export const parkingCheckInSchema = bookingActionSchema("parking.checkIn");
export const parkingCheckOutSchema = bookingActionSchema("parking.checkOut");
export const parkingCancelSchema = bookingActionSchema("parking.cancel");
export const parkingSettleSchema = bookingActionSchema("parking.settle");

const depositFields = {
  kiosk: nameSchema,
  citizen: nameSchema,
  material: materialSchema,
  grams: countSchema,
  items: countSchema,
};

export const recycleDepositSchema = z.strictObject({
  ...base,
  kind: z.literal("recycle.deposit"),
  ...depositFields,
});

export const recycleReceiptSchema = z.strictObject({
  ...base,
  kind: z.literal("recycle.receipt"),
  ...depositFields,
  receipt: nameSchema,
  expires: isoTimeSchema.optional(),
});

export const recycleClaimSchema = z.strictObject({
  ...base,
  kind: z.literal("recycle.claim"),
  citizen: nameSchema,
  epoch: countSchema,
});

export const schemeSetSchema = z
  .strictObject({
    ...base,
    kind: z.literal("scheme.set"),
    scheme: schemeNameSchema,
    params: schemeParamsFieldSchema.optional(),
  })
  .superRefine(refineSchemeParams);

export const creditSpendSchema = z.strictObject({
  ...base,
  kind: z.literal("credit.spend"),
  citizen: nameSchema,
  merchant: nameSchema,
  credits: moneySchema,
});

export const merchantRedeemSchema = z.strictObject({
  ...base,
  kind: z.literal("merchant.redeem"),
  merchant: nameSchema,
  credits: moneySchema,
});

/** Every kind of trace event, by its `kind`. */
export const eventSchemas = {
  config: configEventSchema,
  "actor.join": actorJoinSchema,
  "treasury.fund": treasuryFundSchema,
  "slot.register": slotRegisterSchema,
  "slot.price": slotPriceSchema,
  "parking.book": parkingBookSchema,
  "parking.checkIn": parkingCheckInSchema,
  "parking.checkOut": parkingCheckOutSchema,
  "parking.cancel": parkingCancelSchema,
  "parking.settle": parkingSettleSchema,
  "recycle.deposit": recycleDepositSchema,
  "recycle.receipt": recycleReceiptSchema,
  "recycle.claim": recycleClaimSchema,
  "scheme.set": schemeSetSchema,
  "credit.spend": creditSpendSchema,
  "merchant.redeem": merchantRedeemSchema,
} as const;

export type EventKind = keyof typeof eventSchemas;
export const EVENT_KINDS = Object.keys(eventSchemas) as EventKind[];

/** A trace event of one kind, as parsed (money as bigint, defaults filled in). */
export type TraceEventOf<K extends EventKind> = z.output<(typeof eventSchemas)[K]>;
/** Any trace event, as parsed. Narrow on `kind`. */
export type TraceEvent = { [K in EventKind]: TraceEventOf<K> }[EventKind];
/** Any trace event as written in a file (before defaults and bigint conversion). */
export type TraceEventInput = { [K in EventKind]: z.input<(typeof eventSchemas)[K]> }[EventKind];

/**
 * Parses one event (already JSON-decoded). The caller adds file and line to the issues.
 * Config and scheme params stay `unknown` in the schema and are checked by the refinement;
 * {@link schemeChoiceOf} returns them typed.
 */
export function parseEvent(value: unknown): z.ZodSafeParseResult<TraceEvent> {
  const kind = (value as { kind?: unknown } | null)?.kind;
  if (typeof kind !== "string" || !(kind in eventSchemas)) {
    return z
      .looseObject({ kind: z.enum(EVENT_KINDS as [EventKind, ...EventKind[]]) })
      .safeParse(value) as z.ZodSafeParseResult<TraceEvent>;
  }
  return eventSchemas[kind as EventKind].safeParse(value) as z.ZodSafeParseResult<TraceEvent>;
}

/** The typed scheme choice of a validated `config` or `scheme.set` event, if it names one. */
export function schemeChoiceOf(event: {
  scheme?: SchemeName | undefined;
  params?: unknown;
}): SchemeChoice | undefined {
  if (event.scheme === undefined) return undefined;
  const params = schemeParamsSchemas[event.scheme].parse(event.params ?? {});
  return { scheme: event.scheme, params } as SchemeChoice;
}

/** The roles an `actor.join` event grants. */
export function rolesOf(event: TraceEventOf<"actor.join">): Role[] {
  return Array.isArray(event.role) ? event.role : [event.role];
}
