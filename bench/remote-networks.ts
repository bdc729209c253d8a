/**
 * Replay throughput on real JSON-RPC nodes over HTTP (README "Remote networks"): one trace
 * replayed on the in-process network (fast path), on `anvil` and on `hardhat node`, each
 * started fresh by the bench, in the same run. Transactions are signed in JavaScript and
 * blocks mined at the trace's times on both nodes. Reported, not asserted.
 *
 * BENCH_REMOTE=0 skips it; BENCH_REMOTE_SCENARIO picks the scenario (default the two-day
 * test/run/fixtures/mini-pilot.yaml: the week takes minutes per node, see README).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { DEPLOY_LEAD_SECONDS } from "../src/replay/network.js";
import { replayTrace } from "../src/replay/replay-trace.js";
import { readTrace } from "../src/scenario/load-trace.js";
import { openRemoteRun } from "../src/run/remote-run.js";
import { startAnvil, startHardhatNode, type LocalNode } from "../scripts/local-node.js";
import { BenchConfigError } from "./config.js";
import { generateScenarioTrace, replayFast, type GeneratedTrace } from "./simulator-week.js";

export interface RemoteBenchConfig {
  scenario: string | null;
}

export interface RemoteFigure {
  network: "in-process" | "anvil" | "hardhat node";
  transactions: number;
  blocks: number;
  seconds: number;
  txPerSecond: number;
  error?: string;
}

export function readRemoteBenchConfig(env = process.env): RemoteBenchConfig {
  const off = env.BENCH_REMOTE?.trim();
  if (off !== undefined && off !== "" && off !== "0" && off !== "1") {
    throw new BenchConfigError(`BENCH_REMOTE must be 0 or 1, got "${off}"`);
  }
  if (off === "0") return { scenario: null };
  return { scenario: env.BENCH_REMOTE_SCENARIO?.trim() || "test/run/fixtures/mini-pilot.yaml" };
}

const figure = (
  network: RemoteFigure["network"],
  stats: { transactions: number; blocks: number; seconds: number },
): RemoteFigure => ({
  network,
  ...stats,
  txPerSecond: stats.seconds > 0 ? stats.transactions / stats.seconds : 0,
});

/** The trace replayed on a node the bench starts and stops. */
async function replayOnNode(
  hre: HardhatRuntimeEnvironment,
  trace: GeneratedTrace,
  name: "anvil" | "hardhat node",
  start: () => Promise<LocalNode>,
): Promise<RemoteFigure> {
  const node = await start();
  const dir = await mkdtemp(join(tmpdir(), "bench-remote-"));
  try {
    const network = name === "anvil" ? "anvil" : "hardhatNode";
    const remote = await openRemoteRun(
      hre,
      dir,
      { input: trace.path },
      { network, rpcUrl: node.url },
    );
    try {
      const result = await replayTrace(remote.connection, readTrace(trace.path), {
        ...remote.replayOptions,
        scenarioScheme: trace.scenarioScheme,
        keepRecords: false,
      });
      return figure(name, result.stats);
    } finally {
      await remote.connection.close();
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ...figure(name, { transactions: 0, blocks: 0, seconds: 0 }), error: message };
  } finally {
    await node.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

export async function measureRemote(
  hre: HardhatRuntimeEnvironment,
  config: RemoteBenchConfig,
  progress: (message: string) => void,
): Promise<{ scenario: string; events: number; figures: RemoteFigure[] } | null> {
  if (config.scenario === null) return null;
  const dir = await mkdtemp(join(tmpdir(), "bench-remote-trace-"));
  try {
    const trace = await generateScenarioTrace(config.scenario, dir);
    const genesis = trace.firstTime - DEPLOY_LEAD_SECONDS;
    progress(`remote networks: ${trace.events} events of ${config.scenario}, in-process`);
    const local = await replayFast(trace);
    const figures = [figure("in-process", local)];
    progress("remote networks: anvil over HTTP");
    figures.push(
      await replayOnNode(hre, trace, "anvil", () =>
        startAnvil({ timestamp: genesis, extraArgs: ["--prune-history", "64"] }),
      ),
    );
    progress("remote networks: hardhat node over HTTP");
    figures.push(await replayOnNode(hre, trace, "hardhat node", () => startHardhatNode()));
    return { scenario: config.scenario, events: trace.events, figures };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function formatRemote(result: Awaited<ReturnType<typeof measureRemote>>): string[] {
  if (result === null) return [];
  const local = result.figures[0]?.txPerSecond ?? 0;
  const lines = [
    `Replay on remote networks: ${result.scenario} (${result.events} events), same run`,
    "network        transactions  blocks  seconds    tx/s  vs in-process",
  ];
  for (const f of result.figures) {
    const ratio = local > 0 ? `${(f.txPerSecond / local).toFixed(2)}x` : "-";
    lines.push(
      f.error !== undefined
        ? `${f.network.padEnd(14)} failed: ${f.error}`
        : `${f.network.padEnd(14)} ${String(f.transactions).padStart(12)}  ${String(f.blocks).padStart(6)}  ` +
            `${f.seconds.toFixed(1).padStart(7)}  ${f.txPerSecond.toFixed(0).padStart(6)}  ${ratio.padStart(13)}`,
    );
  }
  return lines;
}

/** A node that failed to replay makes the bench run not clean. */
export function remoteClean(result: Awaited<ReturnType<typeof measureRemote>>): boolean {
  return result === null || result.figures.every((f) => f.error === undefined);
}
