/**
 * The replay stage: a validated trace in, transactions on a network out, one record per
 * event. See SPEC.md section 5 and src/replay/README.md.
 */
import type { ChainType, NetworkConnection } from "hardhat/types/network";

import { schemeChoiceOf } from "../scenario/trace-schema.js";

import {
  CityCredit__factory,
  CityTreasury__factory,
  KRWToken__factory,
  ParkingMarket__factory,
} from "../../typechain-types/index.js";
import { ActorBook, actorPrivateKey, systemPrivateKey } from "./actors.js";
import { computeAddress } from "ethers";
import { ReplayError } from "./errors.js";
import { BlockBuilder } from "./internal/block-builder.js";
import { deploySystem, type Deployment } from "./internal/deploy.js";
import { assertSameChain, rememberNames, restoreContext } from "./internal/resume.js";
import { FastSender } from "./internal/fast-sender.js";
import type { PlanContext, SystemInterfaces } from "./internal/plan-types.js";
import { recyclingInterface, schemeInterfaces } from "./internal/recycling-abi.js";
import { initialSchemeOf } from "./internal/schemes.js";
import { revertDecoder } from "./internal/revert-decoder.js";
import type { TxSender } from "./internal/sender.js";
import { assertFastPathNetwork } from "./network.js";
import { ProgressTracker } from "./progress.js";
import type {
  EventRecord,
  ReplayAccounts,
  ReplayOptions,
  ReplayResult,
  TracedEvent,
} from "./types.js";

export type ReplayTraceParameters<C extends ChainType | string> = [
  connection: NetworkConnection<C>,
  events: AsyncIterable<TracedEvent> | Iterable<TracedEvent>,
  options?: ReplayOptions,
];
export type ReplayTraceReturnType = ReplayResult;
export type ReplayTraceErrorType = ReplayError;

const DEFAULT_MAX_BATCH_SIZE = 100;

/** Every ABI the replay encodes with, from the compiled contracts. */
export function systemInterfaces(): SystemInterfaces {
  return {
    krw: KRWToken__factory.createInterface(),
    credit: CityCredit__factory.createInterface(),
    treasury: CityTreasury__factory.createInterface(),
    market: ParkingMarket__factory.createInterface(),
    recycling: recyclingInterface,
  };
}

/** The fast in-process sender, after checking the network suits it. */
export function fastSenderFor<C extends ChainType | string>(
  connection: NetworkConnection<C>,
): TxSender {
  assertFastPathNetwork(connection.networkConfig);
  return new FastSender(connection.provider);
}

async function latestTimestamp<C extends ChainType | string>(
  connection: NetworkConnection<C>,
): Promise<number> {
  const block = (await connection.provider.request({
    method: "eth_getBlockByNumber",
    params: ["latest", false],
  })) as { timestamp: string };
  return Number(block.timestamp);
}

/** Block timestamps only move forward: the deployment must end before the first event. */
async function assertChainBefore<C extends ChainType | string>(
  connection: NetworkConnection<C>,
  firstTime: number,
): Promise<void> {
  const chainTime = await latestTimestamp(connection);
  if (chainTime > firstTime) {
    const iso = (t: number) => new Date(t * 1000).toISOString();
    const code = connection.networkConfig.type === "http" ? "REMOTE_CHAIN_AHEAD" : "CHAIN_AHEAD";
    throw new ReplayError(code, { chainTime: iso(chainTime), firstTime: iso(firstTime) });
  }
}

/** The in-process derivation of keys (actors.ts), unless the run brings its own. */
const LOCAL_ACCOUNTS: ReplayAccounts = {
  actorKey: actorPrivateKey,
  keeperKey: systemPrivateKey("keeper"),
};

/** The system as deployed now, or as the checkpoint of a resumed run says it was. */
async function deployOrResume<C extends ChainType | string>(
  connection: NetworkConnection<C>,
  options: ReplayOptions,
  config: TracedEvent["event"] | undefined,
  firstTime: number,
  automine: boolean,
): Promise<Deployment & { chainId: bigint }> {
  const { resume } = options;
  if (resume !== undefined) {
    await assertSameChain(connection.provider, resume);
    const [initial] = resume.state.schemes as Deployment["initialScheme"][];
    if (initial === undefined) throw new Error("the checkpoint has no initial scheme");
    return {
      contracts: resume.run.contracts,
      initialScheme: initial,
      chainId: BigInt(resume.run.chainId),
    };
  }
  const configEvent = config?.kind === "config" ? config : undefined;
  const initialScheme = initialSchemeOf(
    options.initialScheme,
    configEvent === undefined ? undefined : schemeChoiceOf(configEvent),
    options.scenarioScheme,
  );
  const deployment = await deploySystem(connection, {
    config: configEvent,
    firstEventTime: firstTime,
    initialScheme,
    deploymentId: options.deploymentId,
    automine,
  });
  const chainId = BigInt((await connection.provider.request({ method: "eth_chainId" })) as string);
  return { ...deployment, chainId };
}

/** Counts outcomes and fans every record out to the caller, the result and the progress. */
function recordSink(options: ReplayOptions, progress: ProgressTracker) {
  const records: EventRecord[] = [];
  const counts = { events: 0, reverted: 0, rejected: 0 };
  const emit = (record: EventRecord): void => {
    counts.events += 1;
    if (record.status === "reverted") counts.reverted += 1;
    if (record.status === "rejected") counts.rejected += 1;
    if (options.keepRecords !== false) records.push(record);
    options.onRecord?.(record);
    progress.tick();
  };
  return { records, counts, emit };
}

/**
 * Deploys the system (market parameters from the trace's `config` line), then replays every
 * event at its time. A reverted transaction is recorded with its decoded error and the
 * replay goes on; a failure of the run itself throws {@link ReplayError}. Automine is off
 * during the replay and back on afterwards, so the connection can be read and used again.
 */
export async function replayTrace<C extends ChainType | string>(
  ...[connection, events, options = {}]: ReplayTraceParameters<C>
): Promise<ReplayTraceReturnType> {
  const sender = options.sender ?? fastSenderFor(connection);
  const accounts = options.accounts ?? LOCAL_ACCOUNTS;
  const iterator =
    Symbol.asyncIterator in events ? events[Symbol.asyncIterator]() : events[Symbol.iterator]();
  const head = await iterator.next();
  const first = head.done === true ? undefined : head.value;

  const deployStart = performance.now();
  const { contracts, initialScheme, chainId } = await deployOrResume(
    connection,
    options,
    first?.event,
    first?.time ?? 0,
    sender.setsTimestamps,
  );
  const skip = options.resume?.state.eventsDone ?? 0;
  if (first !== undefined && sender.setsTimestamps && skip === 0) {
    await assertChainBefore(connection, first.time);
  }
  await options.onDeployed?.({ contracts, chainId, initialScheme });
  const deploySeconds = (performance.now() - deployStart) / 1000;

  const progress = new ProgressTracker(options.progress, options.totalEvents);
  const sink = recordSink(options, progress);
  const keeper = computeAddress(accounts.keeperKey);
  const ctx: PlanContext = {
    contracts,
    chainId,
    abi: systemInterfaces(),
    actors: new ActorBook(accounts.actorKey),
    sender,
    keeper,
    slots: new Map(),
    bookings: new Map(),
    slotOwners: new Map(),
    bookingDrivers: new Map(),
    schemes: [initialScheme],
  };
  if (options.resume !== undefined) restoreContext(ctx, options.resume);
  const checkpoint = options.checkpoint;
  const saveCheckpoint = async (force = false) =>
    checkpoint?.save(
      {
        eventsDone: sink.counts.events,
        slots: [...ctx.slots].map(([name, id]) => [name, id.toString()]),
        bookings: [...ctx.bookings].map(([name, id]) => [name, id.toString()]),
        schemes: ctx.schemes,
      },
      force,
    );
  const abi = ctx.abi;
  const builder = new BlockBuilder(ctx, {
    decode: revertDecoder([
      abi.market,
      abi.treasury,
      abi.krw,
      abi.credit,
      abi.recycling,
      ...schemeInterfaces,
    ]),
    emit: (record) => {
      checkpoint?.record(record);
      sink.emit(record);
    },
    maxBatchSize: options.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE,
    afterBlock: () => saveCheckpoint(),
  });

  const replayStart = performance.now();
  let lastTime = first?.time;
  await sender.start();
  progress.start();
  try {
    // The admin too: its default balance would not cover the fee cap of many pending
    // transactions (see fast-sender.ts); a remote sender signs with its key.
    await sender.addAccount(contracts.admin, accounts.adminKey);
    await sender.addAccount(keeper, accounts.keeperKey);
    // A resumed run: the records of the events done go out again, the events are skipped.
    for (const record of options.resume?.records ?? []) sink.emit(record);
    // Before the first block: a resume then knows the nonces the first block was signed with.
    await saveCheckpoint(true);
    let index = 0;
    for (let next = head; next.done !== true; next = await iterator.next(), index += 1) {
      lastTime = next.value.time;
      if (index < skip) await rememberNames(next.value, ctx);
      else await builder.add(next.value);
    }
    await builder.finish();
    await saveCheckpoint(true);
  } finally {
    progress.stop();
    await sender.stop();
  }

  return {
    chainId,
    contracts,
    actors: new Map(ctx.actors.all().map((actor) => [actor.name, actor])),
    keeper,
    schemes: ctx.schemes,
    slots: ctx.slots,
    bookings: ctx.bookings,
    records: sink.records,
    stats: {
      ...sink.counts,
      transactions: builder.transactions,
      blocks: builder.blocks,
      seconds: (performance.now() - replayStart) / 1000,
      deploySeconds,
    },
    firstTime: first?.time,
    lastTime,
  };
}
