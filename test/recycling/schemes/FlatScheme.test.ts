/**
 * The flat scheme: floor(grams * ratePerKg / 1000), default 300.
 */
import { expect } from "chai";

import { DEFAULT_FLAT_RATE_PER_KG, schemeDeployment } from "../../../ignition/rewardSchemes.js";
import { FlatScheme__factory } from "../../../typechain-types/index.js";
import { ethers } from "../helpers/chain.js";
import { deployScheme } from "../helpers/fixture.js";
import { shouldBehaveLikeRewardScheme } from "./behaviour.js";

const MAX_RATE = 2n ** 40n - 1n;

describe("FlatScheme", () => {
  shouldBehaveLikeRewardScheme({
    kind: "flat",
    deploy: () => deployScheme("flat"),
    reward: (d) => (d.acceptedGrams * 300n) / 1000n,
    paysOnClaim: false,
  });

  shouldBehaveLikeRewardScheme({
    kind: "flat",
    deploy: () => deployScheme("flat", { ratePerKg: 7 }),
    reward: (d) => (d.acceptedGrams * 7n) / 1000n,
    paysOnClaim: false,
  });

  it("defaults to 300 credits per kg and takes any rate that fits 40 bits", async () => {
    expect(DEFAULT_FLAT_RATE_PER_KG).to.equal(300n);
    expect(schemeDeployment("flat").args).to.deep.equal([300n]);
    const [admin] = await ethers.getSigners();
    if (admin === undefined) throw new Error("signers");
    const flat = FlatScheme__factory.connect(
      await (await deployScheme("flat")).getAddress(),
      admin,
    );
    expect(await flat.ratePerKg()).to.equal(300n);
    const max = await ethers.deployContract("FlatScheme", [MAX_RATE]);
    expect(await max.ratePerKg()).to.equal(MAX_RATE);
  });

  it("refuses a rate over 40 bits (SchemeInvalidParams)", async () => {
    const factory = await ethers.getContractFactory("FlatScheme");
    await expect(factory.deploy(MAX_RATE + 1n))
      .to.be.revertedWithCustomError(factory, "SchemeInvalidParams")
      .withArgs(0n);
  });
});
