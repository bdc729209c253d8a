/**
 * The deployment module's recycling part: rewards with a flat scheme, spec defaults, the
 * minter role on the credit token, parameters passed through.
 */
import { expect } from "chai";

import CityPilot, { DEFAULT_RECYCLING_PARAMS } from "../../ignition/modules/CityPilot.js";
import {
  CityCredit__factory,
  FlatScheme__factory,
  RecyclingRewards__factory,
} from "../../typechain-types/index.js";
import { connection, ethers } from "./helpers/chain.js";

describe("CityPilot module: recycling", () => {
  it("deploys the rewards with a flat scheme at the spec defaults and makes it a minter", async () => {
    const deployed = await connection.ignition.deploy(CityPilot, { displayUi: false });
    const [admin] = await ethers.getSigners();
    if (admin === undefined) throw new Error("signers");
    const rewards = RecyclingRewards__factory.connect(await deployed.rewards.getAddress(), admin);
    const credit = CityCredit__factory.connect(await deployed.credit.getAddress(), admin);
    const scheme = FlatScheme__factory.connect(await deployed.initialScheme.getAddress(), admin);

    expect(Object.keys(deployed)).to.include.members([
      "krw",
      "credit",
      "treasury",
      "market",
      "rewards",
      "initialScheme",
    ]);
    expect(await credit.hasRole(await credit.MINTER_ROLE(), await rewards.getAddress())).to.equal(
      true,
    );
    expect(await rewards.scheme()).to.equal(await scheme.getAddress());
    expect(await scheme.rewards()).to.equal(await rewards.getAddress());
    expect(await scheme.ratePerKg()).to.equal(300n);
    expect(await rewards.credit()).to.equal(await credit.getAddress());
    const p = await rewards.params();
    expect([
      p.dailyCapGrams,
      p.maxDepositGrams,
      p.epochSeconds,
      p.epochStart,
      p.epochMintCap,
    ]).to.deep.equal([5000n, 20_000n, 30n * 86_400n, 0n, 0n]);
    expect(DEFAULT_RECYCLING_PARAMS.epochSeconds).to.equal(2_592_000n);
    for (const role of [await rewards.REGISTRAR_ROLE(), await rewards.SCHEME_ADMIN_ROLE()]) {
      expect(await rewards.hasRole(role, admin.address)).to.equal(true);
    }
  });

  it("takes the rules and the flat rate as parameters", async () => {
    const deployed = await connection.ignition.deploy(CityPilot, {
      displayUi: false,
      parameters: {
        CityPilot: {
          epochStart: 1_775_401_200n,
          epochSeconds: 86_400n,
          epochMintCap: 9_999n,
          dailyCapGrams: 4000n,
          maxDepositGrams: 10_000n,
          flatRatePerKg: 123n,
        },
      },
      deploymentId: "recycling-parameters",
    });
    const [admin] = await ethers.getSigners();
    if (admin === undefined) throw new Error("signers");
    const rewards = RecyclingRewards__factory.connect(await deployed.rewards.getAddress(), admin);
    const p = await rewards.params();
    expect([
      p.dailyCapGrams,
      p.maxDepositGrams,
      p.epochSeconds,
      p.epochStart,
      p.epochMintCap,
    ]).to.deep.equal([4000n, 10_000n, 86_400n, 1_775_401_200n, 9_999n]);
    const scheme = FlatScheme__factory.connect(await deployed.initialScheme.getAddress(), admin);
    expect(await scheme.ratePerKg()).to.equal(123n);
  });
});
