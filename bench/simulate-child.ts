/**
 * One whole simulation in its own process, for the benchmark's month figures (peak memory and
 * wall time of a run, not of the benchmark around it):
 *
 *   BENCH_SIM_INPUT=scenarios/incheon-month.yaml BENCH_SIM_OUT=<dir> BENCH_SIM_RESULT=<file> \
 *     npx hardhat run --no-compile bench/simulate-child.ts
 *
 * It runs `simulate()`, the function behind `npx hardhat simulate`, with the chain's JSON-RPC
 * requests timed by phase during the replay proper (automine off), and writes a JSON summary
 * to BENCH_SIM_RESULT. With BENCH_SIM_MAX_SECONDS or BENCH_SIM_MAX_RSS_BYTES set (0: no
 * limit), it stops itself once over either, after writing how far it got. Exit code 0 when
 * the run reconciled, 1 when it did not, 3 when it stopped at a limit.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import hre from "hardhat";
import type { ChainType, NetworkConnection, NetworkConnectionParams } from "hardhat/types/network";

import { simulate } from "../src/run/simulate.js";
import { RpcProfiler, type RpcProfile } from "./rpc-profile.js";

/** Where a run stopped at a limit. */
export interface ChildStop {
  readonly reason: "time" | "memory";
  /** Seconds since `simulate()` started. */
  readonly seconds: number;
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
  /** Events of the trace up to the last mined block's time, and in the whole trace. */
  readonly eventsDone: number;
  readonly eventsTotal: number;
  /** Distinct event times of the trace: the blocks a whole replay mines, at least. */
  readonly distinctTimes: number;
}

/** The process once a second: how far the replay got, and its memory. */
export interface ChildSample {
  readonly seconds: number;
  /** Blocks mined by the replay so far (0 before it starts). */
  readonly blocks: number;
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
}

/** What the child writes to BENCH_SIM_RESULT. */
export interface ChildResult {
  /** Null when the run stopped at a limit before its end. */
  readonly completed: {
    readonly reconciled: boolean;
    readonly differences: number;
    readonly mismatches: number;
    readonly reverted: number;
    readonly rejected: number;
    readonly timings: {
      readonly generate: number | null;
      readonly model: number;
      readonly replay: number;
      readonly reconcile: number;
      readonly write: number;
    };
    readonly counts: {
      readonly events: number;
      readonly transactions: number;
      readonly blocks: number;
    };
  } | null;
  readonly stopped: ChildStop | null;
  /** Requests of the replay proper, by phase; `windowMs` is the replay proper's wall time. */
  readonly rpc: RpcProfile;
  /** Peak RSS as the process saw it (`process.resourceUsage().maxRSS`), in bytes. */
  readonly maxRssBytes: number;
  /** Largest JS heap in use seen by the limit checks (once a second), in bytes. */
  readonly maxHeapUsedBytes: number;
  /** Wall time of `simulate()` (the process's start-up excluded). */
  readonly simulateSeconds: number;
  readonly samples: readonly ChildSample[];
}

function required(name: string): string {
  const value = process.env[name];
  if (value === undefined || value.trim() === "") throw new Error(`${name} is not set`);
  return value;
}

function limit(name: string): number {
  const value = Number(process.env[name] ?? 0);
  return Number.isFinite(value) && value > 0 ? value : 0;
}

const input = required("BENCH_SIM_INPUT");
const out = required("BENCH_SIM_OUT");
const resultFile = required("BENCH_SIM_RESULT");
const maxSeconds = limit("BENCH_SIM_MAX_SECONDS");
const maxRssBytes = limit("BENCH_SIM_MAX_RSS_BYTES");
/** The trace the run replays: the input itself, or the one generated into the run's folder. */
const tracePath = input.toLowerCase().endsWith(".jsonl") ? input : join(out, "trace.jsonl");

// Every connection the simulation creates gets its requests timed.
const profiler = new RpcProfiler();
const create = hre.network.create.bind(hre.network) as typeof hre.network.create;
async function instrumented<C extends ChainType | string = "generic">(
  params?: string | NetworkConnectionParams<C>,
): Promise<NetworkConnection<C>> {
  const connection = await create<C>(params);
  profiler.instrument(connection.provider);
  return connection;
}
Object.defineProperty(hre.network, "create", { value: instrumented, configurable: true });

/** Events up to `time` (unix seconds), events in all, and distinct times of the trace. */
function traceProgress(time: number | null): {
  eventsDone: number;
  eventsTotal: number;
  distinctTimes: number;
} {
  let text = "";
  try {
    text = readFileSync(tracePath, "utf8");
  } catch {
    return { eventsDone: 0, eventsTotal: 0, distinctTimes: 0 };
  }
  const times = new Set<string>();
  let eventsDone = 0;
  let eventsTotal = 0;
  for (const line of text.split("\n")) {
    const t = /"t":"([^"]+)"/.exec(line)?.[1];
    if (t === undefined) continue;
    eventsTotal += 1;
    times.add(t);
    if (time !== null && Date.parse(t) / 1000 <= time) eventsDone += 1;
  }
  return { eventsDone, eventsTotal, distinctTimes: times.size };
}

function peakRss(): number {
  // maxRSS is in kilobytes.
  return process.resourceUsage().maxRSS * 1024;
}

const started = performance.now();
let maxHeapUsed = 0;
const samples: ChildSample[] = [];

/** Writes how far the run got, and ends the process (exit code 3). */
function stop(reason: ChildStop["reason"], rssBytes: number, heapUsedBytes: number): never {
  const rpc = profiler.profile();
  const result: ChildResult = {
    completed: null,
    stopped: {
      reason,
      seconds: (performance.now() - started) / 1000,
      rssBytes,
      heapUsedBytes,
      ...traceProgress(rpc.lastBlockTime),
    },
    rpc,
    maxRssBytes: peakRss(),
    maxHeapUsedBytes: maxHeapUsed,
    simulateSeconds: (performance.now() - started) / 1000,
    samples,
  };
  writeFileSync(resultFile, JSON.stringify(result, null, 2) + "\n");
  process.exit(3);
}

const watch = setInterval(() => {
  const { rss, heapUsed } = process.memoryUsage();
  maxHeapUsed = Math.max(maxHeapUsed, heapUsed);
  samples.push({
    seconds: (performance.now() - started) / 1000,
    blocks: profiler.blocksMined,
    rssBytes: rss,
    heapUsedBytes: heapUsed,
  });
  if (maxRssBytes > 0 && rss > maxRssBytes) stop("memory", rss, heapUsed);
  if (maxSeconds > 0 && (performance.now() - started) / 1000 > maxSeconds) {
    stop("time", rss, heapUsed);
  }
}, 1_000);
watch.unref();

const result = await simulate(hre, { input, out });
clearInterval(watch);
const simulateSeconds = (performance.now() - started) / 1000;
const { manifest } = result.outputs;
const summary: ChildResult = {
  completed: {
    reconciled: result.reconciled,
    differences: result.differences.length,
    mismatches: result.tally.mismatches,
    reverted: result.tally.reverted,
    rejected: result.tally.rejected,
    timings: { ...manifest.timings },
    counts: {
      events: manifest.counts.events,
      transactions: manifest.counts.transactions,
      blocks: manifest.counts.blocks,
    },
  },
  stopped: null,
  rpc: profiler.profile(),
  maxRssBytes: peakRss(),
  maxHeapUsedBytes: Math.max(maxHeapUsed, process.memoryUsage().heapUsed),
  simulateSeconds,
  samples,
};
writeFileSync(resultFile, JSON.stringify(summary, null, 2) + "\n");
if (!result.reconciled) process.exitCode = 1;
