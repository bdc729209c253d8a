/**
 * The perItem scheme: items * perItem[material], defaults CLEAR_PET 10, PET 10, others 0.
 */
import { expect } from "chai";

import { schemeDeployment } from "../../../ignition/rewardSchemes.js";
import { PerItemScheme__factory } from "../../../typechain-types/index.js";
import { ethers } from "../helpers/chain.js";
import { deployScheme } from "../helpers/fixture.js";
import { shouldBehaveLikeRewardScheme } from "./behaviour.js";

const DEFAULT_PER_ITEM = [10n, 10n, 0n, 0n, 0n, 0n];

describe("PerItemScheme", () => {
  shouldBehaveLikeRewardScheme({
    kind: "perItem",
    deploy: () => deployScheme("perItem"),
    reward: (d) => d.items * (DEFAULT_PER_ITEM[d.material] ?? 0n),
    paysOnClaim: false,
  });

  const custom = [10n, 10n, 3n, 0n, 0n, 1n];
  shouldBehaveLikeRewardScheme({
    kind: "perItem",
    deploy: () => deployScheme("perItem", { perItem: { HDPE: 3, OTHER: 1 } }),
    reward: (d) => d.items * (custom[d.material] ?? 0n),
    paysOnClaim: false,
  });

  it("keeps the spec defaults and merges a partial map over them", async () => {
    expect(schemeDeployment("perItem").args).to.deep.equal([DEFAULT_PER_ITEM]);
    expect(schemeDeployment("perItem", { perItem: { HDPE: 3, OTHER: 1 } }).args).to.deep.equal([
      custom,
    ]);
    const [admin] = await ethers.getSigners();
    if (admin === undefined) throw new Error("signers");
    const scheme = PerItemScheme__factory.connect(
      await (await deployScheme("perItem")).getAddress(),
      admin,
    );
    expect(await scheme.perItem()).to.deep.equal(DEFAULT_PER_ITEM);
  });

  it("refuses a rate over 40 bits (SchemeInvalidParams)", async () => {
    const factory = await ethers.getContractFactory("PerItemScheme");
    await expect(factory.deploy([2n ** 40n, 0n, 0n, 0n, 0n, 0n]))
      .to.be.revertedWithCustomError(factory, "SchemeInvalidParams")
      .withArgs(0n);
  });
});
