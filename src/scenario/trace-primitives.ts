/**
 * The values a trace is made of: materials, roles, scheme names, times, money, counts,
 * names and weekly availability ranges. Re-exported by trace-schema.ts.
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
