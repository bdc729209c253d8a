/**
 * The plan of a comparison: sweep points x schemes x seeds. Each (sweep point, scheme) is a
 * row of the comparison and runs one scenario variant; each variant runs once per seed. The
 * plan is a pure function of the scenario and the options, so every shard of a comparison
 * computes the same plan and merge can check that shards belong together.
 */
import { createHash } from "node:crypto";

import { parseScenarioText, type LoadedScenario } from "../scenario/load-scenario.js";
import { sweepPoints, type SweepPoint } from "../scenario/scenario-sweep.js";
import type { SchemeName } from "../scenario/trace-schema.js";
import { CompareOptionError, type SchemeRef } from "./options.js";
import { pointText, relevantPoint, variantOf, variantText } from "./variants.js";

export const PLAN_FORMAT = "city-pilot-sim/compare-plan/v1";

const MAX_SEED = 2 ** 32 - 1;

export interface PlannedVariant {
  id: string;
  label: string;
  scheme: SchemeName;
  /** Path of its YAML inside a comparison folder. */
  file: string;
  sha256: string;
  /** How reports name it: the label, plus the swept values that shape it when it has several. */
  caption: string;
}

/** A row of the comparison: a scheme at a sweep point, run as `variant`. */
export interface PlannedCell {
  point: number;
  label: string;
  variant: string;
}

export interface PlannedRun {
  id: string;
  variant: string;
  label: string;
  scheme: SchemeName;
  seed: number;
}

export interface ComparisonPlan {
  format: typeof PLAN_FORMAT;
  scenario: { file: string; name: string; sha256: string };
  schemes: { label: string; scheme: SchemeName }[];
  baseline: string;
  seeds: number[];
  /** The sweep points compared (`[{}]` without a sweep, or with the sweep turned off). */
  points: SweepPoint[];
  variants: PlannedVariant[];
  cells: PlannedCell[];
  /** Every run, sorted by id. */
  runs: PlannedRun[];
}

export interface PlanRequest {
  loaded: LoadedScenario;
  /** SHA-256 of the scenario file. */
  sha256: string;
  schemes: readonly SchemeRef[];
  baseline: string;
  runs: number;
  /** Compare every point of the scenario's `sweep` (false: the scenario as written). */
  sweep: boolean;
}

export interface BuiltPlan {
  plan: ComparisonPlan;
  /** YAML of each variant, by variant id. */
  variantTexts: ReadonlyMap<string, string>;
}

/** Ids compare by code unit, so the order is the same whatever the locale. */
export const byId = <T extends { id: string }>(a: T, b: T): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

function seedsOf(base: number, runs: number): number[] {
  if (base + runs - 1 > MAX_SEED) {
    throw new CompareOptionError(`--runs: seeds ${base} to ${base + runs - 1} pass ${MAX_SEED}`);
  }
  return Array.from({ length: runs }, (_, i) => base + i);
}

const sha256Of = (text: string): string => createHash("sha256").update(text).digest("hex");

interface Draft {
  ref: SchemeRef;
  firstPoint: number;
  text: string;
}

/** Distinct variants of each scheme, in order of first appearance, and each cell's variant. */
function draftVariants(request: PlanRequest, points: readonly SweepPoint[]) {
  const { loaded, schemes } = request;
  const drafts: Draft[] = [];
  const cells: { point: number; label: string; draft: Draft }[] = [];
  points.forEach((point, index) => {
    for (const ref of schemes) {
      const text = variantText(variantOf(loaded.raw, point, ref), {
        name: loaded.scenario.name,
        sha256: request.sha256,
        label: ref.label,
      });
      let draft = drafts.find((d) => d.ref.label === ref.label && d.text === text);
      if (draft === undefined) {
        draft = { ref, firstPoint: index, text };
        drafts.push(draft);
      }
      cells.push({ point: index, label: ref.label, draft });
    }
  });
  return { drafts, cells };
}

function variantIdOf(draft: Draft, drafts: readonly Draft[]): string {
  const several = drafts.filter((d) => d.ref.label === draft.ref.label).length > 1;
  return several ? `${draft.ref.label}-p${draft.firstPoint + 1}` : draft.ref.label;
}

function captionOf(draft: Draft, id: string, points: readonly SweepPoint[]): string {
  if (id === draft.ref.label) return draft.ref.label;
  const text = pointText(relevantPoint(points[draft.firstPoint] ?? {}, draft.ref));
  return text === "" ? id : `${draft.ref.label} (${text})`;
}

/**
 * The plan, and the YAML of each variant. Throws an InputError when a combination of swept
 * values makes an invalid scenario (each value alone was checked when the scenario loaded).
 */
export function buildPlan(request: PlanRequest): BuiltPlan {
  const { loaded } = request;
  const seeds = seedsOf(loaded.scenario.seed, request.runs);
  const points = request.sweep ? sweepPoints(loaded.scenario.sweep) : [{}];
  const { drafts, cells } = draftVariants(request, points);
  const variantTexts = new Map<string, string>();
  const variants = drafts.map((draft): PlannedVariant => {
    const id = variantIdOf(draft, drafts);
    const file = `variants/${id}.yaml`;
    parseScenarioText(draft.text, file);
    variantTexts.set(id, draft.text);
    const { label, scheme } = draft.ref;
    const caption = captionOf(draft, id, points);
    return { id, label, scheme, file, sha256: sha256Of(draft.text), caption };
  });
  const ids = variants.map((v) => v.id);
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
  if (repeated !== undefined) {
    throw new CompareOptionError(`--schemes: two variants would share the name ${repeated}`);
  }
  const idOf = new Map(drafts.map((d, i) => [d, ids[i] ?? ""]));
  const runs = variants
    .flatMap((v) =>
      seeds.map((seed) => ({
        id: runIdOf(v.id, seed),
        variant: v.id,
        label: v.label,
        scheme: v.scheme,
        seed,
      })),
    )
    .sort(byId);
  const plan: ComparisonPlan = {
    format: PLAN_FORMAT,
    scenario: { file: loaded.file, name: loaded.scenario.name, sha256: request.sha256 },
    schemes: request.schemes.map(({ label, scheme }) => ({ label, scheme })),
    baseline: request.baseline,
    seeds,
    points,
    variants,
    cells: cells.map((c) => ({ point: c.point, label: c.label, variant: idOf.get(c.draft) ?? "" })),
    runs,
  };
  return { plan, variantTexts };
}

/** The run of a cell for a seed. */
export function runIdOf(variant: string, seed: number): string {
  return `${variant}-s${seed}`;
}
