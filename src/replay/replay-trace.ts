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
import { ActorBook, systemPrivateKey } from "./actors.js";
import { computeAddress } from "ethers";
import { ReplayError } from "./errors.js";
import { BlockBuilder } from "./internal/block-builder.js";
import { deploySystem } from "./internal/deploy.js";
import { FastSender } from "./internal/fast-sender.js";
import type { PlanContext, SystemInterfaces } from "./internal/plan-types.js";
import { recyclingInterface, schemeInterfaces } from "./internal/recycling-abi.js";
import { initialSchemeOf } from "./internal/schemes.js";
import { revertDecoder } from "./internal/revert-decoder.js";
import type { TxSender } from "./internal/sender.js";
import { assertFastPathNetwork } from "./network.js";
import { ProgressTracker } from "./progress.js";
import type { EventRecord, ReplayOptions, ReplayResult, TracedEvent } from "./types.js";

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
    throw new ReplayError("CHAIN_AHEAD", { chainTime: iso(chainTime), firstTime: iso(firstTime) });
  }
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
  const iterator =
    Symbol.asyncIterator in events ? events[Symbol.asyncIterator]() : events[Symbol.iterator]();
  const head = await iterator.next();
  const first = head.done === true ? undefined : head.value;
  const config = first?.event.kind === "config" ? first.event : undefined;

  const deployStart = performance.now();
  const initialScheme = initialSchemeOf(
    options.initialScheme,
    config === undefined ? undefined : schemeChoiceOf(config),
    options.scenarioScheme,
  );
  const { contracts, initialScheme: installed } = await deploySystem(connection, {
    config,
    firstEventTime: first?.time ?? 0,
    initialScheme,
  });
  const chainId = BigInt((await connection.provider.request({ method: "eth_chainId" })) as string);
  if (first !== undefined && sender.setsTimestamps) await assertChainBefore(connection, first.time);
  const deploySeconds = (performance.now() - deployStart) / 1000;

  const progress = new ProgressTracker(options.progress, options.totalEvents);
  const sink = recordSink(options, progress);
  const keeper = computeAddress(systemPrivateKey("keeper"));
  const ctx: PlanContext = {
    contracts,
    chainId,
    abi: systemInterfaces(),
    actors: new ActorBook(),
    sender,
    keeper,
    slots: new Map(),
    bookings: new Map(),
    slotOwners: new Map(),
    bookingDrivers: new Map(),
    schemes: [installed],
  };
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
    emit: sink.emit,
    maxBatchSize: options.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE,
  });

  const replayStart = performance.now();
  let lastTime = first?.time;
  await sender.start();
  progress.start();
  try {
    // The admin too: its default balance would not cover the fee cap of many pending
    // transactions (see fast-sender.ts), and a remote sender prepares its key the same way.
    await sender.addAccount(contracts.admin);
    await sender.addAccount(keeper);
    for (let next = head; next.done !== true; next = await iterator.next()) {
      lastTime = next.value.time;
      await builder.add(next.value);
    }
    await builder.flush();
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
