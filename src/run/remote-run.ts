/**
 * A run on a remote JSON-RPC network (`simulate --network NAME` with an `http` network):
 * the connection, the signing sender with the run's HD keys, the time mode, the Ignition
 * deployment id and the checkpoint that `--resume` continues from.
 */
import { basename } from "node:path";

import { computeAddress } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import {
  Checkpoint,
  type CheckpointRun,
  type PersistedRequest,
  type Resumption,
  type SavedTotals,
} from "../replay/remote/checkpoint.js";
import { JsonRpcClient, RpcAnswerError } from "../replay/remote/json-rpc.js";
import { remoteKeysOf } from "../replay/remote/keys.js";
import { RemoteSender, type TimeMode } from "../replay/remote/remote-sender.js";
import type { EventRecord, ReplayCheckpoint, ReplayOptions } from "../replay/types.js";
import type { RemoteRunInfo } from "../report/manifest.js";
import type { SchemeChoice } from "../scenario/trace-schema.js";
import { readContractTotals, type ContractTotals } from "../reconcile/read-chain.js";

export interface RemoteRunOptions {
  network: string;
  rpcUrl?: string | undefined;
  /** `auto` (default): `trace` where the node lets the replay mine, else `node`. */
  timeMode?: TimeMode | "auto" | undefined;
  confirmations?: number | undefined;
  deploymentId?: string | undefined;
  /** Retries of a request after a dropped connection or a time-out. */
  retries?: number | undefined;
}

export interface RemoteRun {
  connection: NetworkConnection;
  replayOptions: Pick<
    ReplayOptions,
    "sender" | "accounts" | "deploymentId" | "onDeployed" | "checkpoint" | "resume"
  >;
  info(drift: RemoteRunInfo["drift"]): RemoteRunInfo;
  /** The contracts' totals before the run's first event (non-zero on a reused deployment). */
  baseline(): ContractTotals;
  /** The run finished and its outputs are written: the checkpoint goes. */
  finish(): Promise<void>;
}

/**
 * A new run's id: its folder's name and the time. It names the run's Ignition deployment and
 * seeds its actors' keys (keys.ts), so a run into the same folder again never picks up an
 * earlier deployment's journal or an earlier run's accounts.
 */
function freshRunId(folder: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return `${folder}-${stamp}`.replace(/[^A-Za-z0-9_-]/g, "_");
}

const pair = (b: { krw: bigint; credits: bigint }) => ({
  krw: b.krw.toString(),
  credits: b.credits.toString(),
});
const unpair = (b: { krw: string; credits: string }) => ({
  krw: BigInt(b.krw),
  credits: BigInt(b.credits),
});

function savedTotals(t: ContractTotals): SavedTotals {
  return {
    treasury: pair(t.treasury),
    escrow: pair(t.escrow),
    creditSupply: t.creditSupply.toString(),
    creditsRedeemed: t.creditsRedeemed.toString(),
  };
}

function totalsOf(t: SavedTotals): ContractTotals {
  return {
    treasury: unpair(t.treasury),
    escrow: unpair(t.escrow),
    creditSupply: BigInt(t.creditSupply),
    creditsRedeemed: BigInt(t.creditsRedeemed),
  };
}

/** Whether the node lets a client mine (`evm_setAutomine`): then blocks follow the trace. */
async function detectTimeMode(client: JsonRpcClient): Promise<TimeMode> {
  try {
    await client.request("evm_setAutomine", [true]);
    return "trace";
  } catch (error) {
    if (error instanceof RpcAnswerError) return "node";
    throw error;
  }
}

/**
 * Seconds between checkpoints. A resume re-plans the blocks since the last one and finds
 * them mined (same signed transactions, same hashes), so saving after every block would
 * only cost time.
 */
const CHECKPOINT_INTERVAL_MS = 1_000;

/** A checkpoint that also keeps the sender's state; created once the system is deployed. */
class RunCheckpoint implements ReplayCheckpoint {
  checkpoint: Checkpoint | undefined;
  readonly #sender: RemoteSender;
  #records: EventRecord[] = [];
  #savedAt = 0;

  constructor(sender: RemoteSender, checkpoint?: Checkpoint) {
    this.#sender = sender;
    this.checkpoint = checkpoint;
  }

  record(record: EventRecord): void {
    if (this.checkpoint === undefined) this.#records.push(record);
    else this.checkpoint.record(record);
  }

  async save(progress: Parameters<ReplayCheckpoint["save"]>[0], force = false): Promise<void> {
    if (this.checkpoint === undefined) return;
    if (!force && Date.now() - this.#savedAt < CHECKPOINT_INTERVAL_MS) return;
    this.#savedAt = Date.now();
    for (const record of this.#records) this.checkpoint.record(record);
    this.#records = [];
    await this.checkpoint.commit({ ...progress, sender: this.#sender.state() });
  }
}

export async function openRemoteRun(
  hre: HardhatRuntimeEnvironment,
  outDir: string,
  request: PersistedRequest,
  options: RemoteRunOptions,
  resume?: Resumption,
): Promise<RemoteRun> {
  const connection = await hre.network.create({
    network: options.network,
    ...(options.rpcUrl === undefined ? {} : { override: { url: options.rpcUrl } }),
  });
  const { networkConfig } = connection;
  if (networkConfig.type !== "http") throw new Error(`network ${options.network} is not http`);
  const url = await networkConfig.url.getUrl();
  const client = new JsonRpcClient(url, {
    ...(options.retries === undefined ? {} : { retries: options.retries }),
  });
  const chainId = BigInt(await client.request<string>("eth_chainId"));
  const requested = resume?.run.timeMode ?? options.timeMode ?? "auto";
  const timeMode = requested === "auto" ? await detectTimeMode(client) : requested;
  const confirmations = resume?.run.confirmations ?? options.confirmations ?? 1;
  const runId = resume?.run.runId ?? freshRunId(basename(outDir));
  const deploymentId = resume?.run.deploymentId ?? options.deploymentId ?? `city-pilot-${runId}`;
  const keys = await remoteKeysOf(options.network, networkConfig, runId);
  const sender = new RemoteSender({
    client,
    chainId,
    timeMode,
    confirmations,
    funder: { address: computeAddress(keys.admin), privateKey: keys.admin },
  });
  if (resume !== undefined) sender.restore(resume.state.sender);
  const keeperKey = keys.derive("system/keeper");
  const checkpoint = new RunCheckpoint(
    sender,
    resume === undefined ? undefined : Checkpoint.continue(outDir),
  );
  let baseline = resume === undefined ? undefined : totalsOf(resume.run.baseline);
  const onDeployed: ReplayOptions["onDeployed"] = async ({ contracts, initialScheme }) => {
    if (resume !== undefined) return;
    baseline = await readContractTotals(connection.provider, contracts);
    const run: Omit<CheckpointRun, "version"> = {
      runId,
      network: options.network,
      rpcUrl: options.rpcUrl,
      timeMode,
      confirmations,
      deploymentId,
      chainId: chainId.toString(),
      contracts,
      keeper: computeAddress(keeperKey),
      initialScheme: { scheme: initialScheme.scheme, params: initialScheme.params } as SchemeChoice,
      request,
      baseline: savedTotals(baseline),
    };
    checkpoint.checkpoint = await Checkpoint.create(outDir, run);
  };
  const resumes = resume === undefined ? 0 : (resume.run.resumes ?? 0) + 1;
  if (resume !== undefined) await Checkpoint.continue(outDir).countResume(resumes);
  return {
    connection,
    replayOptions: {
      sender,
      accounts: {
        actorKey: (name) => keys.derive(`actor/${name}`),
        keeperKey,
        adminKey: keys.admin,
      },
      deploymentId,
      onDeployed,
      checkpoint,
      ...(resume === undefined ? {} : { resume }),
    },
    info: (drift) => ({
      url,
      timeMode,
      confirmations,
      deploymentId,
      resumes,
      rpcRetries: client.retried,
      drift,
    }),
    baseline: () => {
      if (baseline === undefined)
        throw new Error("the baseline is read once the system is deployed");
      return baseline;
    },
    finish: async () => checkpoint.checkpoint?.remove(),
  };
}
