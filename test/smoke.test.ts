import { expect } from "chai";
import { network } from "hardhat";

import CityPilot from "../ignition/modules/CityPilot.js";

const { ignition, ethers } = await network.create();

describe("CityPilot ignition module", () => {
  it("deploys and wires the roles", async () => {
    const { credit, treasury, market } = await ignition.deploy(CityPilot, { displayUi: false });
    expect(await credit.hasRole(await credit.BURNER_ROLE(), await treasury.getAddress())).to.equal(true);
    expect(await treasury.hasRole(await treasury.REDEEMER_ROLE(), await market.getAddress())).to.equal(true);
    const [admin] = await ethers.getSigners();
    expect(await market.hasRole(await market.REGISTRAR_ROLE(), admin.address)).to.equal(true);
  });
});
