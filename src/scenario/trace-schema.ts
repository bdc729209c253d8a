/**
 * The trace format (SPEC.md section 4): one JSON object per line, validated by these zod
 * schemas. Every type of a trace event is derived from them.
 */
import { z } from "zod";

/** Materials, in the order of the contracts' `Material` enum. */
export const MATERIALS = ["CLEAR_PET", "PET", "HDPE", "PP", "PS", "OTHER"] as const;
export const materialSchema = z.enum(MATERIALS);
export type Material = z.infer<typeof materialSchema>;

export const ROLES = ["owner", "driver", "citizen", "kiosk", "merchant"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const SCHEMES = ["flat", "material", "tiered", "perItem", "budgetPool"] as const;
export const schemeNameSchema = z.enum(SCHEMES);
export type SchemeName = z.infer<typeof schemeNameSchema>;

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;

/** ISO 8601 with an offset, whole seconds: `2026-03-02T08:15:00+09:00`. */
export const isoTimeSchema = z
  .string()
  .regex(ISO_WITH_OFFSET, "expected ISO 8601 time with offset, e.g. 2026-03-02T08:15:00+09:00")
  .refine(isCalendarTime, "not a valid calendar time");

/** Date.parse rolls `02-30` over to March; a calendar time must read back as written. */
function isCalendarTime(iso: string): boolean {
  const fields = iso.slice(0, 19).split(/[-T:]/).map(Number);
  const [y = NaN, mo = NaN, d = NaN, h = NaN, mi = NaN, s = NaN] = fields;
  const utc = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  const readBack = [
    utc.getUTCFullYear(),
    utc.getUTCMonth() + 1,
    utc.getUTCDate(),
    utc.getUTCHours(),
    utc.getUTCMinutes(),
    utc.getUTCSeconds(),
  ];
  const offsetHours = iso.endsWith("Z") ? 0 : Number(iso.slice(-5, -3));
  return readBack.every((n, i) => n === fields[i]) && offsetHours <= 23;
}

/** Unix seconds of a validated ISO time. */
export function unixSeconds(iso: string): number {
  return Date.parse(iso) / 1000;
}

/** Money (KRW or credits): a non-negative whole number, carried as bigint. */
export const moneySchema = z
  .number()
  .int("must be a whole number")
  .nonnegative("must not be negative")
  .max(Number.MAX_SAFE_INTEGER)
  .transform((n) => BigInt(n));

/** Grams, items, epochs and other counts: non-negative whole numbers. */
export const countSchema = z
  .number()
  .int("must be a whole number")
  .nonnegative("must not be negative");

/** A name of an actor, slot, booking or receipt in a trace: `d17`, `s3`, `b1042`. */
export const nameSchema = z.string().min(1, "must not be empty").max(64);

const perMaterialSchema = z.partialRecord(materialSchema, countSchema);

/** Scheme parameters; every key optional (a missing one takes the SPEC default). */
export const schemeParamsSchemas = {
  flat: z.strictObject({ ratePerKg: countSchema.optional() }),
  material: z.strictObject({ rates: perMaterialSchema.optional() }),
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
      .optional(),
  }),
  perItem: z.strictObject({ perItem: perMaterialSchema.optional() }),
  budgetPool: z.strictObject({
    budget: moneySchema.optional(),
    weights: perMaterialSchema.optional(),
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
function refineSchemeParams(
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

const base = { t: isoTimeSchema };

export const marketConfigSchema = z.strictObject({
  platformFeeBps: countSchema.max(10_000).optional(),
  depositUnits: countSchema.max(255).optional(),
  graceSeconds: countSchema.optional(),
  overstayBps: countSchema.optional(),
  freeCancelSeconds: countSchema.optional(),
  lateCancelBps: countSchema.max(10_000).optional(),
});

export const recyclingConfigSchema = z.strictObject({
  dailyCapGrams: countSchema.optional(),
  maxDepositGrams: countSchema.optional(),
  epochSeconds: countSchema.min(1).optional(),
  epochStart: isoTimeSchema.optional(),
  epochMintCap: moneySchema.optional(),
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

/** `Mon-Fri 09:00-18:00`, `Sat 00:00-24:00`, `Sun 19:00-24:00`. */
export const AVAILABILITY_PATTERN =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)(-(Mon|Tue|Wed|Thu|Fri|Sat|Sun))? ([01]\d|2[0-3]):(00|15|30|45)-(([01]\d|2[0-3]):(00|15|30|45)|24:00)$/;

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** One weekly availability range, KST: `Mon-Fri 09:00-18:00` (a night range is two entries). */
export const availabilityEntrySchema = z
  .string()
  .regex(AVAILABILITY_PATTERN, "expected e.g. 'Mon-Fri 09:00-18:00' (KST, quarter hours)")
  .refine((s) => {
    const [from = "", to = ""] = s.split(" ")[1]?.split("-") ?? [];
    return to > from;
  }, "end must be after start within one day")
  .refine((s) => {
    const [first = "", last = first] = s.split(" ")[0]?.split("-") ?? [];
    return WEEKDAYS.indexOf(last) >= WEEKDAYS.indexOf(first);
  }, "day range must run forward from Mon to Sun (write a wrap as two entries)");

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
