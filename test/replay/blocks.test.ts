/**
 * How events become blocks: one block per time, file order inside it, a second block at
 * the same timestamp where an id or the gas limit needs one, and the network the fast path
 * insists on.
 */
import { expect } from "chai";
import { network } from "hardhat";

import { ReplayError } from "../../src/replay/errors.js";
import { fastPathNetworkOverride } from "../../src/replay/network.js";
import { replayTrace } from "../../src/replay/replay-trace.js";
import type { TraceEventInput } from "../../src/scenario/trace-schema.js";
import { chainBalances, replayConnection, trace } from "./helpers.js";

const at = (hhmm: string) => `2026-04-06T${hhmm}:00+09:00`;

const JOIN_AND_SLOT: TraceEventInput[] = [
  { t: at("09:45"), kind: "actor.join", actor: "owner", role: "owner" },
  { t: at("09:45"), kind: "actor.join", actor: "ann", role: "driver", krw: 10_000 },
  {
    t: at("09:45"),
    kind: "slot.register",
    slot: "s1",
    owner: "owner",
    district: "songdo",
    unitPrice: 100,
    availability: ["Mon 00:00-24:00"],
  },
];

/** Expects `fn` to reject with a ReplayError of `code`. */
async function expectReplayError(fn: () => Promise<unknown>, code: string): Promise<void> {
  try {
    await fn();
  } catch (error) {
    expect(error).to.be.instanceOf(ReplayError);
    expect((error as ReplayError).code).to.equal(code);
    return;
  }
  expect.fail(`expected ReplayError ${code}`);
}

describe("replayTrace: blocks", () => {
  it("books, checks in and out at one time, with the ids learnt between blocks", async () => {
    const events = trace(
      ...JOIN_AND_SLOT,
      {
        t: at("09:45"),
        kind: "parking.book",
        booking: "b1",
        driver: "ann",
        slot: "s1",
        start: at("10:00"),
        end: at("11:00"),
      },
      { t: at("09:45"), kind: "parking.checkIn", booking: "b1" },
      {
        t: at("09:45"),
        kind: "parking.checkOut",
        booking: "b1",
      },
    );
    const connection = await replayConnection(events[0]?.time ?? 0);
    try {
      const result = await replayTrace(connection, events);
      expect(result.records.map((r) => r.status)).to.deep.equal(events.map(() => "ok"));
      const blocks = result.records.map((r) => r.blockNumber);
      const [, join, slot, book, checkIn, checkOut] = blocks;
      // The slot must be mined before the booking names it, the booking before the check-in.
      expect(slot).to.equal(join);
      expect(book).to.equal((slot ?? 0) + 1);
      expect(checkIn).to.equal((book ?? 0) + 1);
      expect(checkOut).to.equal(checkIn);
      expect(new Set(result.records.map((r) => r.timestamp))).to.deep.equal(
        new Set([events[0]?.time]),
      );
      // 4 units at 100: fee 400 to owner 360 / treasury 40, deposit back.
      const balances = await chainBalances(connection, result);
      expect(balances.ann?.krw).to.equal(9_600n);
      expect(balances.owner?.krw).to.equal(360n);
    } finally {
      await connection.close();
    }
  });

  it("spreads one time over several blocks when its gas does not fit one", async () => {
    const joins: TraceEventInput[] = Array.from({ length: 40 }, (_, i) => ({
      t: at("09:00"),
      kind: "actor.join",
      actor: `d${i}`,
      role: "driver",
      krw: 1_000 + i,
    }));
    const events = trace(...joins);
    const connection = await network.create({
      // A driver's join has a gas limit of 260,000: 19 fit in 5,000,000 (which still holds
      // the largest deployment transaction), so 40 joins take 19 + 19 + 2.
      override: { ...fastPathNetworkOverride(events[0]?.time ?? 0), blockGasLimit: 5_000_000 },
    });
    try {
      const result = await replayTrace(connection, events);
      expect(result.stats.blocks).to.equal(3);
      expect(result.stats.transactions).to.equal(120);
      const blocks = result.records.map((r) => r.blockNumber ?? 0);
      expect(blocks).to.deep.equal([...blocks].sort((a, b) => a - b));
      const balances = await chainBalances(connection, result);
      expect(joins.map((_, i) => balances[`d${i}`]?.krw)).to.deep.equal(
        joins.map((_, i) => BigInt(1_000 + i)),
      );
    } finally {
      await connection.close();
    }
  });

  it("executes one block's transactions in file order (FIFO mempool)", async () => {
    // From three senders, each needing the one before: the faucet's mint and ann's approval
    // before her booking, the admin's mint before its `fund`, which empties its KRW before
    // the second `fund` (zero, refused by name).
    const events = trace(
      ...JOIN_AND_SLOT,
      {
        t: at("09:45"),
        kind: "parking.book",
        booking: "b1",
        driver: "ann",
        slot: "s1",
        start: at("12:00"),
        end: at("13:00"),
      },
      { t: at("09:45"), kind: "treasury.fund", krw: 500 },
      { t: at("09:45"), kind: "treasury.fund", krw: 0 },
    );
    const connection = await replayConnection(events[0]?.time ?? 0);
    try {
      const result = await replayTrace(connection, events);
      expect(result.records.map((r) => r.error ?? r.status)).to.deep.equal([
        "ok",
        "ok",
        "ok",
        "ok",
        "ok",
        "TreasuryZeroAmount",
      ]);
      const balances = await chainBalances(connection, result);
      expect(balances.treasury?.krw).to.equal(500n);
      expect(balances.ann?.krw).to.equal(10_000n - 800n);
    } finally {
      await connection.close();
    }
  });

  it("refuses a network without the FIFO mempool and same-timestamp blocks", async () => {
    const events = trace(...JOIN_AND_SLOT);
    const connection = await network.create();
    try {
      await expectReplayError(() => replayTrace(connection, events), "NETWORK_NOT_FAST");
    } finally {
      await connection.close();
    }
  });

  it("refuses a chain whose clock is past the first event", async () => {
    const events = trace(...JOIN_AND_SLOT);
    const late = fastPathNetworkOverride((events[0]?.time ?? 0) + 10 * 86_400);
    const connection = await network.create({ override: late });
    try {
      await expectReplayError(() => replayTrace(connection, events), "CHAIN_AHEAD");
    } finally {
      await connection.close();
    }
  });

  it("refuses events out of time order", async () => {
    const events = trace(...JOIN_AND_SLOT, {
      t: at("09:30"),
      kind: "treasury.fund",
      krw: 1,
    });
    const connection = await replayConnection(events[0]?.time ?? 0);
    try {
      await expectReplayError(() => replayTrace(connection, events), "TIME_BACKWARDS");
    } finally {
      await connection.close();
    }
  });
});
