import { expect } from "chai";

import { MONDAY, TUESDAY, effectOf, kst, plus, reasonOf } from "./helpers.js";
import { deposit, recyclingWorld, rewardOf } from "./recycling-world.js";

const at = (clock: string) => kst(MONDAY, clock);
/** Epoch 0 is Monday (KST); it ends at Tuesday 00:00 KST. */
const EPOCH_END = kst(TUESDAY, "00:00");
const DAY = { epochSeconds: 86_400 };
/** One point per gram of PET, so that points are easy to read. */
const pool = (budget: number) =>
  ({ scheme: "budgetPool", params: { budget, weights: { PET: 1000 } } }) as const;
/** SPEC: floor(points * min(budget, totalPoints) / totalPoints). */
const payout = (points: bigint, total: bigint, budget: bigint) =>
  (points * (budget < total ? budget : total)) / total;

function claim(world: ReturnType<typeof recyclingWorld>, citizen: string, t: string, epoch = 0) {
  return world.apply({ t, kind: "recycle.claim", citizen, epoch });
}

function claimed(outcome: ReturnType<typeof claim>): bigint {
  const effect = effectOf(outcome);
  if (effect.type !== "claimed") throw new Error(`expected a claim, got ${effect.type}`);
  return effect.reward;
}

describe("model: budgetPool claims", () => {
  it("pays each citizen their points when the pool is under-subscribed", () => {
    const world = recyclingWorld({ config: { recycling: DAY, ...pool(1_000_000) } });
    expect(rewardOf(deposit(world, at("09:00"), 3000))).to.equal(0n);
    deposit(world, at("09:00"), 1000, { citizen: "c2" });
    expect(claimed(claim(world, "c1", EPOCH_END))).to.equal(3000n);
    expect(claimed(claim(world, "c2", EPOCH_END))).to.equal(1000n);
  });

  it("shares the budget pro rata when over-subscribed, rounding down, remainder unminted", () => {
    const world = recyclingWorld({ config: { recycling: DAY, ...pool(1000) } });
    deposit(world, at("09:00"), 2000);
    deposit(world, at("09:00"), 1000, { citizen: "c2" });
    const c1 = claimed(claim(world, "c1", EPOCH_END));
    const c2 = claimed(claim(world, "c2", EPOCH_END));
    expect([c1, c2]).to.deep.equal([payout(2000n, 3000n, 1000n), payout(1000n, 3000n, 1000n)]);
    expect([c1, c2]).to.deep.equal([666n, 333n]);
    expect(world.model.ledger.creditsMinted).to.equal(999n);
  });

  it("refuses a claim before the epoch has ended, and a second claim", () => {
    const world = recyclingWorld({ config: { recycling: DAY, ...pool(1000) } });
    deposit(world, at("09:00"), 500);
    expect(reasonOf(claim(world, "c1", plus(EPOCH_END, -1)))).to.equal("failed:EpochNotEnded");
    expect(claimed(claim(world, "c1", EPOCH_END))).to.equal(500n);
    expect(reasonOf(claim(world, "c1", plus(EPOCH_END, 60)))).to.equal("failed:AlreadyClaimed");
    expect(world.credits("c1")).to.equal(500n);
  });

  it("pays 0 for a claim with no points in the epoch, and counts it as the epoch's claim", () => {
    const world = recyclingWorld({ config: { recycling: DAY, ...pool(1000) } });
    deposit(world, at("09:00"), 500);
    expect(claimed(claim(world, "c2", EPOCH_END))).to.equal(0n);
    expect(reasonOf(claim(world, "c2", plus(EPOCH_END, 60)))).to.equal("failed:AlreadyClaimed");
    expect(claimed(claim(world, "c1", kst("2026-04-08", "00:00"), 1))).to.equal(0n);
    expect(world.credits("c2")).to.equal(0n);
  });

  it("collects from every budgetPool instance of the epoch, each with its own budget", () => {
    const world = recyclingWorld({ config: { recycling: DAY, ...pool(100) } });
    deposit(world, at("09:00"), 1000);
    world.apply({ t: at("10:00"), kind: "scheme.set", ...pool(50) });
    deposit(world, at("11:00"), 1000);
    deposit(world, at("11:00"), 1000, { citizen: "c2" });
    world.apply({ t: at("12:00"), kind: "scheme.set", scheme: "flat" });
    deposit(world, at("13:00"), 1000, { citizen: "c2" });
    const c1 = payout(1000n, 1000n, 100n) + payout(1000n, 2000n, 50n);
    expect(claimed(claim(world, "c1", EPOCH_END))).to.equal(c1);
    expect(claimed(claim(world, "c2", EPOCH_END))).to.equal(payout(1000n, 2000n, 50n));
    expect(world.credits("c2")).to.equal(25n + 300n);
  });
});

describe("model: epochMintCap", () => {
  it("cuts a deposit's reward to what remains, first come first served, per epoch", () => {
    const world = recyclingWorld({ config: { recycling: { ...DAY, epochMintCap: 1000 } } });
    expect(rewardOf(deposit(world, at("09:00"), 2500))).to.equal(750n);
    const cut = effectOf(deposit(world, at("09:10"), 2000, { citizen: "c2" }));
    expect(cut).to.include({ reward: 1000n - 750n, cutByMintCap: 600n - 250n });
    expect(rewardOf(deposit(world, at("09:20"), 1000, { citizen: "c2" }))).to.equal(0n);
    expect(rewardOf(deposit(world, kst(TUESDAY, "09:00"), 1000))).to.equal(300n);
    expect([...world.model.mintedByEpoch]).to.deep.equal([
      [0, 1000n],
      [1, 300n],
    ]);
  });

  it("counts claims toward the epoch claimed, not the epoch of the claim", () => {
    const recycling = { ...DAY, epochMintCap: 1000 };
    const world = recyclingWorld({ config: { recycling } });
    deposit(world, at("09:00"), 2000);
    world.apply({ t: at("10:00"), kind: "scheme.set", ...pool(1_000_000) });
    deposit(world, at("11:00"), 3000);
    deposit(world, kst(TUESDAY, "11:00"), 5000, { citizen: "c2" });
    world.apply({ t: kst(TUESDAY, "12:00"), kind: "scheme.set", scheme: "flat" });
    deposit(world, kst(TUESDAY, "13:00"), 1000);
    // Epoch 0: 600 minted at the deposit, so the 3,000-point claim gets 400.
    const c1 = effectOf(claim(world, "c1", kst(TUESDAY, "14:00")));
    expect(c1).to.include({ reward: 400n, cutByMintCap: 2600n });
    // Epoch 1: 300 minted at Tuesday's flat deposit; the 5,000-point claim gets 700.
    expect(claimed(claim(world, "c2", kst("2026-04-08", "00:00"), 1))).to.equal(700n);
    expect(world.model.mintedByEpoch.get(0)).to.equal(1000n);
    expect(world.model.mintedByEpoch.get(1)).to.equal(1000n);
  });
});
