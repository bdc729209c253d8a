/**
 * One simulation, end to end (SPEC.md section 5): the input becomes a trace, the model
 * runs over it, the trace is replayed on a network, every chain record is checked against
 * the model as it arrives, the balances are read back and compared, and the outputs are
 * written. The result says whether the chain and the model agreed (exit code 0 or 1).
 */
import { mkdir, readdir, rm } from "node:fs/promises";
import { join } from "node:path";

import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { compareBalances, type BalanceDifference } from "../reconcile/balances.js";
import {
  emptyTally,
  EXPECT_OK,
  tallyOutcome,
  type OutcomeMismatch,
  type OutcomeTally,
} from "../reconcile/outcomes.js";
import { readChainState, withoutBaseline } from "../reconcile/read-chain.js";
import { fastPathNetworkOverride } from "../replay/network.js";
import { progressReporterFor } from "../replay/progress.js";
import { replayTrace } from "../replay/replay-trace.js";
import { AtomicLineWriter } from "../report/atomic-file.js";
import { formatEventLine } from "../report/events-jsonl.js";
import { GasCollector } from "../report/gas.js";
import { computeKpis } from "../report/kpis.js";
import { runDaysBetween, runDaysFrom, slotsOfModel } from "../report/occupancy.js";
import { compilerOf, readCodeVersion, sha256File } from "../report/provenance.js";
import { RUN_FILES, writeRunOutputs, type RunOutputs } from "../report/write-run.js";
import { DriftCollector } from "../report/drift.js";
import { hasCheckpoint, type Resumption } from "../replay/remote/checkpoint.js";
import type { ReplayOptions } from "../replay/types.js";
import { readTrace } from "../scenario/load-trace.js";
import { runModelPass } from "./model-pass.js";
import { prepareRun, type PreparedRun, type RunRequest } from "./prepare-input.js";
import { persistedRequest, remoteOptionsOf, resumptionOf } from "./remote-options.js";
import { openRemoteRun, type RemoteRun } from "./remote-run.js";

/** Mismatched events listed in the report (all are counted). */
const MAX_LISTED_MISMATCHES = 200;

export interface SimulationResult {
  outputs: RunOutputs;
  differences: BalanceDifference[];
  mismatches: OutcomeMismatch[];
  tally: OutcomeTally;
  /** Both sides agree on every balance and every event. */
  reconciled: boolean;
}

function secondsSince(started: number): number {
  return (performance.now() - started) / 1000;
}

/** A remote run that failed: its checkpoint is kept for `--resume`. */
export class ResumableRunError extends Error {
  override readonly name = "ResumableRunError";
  readonly dir: string;

  constructor(cause: unknown, dir: string) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `${reason}\nProgress is saved in ${dir}; continue with: npx hardhat simulate --resume ${dir}`,
      { cause },
    );
    this.dir = dir;
  }
}

interface OpenedNetwork {
  connection: Awaited<ReturnType<HardhatRuntimeEnvironment["network"]["create"]>>;
  replayOptions: ReplayOptions;
  remote?: RemoteRun;
}

/** The run's network: the in-process one (fast path) or a remote `http` one. */
async function openNetwork(
  hre: HardhatRuntimeEnvironment,
  request: RunRequest,
  run: PreparedRun,
  resumption: Resumption | undefined,
): Promise<OpenedNetwork> {
  const name = request.network ?? hre.globalOptions.network;
  if (name !== undefined && hre.config.networks[name]?.type === "http") {
    const options = remoteOptionsOf(request, name);
    const persisted = persistedRequest(request);
    const remote = await openRemoteRun(hre, run.outDir, persisted, options, resumption);
    return { connection: remote.connection, replayOptions: remote.replayOptions, remote };
  }
  const override = fastPathNetworkOverride(run.firstTime);
  const connection = await hre.network.create(
    name === undefined ? { override } : { network: name, override },
  );
  return { connection, replayOptions: {} };
}

/** Partial files an interrupted run left behind (a new run writes its own). */
async function removeStalePartials(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names.filter((n) => n.endsWith(".partial")).map((n) => rm(join(dir, n), { force: true })),
  );
}

export async function simulate(
  hre: HardhatRuntimeEnvironment,
  request: RunRequest,
): Promise<SimulationResult> {
  const resumed =
    request.resume === undefined ? undefined : await resumptionOf(request.resume, request);
  const effective = resumed?.request ?? request;
  const run = await prepareRun(effective);
  const schemeOptions = { initialScheme: run.initialScheme, scenarioScheme: run.scenarioScheme };
  const modelPass = await runModelPass(run.tracePath, schemeOptions);

  const { connection, replayOptions, remote } = await openNetwork(
    hre,
    effective,
    run,
    resumed?.resumption,
  );
  await mkdir(run.outDir, { recursive: true });
  await removeStalePartials(run.outDir);
  const events = await AtomicLineWriter.open(join(run.outDir, RUN_FILES.events));
  try {
    const drift = new DriftCollector();
    const gas = new GasCollector();
    const tally = emptyTally();
    const mismatches: OutcomeMismatch[] = [];
    const replayStarted = performance.now();
    const replay = await replayTrace(connection, readTrace(run.tracePath), {
      ...schemeOptions,
      ...replayOptions,
      keepRecords: false,
      totalEvents: run.totalEvents,
      progress: progressReporterFor(process.stdout),
      onRecord: (record) => {
        gas.add(record);
        drift.add(record);
        const mismatch = tallyOutcome(
          tally,
          modelPass.refusals.get(record.line) ?? EXPECT_OK,
          record,
        );
        if (mismatch !== undefined && mismatches.length < MAX_LISTED_MISMATCHES)
          mismatches.push(mismatch);
        void events.write(formatEventLine(record, mismatch));
      },
    });
    const replaySeconds = secondsSince(replayStarted);

    const reconcileStarted = performance.now();
    const addresses = new Map([...replay.actors].map(([name, actor]) => [name, actor.address]));
    const read = await readChainState(connection.provider, replay.contracts, addresses);
    const chain = remote === undefined ? read : withoutBaseline(read, remote.baseline());
    const differences = compareBalances(modelPass.state, chain);
    const reconcileSeconds = secondsSince(reconcileStarted);

    const runDays =
      run.days !== undefined
        ? runDaysFrom(run.days.start, run.days.count)
        : runDaysBetween(replay.firstTime ?? run.firstTime, replay.lastTime ?? run.firstTime);
    const gasStats = gas.stats();
    const kpis = computeKpis(modelPass.state, gasStats, {
      actors: replay.actors.values(),
      slots: slotsOfModel(modelPass.model),
      runDays,
      outcomes: modelPass.outcomes,
      series: modelPass.series,
      gasPricing: run.gasPricing,
    });
    const scheme = run.initialScheme ?? replay.schemes[0] ?? run.scenarioScheme;
    const outputs = await writeRunOutputs(run.outDir, {
      manifest: {
        createdAt: new Date(),
        input: {
          file: run.inputFile,
          kind: run.inputKind,
          sha256: await sha256File(run.inputFile),
        },
        seed: run.seed,
        scheme: { name: scheme?.scheme ?? "flat", params: scheme?.params ?? {} },
        network: {
          name: connection.networkName,
          chainId: replay.chainId,
          remote: remote?.info(drift.summary()),
        },
        compiler: compilerOf(hre.config),
        code: await readCodeVersion(hre.config.paths.root),
        timings: {
          generate: run.generateSeconds,
          model: modelPass.seconds,
          replay: replaySeconds,
          reconcile: reconcileSeconds,
        },
        counts: {
          events: gasStats.events,
          transactions: gasStats.transactions,
          blocks: gasStats.blocks,
          actors: replay.actors.size,
          slots: replay.slots.size,
        },
        reconciliation: { differences: differences.length, mismatches: tally.mismatches },
      },
      kpis,
      balances: { actors: replay.actors.values(), contracts: replay.contracts, chain },
      differences,
      mismatches,
      events,
    });
    const reconciled = differences.length === 0 && tally.mismatches === 0;
    await remote?.finish();
    return { outputs, differences, mismatches, tally, reconciled };
  } catch (error) {
    await events.abort();
    if (remote !== undefined && (await hasCheckpoint(run.outDir))) {
      throw new ResumableRunError(error, run.outDir);
    }
    throw error;
  } finally {
    await connection.close();
  }
}
