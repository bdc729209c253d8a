/**
 * The budgetPool scheme: points floor(grams * weight / 1000) at the deposit, no credits; after
 * the epoch, floor(points * min(budget, totalPoints) / totalPoints) per claim.
 */
import { expect } from "chai";

import { DEFAULT_BUDGET, schemeDeployment } from "../../../ignition/rewardSchemes.js";
import {
  BudgetPoolScheme__factory,
  type BudgetPoolScheme,
} from "../../../typechain-types/index.js";
import { ethers, networkHelpers } from "../helpers/chain.js";
import { deployScheme } from "../helpers/fixture.js";
import { shouldBehaveLikeRewardScheme } from "./behaviour.js";

const DEFAULT_WEIGHTS = [500n, 300n, 250n, 200n, 100n, 0n];

describe("BudgetPoolScheme", () => {
  shouldBehaveLikeRewardScheme({
    kind: "budgetPool",
    deploy: () => deployScheme("budgetPool"),
    reward: () => 0n,
    paysOnClaim: true,
  });

  it("defaults to a budget of 1,000,000 and the material rates as weights", async () => {
    expect(DEFAULT_BUDGET).to.equal(1_000_000n);
    expect(schemeDeployment("budgetPool").args).to.deep.equal([1_000_000n, DEFAULT_WEIGHTS]);
    expect(schemeDeployment("budgetPool", { budget: 5, weights: { PP: 9 } }).args).to.deep.equal([
      5n,
      [500n, 300n, 250n, 9n, 100n, 0n],
    ]);
    const [admin] = await ethers.getSigners();
    if (admin === undefined) throw new Error("signers");
    const scheme = BudgetPoolScheme__factory.connect(
      await (await deployScheme("budgetPool")).getAddress(),
      admin,
    );
    expect(await scheme.budget()).to.equal(1_000_000n);
    expect(await scheme.weights()).to.deep.equal(DEFAULT_WEIGHTS);
  });

  it("refuses a budget over 128 bits or a weight over 40 bits (SchemeInvalidParams)", async () => {
    const factory = await ethers.getContractFactory("BudgetPoolScheme");
    await expect(factory.deploy(2n ** 128n, DEFAULT_WEIGHTS))
      .to.be.revertedWithCustomError(factory, "SchemeInvalidParams")
      .withArgs(0n);
    await expect(factory.deploy(1n, [0n, 0n, 0n, 0n, 0n, 2n ** 40n]))
      .to.be.revertedWithCustomError(factory, "SchemeInvalidParams")
      .withArgs(5n);
  });

  describe("points and payouts, called directly by its bound caller", () => {
    async function bound(): Promise<BudgetPoolScheme> {
      const [, caller] = await ethers.getSigners();
      if (caller === undefined) throw new Error("signers");
      const address = await (await deployScheme("budgetPool", { budget: 100n })).getAddress();
      const scheme = BudgetPoolScheme__factory.connect(address, caller);
      await scheme.bind();
      return scheme;
    }
    const deposit = (citizen: string, material: number, grams: bigint, epoch = 0n) => ({
      citizen,
      kiosk: citizen,
      material,
      acceptedGrams: grams,
      items: 0n,
      epoch,
      epochGramsBefore: 0n,
    });

    it("records floor(grams * weight / 1000) points per citizen and epoch, and no event for 0 points", async () => {
      const scheme = await networkHelpers.loadFixture(bound);
      const [, , a, b] = await ethers.getSigners();
      if (a === undefined || b === undefined) throw new Error("signers");
      await expect(scheme.onDeposit(deposit(a.address, 0, 1999n)))
        .to.emit(scheme, "PointsEarned")
        .withArgs(a.address, 0n, (1999n * 500n) / 1000n);
      await expect(scheme.onDeposit(deposit(b.address, 5, 5000n))).not.to.emit(
        scheme,
        "PointsEarned",
      );
      await expect(scheme.onDeposit(deposit(b.address, 4, 9n))).not.to.emit(scheme, "PointsEarned");
      await scheme.onDeposit(deposit(b.address, 1, 1000n, 1n));
      expect(await scheme.pointsOf(a.address, 0n)).to.equal(999n);
      expect(await scheme.pointsOf(b.address, 0n)).to.equal(0n);
      expect(await scheme.totalPoints(0n)).to.equal(999n);
      expect(await scheme.totalPoints(1n)).to.equal(300n);
    });

    it("pays each citizen once, never more than the budget in all", async () => {
      const scheme = await networkHelpers.loadFixture(bound);
      const [, , a, b, c] = await ethers.getSigners();
      if (a === undefined || b === undefined || c === undefined) throw new Error("signers");
      await scheme.onDeposit(deposit(a.address, 1, 1000n)); // 300 points
      await scheme.onDeposit(deposit(b.address, 1, 1000n)); // 300 points
      await scheme.onDeposit(deposit(c.address, 4, 1000n)); // 100 points
      const total = 700n;
      const share = (p: bigint) => (p * 100n) / total;
      expect(await scheme.onClaim.staticCall(a.address, 0n)).to.equal(share(300n));
      await scheme.onClaim(a.address, 0n);
      expect(await scheme.onClaim.staticCall(a.address, 0n)).to.equal(0n);
      await scheme.onClaim(a.address, 0n); // a second call pays nothing and changes nothing
      await scheme.onClaim(b.address, 0n);
      await scheme.onClaim(c.address, 0n);
      expect(await scheme.paidOut(0n)).to.equal(share(300n) * 2n + share(100n));
      expect(await scheme.paidOut(0n)).to.be.at.most(100n);
      expect(await scheme.claimedOf(a.address, 0n)).to.equal(true);
    });
  });
});
