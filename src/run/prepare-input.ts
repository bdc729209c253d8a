/**
 * From the command line to a trace to replay: a scenario is generated into the run's folder
 * (after it validated), a trace is used as it is. Every refusal happens here, before any
 * folder exists: a bad input writes nothing.
 */
import { mkdir } from "node:fs/promises";
import { basename, extname, join } from "node:path";

import {
  GenerateOptionError,
  parseSeedOption,
  resolveSchemeOption,
} from "../generate/cli-options.js";
import { writeTrace } from "../generate/write-trace.js";
import type { GasPricing } from "../report/gas-cost.js";
import { loadInput } from "../scenario/load-input.js";
import type { Scenario } from "../scenario/scenario-schema.js";
import { SCHEMES, type SchemeChoice, type SchemeName } from "../scenario/trace-schema.js";
import { unixSeconds } from "../scenario/trace-primitives.js";

export interface RunRequest {
  input: string;
  seed?: string | undefined;
  scheme?: string | undefined;
  out?: string | undefined;
  /** `--gas-price-gwei`: prices gas in report.html and kpis.json (default 1 gwei). */
  gasPriceGwei?: string | number | undefined;
  /** `--krw-per-eth`: the ETH rate for that price (default: an assumed round figure). */
  krwPerEth?: string | number | undefined;
  /** `--network`: a network of the config (an `http` one replays on a remote node). */
  network?: string | undefined;
  /** `--rpc-url`: the remote network's URL instead of the configured one. */
  rpcUrl?: string | undefined;
  /** `--time-mode`: auto (default), trace or node. */
  timeMode?: string | undefined;
  /** `--confirmations`: blocks a remote receipt waits for in node time mode (default 1). */
  confirmations?: string | number | undefined;
  /** `--deployment-id`: reuse (or name) the Ignition deployment on a remote network. */
  deploymentId?: string | undefined;
  /** `--rpc-retries`: retries of a remote request after a dropped connection (default 8). */
  rpcRetries?: string | number | undefined;
  /** `--resume DIR`: continue the interrupted remote run whose outputs go to DIR. */
  resume?: string | undefined;
}

/** Everything the later stages need to know about the run's input. */
export interface PreparedRun {
  inputFile: string;
  inputKind: "scenario" | "trace";
  outDir: string;
  tracePath: string;
  scenario?: Scenario | undefined;
  seed?: number | undefined;
  /** `--scheme`: replaces the initial scheme only. */
  initialScheme?: SchemeChoice | undefined;
  scenarioScheme?: SchemeChoice | undefined;
  /** Unix seconds of the first event (known before replaying: the chain starts before it). */
  firstTime: number;
  /** The run's KST days for occupancy: the scenario's, else the trace's span. */
  days?: { start: number; count: number } | undefined;
  totalEvents: number;
  generateSeconds: number | null;
  /** The prices given (the report's defaults fill the rest). */
  gasPricing?: Partial<GasPricing> | undefined;
}

/** `out/<name>-<yyyymmdd-hhmmss>` (UTC), the default output folder of a run. */
export function defaultOutDir(name: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return join("out", `${name}-${stamp}`);
}

function traceSchemeOption(text: string | undefined): SchemeChoice | undefined {
  if (text === undefined) return undefined;
  const name = text.trim();
  if (!(SCHEMES as readonly string[]).includes(name)) {
    throw new GenerateOptionError(
      `--scheme: unknown scheme ${JSON.stringify(text)} (expected one of ${SCHEMES.join(", ")})`,
    );
  }
  return { scheme: name as SchemeName, params: {} } as SchemeChoice;
}

async function prepareScenario(request: RunRequest, scenario: Scenario): Promise<PreparedRun> {
  const seed = parseSeedOption(request.seed);
  const initialScheme = resolveSchemeOption(scenario, request.scheme);
  const outDir = request.out ?? defaultOutDir(scenario.name);
  await mkdir(outDir, { recursive: true });
  const tracePath = join(outDir, "trace.jsonl");
  const started = performance.now();
  const { stats } = await writeTrace(scenario, tracePath, { seed, scheme: initialScheme });
  const start = unixSeconds(scenario.start);
  return {
    inputFile: request.input,
    inputKind: "scenario",
    outDir,
    tracePath,
    scenario,
    seed: seed ?? scenario.seed,
    // The generator wrote the chosen scheme into the trace's config line.
    initialScheme: undefined,
    scenarioScheme: {
      scheme: scenario.scheme.scheme,
      params: scenario.scheme.params,
    } as SchemeChoice,
    firstTime: start,
    days: { start, count: scenario.days },
    totalEvents: stats.events,
    generateSeconds: (performance.now() - started) / 1000,
  };
}

/** A price option: a number >= 0, as a number or as decimal text. */
function priceOption(name: string, value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const price =
    typeof value === "number" ? value : /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isFinite(price) || price < 0) {
    throw new GenerateOptionError(
      `--${name}: expected a number >= 0, got ${JSON.stringify(value)}`,
    );
  }
  return price;
}

/** Validates the input and the options, then (for a scenario) writes the trace. */
export async function prepareRun(request: RunRequest): Promise<PreparedRun> {
  const gasPricing = {
    gasPriceGwei: priceOption("gas-price-gwei", request.gasPriceGwei),
    krwPerEth: priceOption("krw-per-eth", request.krwPerEth),
  };
  const input = await loadInput(request.input);
  if (input.kind === "scenario") {
    return { ...(await prepareScenario(request, input.scenario)), gasPricing };
  }
  if (request.seed !== undefined) {
    throw new GenerateOptionError("--seed: applies to a scenario; a trace is replayed as written");
  }
  const initialScheme = traceSchemeOption(request.scheme);
  const name = basename(request.input, extname(request.input));
  const outDir = request.out ?? defaultOutDir(name);
  return {
    inputFile: request.input,
    inputKind: "trace",
    outDir,
    tracePath: request.input,
    initialScheme,
    firstTime: input.summary.firstTime ?? 0,
    totalEvents: input.summary.events,
    generateSeconds: null,
    gasPricing,
  };
}
