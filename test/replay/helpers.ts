/**
 * Test helpers of the replay: traces from JSONL or objects, a connection ready for the
 * fast path, and balances read from the chain.
 */
import { network } from "hardhat";

import { parseEvent, unixSeconds, type TraceEventInput } from "../../src/scenario/trace-schema.js";
import { fastPathNetworkOverride } from "../../src/replay/network.js";
import type { ReplayResult, TracedEvent } from "../../src/replay/types.js";
import { readTrace } from "../../src/scenario/load-trace.js";
import { CityCredit__factory, KRWToken__factory } from "../../typechain-types/index.js";

export const EXAMPLES = new URL("../../examples", import.meta.url).pathname;

/** Parses trace objects into timed events (lines numbered from 1), failing on bad input. */
export function timedEvents(objects: readonly unknown[]): TracedEvent[] {
  return objects.map((value, index) => {
    const parsed = parseEvent(value);
    if (!parsed.success) {
      throw new Error(`line ${index + 1}: ${parsed.error.message}`);
    }
    return { line: index + 1, time: unixSeconds(parsed.data.t), event: parsed.data };
  });
}

/** Every validated event of a trace file, read with the scenario stage's streaming reader. */
export async function readAll(path: string): Promise<TracedEvent[]> {
  const events: TracedEvent[] = [];
  for await (const event of readTrace(path)) events.push(event);
  return events;
}

/** Typed trace lines, for hand-written traces in tests. */
export function trace(...events: TraceEventInput[]): TracedEvent[] {
  return timedEvents(events);
}

/** A fresh in-process chain set up for replaying a trace that starts at `firstTime`. */
export async function replayConnection(firstTime: number) {
  return network.create({ override: fastPathNetworkOverride(firstTime) });
}

export type ReplayConnection = Awaited<ReturnType<typeof replayConnection>>;

export interface Balance {
  krw: bigint;
  credits: bigint;
}

/** KRW and credits of every actor, plus `treasury` and `parking-escrow`, from the chain. */
export async function chainBalances(
  connection: ReplayConnection,
  result: ReplayResult,
): Promise<Record<string, Balance>> {
  const [signer] = await connection.ethers.getSigners();
  if (signer === undefined) throw new Error("no signer");
  const krw = KRWToken__factory.connect(result.contracts.krw, signer);
  const credit = CityCredit__factory.connect(result.contracts.credit, signer);
  const of = async (address: string): Promise<Balance> => ({
    krw: await krw.balanceOf(address),
    credits: await credit.balanceOf(address),
  });
  const balances: Record<string, Balance> = {};
  for (const [name, actor] of result.actors) balances[name] = await of(actor.address);
  balances.treasury = await of(result.contracts.treasury);
  balances["parking-escrow"] = await of(result.contracts.market);
  return balances;
}
