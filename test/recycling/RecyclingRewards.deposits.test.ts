/**
 * Kiosk batches: every deposit rule of SPEC.md section 3, with rewards worked out in the test
 * from the spec's formulas (flat scheme, 300 credits per kg, unless stated).
 */
import { expect } from "chai";

import { DAY, at, ethers, kstDay, networkHelpers, now } from "./helpers/chain.js";
import { citizen, deployRecycling, entry, type Recycling } from "./helpers/fixture.js";
import { M, Reason } from "./helpers/materials.js";

const { loadFixture } = networkHelpers;

/** The spec's flat reward: floor(grams * 300 / 1000). */
const flat = (grams: bigint): bigint => (grams * 300n) / 1000n;

async function flatSystem(): Promise<Recycling> {
  return deployRecycling();
}
async function beforeStartSystem(): Promise<Recycling> {
  return deployRecycling({ beforeStart: true });
}

describe("RecyclingRewards: kiosk batches", () => {
  describe("an accepted deposit", () => {
    it("mints floor(grams * rate / 1000) to the citizen and emits DepositAccepted", async () => {
      const r = await loadFixture(flatSystem);
      const c = citizen(r, 0);
      const tx = r.rewards.connect(r.kiosk).depositBatch([entry(c, M.PET, 2500n, 100n)]);
      await expect(tx)
        .to.emit(r.rewards, "DepositAccepted")
        .withArgs(r.kiosk.address, c.address, 0n, M.PET, 2500n, 2500n, 100n, 750n, 750n);
      await expect(tx).to.changeTokenBalances(ethers, r.credit, [c], [flat(2500n)]);
      expect(await r.rewards.acceptedGramsOf(c.address, 0n)).to.equal(2500n);
      expect(await r.rewards.acceptedTodayOf(c.address)).to.equal(2500n);
      const kiosk = await r.rewards.kioskOf(r.kiosk.address);
      expect(kiosk.intakeGrams).to.equal(2500n);
      expect(kiosk.day).to.equal(kstDay(await now()));
      expect(await r.rewards.mintedInEpoch(0n)).to.equal(750n);
    });

    it("rounds every reward down", async () => {
      const r = await loadFixture(flatSystem);
      const [a, b, c] = [citizen(r, 0), citizen(r, 1), citizen(r, 2)];
      // 1 g: floor(300 / 1000) = 0; 3 g: floor(900 / 1000) = 0; 4 g: floor(1200 / 1000) = 1.
      await r.rewards
        .connect(r.kiosk)
        .depositBatch([entry(a, M.PET, 1n), entry(b, M.PET, 3n), entry(c, M.PET, 4n)]);
      expect(await r.credit.balanceOf(a.address)).to.equal(0n);
      expect(await r.credit.balanceOf(b.address)).to.equal(0n);
      expect(await r.credit.balanceOf(c.address)).to.equal(1n);
      expect(flat(4n)).to.equal(1n);
    });

    it("takes the limits themselves: grams == maxDepositGrams, items == grams", async () => {
      const r = await loadFixture(flatSystem);
      const c = citizen(r, 0);
      await expect(
        r.rewards.connect(r.kiosk).depositBatch([entry(c, M.PP, 20_000n, 20_000n)]),
      ).to.emit(r.rewards, "DepositAccepted");
      // Only the first 5,000 g count under the daily cap.
      expect(await r.credit.balanceOf(c.address)).to.equal(flat(5000n));
    });

    it("records the block's time: day and epoch come from the block", async () => {
      const r = await loadFixture(flatSystem);
      const c = citizen(r, 0);
      const t = r.epochStart + 45n * DAY + 123n;
      await at(t);
      await expect(r.rewards.connect(r.kiosk).depositBatch([entry(c, M.PET, 1000n)]))
        .to.emit(r.rewards, "DepositAccepted")
        .withArgs(
          r.kiosk.address,
          c.address,
          (t - r.epochStart) / (30n * DAY),
          M.PET,
          1000n,
          1000n,
          0n,
          300n,
          300n,
        );
      expect((await r.rewards.kioskOf(r.kiosk.address)).day).to.equal((t + 32_400n) / DAY);
    });
  });

  describe("rejected entries", () => {
    const cases: Array<[string, number, (r: Recycling) => ReturnType<typeof entry>]> = [
      [
        "ZeroCitizen",
        Reason.ZeroCitizen,
        () => entry("0x0000000000000000000000000000000000000000", M.PET, 100n),
      ],
      ["InvalidMaterial", Reason.InvalidMaterial, (r) => entry(citizen(r, 1), 6, 100n)],
      ["ZeroGrams", Reason.ZeroGrams, (r) => entry(citizen(r, 1), M.PET, 0n)],
      ["OverMaxDeposit", Reason.OverMaxDeposit, (r) => entry(citizen(r, 1), M.PET, 20_001n)],
      ["ItemsOverGrams", Reason.ItemsOverGrams, (r) => entry(citizen(r, 1), M.PET, 10n, 11n)],
    ];
    for (const [name, reason, bad] of cases) {
      it(`skips an entry with ${name} and credits the rest of the batch`, async () => {
        const r = await loadFixture(flatSystem);
        const [good1, good2] = [citizen(r, 0), citizen(r, 2)];
        const badEntry = bad(r);
        const tx = r.rewards
          .connect(r.kiosk)
          .depositBatch([entry(good1, M.PET, 1000n), badEntry, entry(good2, M.PET, 2000n)]);
        await expect(tx)
          .to.emit(r.rewards, "DepositRejected")
          .withArgs(r.kiosk.address, badEntry.citizen, 1n, reason);
        await expect(tx).to.changeTokenBalances(
          ethers,
          r.credit,
          [good1, good2],
          [flat(1000n), flat(2000n)],
        );
        expect((await r.rewards.kioskOf(r.kiosk.address)).intakeGrams).to.equal(3000n);
      });
    }

    it("names the first broken rule in the documented order", async () => {
      const r = await loadFixture(flatSystem);
      const zero = "0x0000000000000000000000000000000000000000";
      const tx = r.rewards.connect(r.kiosk).depositBatch([
        entry(zero, 9, 0n), // zero citizen first
        entry(citizen(r, 0), 9, 0n), // then the material
        entry(citizen(r, 0), M.PET, 0n, 1n), // then zero grams
      ]);
      await expect(tx)
        .to.emit(r.rewards, "DepositRejected")
        .withArgs(r.kiosk.address, zero, 0n, Reason.ZeroCitizen);
      await expect(tx)
        .to.emit(r.rewards, "DepositRejected")
        .withArgs(r.kiosk.address, citizen(r, 0).address, 1n, Reason.InvalidMaterial);
      await expect(tx)
        .to.emit(r.rewards, "DepositRejected")
        .withArgs(r.kiosk.address, citizen(r, 0).address, 2n, Reason.ZeroGrams);
    });

    it("rejects every deposit before the epoch start (BeforeEpochStart)", async () => {
      const r = await loadFixture(beforeStartSystem);
      const c = citizen(r, 0);
      expect(await now()).to.be.lessThan(r.epochStart);
      const tx = r.rewards
        .connect(r.kiosk)
        .depositBatch([entry(c, M.PET, 1000n), entry(c, 9, 1000n)]);
      await expect(tx)
        .to.emit(r.rewards, "DepositRejected")
        .withArgs(r.kiosk.address, c.address, 0n, Reason.BeforeEpochStart);
      // A broken static rule is named before the epoch start.
      await expect(tx)
        .to.emit(r.rewards, "DepositRejected")
        .withArgs(r.kiosk.address, c.address, 1n, Reason.InvalidMaterial);
      expect(await r.credit.balanceOf(c.address)).to.equal(0n);
      expect((await r.rewards.kioskOf(r.kiosk.address)).intakeGrams).to.equal(0n);
    });

    it("accepts deposits from the epoch start's very second", async () => {
      const r = await loadFixture(beforeStartSystem);
      const c = citizen(r, 0);
      await at(r.epochStart);
      await expect(r.rewards.connect(r.kiosk).depositBatch([entry(c, M.PET, 1000n)])).to.emit(
        r.rewards,
        "DepositAccepted",
      );
    });

    it("reverts a batch from an unregistered or removed kiosk (RecyclingUnknownKiosk)", async () => {
      const r = await loadFixture(flatSystem);
      const c = citizen(r, 0);
      await expect(r.rewards.connect(r.stranger).depositBatch([entry(c, M.PET, 1000n)]))
        .to.be.revertedWithCustomError(r.rewards, "RecyclingUnknownKiosk")
        .withArgs(r.stranger.address);
      await r.rewards.removeKiosk(r.kiosk.address);
      await expect(r.rewards.connect(r.kiosk).depositBatch([entry(c, M.PET, 1000n)]))
        .to.be.revertedWithCustomError(r.rewards, "RecyclingUnknownKiosk")
        .withArgs(r.kiosk.address);
    });

    it("reverts a batch longer than MAX_BATCH_SIZE (RecyclingBatchTooLarge)", async () => {
      const r = await loadFixture(flatSystem);
      const max = await r.rewards.MAX_BATCH_SIZE();
      const batch = Array.from({ length: Number(max) + 1 }, () => entry(citizen(r, 0), M.PET, 1n));
      await expect(r.rewards.connect(r.kiosk).depositBatch(batch))
        .to.be.revertedWithCustomError(r.rewards, "RecyclingBatchTooLarge")
        .withArgs(max + 1n, max);
    });
  });

  it("emits nothing but rejections and changes no state when every entry is refused", async () => {
    const r = await loadFixture(flatSystem);
    const before = await r.rewards.kioskOf(r.kiosk.address);
    await expect(
      r.rewards.connect(r.kiosk).depositBatch([entry(citizen(r, 0), M.PET, 0n)]),
    ).not.to.emit(r.rewards, "DepositAccepted");
    expect(await r.rewards.kioskOf(r.kiosk.address)).to.deep.equal(before);
  });
});
