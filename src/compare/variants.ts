/**
 * Scenario variants: the scenario as written, with one sweep point applied, narrowed to the
 * one scheme a run compares (its `schemes` list holds just that entry, and its single-run
 * `scheme`/`params` are that entry's). The generator and the replay read only the chosen
 * scheme, so two sweep points that differ only in another scheme's parameters give the same
 * variant text and the same runs: such a pair is run once and shared by both rows.
 */
import { stringify } from "yaml";

import { applySweepPoint, type SweepPoint } from "../scenario/scenario-sweep.js";
import { SCHEMES } from "../scenario/trace-schema.js";
import type { SchemeRef } from "./options.js";

type RawObject = Record<string, unknown>;

function isRecord(v: unknown): v is RawObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A `schemes` entry as written: a bare name or `{scheme, params?, label?}`. */
function entryLabel(entry: unknown): string | undefined {
  if (typeof entry === "string") return entry;
  if (!isRecord(entry)) return undefined;
  const label = entry["label"] ?? entry["scheme"];
  return typeof label === "string" ? label : undefined;
}

/** The scenario's schemes as written (the single-run scheme when it lists none). */
function writtenSchemes(raw: RawObject): unknown[] {
  if (Array.isArray(raw["schemes"])) return raw["schemes"];
  const scheme = raw["scheme"] ?? "flat";
  return [raw["params"] === undefined ? { scheme } : { scheme, params: raw["params"] }];
}

/** The entry a scheme reference runs, as written in `raw` (after the sweep point). */
export function writtenEntry(raw: unknown, ref: SchemeRef): RawObject {
  const object = isRecord(raw) ? raw : {};
  const found = ref.inScenario
    ? writtenSchemes(object).find((entry) => entryLabel(entry) === ref.label)
    : undefined;
  if (found === undefined) return { scheme: ref.scheme };
  return typeof found === "string" ? { scheme: found } : { ...(found as RawObject) };
}

/** The variant object: sweep point applied, one scheme. Key order follows the file. */
export function variantOf(raw: unknown, point: SweepPoint, ref: SchemeRef): RawObject {
  const swept = applySweepPoint(raw, point);
  const object: RawObject = isRecord(swept) ? { ...swept } : {};
  // A variant is one plain scenario (an empty point leaves the sweep in place, so drop it).
  delete object["sweep"];
  const entry = writtenEntry(object, ref);
  object["scheme"] = entry["scheme"];
  if (entry["params"] === undefined) delete object["params"];
  else object["params"] = entry["params"];
  object["schemes"] = [entry];
  return object;
}

/** `key=value, ...` of a sweep point ("" for none). */
export function pointText(point: SweepPoint): string {
  return Object.entries(point)
    .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
    .join(", ");
}

/**
 * The values of a point that can change a scheme's runs: every scenario path, and the keys
 * of that scheme (`flat.ratePerKg` changes flat, not material).
 */
export function relevantPoint(point: SweepPoint, ref: SchemeRef): SweepPoint {
  return Object.fromEntries(
    Object.entries(point).filter(([key]) => {
      const head = key.split(".")[0] ?? "";
      if (!(SCHEMES as readonly string[]).includes(head)) return true;
      return ref.inScenario && head === ref.scheme;
    }),
  );
}

/** YAML of a variant, with a header saying what it is (the header names no local path). */
export function variantText(
  variant: RawObject,
  about: { name: string; sha256: string; label: string },
): string {
  const header =
    `# Scenario ${about.name} (sha256 ${about.sha256.slice(0, 12)}) under reward scheme ` +
    `${about.label}, one sweep point applied; written by compare.\n`;
  return header + stringify(variant, { lineWidth: 0 });
}
