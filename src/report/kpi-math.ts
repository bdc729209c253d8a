/**
 * Small conversions shared by the KPI builders: bigint to JSON, ratios, grams to kg.
 */
import { SECONDS_PER_DAY } from "../model/time.js";
import type { Decimal } from "./kpi-types.js";

export const decimal = (amount: bigint): Decimal => amount.toString();

/** `numerator / denominator`, or null where the denominator is 0 (nothing to divide). */
export function ratio(numerator: number | bigint, denominator: number | bigint): number | null {
  const d = Number(denominator);
  return d === 0 ? null : Number(numerator) / d;
}

export const kgOf = (grams: number): number => grams / 1000;

/** A parking unit is 15 minutes. */
export const hoursOfUnits = (units: number): number => units / 4;

/** A map of amounts as a JSON object of decimal strings, in the map's order. */
export function decimals(map: ReadonlyMap<string, bigint>): Record<string, Decimal> {
  return Object.fromEntries([...map].map(([key, amount]) => [key, decimal(amount)]));
}

/** A record of grams as a record of kilograms, same keys. */
export function kgRecord(grams: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(grams).map(([key, g]) => [key, kgOf(g)]));
}

export function sumValues(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/** `2026-04-06`: the calendar date of a KST day index. */
export function kstDate(day: number): string {
  return new Date(day * SECONDS_PER_DAY * 1000).toISOString().slice(0, 10);
}
