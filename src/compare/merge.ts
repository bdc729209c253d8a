/**
 * `merge`: the comparison of a plan whose runs were split over shard folders. Every folder
 * must hold a shard.json of the same plan (same scenario by hash, schemes, seeds, sweep),
 * and together they must be shards 1..n of one split, each once. The runs are read where
 * they are (nothing is copied); the comparison is built exactly as an unsharded one.
 */
import { join, resolve } from "node:path";

import { defaultOutDir } from "../run/prepare-input.js";
import { CompareOptionError } from "./options.js";
import {
  summaryLines,
  writeComparison,
  type RunLocation,
  type WrittenComparison,
} from "./outputs.js";
import type { ComparisonPlan } from "./plan.js";
import { planIdentity, readShardManifest, runsOfShard, type ShardManifest } from "./shard.js";

export interface PreparedMerge {
  plan: ComparisonPlan;
  locations: Map<string, RunLocation>;
  outDir: string;
}

function checkSameComparison(shards: readonly { dir: string; manifest: ShardManifest }[]): void {
  const [first, ...rest] = shards;
  if (first === undefined) throw new CompareOptionError("merge: name at least one compare folder");
  const identity = planIdentity(first.manifest.plan);
  for (const other of rest) {
    if (planIdentity(other.manifest.plan) !== identity) {
      throw new CompareOptionError(
        `merge: ${other.dir} is a shard of another comparison than ${first.dir} ` +
          "(scenario, schemes, seeds or sweep differ)",
      );
    }
  }
}

function checkCompleteSplit(shards: readonly { dir: string; manifest: ShardManifest }[]): void {
  const count = shards[0]?.manifest.shard.count ?? 1;
  const seen = new Map<number, string>();
  for (const { dir, manifest } of shards) {
    const { index } = manifest.shard;
    if (manifest.shard.count !== count) {
      throw new CompareOptionError(
        `merge: ${dir} is shard ${index}/${manifest.shard.count}, the others are of ${count}`,
      );
    }
    const earlier = seen.get(index);
    if (earlier !== undefined) {
      throw new CompareOptionError(
        `merge: shard ${index}/${count} given twice (${earlier}, ${dir})`,
      );
    }
    seen.set(index, dir);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0) {
    throw new CompareOptionError(
      `merge: shard(s) ${missing.map((i) => `${i}/${count}`).join(", ")} missing`,
    );
  }
}

/** Reads and checks the shard folders; writes nothing. */
export async function prepareMerge(
  dirs: readonly string[],
  out: string | undefined,
): Promise<PreparedMerge> {
  if (dirs.length === 0) throw new CompareOptionError("merge: name at least one compare folder");
  const shards = [];
  for (const dir of dirs) shards.push({ dir, manifest: await readShardManifest(dir) });
  checkSameComparison(shards);
  checkCompleteSplit(shards);
  const plan = shards[0]?.manifest.plan as ComparisonPlan;
  const locations = new Map<string, RunLocation>();
  for (const { dir, manifest } of shards) {
    const exits = new Map(manifest.runs.map((r) => [r.id, r.exitCode]));
    for (const run of runsOfShard(plan.runs, manifest.shard)) {
      locations.set(run.id, {
        dir: resolve(join(dir, "runs", run.id)),
        exitCode: exits.get(run.id),
      });
    }
  }
  const outDir = out ?? defaultOutDir(`${plan.scenario.name}-compare`);
  return { plan, locations, outDir };
}

export interface MergeOutcome {
  written: WrittenComparison;
  refused: number;
  lines: string[];
}

export async function runMerge(prepared: PreparedMerge): Promise<MergeOutcome> {
  const written = await writeComparison(
    resolve(prepared.outDir),
    prepared.plan,
    prepared.locations,
  );
  return {
    written,
    refused: written.comparison.refused.length,
    lines: summaryLines(written),
  };
}
