/** The replay's small pure parts: error names, progress, gas shares, names to values. */
import { expect } from "chai";
import { AbiCoder, Interface, computeAddress, concat } from "ethers";
import { network } from "hardhat";

import { actorPrivateKey, actorWallet, systemPrivateKey } from "../../src/replay/actors.js";
import { districtId, districtName, receiptId } from "../../src/replay/internal/encoding.js";
import { splitEvenly } from "../../src/replay/internal/records.js";
import { decodeRevert, errorInterface } from "../../src/replay/internal/revert-decoder.js";
import { fastPathGaps, fastPathNetworkOverride } from "../../src/replay/network.js";
import {
  ProgressTracker,
  progressSnapshot,
  type ProgressSnapshot,
} from "../../src/replay/progress.js";
import { systemInterfaces } from "../../src/replay/replay-trace.js";

describe("replay parts", () => {
  describe("revert decoding", () => {
    const abi = systemInterfaces();
    const errors = errorInterface([abi.market, abi.treasury, abi.krw, abi.credit, abi.recycling]);
    const coder = AbiCoder.defaultAbiCoder();

    it("names the custom errors of every contract, OpenZeppelin's included", () => {
      const booked = abi.market.encodeErrorResult("ParkingSlotAlreadyBooked", [1, 900, 1800]);
      expect(decodeRevert(errors, booked, false)).to.equal("ParkingSlotAlreadyBooked");
      const funds = abi.treasury.encodeErrorResult("TreasuryInsufficientFunds", [0, 5]);
      expect(decodeRevert(errors, funds, false)).to.equal("TreasuryInsufficientFunds");
      const erc20 = abi.krw.getError("ERC20InsufficientBalance");
      expect(erc20).to.not.equal(null);
      const claimed = abi.recycling.encodeErrorResult("RecyclingAlreadyClaimed", [
        computeAddress(actorPrivateKey("c")),
        0,
      ]);
      expect(decodeRevert(errors, claimed, false)).to.equal("RecyclingAlreadyClaimed");
    });

    it("spells require strings and panics, and tells out-of-gas from a bare revert", () => {
      const reason = concat(["0x08c379a0", coder.encode(["string"], ["no"])]);
      expect(decodeRevert(errors, reason, false)).to.equal("Error: no");
      const panic = concat(["0x4e487b71", coder.encode(["uint256"], [0x11])]);
      expect(decodeRevert(errors, panic, false)).to.equal("Panic(0x11)");
      expect(decodeRevert(errors, "0x", true)).to.equal("OutOfGas");
      expect(decodeRevert(errors, "0x", false)).to.equal("Reverted");
    });

    it("falls back to the selector of an unknown error", () => {
      const other = new Interface(["error Elsewhere(uint256)"]).encodeErrorResult("Elsewhere", [1]);
      expect(decodeRevert(errors, other, false)).to.equal(other.slice(0, 10));
    });
  });

  describe("progress", () => {
    it("computes rate and ETA", () => {
      expect(progressSnapshot(500, 2_000, 2)).to.deep.equal({
        done: 500,
        total: 2_000,
        rate: 250,
        etaSeconds: 6,
      });
      expect(progressSnapshot(5, undefined, 1).etaSeconds).to.equal(undefined);
      expect(progressSnapshot(0, 10, 0)).to.include({ rate: 0, etaSeconds: undefined });
    });

    it("reports at most once per interval, and once more at the end", () => {
      let clock = 0;
      const seen: ProgressSnapshot[] = [];
      const reporter = {
        start: () => {},
        update: (s: ProgressSnapshot) => seen.push(s),
        stop: () => {},
      };
      const tracker = new ProgressTracker(reporter, 100, { everyMs: 1_000, now: () => clock });
      tracker.start();
      for (let i = 0; i < 100; i += 1) {
        clock += 50;
        tracker.tick();
      }
      tracker.stop();
      expect(seen.map((s) => s.done)).to.deep.equal([20, 40, 60, 80, 100, 100]);
      expect(seen.at(-1)?.rate).to.equal(20);
    });
  });

  it("splits a batch's gas into whole shares that add up", () => {
    expect(splitEvenly(10, 3)).to.deep.equal([4, 3, 3]);
    expect(splitEvenly(9, 3)).to.deep.equal([3, 3, 3]);
    expect(splitEvenly(1, 2)).to.deep.equal([1, 0]);
  });

  it("derives one stable key per name, apart from the system accounts", () => {
    expect(actorWallet("d17").address).to.equal(actorWallet("d17").address);
    expect(actorWallet("d17").address).to.not.equal(actorWallet("d18").address);
    expect(actorPrivateKey("keeper")).to.not.equal(systemPrivateKey("keeper"));
    // Part of the output format: moving it moves every address of every run.
    expect(actorWallet("driver-1").address).to.equal(computeAddress(actorPrivateKey("driver-1")));
  });

  it("maps districts and receipts to bytes32 and uint256", () => {
    expect(districtName(districtId("cheongna"))).to.equal("cheongna");
    const long = "a-district-name-longer-than-thirty-one-bytes";
    expect(districtId(long)).to.match(/^0x[0-9a-f]{64}$/);
    expect(receiptId("r1")).to.not.equal(receiptId("r2"));
  });

  it("lists what a network config lacks for the fast path", async () => {
    const override = fastPathNetworkOverride(1_775_430_000);
    expect(override.initialDate).to.equal("2026-04-04T23:00:00.000Z");
    const plain = await network.create();
    const fast = await network.create({ override });
    try {
      expect(fastPathGaps(plain.networkConfig)).to.deep.equal([
        "mining.mempool.order 'fifo'",
        "allowBlocksWithSameTimestamp true",
      ]);
      expect(fastPathGaps(fast.networkConfig)).to.deep.equal([]);
    } finally {
      await plain.close();
      await fast.close();
    }
  });
});
