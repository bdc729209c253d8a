/**
 * Shared by the remote-replay tests: running `hardhat simulate` as a child process, reading a
 * run's outputs, counting a chain's transactions, and removing what a remote run leaves in
 * the project (its Ignition deployment journal).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";

import { PROJECT_ROOT, rpc, startAnvil } from "../../scripts/local-node.js";

/** 2026-01-01T00:00:00Z: a genesis before every trace of the project (trace time mode). */
export const TRACE_GENESIS = 1_767_225_600;

const HARDHAT = join(PROJECT_ROOT, "node_modules", ".bin", "hardhat");
const BIN = join(PROJECT_ROOT, "node_modules", ".bin");

/** Anvil as trace time mode needs it: a genesis before the trace, bounded memory. */
export function startTraceAnvil(options: { statePath?: string; port?: number } = {}) {
  return startAnvil({ timestamp: TRACE_GENESIS, extraArgs: ["--prune-history", "64"], ...options });
}

export async function freshDir(prefix = "city-pilot-remote-"): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliRun {
  child: ChildProcess;
  /** Settles once the process and everything holding its output have exited. */
  done: Promise<CliResult>;
  /** SIGKILL to the whole process group (hardhat and anything it started). */
  kill(): void;
}

/**
 * Starts `hardhat <args>` in the project with the project's Node, in a process group of its
 * own (so that a kill reaches every process of the run). Killed after `timeoutMs` so that a
 * hanging run fails the test instead of hanging it.
 */
export function startCli(args: readonly string[], timeoutMs = 120_000): CliRun {
  const child = spawn(process.execPath, [HARDHAT, ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PATH: `${BIN}${delimiter}${process.env.PATH ?? ""}` },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  let exited = false;
  const kill = () => {
    if (exited || child.pid === undefined) return;
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  };
  running.add(kill);
  const timer = setTimeout(() => {
    stderr += `\n[test] killed after ${timeoutMs / 1000} s\n`;
    kill();
  }, timeoutMs);
  const done = new Promise<CliResult>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, signal) => {
      exited = true;
      clearTimeout(timer);
      running.delete(kill);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { child, done, kill };
}

/** Runs `hardhat <args>` to the end. */
export async function runCli(args: readonly string[], timeoutMs?: number): Promise<CliResult> {
  return startCli(args, timeoutMs).done;
}

const running = new Set<() => void>();

/** Kills every CLI run still going (for `after` hooks). */
export function killAllCli(): void {
  for (const kill of running) kill();
}

/** What a failed CLI run said, for assertion messages. */
export function explain(result: CliResult): string {
  return `exit ${result.code} (signal ${result.signal})\nstdout:\n${result.stdout.slice(-3000)}\nstderr:\n${result.stderr.slice(-3000)}`;
}

export interface BalanceRow {
  role: string;
  krw: bigint;
  credits: bigint;
}

/** balances.csv by actor name (addresses left out: they differ from network to network). */
export async function readBalances(dir: string): Promise<Map<string, BalanceRow>> {
  const [header, ...rows] = (await readFile(join(dir, "balances.csv"), "utf8")).trim().split("\n");
  if (header !== "actor,role,address,krw,credits") throw new Error(`balances.csv: ${header}`);
  return new Map(
    rows.map((row) => {
      const [actor = "", role = "", , krw = "", credits = ""] = row.split(",");
      return [actor, { role, krw: BigInt(krw), credits: BigInt(credits) }];
    }),
  );
}

/** Balances as plain text, so that chai prints a readable difference. */
export function balancesText(balances: Map<string, BalanceRow>): string[] {
  return [...balances].map(([name, b]) => `${name} ${b.role} krw=${b.krw} credits=${b.credits}`);
}

export interface RemoteInfo {
  url: string;
  timeMode: string;
  confirmations: number;
  deploymentId: string;
  resumes: number;
  rpcRetries: number;
  drift: { offsetSeconds: number; maxSeconds: number; meanSeconds: number } | null;
}

export interface Manifest {
  network: { name: string; chainId: string; remote?: RemoteInfo };
  counts: { events: number; transactions: number; blocks: number };
  reconciliation: { ok: boolean; differences: number; mismatches: number };
}

export async function readManifest(dir: string): Promise<Manifest> {
  return JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as Manifest;
}

export interface EventLine {
  line: number;
  kind: string;
  time: string;
  blockTime?: string;
  status: string;
  txCount: number;
  txHash?: string;
  block?: number;
}

export async function readEvents(dir: string): Promise<EventLine[]> {
  const text = await readFile(join(dir, "events.jsonl"), "utf8");
  return text
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as EventLine);
}

/** The events of a trace file, in order (line k of the file is event k). */
export async function readTraceEvents(path: string): Promise<{ t: string; kind: string }[]> {
  const text = await readFile(path, "utf8");
  return text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as { t: string; kind: string });
}

/** Every transaction on the chain: the sum of each block's count, from genesis to the head. */
export async function chainTransactionCount(url: string): Promise<number> {
  const head = Number(await rpc<string>(url, "eth_blockNumber"));
  let total = 0;
  const numbers = Array.from({ length: head + 1 }, (_, n) => n);
  for (let from = 0; from < numbers.length; from += 50) {
    const counts = await Promise.all(
      numbers
        .slice(from, from + 50)
        .map((n) =>
          rpc<string | null>(url, "eth_getBlockTransactionCountByNumber", [`0x${n.toString(16)}`]),
        ),
    );
    counts.forEach((count, i) => {
      if (count === null) throw new Error(`block ${from + i} of ${head} is missing`);
      total += Number(count);
    });
  }
  return total;
}

/** Polls `probe` every `everyMs` until it gives a value, failing after `timeoutMs`. */
export async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 60_000,
  everyMs = 25,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** `eventsDone` of a run's checkpoint, or undefined while it has none. */
export async function eventsDone(dir: string): Promise<number | undefined> {
  try {
    const state = JSON.parse(await readFile(join(dir, "checkpoint", "state.json"), "utf8")) as {
      eventsDone: number;
    };
    return state.eventsDone;
  } catch {
    // Not written yet, or replaced right now.
    return undefined;
  }
}

/** The deployment id of a run: from its manifest, or from its checkpoint while it has one. */
async function deploymentIdOf(dir: string): Promise<string | undefined> {
  for (const file of ["manifest.json", join("checkpoint", "run.json")]) {
    try {
      const json = JSON.parse(await readFile(join(dir, file), "utf8")) as {
        deploymentId?: string;
        network?: { remote?: { deploymentId?: string } };
      };
      const id = json.deploymentId ?? json.network?.remote?.deploymentId;
      if (id !== undefined) return id;
    } catch {
      // Try the other file.
    }
  }
  return undefined;
}

/**
 * Removes the run folders and the Ignition deployment journals their remote runs wrote under
 * the project's ignition/deployments/.
 */
export async function removeRuns(dirs: readonly string[]): Promise<void> {
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    const id = await deploymentIdOf(dir);
    if (id !== undefined && /^[\w-]+$/.test(id)) {
      await rm(join(PROJECT_ROOT, "ignition", "deployments", id), {
        recursive: true,
        force: true,
      });
    }
  }
}

/**
 * Whether a node's history accounts for its state: every account that sent or received a
 * transaction (contracts aside) has as many transactions in the blocks as its nonce says.
 * anvil sometimes writes a state file on SIGTERM whose accounts include the effects of the
 * block being mined while the block itself is missing (measured: about 1 stop in 4 during a
 * replay); a run cannot continue on such a chain, and says so.
 */
export async function historyMatchesState(url: string): Promise<boolean> {
  const head = Number(await rpc<string>(url, "eth_blockNumber"));
  const sent = new Map<string, number>();
  const seen = new Set<string>();
  for (let n = 0; n <= head; n += 1) {
    const block = await rpc<{ transactions: { from: string; to: string | null }[] }>(
      url,
      "eth_getBlockByNumber",
      [`0x${n.toString(16)}`, true],
    );
    for (const tx of block.transactions) {
      const from = tx.from.toLowerCase();
      sent.set(from, (sent.get(from) ?? 0) + 1);
      seen.add(from);
      if (tx.to !== null) seen.add(tx.to.toLowerCase());
    }
  }
  for (const account of seen) {
    if ((await rpc<string>(url, "eth_getCode", [account, "latest"])) !== "0x") continue;
    const nonce = Number(await rpc<string>(url, "eth_getTransactionCount", [account, "latest"]));
    if (nonce !== (sent.get(account) ?? 0)) return false;
  }
  return true;
}

/** How a run refuses to go on where the node's saved state lost a block it had mined. */
export const LOST_BLOCK_REFUSAL = /the node lost the block holding it|no longer has block/;
