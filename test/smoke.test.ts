import { expect } from "chai";
import { network } from "hardhat";

import CityPilot from "../ignition/modules/CityPilot.js";
import {
  CityCredit__factory,
  CityTreasury__factory,
  ParkingMarket__factory,
} from "../typechain-types/index.js";

const { ignition, ethers } = await network.create();

describe("CityPilot ignition module", () => {
  it("deploys the system and wires its roles", async () => {
    const deployed = await ignition.deploy(CityPilot, { displayUi: false });
    const [admin] = await ethers.getSigners();
    if (admin === undefined) throw new Error("no signer");
    const credit = CityCredit__factory.connect(await deployed.credit.getAddress(), admin);
    const treasury = CityTreasury__factory.connect(await deployed.treasury.getAddress(), admin);
    const market = ParkingMarket__factory.connect(await deployed.market.getAddress(), admin);

    expect(await credit.hasRole(await credit.BURNER_ROLE(), await treasury.getAddress())).to.equal(
      true,
    );
    expect(
      await treasury.hasRole(await treasury.REDEEMER_ROLE(), await market.getAddress()),
    ).to.equal(true);
    expect(await market.hasRole(await market.REGISTRAR_ROLE(), admin.address)).to.equal(true);
  });
});
