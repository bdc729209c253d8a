/**
 * The month simulation as its own process: `hardhat run bench/simulate-child.ts` (the same
 * `simulate()` as `npx hardhat simulate <scenario> --out <dir>`), timed from spawn to exit,
 * its peak memory read by `/usr/bin/time -v` where that exists, else reported by the child.
 */
import { spawn } from "node:child_process";
import { access, constants, mkdir, readFile, realpath } from "node:fs/promises";
import { join } from "node:path";

import type { ChildResult, ChildSample } from "./simulate-child.js";
import { replayRates, type MonthFigure } from "./simulator-results.js";

const GNU_TIME = "/usr/bin/time";

async function hasGnuTime(): Promise<boolean> {
  try {
    await access(GNU_TIME, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `Maximum resident set size (kbytes): N` of `time -v`, in bytes. */
export function maxRssFromTimeOutput(text: string): number | null {
  const match = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(text);
  return match?.[1] === undefined ? null : Number(match[1]) * 1024;
}

interface ChildRun {
  readonly exitCode: number | null;
  readonly stderr: string;
  readonly wallSeconds: number;
}

/** Runs `command` with stdout dropped and stderr kept (the last 64 KiB). */
function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      stderr = (stderr + chunk).slice(-65_536);
    });
    child.on("error", reject);
    child.on("close", (code) => {
      resolve({ exitCode: code, stderr, wallSeconds: (performance.now() - started) / 1000 });
    });
  });
}

export interface MonthLimits {
  /** Wall seconds of the simulation (0: none). */
  readonly maxSeconds: number;
  /** Resident memory in MiB (0: none). */
  readonly maxRssMib: number;
}

/**
 * The replay's seconds and the RSS at the end of a whole run, from the rates per block over
 * the second half of the samples (after the setup block) applied to the blocks still to mine.
 */
export function projectRun(
  samples: readonly ChildSample[],
  replaySeconds: number,
  totalBlocks: number,
): { replaySeconds: number; rssBytes: number } | null {
  const last = samples.at(-1);
  if (last === undefined) return null;
  const middle = samples.find((s) => s.seconds >= last.seconds / 2 && s.blocks > 0);
  if (middle === undefined || last.blocks <= middle.blocks) return null;
  const blocks = last.blocks - middle.blocks;
  const left = Math.max(0, totalBlocks - last.blocks);
  return {
    replaySeconds: replaySeconds + ((last.seconds - middle.seconds) / blocks) * left,
    rssBytes: last.rssBytes + ((last.rssBytes - middle.rssBytes) / blocks) * left,
  };
}

/** The month figure of a child's result. */
function monthFigure(
  scenario: string,
  limits: MonthLimits,
  child: ChildRun,
  result: ChildResult,
  fromTime: number | null,
): MonthFigure {
  const { rpc, completed, stopped } = result;
  const seconds = rpc.windowMs / 1000;
  const blocks = completed?.counts.blocks ?? rpc.phases.mine.requests;
  const transactions = completed?.counts.transactions ?? rpc.phases.send.requests;
  const events = completed?.counts.events ?? stopped?.eventsDone ?? 0;
  const projection =
    stopped === null ? null : projectRun(result.samples, seconds, stopped.distinctTimes);
  return {
    scenario,
    wallSeconds: child.wallSeconds,
    stages: completed?.timings ?? null,
    replay: {
      path: "fast",
      events,
      transactions,
      blocks,
      reverted: completed?.reverted ?? 0,
      rejected: completed?.rejected ?? 0,
      seconds,
      deploySeconds: null,
      ...replayRates(events, transactions, seconds),
      profile: {
        rpc,
        traceReadMs: null,
        otherMs: Math.max(0, rpc.windowMs - rpc.busyMs),
      },
    },
    peakRssBytes: fromTime ?? result.maxRssBytes,
    rssSource: fromTime !== null ? "/usr/bin/time -v" : "process.resourceUsage().maxRSS",
    maxHeapUsedBytes: result.maxHeapUsedBytes,
    reconciled: completed?.reconciled ?? null,
    stopped:
      stopped === null
        ? null
        : {
            ...stopped,
            limit: stopped.reason === "time" ? limits.maxSeconds : limits.maxRssMib * 1_048_576,
            projectedReplaySeconds: projection?.replaySeconds ?? null,
            projectedRssBytes: projection?.rssBytes ?? null,
          },
    samples: result.samples,
    exitCode: child.exitCode,
  };
}

/**
 * Simulates `scenario` in a child process, writing its outputs under `dir`; the child stops
 * itself at `limits` and reports how far it got.
 */
export async function simulateMonth(
  scenario: string,
  dir: string,
  limits: MonthLimits,
): Promise<MonthFigure> {
  // The child runs on this Node (22), not whatever `node` the PATH finds first.
  const cli = await realpath(join(process.cwd(), "node_modules", ".bin", "hardhat"));
  await mkdir(dir, { recursive: true });
  const resultFile = join(dir, "child-result.json");
  const hardhat = [cli, "run", "--no-compile", "bench/simulate-child.ts"];
  const timed = await hasGnuTime();
  const env = {
    ...process.env,
    BENCH_SIM_INPUT: scenario,
    BENCH_SIM_OUT: join(dir, "run"),
    BENCH_SIM_RESULT: resultFile,
    BENCH_SIM_MAX_SECONDS: String(limits.maxSeconds),
    BENCH_SIM_MAX_RSS_BYTES: String(limits.maxRssMib * 1_048_576),
  };
  const child = timed
    ? await run(GNU_TIME, ["-v", process.execPath, ...hardhat], env)
    : await run(process.execPath, hardhat, env);
  let result: ChildResult;
  try {
    result = JSON.parse(await readFile(resultFile, "utf8")) as ChildResult;
  } catch {
    const tail = child.stderr.trim().split("\n").slice(-5).join("\n");
    throw new Error(`the month simulation ended with code ${child.exitCode}:\n${tail}`);
  }
  const fromTime = timed ? maxRssFromTimeOutput(child.stderr) : null;
  return monthFigure(scenario, limits, child, result, fromTime);
}
