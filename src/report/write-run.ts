/**
 * The output folder of one run. Every file is written atomically, and manifest.json last:
 * its presence marks a complete run. An earlier run's manifest is removed before any of its
 * files is replaced, so a folder never pairs an old manifest with new files.
 */
import { mkdir, rm } from "node:fs/promises";
import { basename, join, resolve } from "node:path";

import type { BalanceDifference } from "../reconcile/balances.js";
import type { OutcomeMismatch } from "../reconcile/outcomes.js";
import {
  writeFileAtomic,
  type AtomicLineWriter,
  type WrittenFile,
  type WrittenLines,
} from "./atomic-file.js";
import { formatBalancesCsv, type BalancesCsvParameters } from "./balances-csv.js";
import type { Kpis } from "./kpi-types.js";
import { formatKpis } from "./kpis.js";
import {
  buildManifest,
  formatManifest,
  type ManifestParameters,
  type RunManifest,
  type StageTimings,
} from "./manifest.js";
import { renderReportHtml } from "./report-html.js";

export const RUN_FILES = {
  manifest: "manifest.json",
  events: "events.jsonl",
  balances: "balances.csv",
  kpis: "kpis.json",
  report: "report.html",
} as const;

export interface RunOutputParts {
  /** Everything but the files and the write time, which this function adds. */
  manifest: Omit<ManifestParameters, "files" | "timings"> & {
    timings: Omit<StageTimings, "write">;
  };
  kpis: Kpis;
  balances: BalancesCsvParameters;
  /** The reconciler's lists, for report.html (counts go in `manifest.reconciliation`). */
  differences: readonly BalanceDifference[];
  mismatches: readonly OutcomeMismatch[];
  /**
   * events.jsonl as streamed by the caller into `dir`: committed here, after the earlier
   * manifest is gone. A writer already committed or an absent one is left as it is.
   */
  events?: AtomicLineWriter | undefined;
}

export interface RunOutputs {
  dir: string;
  manifest: RunManifest;
  files: Record<string, WrittenFile | WrittenLines>;
}

function secondsSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/**
 * Writes balances.csv, kpis.json, report.html and, last, manifest.json into `dir` (created
 * if need be), committing `parts.events` on the way. On any failure the events writer is
 * aborted and the error thrown; a failure before the first write (bad inputs) leaves an
 * earlier run in `dir` whole.
 */
export async function writeRunOutputs(dir: string, parts: RunOutputParts): Promise<RunOutputs> {
  const started = process.hrtime.bigint();
  const events = parts.events;
  try {
    const texts = formatOutputs(dir, parts);
    await mkdir(dir, { recursive: true });
    await rm(join(dir, RUN_FILES.manifest), { force: true });
    const files: Record<string, WrittenFile | WrittenLines> = {};
    if (events?.state === "open") files[basename(events.path)] = await events.commit();
    for (const [name, text] of texts) files[name] = await writeFileAtomic(join(dir, name), text);
    const timings = { ...parts.manifest.timings, write: secondsSince(started) };
    const manifest = buildManifest({ ...parts.manifest, timings, files });
    await writeFileAtomic(join(dir, RUN_FILES.manifest), formatManifest(manifest));
    return { dir, manifest, files };
  } catch (error) {
    await events?.abort();
    throw error;
  }
}

/** Every file's text, formatted before the folder is touched. */
function formatOutputs(dir: string, parts: RunOutputParts): [string, string][] {
  const events = parts.events;
  if (events !== undefined && resolve(events.path) !== resolve(dir, RUN_FILES.events)) {
    throw new Error(`events writer ${events.path} is not ${RUN_FILES.events} of ${dir}`);
  }
  // The page shows no write time and no file list, so a draft manifest serves it.
  const draft = buildManifest({
    ...parts.manifest,
    timings: { ...parts.manifest.timings, write: 0 },
  });
  const html = renderReportHtml({
    manifest: draft,
    kpis: parts.kpis,
    differences: parts.differences,
    mismatches: parts.mismatches,
  });
  return [
    [RUN_FILES.balances, formatBalancesCsv(parts.balances)],
    [RUN_FILES.kpis, formatKpis(parts.kpis)],
    [RUN_FILES.report, html],
  ];
}
