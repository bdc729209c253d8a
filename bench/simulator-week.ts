/**
 * The week scenario's trace, replayed twice on fresh in-process chains: by the replay stage
 * on its fast path, and the naive way (the same plans sent as awaited ethers calls, one
 * transaction per deposit). Both replays read, validate and plan the trace the same way.
 */
import { join } from "node:path";

import { network } from "hardhat";

import { writeTrace } from "../src/generate/write-trace.js";
import { fastPathNetworkOverride } from "../src/replay/network.js";
import { replayTrace } from "../src/replay/replay-trace.js";
import type { ReplayResult, TracedEvent } from "../src/replay/types.js";
import { loadScenario } from "../src/scenario/load-scenario.js";
import { readTrace, validateTraceFile } from "../src/scenario/load-trace.js";
import type { SchemeChoice } from "../src/scenario/trace-schema.js";
import { NaiveSender } from "./naive-sender.js";
import { RpcProfiler } from "./rpc-profile.js";
import { replayRates, type ReplayFigure, type WeekTrace } from "./simulator-results.js";

/** A generated trace on disk, with what its replays need to know. */
export interface GeneratedTrace extends WeekTrace {
  readonly path: string;
  readonly firstTime: number;
  readonly scenarioScheme: SchemeChoice;
}

/** Generates the scenario's trace (its own seed) into `dir`, then checks it (not timed). */
export async function generateScenarioTrace(
  scenarioFile: string,
  dir: string,
): Promise<GeneratedTrace> {
  const { scenario } = await loadScenario(scenarioFile);
  const path = join(dir, `${scenario.name}.jsonl`);
  const written = await writeTrace(scenario, path);
  const summary = await validateTraceFile(path);
  return {
    scenario: scenarioFile,
    path,
    events: summary.events,
    firstTime: summary.firstTime ?? 0,
    generateSeconds: written.seconds,
    scenarioScheme: {
      scheme: scenario.scheme.scheme,
      params: scenario.scheme.params,
    } as SchemeChoice,
  };
}

/** The trace's events, counting the time spent inside its iterator (read, parse, validate). */
function timedEvents(
  source: AsyncIterable<TracedEvent>,
  spent: { ms: number },
): AsyncIterable<TracedEvent> {
  return {
    async *[Symbol.asyncIterator]() {
      const iterator = source[Symbol.asyncIterator]();
      for (;;) {
        const started = performance.now();
        const next = await iterator.next();
        spent.ms += performance.now() - started;
        if (next.done === true) return;
        yield next.value;
      }
    },
  };
}

function figureOf(path: "fast" | "naive", result: ReplayResult): Omit<ReplayFigure, "profile"> {
  const { stats } = result;
  return {
    path,
    events: stats.events,
    transactions: stats.transactions,
    blocks: stats.blocks,
    reverted: stats.reverted,
    rejected: stats.rejected,
    seconds: stats.seconds,
    deploySeconds: stats.deploySeconds,
    ...replayRates(stats.events, stats.transactions, stats.seconds),
  };
}

/**
 * The replay stage on its fast path: `replayTrace` on a fresh
 * `network.create({ override: fastPathNetworkOverride(firstTime) })`, records not kept.
 * Its JSON-RPC requests are timed by phase.
 */
export async function replayFast(trace: GeneratedTrace): Promise<ReplayFigure> {
  const connection = await network.create({ override: fastPathNetworkOverride(trace.firstTime) });
  try {
    const profiler = new RpcProfiler();
    profiler.instrument(connection.provider);
    const read = { ms: 0 };
    const result = await replayTrace(connection, timedEvents(readTrace(trace.path), read), {
      scenarioScheme: trace.scenarioScheme,
      keepRecords: false,
    });
    const rpc = profiler.profile();
    const otherMs = Math.max(0, result.stats.seconds * 1000 - rpc.busyMs - read.ms);
    return { ...figureOf("fast", result), profile: { rpc, traceReadMs: read.ms, otherMs } };
  } finally {
    await connection.close();
  }
}

/**
 * The naive replay of the same trace: the same planning, every transaction an awaited ethers
 * call with automine on (see naive-sender.ts), deposits one per transaction. A reverted
 * transaction is mined and recorded rather than thrown (`throwOnTransactionFailures: false`),
 * as on the fast path.
 */
export async function replayNaive(trace: GeneratedTrace): Promise<ReplayFigure> {
  const connection = await network.create({
    override: { ...fastPathNetworkOverride(trace.firstTime), throwOnTransactionFailures: false },
  });
  try {
    const sender = new NaiveSender(connection.ethers);
    const result = await replayTrace(connection, readTrace(trace.path), {
      scenarioScheme: trace.scenarioScheme,
      keepRecords: false,
      sender,
      maxBatchSize: 1,
    });
    return { ...figureOf("naive", result), blocks: sender.blocks, profile: null };
  } finally {
    await connection.close();
  }
}
