/**
 * Turning the command line's `--seed` and `--scheme` strings into generator options. A
 * scheme is looked up among the scenario's `schemes` (by label, then by scheme name, so
 * that `--scheme budgetPool` takes the budget the scenario gives it), else taken as a bare
 * scheme name with SPEC.md's default parameters.
 */
import type { Scenario } from "../scenario/scenario-schema.js";
import { SCHEMES, type SchemeChoice, type SchemeName } from "../scenario/trace-schema.js";

/** A bad `--seed` or `--scheme`: reported in one line, exit code 2 like bad input. */
export class GenerateOptionError extends Error {
  readonly exitCode = 2;

  constructor(message: string) {
    super(message);
    this.name = "GenerateOptionError";
  }
}

const MAX_SEED = 2 ** 32 - 1;

/** `--seed`: a whole number from 0 to 2^32 - 1 (undefined: the scenario's seed). */
export function parseSeedOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const seed = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isSafeInteger(seed) || seed > MAX_SEED) {
    throw new GenerateOptionError(
      `--seed: expected a whole number from 0 to ${MAX_SEED}, got ${JSON.stringify(text)}`,
    );
  }
  return seed;
}

function isSchemeName(name: string): name is SchemeName {
  return (SCHEMES as readonly string[]).includes(name);
}

/** `--scheme`: a label or scheme name of the scenario, or any scheme name. */
export function resolveSchemeOption(
  scenario: Scenario,
  text: string | undefined,
): SchemeChoice | undefined {
  if (text === undefined) return undefined;
  const name = text.trim();
  const found =
    scenario.schemes.find((s) => s.label === name) ??
    scenario.schemes.find((s) => s.scheme === name);
  if (found !== undefined) return { scheme: found.scheme, params: found.params } as SchemeChoice;
  if (isSchemeName(name)) return { scheme: name, params: {} };
  const labels = [...new Set([...scenario.schemes.map((s) => s.label), ...SCHEMES])];
  throw new GenerateOptionError(
    `--scheme: unknown scheme ${JSON.stringify(text)} (expected one of ${labels.join(", ")})`,
  );
}
