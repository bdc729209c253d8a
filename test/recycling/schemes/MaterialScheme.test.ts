/**
 * The material scheme: floor(grams * rate[material] / 1000), defaults CLEAR_PET 500, PET 300,
 * HDPE 250, PP 200, PS 100, OTHER 0; a partial map is merged over the defaults off-chain.
 */
import { expect } from "chai";

import {
  mergeMaterialMap,
  DEFAULT_MATERIAL_RATES,
  schemeDeployment,
} from "../../../ignition/rewardSchemes.js";
import { MaterialScheme__factory } from "../../../typechain-types/index.js";
import { ethers } from "../helpers/chain.js";
import { deployScheme } from "../helpers/fixture.js";
import { shouldBehaveLikeRewardScheme } from "./behaviour.js";

const DEFAULT_RATES = [500n, 300n, 250n, 200n, 100n, 0n];
const MAX_RATE = 2n ** 40n - 1n;

describe("MaterialScheme", () => {
  shouldBehaveLikeRewardScheme({
    kind: "material",
    deploy: () => deployScheme("material"),
    reward: (d) => (d.acceptedGrams * (DEFAULT_RATES[d.material] ?? 0n)) / 1000n,
    paysOnClaim: false,
  });

  const merged = [500n, 420n, 250n, 200n, 100n, 15n];
  shouldBehaveLikeRewardScheme({
    kind: "material",
    deploy: () => deployScheme("material", { rates: { PET: 420, OTHER: 15n } }),
    reward: (d) => (d.acceptedGrams * (merged[d.material] ?? 0n)) / 1000n,
    paysOnClaim: false,
  });

  it("keeps the spec defaults and merges a partial map over them", async () => {
    expect(mergeMaterialMap(DEFAULT_MATERIAL_RATES)).to.deep.equal(DEFAULT_RATES);
    expect(mergeMaterialMap(DEFAULT_MATERIAL_RATES, { PET: 420, OTHER: 15n })).to.deep.equal(
      merged,
    );
    expect(schemeDeployment("material", { rates: { PS: 1 } }).args).to.deep.equal([
      [500n, 300n, 250n, 200n, 1n, 0n],
    ]);
    expect(() => mergeMaterialMap(DEFAULT_MATERIAL_RATES, { GLASS: 1 } as never)).to.throw(
      /unknown material "GLASS"/,
    );
    const [admin] = await ethers.getSigners();
    if (admin === undefined) throw new Error("signers");
    const scheme = MaterialScheme__factory.connect(
      await (await deployScheme("material")).getAddress(),
      admin,
    );
    expect(await scheme.rates()).to.deep.equal(DEFAULT_RATES);
  });

  it("refuses a rate over 40 bits, naming the material (SchemeInvalidParams)", async () => {
    const factory = await ethers.getContractFactory("MaterialScheme");
    await expect(factory.deploy([0n, 0n, 0n, MAX_RATE + 1n, 0n, 0n]))
      .to.be.revertedWithCustomError(factory, "SchemeInvalidParams")
      .withArgs(3n);
    const max = await factory.deploy([MAX_RATE, MAX_RATE, MAX_RATE, MAX_RATE, MAX_RATE, MAX_RATE]);
    expect(await max.rates()).to.deep.equal(Array(6).fill(MAX_RATE));
  });
});
