/**
 * The limits of SPEC.md section 3: the citizen's daily cap, the kiosk's daily capacity, epochs
 * and the epoch mint cap, with rewards worked out in the test from the spec's formulas (flat
 * scheme, 300 credits per kg, unless stated).
 */
import { expect } from "chai";

import { DAY, at, ethers, kstDay, networkHelpers } from "./helpers/chain.js";
import {
  KIOSK_CAPACITY,
  citizen,
  deployRecycling,
  entry,
  type Recycling,
} from "./helpers/fixture.js";
import { M, Reason } from "./helpers/materials.js";

const { loadFixture } = networkHelpers;

/** The spec's flat reward: floor(grams * 300 / 1000). */
const flat = (grams: bigint): bigint => (grams * 300n) / 1000n;

async function flatSystem(): Promise<Recycling> {
  return deployRecycling();
}
async function cappedSystem(): Promise<Recycling> {
  return deployRecycling({ rules: { epochMintCap: 1000n } });
}
async function perItemSystem(): Promise<Recycling> {
  return deployRecycling({ scheme: "perItem" });
}

describe("RecyclingRewards: limits", () => {
  describe("the citizen's daily cap (5,000 g per KST day)", () => {
    it("accepts a crossing deposit but counts and rewards only the grams under the cap", async () => {
      const r = await loadFixture(flatSystem);
      const c = citizen(r, 0);
      await r.rewards.connect(r.kiosk).depositBatch([entry(c, M.PET, 2500n, 100n)]);
      // 2,500 g already accepted: of 3,000 g only 2,500 g fit under the cap.
      await expect(r.rewards.connect(r.kiosk).depositBatch([entry(c, M.PET, 3000n, 120n)]))
        .to.emit(r.rewards, "DepositAccepted")
        .withArgs(
          r.kiosk.address,
          c.address,
          0n,
          M.PET,
          3000n,
          2500n,
          (120n * 2500n) / 3000n,
          750n,
          750n,
        );
      expect(await r.credit.balanceOf(c.address)).to.equal(flat(2500n) + flat(2500n));
      expect(await r.rewards.acceptedTodayOf(c.address)).to.equal(5000n);
      expect(await r.rewards.acceptedGramsOf(c.address, 0n)).to.equal(5000n);
    });

    it("accepts a deposit wholly over the cap with nothing counted, and the kiosk still takes its grams", async () => {
      const r = await loadFixture(flatSystem);
      const c = citizen(r, 0);
      await r.rewards.connect(r.kiosk).depositBatch([entry(c, M.PET, 5000n)]);
      await expect(r.rewards.connect(r.kiosk).depositBatch([entry(c, M.PET, 1000n, 10n)]))
        .to.emit(r.rewards, "DepositAccepted")
        .withArgs(r.kiosk.address, c.address, 0n, M.PET, 1000n, 0n, 0n, 0n, 0n);
      expect(await r.credit.balanceOf(c.address)).to.equal(flat(5000n));
      expect((await r.rewards.kioskOf(r.kiosk.address)).intakeGrams).to.equal(6000n);
    });

    it("applies within one batch, entry by entry", async () => {
      const r = await loadFixture(flatSystem);
      const c = citizen(r, 0);
      await r.rewards
        .connect(r.kiosk)
        .depositBatch([entry(c, M.PET, 3000n), entry(c, M.PET, 3000n), entry(c, M.PET, 3000n)]);
      expect(await r.credit.balanceOf(c.address)).to.equal(flat(3000n) + flat(2000n));
    });

    it("starts afresh at KST midnight, not UTC midnight", async () => {
      const r = await loadFixture(flatSystem);
      const c = citizen(r, 0);
      const midnight = r.epochStart + DAY; // a KST midnight (15:00 UTC)
      await at(midnight - 1n);
      await r.rewards.connect(r.kiosk).depositBatch([entry(c, M.PET, 5000n)]);
      expect(kstDay(midnight - 1n) + 1n).to.equal(kstDay(midnight));
      await at(midnight);
      await expect(r.rewards.connect(r.kiosk).depositBatch([entry(c, M.PET, 5000n)]))
        .to.emit(r.rewards, "DepositAccepted")
        .withArgs(
          r.kiosk.address,
          c.address,
          0n,
          M.PET,
          5000n,
          5000n,
          0n,
          flat(5000n),
          flat(5000n),
        );
      expect(await r.rewards.acceptedGramsOf(c.address, 0n)).to.equal(10_000n);
    });

    it("shows the scheme floor(items * accepted / grams) items", async () => {
      const r = await loadFixture(perItemSystem);
      const c = citizen(r, 0);
      await r.rewards.connect(r.kiosk).depositBatch([entry(c, M.PET, 4000n, 40n)]);
      // 1,000 g of 3,000 g count: floor(31 * 1000 / 3000) = 10 items, 10 credits each.
      const items = (31n * 1000n) / 3000n;
      await expect(r.rewards.connect(r.kiosk).depositBatch([entry(c, M.PET, 3000n, 31n)]))
        .to.emit(r.rewards, "DepositAccepted")
        .withArgs(
          r.kiosk.address,
          c.address,
          0n,
          M.PET,
          3000n,
          1000n,
          items,
          items * 10n,
          items * 10n,
        );
      expect(await r.credit.balanceOf(c.address)).to.equal(40n * 10n + items * 10n);
    });
  });

  describe("the kiosk's daily capacity", () => {
    it("rejects a deposit that would pass it whole, and the batch goes on", async () => {
      const r = await loadFixture(flatSystem);
      await r.rewards.setKioskCapacity(r.kiosk.address, 6000n);
      const [a, b, c] = [citizen(r, 0), citizen(r, 1), citizen(r, 2)];
      const tx = r.rewards
        .connect(r.kiosk)
        .depositBatch([entry(a, M.PET, 5000n), entry(b, M.PET, 2000n), entry(c, M.PET, 1000n)]);
      await expect(tx)
        .to.emit(r.rewards, "DepositRejected")
        .withArgs(r.kiosk.address, b.address, 1n, Reason.OverKioskCapacity);
      await expect(tx).to.changeTokenBalances(
        ethers,
        r.credit,
        [a, b, c],
        [flat(5000n), 0n, flat(1000n)],
      );
      expect((await r.rewards.kioskOf(r.kiosk.address)).intakeGrams).to.equal(6000n);
      // Full: one more gram is too many.
      await expect(r.rewards.connect(r.kiosk).depositBatch([entry(c, M.PET, 1n)]))
        .to.emit(r.rewards, "DepositRejected")
        .withArgs(r.kiosk.address, c.address, 0n, Reason.OverKioskCapacity);
    });

    it("counts grams over the citizen's cap", async () => {
      const r = await loadFixture(flatSystem);
      await r.rewards.setKioskCapacity(r.kiosk.address, 7000n);
      const c = citizen(r, 0);
      await r.rewards
        .connect(r.kiosk)
        .depositBatch([entry(c, M.PET, 6000n), entry(citizen(r, 1), M.PET, 1001n)]);
      expect((await r.rewards.kioskOf(r.kiosk.address)).intakeGrams).to.equal(6000n);
      expect(await r.credit.balanceOf(citizen(r, 1).address)).to.equal(0n);
    });

    it("starts afresh on the next KST day and is kept per kiosk", async () => {
      const r = await loadFixture(flatSystem);
      const c = citizen(r, 0);
      await r.rewards.connect(r.kiosk).depositBatch([entry(c, M.PET, 5000n)]);
      await r.rewards.setKioskCapacity(r.kiosk.address, 5000n);
      await r.rewards.connect(r.kiosk2).depositBatch([entry(citizen(r, 1), M.PET, 5000n)]);
      expect((await r.rewards.kioskOf(r.kiosk2.address)).intakeGrams).to.equal(5000n);
      await at(r.epochStart + DAY);
      await r.rewards.connect(r.kiosk).depositBatch([entry(c, M.PET, 5000n)]);
      expect((await r.rewards.kioskOf(r.kiosk.address)).intakeGrams).to.equal(5000n);
      expect(await r.credit.balanceOf(c.address)).to.equal(2n * flat(5000n));
    });

    it("uses the full fixture capacity by default", async () => {
      const r = await loadFixture(flatSystem);
      expect((await r.rewards.kioskOf(r.kiosk.address)).capacityGrams).to.equal(KIOSK_CAPACITY);
    });
  });

  describe("epochs", () => {
    it("keeps accepted grams per citizen per epoch, whatever the scheme", async () => {
      const r = await loadFixture(flatSystem);
      const c = citizen(r, 0);
      await r.rewards.connect(r.kiosk).depositBatch([entry(c, M.PET, 1200n)]);
      await at(r.epochStart + 30n * DAY);
      await r.rewards.connect(r.kiosk).depositBatch([entry(c, M.HDPE, 700n)]);
      await at(r.epochStart + 95n * DAY);
      await r.rewards.connect(r.kiosk).depositBatch([entry(c, M.PP, 300n)]);
      expect(await r.rewards.acceptedGramsOf(c.address, 0n)).to.equal(1200n);
      expect(await r.rewards.acceptedGramsOf(c.address, 1n)).to.equal(700n);
      expect(await r.rewards.acceptedGramsOf(c.address, 2n)).to.equal(0n);
      expect(await r.rewards.acceptedGramsOf(c.address, 3n)).to.equal(300n);
      expect(await r.rewards.acceptedGramsOf(citizen(r, 1).address, 0n)).to.equal(0n);
    });

    it("reports the day's accepted grams only for the current day", async () => {
      const r = await loadFixture(flatSystem);
      const c = citizen(r, 0);
      await r.rewards.connect(r.kiosk).depositBatch([entry(c, M.PET, 1200n)]);
      await networkHelpers.time.increaseTo(r.epochStart + DAY);
      expect(await r.rewards.acceptedTodayOf(c.address)).to.equal(0n);
    });
  });

  describe("the epoch mint cap", () => {
    it("cuts the reward that would pass it to what remains, then to 0, first come first served", async () => {
      const r = await loadFixture(cappedSystem);
      const [a, b, c] = [citizen(r, 0), citizen(r, 1), citizen(r, 2)];
      // 750 + 750 > 1,000: the second gets the 250 left, the third nothing.
      const tx = r.rewards
        .connect(r.kiosk)
        .depositBatch([entry(a, M.PET, 2500n), entry(b, M.PET, 2500n), entry(c, M.PET, 1000n)]);
      await expect(tx)
        .to.emit(r.rewards, "DepositAccepted")
        .withArgs(r.kiosk.address, b.address, 0n, M.PET, 2500n, 2500n, 0n, 750n, 1000n - 750n);
      await expect(tx)
        .to.emit(r.rewards, "DepositAccepted")
        .withArgs(r.kiosk.address, c.address, 0n, M.PET, 1000n, 1000n, 0n, 300n, 0n);
      await expect(tx).to.changeTokenBalances(ethers, r.credit, [a, b, c], [750n, 250n, 0n]);
      expect(await r.rewards.mintedInEpoch(0n)).to.equal(1000n);
    });

    it("starts afresh each epoch and keeps the earlier epoch's total", async () => {
      const r = await loadFixture(cappedSystem);
      const a = citizen(r, 0);
      await r.rewards.connect(r.kiosk).depositBatch([entry(a, M.PET, 5000n)]);
      await at(r.epochStart + 30n * DAY);
      await r.rewards.connect(r.kiosk).depositBatch([entry(a, M.PET, 2000n)]);
      expect(await r.rewards.mintedInEpoch(0n)).to.equal(1000n);
      expect(await r.rewards.mintedInEpoch(1n)).to.equal(flat(2000n));
      expect(await r.credit.balanceOf(a.address)).to.equal(1000n + flat(2000n));
    });
  });
});
