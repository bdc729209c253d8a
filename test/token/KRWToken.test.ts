/**
 * KRWToken: a won-pegged ERC-20 with 0 decimals, minted only by the faucet role (SPEC.md section 1).
 */
import { expect } from "chai";
import { network } from "hardhat";

import { deployCityPilot } from "../parking/fixture.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

describe("KRWToken", () => {
  const setup = () => networkHelpers.loadFixture(deployCityPilot);

  it("is whole won: 0 decimals, name and symbol", async () => {
    const { krw } = await setup();
    expect(await krw.decimals()).to.equal(0n);
    expect(await krw.symbol()).to.equal("KRW");
    expect(await krw.name()).to.equal("Korean Won Deposit Token");
    expect(await krw.totalSupply()).to.equal(0n);
  });

  it("mints with the faucet role, held by the deployer", async () => {
    const { krw, admin, driver } = await setup();
    expect(await krw.hasRole(await krw.FAUCET_ROLE(), admin)).to.equal(true);
    const tx = krw.mint(driver, 20_000n);
    await expect(tx).to.emit(krw, "Transfer").withArgs(ethers.ZeroAddress, driver.address, 20_000n);
    await expect(tx).to.changeTokenBalances(ethers, krw, [driver, admin], [20_000n, 0n]);
    expect(await krw.totalSupply()).to.equal(20_000n);
  });

  it("refuses a mint without the faucet role (AccessControlUnauthorizedAccount)", async () => {
    const { krw, stranger, driver } = await setup();
    const role = await krw.FAUCET_ROLE();
    await expect(krw.connect(stranger).mint(driver, 1n))
      .to.be.revertedWithCustomError(krw, "AccessControlUnauthorizedAccount")
      .withArgs(stranger.address, role);
    await krw.grantRole(role, stranger);
    await expect(krw.connect(stranger).mint(driver, 1n)).to.changeTokenBalance(
      ethers,
      krw,
      driver,
      1n,
    );
  });

  it("supports the ERC-165 id of AccessControl", async () => {
    const { krw } = await setup();
    expect(await krw.supportsInterface("0x7965db0b")).to.equal(true);
    expect(await krw.supportsInterface("0xffffffff")).to.equal(false);
  });
});
