/**
 * Where a run's inputs and code come from, for the manifest: the input's hash, the
 * compiler from the Hardhat config, the package version and git commit.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";

import type { CodeVersion, CompilerInfo } from "./manifest.js";

const run = promisify(execFile);

/** SHA-256 of a file, streamed (a trace may be large). */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** The part of Hardhat's resolved config the manifest reads (`hre.config` fits). */
export interface CompilerConfigSource {
  solidity: {
    profiles: Record<
      string,
      { compilers: readonly { version: string; settings?: unknown }[] } | undefined
    >;
  };
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === "object"
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** Hardhat types compiler settings loosely (`any`), so each field is checked here. */
function optimizerOf(settings: unknown): CompilerInfo["optimizer"] {
  const optimizer = field(settings, "optimizer");
  const enabled = field(optimizer, "enabled");
  if (typeof enabled !== "boolean") return null;
  const runs = field(optimizer, "runs");
  return { enabled, runs: typeof runs === "number" ? runs : null };
}

/** The compilers of a build profile (`default` unless told), first compiler's settings. */
export function compilerOf(config: CompilerConfigSource, profile = "default"): CompilerInfo {
  const compilers = config.solidity.profiles[profile]?.compilers ?? [];
  const versions = [...new Set(compilers.map((c) => c.version))].sort();
  const settings = compilers[0]?.settings;
  const evmVersion = field(settings, "evmVersion");
  return {
    versions,
    optimizer: optimizerOf(settings),
    evmVersion: typeof evmVersion === "string" ? evmVersion : null,
  };
}

async function git(root: string, args: string[]): Promise<string | undefined> {
  try {
    const { stdout } = await run("git", args, { cwd: root, timeout: 10_000 });
    return stdout.trim();
  } catch {
    return undefined; // no git, or not a checkout: the manifest says null
  }
}

/** package.json's name and version under `root`, and the git commit if `root` is a checkout. */
export async function readCodeVersion(root: string): Promise<CodeVersion> {
  const pkg = JSON.parse(await readFile(join(root, "package.json"), "utf8")) as {
    name?: unknown;
    version?: unknown;
  };
  const commit = await git(root, ["rev-parse", "HEAD"]);
  const status =
    commit === undefined
      ? undefined
      : await git(root, ["status", "--porcelain", "--untracked-files=no"]);
  return {
    name: typeof pkg.name === "string" ? pkg.name : "unknown",
    version: typeof pkg.version === "string" ? pkg.version : "0.0.0",
    commit: commit ?? null,
    dirty: status === undefined ? null : status.length > 0,
  };
}
