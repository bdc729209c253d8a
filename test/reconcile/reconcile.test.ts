/**
 * The reconciliation catches what it is for: a balance the chain holds that the model does
 * not, and an event whose outcome differs, with the chain's error mapped to the model's rule.
 */
import { expect } from "chai";

import { runModelSync } from "../../src/model/run.js";
import { snapshotOf } from "../../src/model/snapshot.js";
import { compareBalances, formatDifferences } from "../../src/reconcile/balances.js";
import { chainErrorMeans } from "../../src/reconcile/error-map.js";
import {
  compareOutcome,
  emptyTally,
  EXPECT_OK,
  tallyOutcome,
} from "../../src/reconcile/outcomes.js";
import type { ChainState } from "../../src/reconcile/read-chain.js";
import { replayTrace } from "../../src/replay/replay-trace.js";
import { readChainState } from "../../src/reconcile/read-chain.js";
import { KRWToken__factory } from "../../typechain-types/index.js";
import { EXAMPLES, readAll, replayConnection } from "../replay/helpers.js";

function chainOf(model: ReturnType<typeof snapshotOf>): ChainState {
  return {
    actors: new Map([...model.balances].map(([name, b]) => [name, { ...b }])),
    treasury: { krw: model.treasuryKrw, credits: 0n },
    escrow: { krw: model.escrowKrw, credits: 0n },
    creditSupply: model.creditSupply,
    creditsRedeemed: model.creditsRedeemed,
  };
}

describe("reconcile: balances", () => {
  it("finds no difference where the chain holds what the model says", async () => {
    const model = snapshotOf(runModelSync(await readAll(`${EXAMPLES}/recycling.jsonl`)));
    expect(compareBalances(model, chainOf(model))).to.deep.equal([]);
  });

  it("lists each figure that differs, by account and asset", async () => {
    const model = snapshotOf(runModelSync(await readAll(`${EXAMPLES}/recycling.jsonl`)));
    const chain = chainOf(model);
    chain.actors.set("citizen-1", { krw: 0n, credits: 299n });
    chain.escrow = { krw: 1n, credits: 0n };
    chain.actors.set("stranger", { krw: 5n, credits: 0n });
    const differences = compareBalances(model, chain);
    expect(differences).to.deep.equal([
      { account: "citizen-1", asset: "credits", model: 300n, chain: 299n },
      { account: "stranger", asset: "krw", model: 0n, chain: 5n },
      { account: "parking-escrow", asset: "krw", model: 0n, chain: 1n },
    ]);
    expect(formatDifferences(differences)).to.match(/citizen-1\s+credits\s+300\s+299/);
  });

  it("catches KRW minted on chain behind the model's back", async function () {
    this.timeout(60_000);
    const events = await readAll(`${EXAMPLES}/parking.jsonl`);
    const connection = await replayConnection(events[0]?.time ?? 0);
    try {
      const replay = await replayTrace(connection, events);
      const admin = await connection.ethers.getSigner(replay.contracts.admin);
      const driver = replay.actors.get("driver-1");
      if (driver === undefined) throw new Error("driver-1 did not join");
      await KRWToken__factory.connect(replay.contracts.krw, admin).mint(driver.address, 1n);
      const addresses = new Map([...replay.actors].map(([name, a]) => [name, a.address]));
      const chain = await readChainState(connection.provider, replay.contracts, addresses);
      const model = snapshotOf(runModelSync(events));
      expect(compareBalances(model, chain)).to.deep.equal([
        { account: "driver-1", asset: "krw", model: 17_000n, chain: 17_001n },
      ]);
    } finally {
      await connection.close();
    }
  });
});

describe("reconcile: outcomes", () => {
  const record = (status: "ok" | "reverted" | "rejected", error?: string) => ({
    line: 7,
    kind: "parking.book" as const,
    status,
    error,
  });

  it("agrees on ok, and on a revert whose chain error means the model's rule", () => {
    expect(compareOutcome(EXPECT_OK, record("ok"))).to.equal(undefined);
    const overlap = { status: "failed", reason: "SlotAlreadyBooked" } as const;
    expect(compareOutcome(overlap, record("reverted", "ParkingSlotAlreadyBooked"))).to.equal(
      undefined,
    );
    const shortKrw = { status: "failed", reason: "InsufficientKrw" } as const;
    expect(compareOutcome(shortKrw, record("reverted", "ERC20InsufficientBalance"))).to.equal(
      undefined,
    );
    const capacity = { status: "rejected", reason: "DailyCapacityExceeded" } as const;
    expect(compareOutcome(capacity, record("rejected", "OverKioskCapacity"))).to.equal(undefined);
  });

  it("reports a revert the model did not expect, a wrong rule and a missing revert", () => {
    expect(compareOutcome(EXPECT_OK, record("reverted", "ParkingStartInPast"))).to.deep.equal({
      line: 7,
      kind: "parking.book",
      expected: "ok",
      actual: "reverted (ParkingStartInPast)",
    });
    const overlap = { status: "failed", reason: "SlotAlreadyBooked" } as const;
    expect(
      compareOutcome(overlap, record("reverted", "ParkingSlotUnavailable"))?.expected,
    ).to.equal("reverted (SlotAlreadyBooked)");
    expect(compareOutcome(overlap, record("ok"))?.actual).to.equal("ok");
    expect(chainErrorMeans(undefined, "SlotAlreadyBooked")).to.equal(false);
  });

  it("tallies what was expected to fail and what did", () => {
    const tally = emptyTally();
    tallyOutcome(tally, EXPECT_OK, record("ok"));
    tallyOutcome(
      tally,
      { status: "failed", reason: "CancelTooLate" },
      record("reverted", "ParkingCancelTooLate"),
    );
    tallyOutcome(tally, EXPECT_OK, record("rejected", "ZeroGrams"));
    expect(tally).to.deep.equal({
      events: 3,
      expectedToFail: 1,
      expectedRejected: 0,
      reverted: 1,
      rejected: 1,
      mismatches: 1,
    });
  });
});
