/**
 * What a comparison takes from a run folder: its KPIs, or the reason it is refused. A run
 * counts only if it finished (manifest.json is written last, so its presence marks a whole
 * run), exited 0, is the run the plan asked for, and its chain and model agreed
 * (`reconciliation.ok`): figures from a run that failed reconciliation are not trusted.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";

import { z } from "zod";

import { comparedKpisSchema, metricValues, type MetricValues } from "./metrics.js";
import type { PlannedRun } from "./plan.js";

export type RunResult =
  { id: string; ok: true; values: MetricValues } | { id: string; ok: false; reason: string };

const manifestSchema = z.object({
  seed: z.number().nullable(),
  scheme: z.object({ name: z.string() }),
  reconciliation: z.object({
    ok: z.boolean(),
    differences: z.number(),
    mismatches: z.number(),
    unpaired: z.number().optional(),
  }),
});

type RunManifestPart = z.output<typeof manifestSchema>;

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, "utf8")) as unknown;
  } catch {
    return undefined;
  }
}

function reconciliationFailure(manifest: RunManifestPart): string | undefined {
  const r = manifest.reconciliation;
  if (r.ok) return undefined;
  const parts = [
    `${r.differences} balance difference(s)`,
    `${r.mismatches} event mismatch(es)`,
    ...(r.unpaired !== undefined && r.unpaired > 0 ? [`${r.unpaired} unpaired event(s)`] : []),
  ];
  return `reconciliation failed: ${parts.join(", ")}`;
}

function exitText(exitCode: number | null): string {
  return exitCode === null
    ? "simulate was stopped or could not start"
    : `simulate exited with code ${exitCode}`;
}

/** Why the run is refused, or undefined when it counts (then `kpis` is readable). */
async function refusal(
  dir: string,
  run: PlannedRun,
  exitCode: number | null | undefined,
): Promise<string | undefined> {
  const json = await readJson(join(dir, "manifest.json"));
  if (json === undefined) {
    const exit = exitCode === undefined || exitCode === 0 ? "" : ` (${exitText(exitCode)})`;
    return `no manifest.json: the run did not finish${exit}`;
  }
  const manifest = manifestSchema.safeParse(json);
  if (!manifest.success) return "manifest.json is not a run manifest";
  const failed = reconciliationFailure(manifest.data);
  if (failed !== undefined) return failed;
  if (exitCode !== undefined && exitCode !== 0) return exitText(exitCode);
  if (manifest.data.seed !== run.seed || manifest.data.scheme.name !== run.scheme) {
    return (
      `the folder holds another run (seed ${manifest.data.seed}, scheme ` +
      `${manifest.data.scheme.name}; planned seed ${run.seed}, scheme ${run.scheme})`
    );
  }
  return undefined;
}

/**
 * The result of the planned `run` whose outputs are in `dir`. `exitCode` is what the runner
 * saw (undefined when not known, e.g. a folder given to merge without one).
 */
export async function readRunResult(
  dir: string,
  run: PlannedRun,
  exitCode: number | null | undefined,
): Promise<RunResult> {
  const reason = await refusal(dir, run, exitCode);
  if (reason !== undefined) return { id: run.id, ok: false, reason };
  const kpis = comparedKpisSchema.safeParse(await readJson(join(dir, "kpis.json")));
  if (!kpis.success) return { id: run.id, ok: false, reason: "kpis.json missing or malformed" };
  return { id: run.id, ok: true, values: metricValues(kpis.data) };
}
