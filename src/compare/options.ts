/**
 * The command line of `compare` and `merge`, checked before anything is written: a bad
 * option is one line on stderr and exit code 2 (like bad input, SPEC.md section 4).
 */
import { InputError } from "../scenario/errors.js";
import type { Scenario } from "../scenario/scenario-schema.js";
import { SCHEMES, type SchemeName } from "../scenario/trace-schema.js";

export class CompareOptionError extends Error {
  readonly exitCode = 2;

  constructor(message: string) {
    super(message);
    this.name = "CompareOptionError";
  }
}

/** A refusal to report in one line with exit code 2: a bad option, input or shard folder. */
export function isUsageError(error: unknown): error is CompareOptionError | InputError {
  return error instanceof CompareOptionError || error instanceof InputError;
}

/** A scheme to compare: its label in reports and the scheme it runs. */
export interface SchemeRef {
  label: string;
  scheme: SchemeName;
  /** Whether it is an entry of the scenario's `schemes` (else the scheme's defaults). */
  inScenario: boolean;
}

/** `--shard i/n`: the i-th of n shares of the runs, i from 1. */
export interface ShardSpec {
  index: number;
  count: number;
}

export const WHOLE: ShardSpec = { index: 1, count: 1 };

/** `--runs`, `--workers`: a whole number from `min` up (undefined: `fallback`). */
export function parseCount(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new CompareOptionError(
      `--${name}: expected a whole number of at least 1, got ${JSON.stringify(text)}`,
    );
  }
  return value;
}

export function parseShard(text: string | undefined): ShardSpec {
  if (text === undefined) return WHOLE;
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (match === null || !(count >= 1) || !(index >= 1) || index > count) {
    throw new CompareOptionError(
      `--shard: expected i/n with 1 <= i <= n (e.g. 1/2), got ${JSON.stringify(text)}`,
    );
  }
  return { index, count };
}

function isSchemeName(name: string): name is SchemeName {
  return (SCHEMES as readonly string[]).includes(name);
}

/**
 * One scheme of `--schemes`, as `--scheme` of simulate reads it: a label of the scenario's
 * schemes, else a scheme name among them, else any scheme name with SPEC.md's defaults.
 */
export function resolveSchemeRef(scenario: Scenario, text: string, option = "schemes"): SchemeRef {
  const name = text.trim();
  const found =
    scenario.schemes.find((s) => s.label === name) ??
    scenario.schemes.find((s) => s.scheme === name);
  if (found !== undefined) return { label: found.label, scheme: found.scheme, inScenario: true };
  if (isSchemeName(name)) return { label: name, scheme: name, inScenario: false };
  const known = [...new Set([...scenario.schemes.map((s) => s.label), ...SCHEMES])];
  throw new CompareOptionError(
    `--${option}: unknown scheme ${JSON.stringify(name)} (expected one of ${known.join(", ")})`,
  );
}

/** `--schemes a,b,...` (default: every scheme of the scenario), without repeats. */
export function parseSchemes(scenario: Scenario, text: string | undefined): SchemeRef[] {
  const refs =
    text === undefined
      ? scenario.schemes.map((s) => ({ label: s.label, scheme: s.scheme, inScenario: true }))
      : text.split(",").map((part) => resolveSchemeRef(scenario, part));
  const seen = new Set<string>();
  for (const ref of refs) {
    if (seen.has(ref.label)) {
      throw new CompareOptionError(`--schemes: ${ref.label} is listed twice`);
    }
    seen.add(ref.label);
  }
  return refs;
}

/** `--baseline`: one of the compared schemes (default: the first). */
export function parseBaseline(
  scenario: Scenario,
  schemes: readonly SchemeRef[],
  text: string | undefined,
): string {
  const first = schemes[0];
  if (first === undefined) throw new CompareOptionError("--schemes: no scheme to compare");
  if (text === undefined) return first.label;
  const label = resolveSchemeRef(scenario, text, "baseline").label;
  if (!schemes.some((s) => s.label === label)) {
    throw new CompareOptionError(
      `--baseline: ${label} is not among the compared schemes (${schemes.map((s) => s.label).join(", ")})`,
    );
  }
  return label;
}
