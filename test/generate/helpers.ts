/** Shared helpers of the generator tests: small scenarios, generated traces as events. */
import { scenarioSchema, type Scenario } from "../../src/scenario/scenario-schema.js";
import { loadScenario } from "../../src/scenario/load-scenario.js";
import { unixSeconds, type EventKind } from "../../src/scenario/trace-schema.js";
import {
  generateTrace,
  type GenerateOptions,
  type GenerateStats,
} from "../../src/generate/generate-trace.js";

/** A trace line as plain JSON (money as numbers, as written). */
export type Line = Record<string, unknown> & { t: string; kind: EventKind };

export interface Generated {
  lines: string[];
  events: Line[];
  stats: GenerateStats;
}

export function generate(scenario: Scenario, options: GenerateOptions = {}): Generated {
  const trace = generateTrace(scenario, options);
  const lines = [...trace];
  return { lines, events: lines.map((l) => JSON.parse(l) as Line), stats: trace.stats };
}

type Plain = Record<string, unknown>;

function isPlain(v: unknown): v is Plain {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** `base` with `patch` merged in (objects merge, anything else replaces). */
function merge(base: Plain, patch: Plain): Plain {
  const out: Plain = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const current = out[key];
    out[key] = isPlain(current) && isPlain(value) ? merge(current, value) : value;
  }
  return out;
}

/**
 * A small two-district week: 300 drivers, 900 citizens, kiosks with room to spare, daily
 * epochs. `patch` is merged over it as written in YAML.
 */
export function testScenario(patch: Plain = {}): Scenario {
  const base: Plain = {
    name: "test-city",
    start: "2026-04-06T00:00:00+09:00",
    days: 7,
    seed: 7,
    districts: [
      {
        name: "north",
        population: 2,
        actors: { owners: 60, drivers: 200, citizens: 600, kiosks: 4, merchants: 3 },
      },
      {
        name: "south",
        population: 1,
        actors: { owners: 30, drivers: 100, citizens: 300, kiosks: 2, merchants: 2 },
      },
    ],
    behaviour: { kiosks: { capacityGrams: { min: 200_000, max: 200_000 } } },
    recycling: { epochSeconds: 86_400 },
  };
  return scenarioSchema.parse(merge(base, patch));
}

let week: Scenario | undefined;

/** scenarios/songdo-week.yaml. */
export async function songdoWeek(): Promise<Scenario> {
  week ??= (await loadScenario("scenarios/songdo-week.yaml")).scenario;
  return week;
}

export function ofKind(events: readonly Line[], ...kinds: EventKind[]): Line[] {
  return events.filter((e) => kinds.includes(e.kind));
}

export function countOf(events: readonly Line[], kind: EventKind): number {
  return ofKind(events, kind).length;
}

export const timeOf = (e: { t: string }): number => unixSeconds(e.t);

/** Bounds within `sds` binomial standard deviations of `p` over `n` trials, as shares. */
export function binomialBounds(p: number, n: number, sds = 4): [number, number] {
  const sd = Math.sqrt((p * (1 - p)) / n);
  return [p - sds * sd, p + sds * sd];
}
