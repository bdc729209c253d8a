/**
 * Claims of ended epochs from the budgetPool scheme: payouts floor(points * min(budget, T) / T),
 * the epoch's bounded list of pooled schemes, the mint cap of the epoch claimed. One-day epochs.
 */
import { expect } from "chai";

import { DEFAULT_MATERIAL_RATES } from "../../ignition/rewardSchemes.js";
import { IBudgetPoolScheme__factory, type IBudgetPoolScheme } from "../../typechain-types/index.js";
import { DAY, at, ethers, networkHelpers } from "./helpers/chain.js";
import {
  citizen,
  deployRecycling,
  deployScheme,
  entry,
  type Recycling,
} from "./helpers/fixture.js";
import { M } from "./helpers/materials.js";

const { loadFixture } = networkHelpers;

/** Points of a deposit under the default weights: floor(grams * weight / 1000). */
const points = (grams: bigint, weight: bigint): bigint => (grams * weight) / 1000n;
/** A claim's payout: floor(points * min(budget, total) / total). */
const payout = (p: bigint, budget: bigint, total: bigint): bigint =>
  (p * (budget < total ? budget : total)) / total;

async function poolSystem(): Promise<Recycling> {
  return deployRecycling({ scheme: "budgetPool", rules: { epochSeconds: DAY } });
}
async function smallPoolSystem(): Promise<Recycling> {
  return deployRecycling({
    scheme: "budgetPool",
    schemeParams: { budget: 1000n },
    rules: { epochSeconds: DAY },
  });
}
async function cappedPoolSystem(): Promise<Recycling> {
  return deployRecycling({
    scheme: "budgetPool",
    schemeParams: { budget: 1000n },
    rules: { epochSeconds: DAY, epochMintCap: 500n },
  });
}
async function flatDailySystem(): Promise<Recycling> {
  return deployRecycling({ rules: { epochSeconds: DAY } });
}

function pool(r: Recycling): Promise<IBudgetPoolScheme> {
  return r.scheme.getAddress().then((a) => IBudgetPoolScheme__factory.connect(a, r.admin));
}

/** c0 deposits 2,500 g PET (750 points), c1 3,000 g CLEAR_PET (1,500 points). */
async function twoDepositors(r: Recycling): Promise<[bigint, bigint]> {
  await r.rewards
    .connect(r.kiosk)
    .depositBatch([entry(citizen(r, 0), M.PET, 2500n), entry(citizen(r, 1), M.CLEAR_PET, 3000n)]);
  return [
    points(2500n, DEFAULT_MATERIAL_RATES.PET),
    points(3000n, DEFAULT_MATERIAL_RATES.CLEAR_PET),
  ];
}

describe("RecyclingRewards: claims", () => {
  it("mints nothing at a budgetPool deposit; the scheme records points and is listed in the epoch", async () => {
    const r = await loadFixture(poolSystem);
    const s = await pool(r);
    const c = citizen(r, 0);
    const tx = r.rewards.connect(r.kiosk).depositBatch([entry(c, M.PET, 2500n)]);
    const p = points(2500n, DEFAULT_MATERIAL_RATES.PET);
    await expect(tx).to.emit(s, "PointsEarned").withArgs(c.address, 0n, p);
    await expect(tx)
      .to.emit(r.rewards, "SchemeListed")
      .withArgs(0n, await s.getAddress());
    await expect(tx)
      .to.emit(r.rewards, "DepositAccepted")
      .withArgs(r.kiosk.address, c.address, 0n, M.PET, 2500n, 2500n, 0n, 0n, 0n);
    expect(await r.credit.balanceOf(c.address)).to.equal(0n);
    expect(await s.pointsOf(c.address, 0n)).to.equal(p);
    expect(await s.totalPoints(0n)).to.equal(p);
    expect(await r.rewards.epochSchemes(0n)).to.deep.equal([await s.getAddress()]);
  });

  it("pays the points themselves when the pool is under-subscribed", async () => {
    const r = await loadFixture(poolSystem);
    const [p0, p1] = await twoDepositors(r);
    await at(r.epochStart + DAY);
    const c = citizen(r, 0);
    const tx = r.rewards.connect(c).claim(0n);
    const expected = payout(p0, 1_000_000n, p0 + p1);
    expect(expected).to.equal(p0);
    await expect(tx)
      .to.emit(r.rewards, "RewardsClaimed")
      .withArgs(c.address, 0n, expected, expected);
    await expect(tx).to.changeTokenBalances(ethers, r.credit, [c], [expected]);
    expect(await r.rewards.hasClaimed(c.address, 0n)).to.equal(true);
    expect(await r.rewards.hasClaimed(citizen(r, 1).address, 0n)).to.equal(false);
  });

  it("shares the budget pro rata, rounding down, when over-subscribed; remainders stay unminted", async () => {
    const r = await loadFixture(smallPoolSystem);
    const s = await pool(r);
    const [p0, p1] = await twoDepositors(r);
    await at(r.epochStart + DAY);
    const total = p0 + p1;
    const pay0 = payout(p0, 1000n, total); // floor(750 * 1000 / 2250) = 333
    const pay1 = payout(p1, 1000n, total); // floor(1500 * 1000 / 2250) = 666
    await expect(r.rewards.connect(citizen(r, 0)).claim(0n))
      .to.emit(s, "PointsClaimed")
      .withArgs(citizen(r, 0).address, 0n, p0, pay0);
    await r.rewards.connect(citizen(r, 1)).claim(0n);
    expect(await r.credit.balanceOf(citizen(r, 0).address)).to.equal(pay0);
    expect(await r.credit.balanceOf(citizen(r, 1).address)).to.equal(pay1);
    expect(pay0 + pay1).to.equal(999n);
    expect(await s.paidOut(0n)).to.equal(pay0 + pay1);
    expect(await r.credit.totalSupply()).to.be.at.most(await s.budget());
    expect(await r.rewards.mintedInEpoch(0n)).to.equal(pay0 + pay1);
    expect(await s.claimedOf(citizen(r, 0).address, 0n)).to.equal(true);
  });

  it("refuses a claim before the epoch ends (RecyclingEpochNotEnded)", async () => {
    const r = await loadFixture(poolSystem);
    await twoDepositors(r);
    await at(r.epochStart + DAY - 1n);
    await expect(r.rewards.connect(citizen(r, 0)).claim(0n))
      .to.be.revertedWithCustomError(r.rewards, "RecyclingEpochNotEnded")
      .withArgs(0n);
    await expect(r.rewards.connect(citizen(r, 0)).claim(5n))
      .to.be.revertedWithCustomError(r.rewards, "RecyclingEpochNotEnded")
      .withArgs(5n);
    await at(r.epochStart + DAY);
    await expect(r.rewards.connect(citizen(r, 0)).claim(0n)).to.emit(r.rewards, "RewardsClaimed");
  });

  it("refuses a claim before the epoch start", async () => {
    const r = await loadFixture(async function poolBeforeStart() {
      return deployRecycling({ scheme: "budgetPool", beforeStart: true });
    });
    await expect(r.rewards.connect(citizen(r, 0)).claim(0n))
      .to.be.revertedWithCustomError(r.rewards, "RecyclingEpochNotEnded")
      .withArgs(0n);
  });

  it("refuses a second claim of the same epoch (RecyclingAlreadyClaimed)", async () => {
    const r = await loadFixture(poolSystem);
    await twoDepositors(r);
    await at(r.epochStart + DAY);
    const c = citizen(r, 0);
    await r.rewards.connect(c).claim(0n);
    await expect(r.rewards.connect(c).claim(0n))
      .to.be.revertedWithCustomError(r.rewards, "RecyclingAlreadyClaimed")
      .withArgs(c.address, 0n);
  });

  it("counts a claim that finds nothing, minting nothing", async () => {
    const r = await loadFixture(flatDailySystem);
    await at(r.epochStart + DAY);
    const c = citizen(r, 0);
    await expect(r.rewards.connect(c).claim(0n))
      .to.emit(r.rewards, "RewardsClaimed")
      .withArgs(c.address, 0n, 0n, 0n);
    expect(await r.rewards.hasClaimed(c.address, 0n)).to.equal(true);
    expect(await r.rewards.epochSchemes(0n)).to.deep.equal([]);
  });

  describe("the epoch mint cap", () => {
    it("cuts claims of the epoch to what remains, first come first served", async () => {
      const r = await loadFixture(cappedPoolSystem);
      const [p0, p1] = await twoDepositors(r);
      await at(r.epochStart + DAY);
      const pay0 = payout(p0, 1000n, p0 + p1); // 333, under the cap of 500
      const pay1 = payout(p1, 1000n, p0 + p1); // 666, cut to 500 - 333
      await r.rewards.connect(citizen(r, 0)).claim(0n);
      await expect(r.rewards.connect(citizen(r, 1)).claim(0n))
        .to.emit(r.rewards, "RewardsClaimed")
        .withArgs(citizen(r, 1).address, 0n, pay1, 500n - pay0);
      expect(await r.rewards.mintedInEpoch(0n)).to.equal(500n);
      expect(await r.credit.totalSupply()).to.equal(500n);
    });

    it("counts claims toward the epoch claimed, after later epochs started", async () => {
      const r = await loadFixture(cappedPoolSystem);
      const [p0, p1] = await twoDepositors(r);
      // Epoch 1 has deposits of its own before the claims of epoch 0.
      await at(r.epochStart + DAY + 3600n);
      await r.rewards.connect(r.kiosk).depositBatch([entry(citizen(r, 2), M.PET, 100n)]);
      await r.rewards.connect(citizen(r, 0)).claim(0n);
      await r.rewards.connect(citizen(r, 1)).claim(0n);
      expect(await r.rewards.mintedInEpoch(0n)).to.equal(500n);
      expect(await r.rewards.mintedInEpoch(1n)).to.equal(0n);
      expect(payout(p0, 1000n, p0 + p1) + payout(p1, 1000n, p0 + p1)).to.be.greaterThan(500n);
    });
  });

  describe("several pooled schemes in one epoch", () => {
    it("collects from every pool instance the citizen earned points in", async () => {
      const r = await loadFixture(poolSystem);
      const c = citizen(r, 0);
      const first = await pool(r);
      await r.rewards.connect(r.kiosk).depositBatch([entry(c, M.PET, 1000n)]);
      const second = await deployScheme("budgetPool", { weights: { PET: 1000n } });
      await expect(r.rewards.setScheme(second))
        .to.emit(r.rewards, "SchemeListed")
        .withArgs(0n, await second.getAddress());
      await r.rewards.connect(r.kiosk).depositBatch([entry(c, M.PET, 1000n)]);
      await r.rewards.setScheme(first); // back to the first: listed once only
      expect(await r.rewards.epochSchemes(0n)).to.deep.equal([
        await first.getAddress(),
        await second.getAddress(),
      ]);
      await at(r.epochStart + DAY);
      const earned = points(1000n, DEFAULT_MATERIAL_RATES.PET) + points(1000n, 1000n);
      await expect(r.rewards.connect(c).claim(0n))
        .to.emit(r.rewards, "RewardsClaimed")
        .withArgs(c.address, 0n, earned, earned);
    });

    it("lists at most MAX_SCHEMES_PER_EPOCH schemes (RecyclingTooManySchemes)", async () => {
      const r = await loadFixture(poolSystem);
      await r.rewards.connect(r.kiosk).depositBatch([entry(citizen(r, 0), M.PET, 1000n)]);
      const max = await r.rewards.MAX_SCHEMES_PER_EPOCH();
      for (let i = 1n; i < max; i++) await r.rewards.setScheme(await deployScheme("budgetPool"));
      expect((await r.rewards.epochSchemes(0n)).length).to.equal(Number(max));
      const extra = await deployScheme("budgetPool");
      await expect(r.rewards.setScheme(extra))
        .to.be.revertedWithCustomError(r.rewards, "RecyclingTooManySchemes")
        .withArgs(0n);
      // Schemes paying at the deposit are not listed and are never refused.
      await r.rewards.setScheme(await deployScheme("flat"));
      // The next epoch starts a new list.
      await at(r.epochStart + DAY);
      await r.rewards.setScheme(extra);
      expect(await r.rewards.epochSchemes(1n)).to.deep.equal([await extra.getAddress()]);
    });

    it("lists a pool set before the epoch start at the first deposit", async () => {
      const r = await loadFixture(async function flatBeforeStart() {
        return deployRecycling({ beforeStart: true, rules: { epochSeconds: DAY } });
      });
      const p = await deployScheme("budgetPool");
      await r.rewards.setScheme(p);
      expect(await r.rewards.epochSchemes(0n)).to.deep.equal([]);
      await at(r.epochStart);
      await expect(r.rewards.connect(r.kiosk).depositBatch([entry(citizen(r, 0), M.PET, 1000n)]))
        .to.emit(r.rewards, "SchemeListed")
        .withArgs(0n, await p.getAddress());
    });
  });
});
