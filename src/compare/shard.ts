/**
 * Shards: `--shard i/n` runs the runs whose position in the id-sorted plan is i - 1 modulo
 * n, so the n shares are disjoint, cover the plan, and are the same on every machine. Each
 * shard folder holds a shard.json (the whole plan, which share it ran, each run's exit code)
 * beside its runs; `merge` reads those and rebuilds the comparison of the whole plan.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";

import { z } from "zod";

import { SCHEMES } from "../scenario/trace-schema.js";
import { byId, PLAN_FORMAT, type ComparisonPlan, type PlannedRun } from "./plan.js";
import { CompareOptionError, type ShardSpec } from "./options.js";

export const SHARD_FORMAT = "city-pilot-sim/compare-shard/v1";
export const SHARD_FILE = "shard.json";

/** The runs of one shard, in id order. */
export function runsOfShard(runs: readonly PlannedRun[], shard: ShardSpec): PlannedRun[] {
  return [...runs].sort(byId).filter((_, i) => i % shard.count === shard.index - 1);
}

/** How a run ended, as the runner saw it. */
export interface RunExit {
  id: string;
  /** The child's exit code; null when it could not start or was killed by a signal. */
  exitCode: number | null;
  seconds: number;
}

export interface ShardManifest {
  format: typeof SHARD_FORMAT;
  createdAt: string;
  shard: ShardSpec;
  plan: ComparisonPlan;
  runs: RunExit[];
}

export function formatShardManifest(manifest: ShardManifest): string {
  return JSON.stringify(manifest, null, 2) + "\n";
}

const seedSchema = z.number().int().nonnegative();
const schemeSchema = z.enum(SCHEMES);

/** Checked when read back, so that merge can trust a shard folder's plan. */
const planSchema = z.object({
  format: z.literal(PLAN_FORMAT),
  scenario: z.object({ file: z.string(), name: z.string(), sha256: z.string() }),
  schemes: z.array(z.object({ label: z.string(), scheme: schemeSchema })).min(1),
  baseline: z.string(),
  seeds: z.array(seedSchema).min(1),
  points: z.array(z.record(z.string(), z.unknown())).min(1),
  variants: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      scheme: schemeSchema,
      file: z.string(),
      sha256: z.string(),
      caption: z.string(),
    }),
  ),
  cells: z.array(z.object({ point: z.number().int(), label: z.string(), variant: z.string() })),
  runs: z.array(
    z.object({
      id: z.string(),
      variant: z.string(),
      label: z.string(),
      scheme: schemeSchema,
      seed: seedSchema,
    }),
  ),
});

const shardManifestSchema = z.object({
  format: z.literal(SHARD_FORMAT),
  createdAt: z.string(),
  shard: z.object({ index: z.number().int().min(1), count: z.number().int().min(1) }),
  plan: planSchema,
  runs: z.array(
    z.object({ id: z.string(), exitCode: z.number().int().nullable(), seconds: z.number() }),
  ),
});

/** Why a folder cannot be merged; merge reports it in one line (exit code 2). */
export class ShardReadError extends CompareOptionError {
  override readonly name = "ShardReadError";
}

/** Reads `<dir>/shard.json`; throws a {@link ShardReadError} naming the folder. */
export async function readShardManifest(dir: string): Promise<ShardManifest> {
  const path = join(dir, SHARD_FILE);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new ShardReadError(`${path}: no shard manifest (not a compare output folder?)`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ShardReadError(`${path}: not valid JSON`);
  }
  const parsed = shardManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join(".") ?? "";
    throw new ShardReadError(`${path}: ${where === "" ? "" : `${where}: `}${issue?.message ?? ""}`);
  }
  return parsed.data as ShardManifest;
}

/**
 * The plan without where its scenario file was named from: shards of one comparison may be
 * run from different folders, and still share the same scenario (by hash) and runs.
 */
export function planIdentity(plan: ComparisonPlan): string {
  const { scenario, ...rest } = plan;
  return JSON.stringify({ ...rest, scenario: { name: scenario.name, sha256: scenario.sha256 } });
}
