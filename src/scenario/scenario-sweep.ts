/**
 * Parameter sweeps of a scenario (`sweep: { flat.ratePerKg: [200, 300, 400] }`). A key is
 * either `<scheme>.<param path>` (applies to every entry of that scheme) or a path into the
 * scenario file (`behaviour.drivers.cancelOdds`, `market.platformFeeBps`). A sweep point is
 * applied to the scenario *as written* and the result validated like any scenario, so a swept
 * value obeys the same ranges as a written one.
 */
import type { z } from "zod";

import { SCHEMES, type SchemeName } from "./trace-schema.js";

/** One combination of swept values: key -> value. */
export type SweepPoint = Readonly<Record<string, unknown>>;

function isSchemeName(s: string): s is SchemeName {
  return (SCHEMES as readonly string[]).includes(s);
}

function splitKey(key: string): { head: string; rest: string[] } {
  const [head = "", ...rest] = key.split(".");
  return { head, rest };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Value at a dotted path of a parsed object, or undefined. */
function valueAt(root: unknown, path: readonly string[]): unknown {
  let node = root;
  for (const key of path) {
    if (!isRecord(node) || !(key in node)) return undefined;
    node = node[key];
  }
  return node;
}

/** A copy of `root` with `value` set at `path`, creating objects on the way. */
function withValueAt(root: unknown, path: readonly string[], value: unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return value;
  const node = isRecord(root) ? root : {};
  return { ...node, [key]: withValueAt(node[key], rest, value) };
}

/**
 * Checks keys against the parsed scenario: a scheme key must name a scheme the scenario
 * runs; any other key must lead to a number the scenario has (defaults included).
 */
export function checkSweepKeys(
  sweep: Readonly<Record<string, readonly unknown[]>>,
  scenario: unknown,
  schemes: readonly { scheme: SchemeName }[],
  ctx: z.RefinementCtx,
): void {
  for (const key of Object.keys(sweep)) {
    const { head, rest } = splitKey(key);
    const path = ["sweep", key];
    if (isSchemeName(head)) {
      if (!schemes.some((s) => s.scheme === head)) {
        ctx.addIssue({
          code: "custom",
          path,
          message: `scheme ${head} is not among the schemes run`,
        });
      }
      continue;
    }
    if (head === "sweep" || head === "schemes" || head === "params" || head === "scheme") {
      ctx.addIssue({ code: "custom", path, message: `${head} cannot be swept` });
      continue;
    }
    const current = valueAt(scenario, [head, ...rest]);
    if (typeof current !== "number" && typeof current !== "bigint") {
      ctx.addIssue({
        code: "custom",
        path,
        message: "does not name a number of the scenario (e.g. behaviour.drivers.cancelOdds)",
      });
    }
  }
}

/**
 * The scenario as written with one swept value applied, without its `sweep` (a point is a
 * plain scenario). Validate the result with the scenario schema.
 */
export function applySweepValue(raw: unknown, key: string, value: unknown): unknown {
  const { head, rest } = splitKey(key);
  const input = isRecord(raw) ? raw : {};
  if (!isSchemeName(head)) return withoutSweep(withValueAt(input, key.split("."), value));
  let out: Record<string, unknown> = { ...input };
  if ((input["scheme"] ?? "flat") === head) {
    out = { ...out, params: withValueAt(input["params"], rest, value) };
  }
  if (Array.isArray(input["schemes"])) {
    out["schemes"] = input["schemes"].map((entry: unknown) => {
      const choice = typeof entry === "string" ? { scheme: entry } : entry;
      if (!isRecord(choice) || choice["scheme"] !== head) return entry;
      return { ...choice, params: withValueAt(choice["params"], rest, value) };
    });
  }
  return withoutSweep(out);
}

function withoutSweep(v: unknown): unknown {
  if (!isRecord(v)) return v;
  const { sweep: _sweep, ...rest } = v;
  return rest;
}

/** The scenario as written with every value of a point applied. */
export function applySweepPoint(raw: unknown, point: SweepPoint): unknown {
  return Object.entries(point).reduce((acc, [k, v]) => applySweepValue(acc, k, v), raw);
}

/** Every combination of the swept values (the cartesian product), in key order. */
export function sweepPoints(sweep: Readonly<Record<string, readonly unknown[]>> | undefined) {
  let points: SweepPoint[] = [{}];
  for (const [key, values] of Object.entries(sweep ?? {})) {
    points = points.flatMap((p) => values.map((v) => ({ ...p, [key]: v })));
  }
  return points;
}
