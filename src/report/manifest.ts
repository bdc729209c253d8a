/**
 * manifest.json: what was run, on what, with which code, how long each stage took, and
 * whether the chain agreed with the model. It is written last, so its presence in an
 * output folder marks a complete run.
 */
import type { WrittenFile, WrittenLines } from "./atomic-file.js";

export const MANIFEST_FORMAT = "city-pilot-sim/run/v1";

/** Seconds per stage; `null` for a stage that did not run (generate, for a trace input). */
export interface StageTimings {
  generate: number | null;
  replay: number;
  model: number;
  reconcile: number;
  write: number;
}

export interface CompilerInfo {
  /** Every solc version the build profile uses (one for this project). */
  versions: string[];
  optimizer: { enabled: boolean; runs: number | null } | null;
  evmVersion: string | null;
}

export interface CodeVersion {
  name: string;
  version: string;
  /** `git rev-parse HEAD`, or null outside a git checkout (an npm package, a tarball). */
  commit: string | null;
  /** Uncommitted changes to tracked files; null where git could not tell. */
  dirty: boolean | null;
}

export interface ReconciliationSummary {
  /** No balance difference, no outcome mismatch, no event seen by one side only. */
  ok: boolean;
  differences: number;
  mismatches: number;
  unpaired: number;
}

/** How a run on a remote node went (absent for the in-process network). */
export interface RemoteRunInfo {
  url: string;
  /** `trace`: blocks mined at the trace's times; `node`: the node's own clock. */
  timeMode: "trace" | "node";
  confirmations: number;
  /** Ignition deployment id (ignition/deployments/<id>), reusable with --deployment-id. */
  deploymentId: string;
  /** How many times the run was resumed from its checkpoint. */
  resumes: number;
  /** Requests sent again after a dropped connection or a time-out. */
  rpcRetries: number;
  /**
   * Chain timestamp minus trace time, relative to the first transaction's (`offsetSeconds`):
   * zero throughout in `trace` mode.
   */
  drift: { offsetSeconds: number; maxSeconds: number; meanSeconds: number } | null;
}

export interface ManifestFile {
  bytes: number;
  sha256: string;
  lines?: number;
}

export interface RunManifest {
  format: typeof MANIFEST_FORMAT;
  /** When the outputs were written, ISO 8601 UTC. */
  createdAt: string;
  input: { file: string; kind: "scenario" | "trace"; sha256: string };
  /** The generator's seed; null for a trace input. */
  seed: number | null;
  /** The initial scheme of the run and its parameters (later `scheme.set` events apply too). */
  scheme: { name: string; params: unknown };
  network: { name: string; chainId: string; remote?: RemoteRunInfo };
  compiler: CompilerInfo;
  code: CodeVersion;
  timings: StageTimings;
  counts: { events: number; transactions: number; blocks: number; actors: number; slots: number };
  reconciliation: ReconciliationSummary;
  /** The other files of the run, by name, as written. */
  files: Record<string, ManifestFile>;
}

export interface ManifestParameters {
  createdAt: Date;
  input: RunManifest["input"];
  seed?: number | undefined;
  scheme: { name: string; params?: unknown };
  network: { name: string; chainId: bigint | number; remote?: RemoteRunInfo | undefined };
  compiler: CompilerInfo;
  code: CodeVersion;
  timings: StageTimings;
  counts: RunManifest["counts"];
  reconciliation: { differences: number; mismatches: number; unpaired?: number | undefined };
  files?: Record<string, WrittenFile | WrittenLines>;
}

/** A value as JSON can hold it: bigints become decimal strings, nested ones too. */
export function jsonSafe(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonSafe(v)]));
  }
  return value;
}

function manifestFile(file: WrittenFile | WrittenLines): ManifestFile {
  return "lines" in file
    ? { bytes: file.bytes, sha256: file.sha256, lines: file.lines }
    : { bytes: file.bytes, sha256: file.sha256 };
}

export function buildManifest(p: ManifestParameters): RunManifest {
  const unpaired = p.reconciliation.unpaired ?? 0;
  const { differences, mismatches } = p.reconciliation;
  const files = Object.entries(p.files ?? {}).map(([name, file]) => [name, manifestFile(file)]);
  return {
    format: MANIFEST_FORMAT,
    createdAt: p.createdAt.toISOString(),
    input: { ...p.input },
    seed: p.seed ?? null,
    scheme: { name: p.scheme.name, params: jsonSafe(p.scheme.params ?? {}) },
    network: {
      name: p.network.name,
      chainId: p.network.chainId.toString(),
      ...(p.network.remote === undefined ? {} : { remote: p.network.remote }),
    },
    compiler: p.compiler,
    code: p.code,
    timings: { ...p.timings },
    counts: { ...p.counts },
    reconciliation: {
      ok: differences === 0 && mismatches === 0 && unpaired === 0,
      differences,
      mismatches,
      unpaired,
    },
    files: Object.fromEntries(files) as Record<string, ManifestFile>,
  };
}

export function formatManifest(manifest: RunManifest): string {
  return JSON.stringify(manifest, null, 2) + "\n";
}
