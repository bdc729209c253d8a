/**
 * Progress of a remote replay, kept on disk so that `simulate --resume DIR` continues after
 * Ctrl-C, a crash or a node restart without sending any event twice (README "Resume").
 *
 * `DIR/checkpoint/`:
 * - `run.json`: how the run was started (written once, after the deployment);
 * - `records.jsonl`: the record of every event done, appended block by block;
 * - `state.json`: replaced atomically after every block: how many events are done, the
 *   chain ids learned, the installed schemes, and the sender's nonces, funded accounts and
 *   fee. A crash between appending records and replacing the state leaves extra records,
 *   which a resume ignores.
 *
 * A resume re-plans the block that was in flight from that state: same nonces and fees give
 * the same signed transactions, and the sender skips those the chain already has.
 */
import { appendFile, mkdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";

import { writeFileAtomic } from "../../report/atomic-file.js";
import type { SchemeChoice } from "../../scenario/trace-schema.js";
import type { DeployedContracts, EventRecord, ReplayProgress } from "../types.js";
import type { RemoteSenderState, TimeMode } from "./remote-sender.js";

export const CHECKPOINT_DIR = "checkpoint";
const VERSION = 1;

/** What a resumed run must repeat exactly. */
export interface CheckpointRun {
  version: number;
  runId: string;
  network: string;
  /** The URL given on the command line, if any (else the network's configured one). */
  rpcUrl?: string | undefined;
  timeMode: TimeMode;
  confirmations: number;
  deploymentId: string;
  chainId: string;
  contracts: DeployedContracts;
  keeper: string;
  initialScheme: SchemeChoice | undefined;
  /** The run's request (input, seed, scheme, prices), to prepare the same trace again. */
  request: PersistedRequest;
  /** The contracts' totals before the first event (decimal strings): see withoutBaseline. */
  baseline: SavedTotals;
  /** Times the run was resumed so far. */
  resumes?: number;
}

export interface SavedTotals {
  treasury: { krw: string; credits: string };
  escrow: { krw: string; credits: string };
  creditSupply: string;
  creditsRedeemed: string;
}

/** The options of `simulate` that decide the trace and the report (see src/run). */
export interface PersistedRequest {
  input: string;
  seed?: string | undefined;
  scheme?: string | undefined;
  gasPriceGwei?: string | number | undefined;
  krwPerEth?: string | number | undefined;
}

export interface CheckpointState extends ReplayProgress {
  sender: RemoteSenderState;
}

export interface Resumption {
  run: CheckpointRun;
  state: CheckpointState;
  records: EventRecord[];
}

const paths = (outDir: string) => {
  const dir = join(outDir, CHECKPOINT_DIR);
  return {
    dir,
    run: join(dir, "run.json"),
    state: join(dir, "state.json"),
    records: join(dir, "records.jsonl"),
  };
};

const json = (value: unknown) =>
  `${JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v), 2)}\n`;

export class Checkpoint {
  readonly #paths: ReturnType<typeof paths>;
  #pending: string[] = [];

  private constructor(outDir: string) {
    this.#paths = paths(outDir);
  }

  /** Starts the checkpoint of a new run (an earlier one in the folder is discarded). */
  static async create(outDir: string, run: Omit<CheckpointRun, "version">): Promise<Checkpoint> {
    const checkpoint = new Checkpoint(outDir);
    await rm(checkpoint.#paths.dir, { recursive: true, force: true });
    await mkdir(checkpoint.#paths.dir, { recursive: true });
    await writeFileAtomic(checkpoint.#paths.run, json({ version: VERSION, ...run }));
    return checkpoint;
  }

  /** Continues the checkpoint of `outDir` (after {@link readCheckpoint}). */
  static continue(outDir: string): Checkpoint {
    return new Checkpoint(outDir);
  }

  /** Notes in run.json that the run was resumed once more. */
  async countResume(resumes: number): Promise<void> {
    const run = JSON.parse(await readFile(this.#paths.run, "utf8")) as CheckpointRun;
    await writeFileAtomic(this.#paths.run, json({ ...run, resumes }));
  }

  /** Keeps a record until the next {@link commit}. */
  record(record: EventRecord): void {
    this.#pending.push(JSON.stringify(record));
  }

  /** Appends the block's records, then states that they are done. */
  async commit(state: CheckpointState): Promise<void> {
    if (this.#pending.length > 0) {
      await appendFile(this.#paths.records, `${this.#pending.join("\n")}\n`);
      this.#pending = [];
    }
    await writeFileAtomic(this.#paths.state, json(state));
  }

  /** The run finished: its outputs replace the checkpoint. */
  async remove(): Promise<void> {
    await rm(this.#paths.dir, { recursive: true, force: true });
  }
}

/** Whether `outDir` holds a checkpoint to resume. */
export async function hasCheckpoint(outDir: string): Promise<boolean> {
  try {
    await readFile(paths(outDir).run);
    return true;
  } catch {
    return false;
  }
}

/** Reads a checkpoint: the run, the last state and the records of the events done. */
export async function readCheckpoint(outDir: string): Promise<Resumption> {
  const p = paths(outDir);
  const run = JSON.parse(await readFile(p.run, "utf8")) as CheckpointRun;
  if (run.version !== VERSION) throw new Error(`checkpoint version ${run.version} not supported`);
  let state: CheckpointState;
  try {
    state = JSON.parse(await readFile(p.state, "utf8")) as CheckpointState;
  } catch {
    // Stopped before its first block: nothing done yet.
    state = { eventsDone: 0, slots: [], bookings: [], schemes: [], sender: emptySenderState() };
  }
  let lines: string[] = [];
  try {
    lines = (await readFile(p.records, "utf8")).split("\n").filter((l) => l !== "");
  } catch {
    lines = [];
  }
  if (lines.length < state.eventsDone) {
    throw new Error(
      `checkpoint of ${outDir} is damaged: ${lines.length} records for ${state.eventsDone} events done`,
    );
  }
  const records = lines.slice(0, state.eventsDone).map((l) => JSON.parse(l) as EventRecord);
  return { run, state, records };
}

function emptySenderState(): RemoteSenderState {
  return { nonces: [], funded: [], maxFeePerGas: "0", lastBlock: null };
}
