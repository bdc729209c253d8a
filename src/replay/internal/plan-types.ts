/**
 * The replay's plan of an event: the transactions it sends and what to learn from them once
 * mined. Planning is separate from sending so that one block can carry many events.
 */
import type { Interface } from "ethers";

import type { ActorBook } from "../actors.js";
import { ReplayError } from "../errors.js";
import type { DeployedContracts, InstalledScheme, TracedEvent } from "../types.js";
import type { MinedTx, TxRequest, TxSender } from "./sender.js";

export interface PlannedTx {
  request: TxRequest;
  /** Runs once the transaction is mined (learns a slot or booking id from its logs). */
  onMined?: (mined: MinedTx) => void;
}

/**
 * The transactions of one trace event, or of several consecutive deposits of one kiosk at
 * one time sent as one batch (then `inputs` has one entry per deposit, in file order).
 */
export interface PlannedUnit {
  inputs: readonly TracedEvent[];
  txs: readonly PlannedTx[];
  /** For a batch: the reject reason by entry index, read from the mined transaction. */
  rejections?: (mined: MinedTx) => ReadonlyMap<number, string>;
}

/** The contracts' ABIs the replay encodes calls with and decodes logs and errors with. */
export interface SystemInterfaces {
  krw: Interface;
  credit: Interface;
  treasury: Interface;
  market: Interface;
  recycling: Interface;
}

/** What planning reads and the name maps mined transactions fill in. */
export interface PlanContext {
  readonly contracts: DeployedContracts;
  readonly chainId: bigint;
  readonly abi: SystemInterfaces;
  readonly actors: ActorBook;
  readonly sender: TxSender;
  /** Sends `parking.settle`. */
  readonly keeper: string;
  /** On-chain ids, set when the creating transaction is mined and succeeded. */
  readonly slots: Map<string, bigint>;
  readonly bookings: Map<string, bigint>;
  /** Who acts for a slot or booking, known from the trace at planning time. */
  readonly slotOwners: Map<string, string>;
  readonly bookingDrivers: Map<string, string>;
  /** Schemes installed so far, the initial one first. */
  readonly schemes: InstalledScheme[];
}

/** A tx calling `fn` of `iface` at `to` from `from`. */
export function call(
  iface: Interface,
  to: string,
  from: string,
  fn: string,
  args: readonly unknown[],
  gas: number,
): TxRequest {
  return { from, to, data: iface.encodeFunctionData(fn, args), gas };
}

/**
 * The first indexed argument (an id) of the first `event` log of `iface` emitted by
 * `address` in `mined`, if any.
 */
export function indexedIdFromLogs(
  iface: Interface,
  address: string,
  event: string,
  mined: MinedTx,
): bigint | undefined {
  const topic = iface.getEvent(event)?.topicHash;
  const log = mined.logs.find(
    (l) => l.address.toLowerCase() === address.toLowerCase() && l.topics[0] === topic,
  );
  const id = log?.topics[1];
  return id === undefined ? undefined : BigInt(id);
}

/**
 * The value of a trace name, or UNKNOWN_NAME. Validation refuses undeclared names before a
 * replay starts; this keeps a trace that skipped validation from failing obscurely.
 */
export function lookup<V>(
  map: ReadonlyMap<string, V>,
  name: string,
  what: string,
  input: TracedEvent,
): V {
  const value = map.get(name);
  if (value === undefined) throw new ReplayError("UNKNOWN_NAME", { line: input.line, what, name });
  return value;
}

/** The address of a joined actor, or UNKNOWN_NAME. */
export function actorAddress(ctx: PlanContext, name: string, input: TracedEvent): string {
  const actor = ctx.actors.find(name);
  if (actor === undefined) {
    throw new ReplayError("UNKNOWN_NAME", { line: input.line, what: "actor", name });
  }
  return actor.address;
}
