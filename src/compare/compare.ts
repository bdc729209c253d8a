/**
 * `compare`, end to end: check the options and build the plan (nothing written on a bad
 * option or input), write the scenario variants, run this shard's runs in the process pool,
 * write shard.json, and for an unsharded comparison the comparison itself.
 *
 * Folder layout: `variants/<variant>.yaml`, `runs/<run>/` (simulate's outputs),
 * `logs/<run>.log` (each child's output), `shard.json`, `comparison.csv`, `comparison.html`.
 */
import { availableParallelism } from "node:os";
import { mkdir, rm } from "node:fs/promises";
import { join, resolve } from "node:path";

import { writeFileAtomic } from "../report/atomic-file.js";
import { sha256File } from "../report/provenance.js";
import { defaultOutDir } from "../run/prepare-input.js";
import { loadScenario } from "../scenario/load-scenario.js";
import { parseBaseline, parseCount, parseSchemes, parseShard, type ShardSpec } from "./options.js";
import {
  collectResults,
  COMPARISON_FILES,
  summaryLines,
  writeComparison,
  type RunLocation,
  type WrittenComparison,
} from "./outputs.js";
import { buildPlan, type ComparisonPlan, type PlannedRun } from "./plan.js";
import { hardhatCli, runPool, runSimulateChild, type ChildSettings } from "./runner.js";
import {
  formatShardManifest,
  runsOfShard,
  SHARD_FILE,
  SHARD_FORMAT,
  type RunExit,
} from "./shard.js";

/** Seeds per scheme when `--runs` is not given: enough for a t interval worth reading. */
export const DEFAULT_RUNS = 5;

export interface CompareRequest {
  scenario: string;
  schemes?: string | undefined;
  runs?: string | undefined;
  workers?: string | undefined;
  out?: string | undefined;
  shard?: string | undefined;
  baseline?: string | undefined;
  /** Compare the scenario as written, without its sweep. */
  noSweep?: boolean | undefined;
}

export interface PreparedCompare {
  plan: ComparisonPlan;
  variantTexts: ReadonlyMap<string, string>;
  shard: ShardSpec;
  /** This shard's runs, in id order. */
  runs: PlannedRun[];
  workers: number;
  outDir: string;
}

/** Every check of the command line and the scenario; writes nothing. */
export async function prepareCompare(request: CompareRequest): Promise<PreparedCompare> {
  const loaded = await loadScenario(request.scenario);
  const schemes = parseSchemes(loaded.scenario, request.schemes);
  const baseline = parseBaseline(loaded.scenario, schemes, request.baseline);
  const runs = parseCount("runs", request.runs, DEFAULT_RUNS);
  const workers = parseCount("workers", request.workers, availableParallelism());
  const shard = parseShard(request.shard);
  const sha256 = await sha256File(request.scenario);
  const built = buildPlan({
    loaded,
    sha256,
    schemes,
    baseline,
    runs,
    sweep: request.noSweep !== true,
  });
  const suffix = shard.count === 1 ? "" : `-shard-${shard.index}-of-${shard.count}`;
  const outDir = request.out ?? defaultOutDir(`${loaded.scenario.name}-compare`) + suffix;
  return {
    ...built,
    shard,
    runs: runsOfShard(built.plan.runs, shard),
    workers,
    outDir,
  };
}

export interface CompareOutcome {
  exits: RunExit[];
  /** Runs of this shard left out of the comparison. */
  refused: number;
  /** The comparison, for an unsharded run (a shard's is made by `merge`). */
  written: WrittenComparison | undefined;
  lines: string[];
}

const runDir = (outDir: string, id: string): string => join(outDir, "runs", id);

/** Runs this shard's runs and writes shard.json (and the comparison when unsharded). */
export async function runCompare(
  prepared: PreparedCompare,
  options: {
    root: string;
    log?: (line: string) => void;
    /** The script run as `hardhat` (default: the project's Hardhat CLI); tests stand one in. */
    cli?: string;
  },
): Promise<CompareOutcome> {
  const log = options.log ?? ((line: string) => console.log(line));
  const outDir = resolve(prepared.outDir);
  const { plan, shard } = prepared;
  for (const folder of ["variants", "runs", "logs"]) {
    await mkdir(join(outDir, folder), { recursive: true });
  }
  // An earlier compare in this folder: until this one ends, nothing may look finished.
  for (const file of [SHARD_FILE, COMPARISON_FILES.csv, COMPARISON_FILES.html]) {
    await rm(join(outDir, file), { force: true });
  }
  const variants = new Set(prepared.runs.map((r) => r.variant));
  for (const variant of plan.variants.filter((v) => variants.has(v.id))) {
    await writeFileAtomic(join(outDir, variant.file), prepared.variantTexts.get(variant.id) ?? "");
  }
  const settings: ChildSettings = {
    root: options.root,
    cli: options.cli ?? hardhatCli(options.root),
  };
  const total = prepared.runs.length;
  log(`${total} run(s) of ${plan.runs.length} with ${Math.min(prepared.workers, total)} worker(s)`);
  let done = 0;
  const exits = await runPool(prepared.runs, prepared.workers, async (run) => {
    const variant = plan.variants.find((v) => v.id === run.variant);
    const exit = await runSimulateChild(
      {
        id: run.id,
        scenario: join(outDir, variant?.file ?? ""),
        outDir: runDir(outDir, run.id),
        logFile: join(outDir, "logs", `${run.id}.log`),
        scheme: run.label,
        seed: run.seed,
      },
      settings,
    );
    done += 1;
    const status = exit.exitCode === 0 ? "done" : `failed (${exitText(exit.exitCode)})`;
    log(`[${done}/${total}] ${run.id}: ${status} in ${exit.seconds.toFixed(1)} s`);
    return exit;
  });
  await writeFileAtomic(
    join(outDir, SHARD_FILE),
    formatShardManifest({
      format: SHARD_FORMAT,
      createdAt: new Date().toISOString(),
      shard,
      plan,
      runs: exits,
    }),
  );
  const locations = new Map<string, RunLocation>(
    exits.map((e) => [e.id, { dir: runDir(outDir, e.id), exitCode: e.exitCode }]),
  );
  if (shard.count > 1) {
    const results = await collectResults(plan, locations);
    const refused = [...results.values()].filter((r) => !r.ok);
    const lines = [
      ...refused.map((r) => `Refused ${r.id}: ${r.ok ? "" : r.reason}`),
      `Shard ${shard.index}/${shard.count} written to ${outDir}; combine the shards with ` +
        "`npx hardhat merge <shard folders...> --out <folder>`",
    ];
    return { exits, refused: refused.length, written: undefined, lines };
  }
  const written = await writeComparison(outDir, plan, locations);
  return {
    exits,
    refused: written.comparison.refused.length,
    written,
    lines: summaryLines(written),
  };
}

function exitText(code: number | null): string {
  return code === null ? "stopped or could not start" : `exit code ${code}`;
}
