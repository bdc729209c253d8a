/**
 * CityCredit: the reward credit (ERC-20 + EIP-2612, 0 decimals), minted by the minter role and
 * burned only by the burner role, which the treasury holds (SPEC.md section 1).
 */
import { expect } from "chai";
import { network } from "hardhat";

import { deployCityPilot } from "../parking/fixture.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

describe("CityCredit", () => {
  const setup = () => networkHelpers.loadFixture(deployCityPilot);

  it("is whole credits: 0 decimals, name and symbol", async () => {
    const { credit } = await setup();
    expect(await credit.decimals()).to.equal(0n);
    expect(await credit.symbol()).to.equal("CREDIT");
    expect(await credit.name()).to.equal("City Credit");
  });

  it("mints with the minter role only (AccessControlUnauthorizedAccount)", async () => {
    const { credit, admin, stranger, driver } = await setup();
    await expect(credit.connect(admin).mint(driver, 750n))
      .to.emit(credit, "Transfer")
      .withArgs(ethers.ZeroAddress, driver.address, 750n);
    expect(await credit.balanceOf(driver)).to.equal(750n);
    await expect(credit.connect(stranger).mint(stranger, 1n))
      .to.be.revertedWithCustomError(credit, "AccessControlUnauthorizedAccount")
      .withArgs(stranger.address, await credit.MINTER_ROLE());
  });

  it("burns with the burner role only: the treasury has it, the minter does not", async () => {
    const { credit, treasury, admin, driver } = await setup();
    const burner = await credit.BURNER_ROLE();
    expect(await credit.hasRole(burner, treasury)).to.equal(true);
    await credit.mint(driver, 1_000n);
    await expect(credit.connect(admin).burn(driver, 1n))
      .to.be.revertedWithCustomError(credit, "AccessControlUnauthorizedAccount")
      .withArgs(admin.address, burner);
    await credit.grantRole(burner, admin);
    const tx = credit.connect(admin).burn(driver, 400n);
    await expect(tx).to.emit(credit, "Transfer").withArgs(driver.address, ethers.ZeroAddress, 400n);
    await expect(tx).to.changeTokenBalance(ethers, credit, driver, -400n);
    expect(await credit.totalSupply()).to.equal(1_000n - 400n);
  });

  it("accepts an EIP-2612 permit signed by the holder, and refuses an expired one", async () => {
    const { credit, driver, stranger } = await setup();
    const { chainId } = await ethers.provider.getNetwork();
    const domain = {
      name: "City Credit",
      version: "1",
      chainId,
      verifyingContract: await credit.getAddress(),
    };
    const types = {
      Permit: [
        { name: "owner", type: "address" },
        { name: "spender", type: "address" },
        { name: "value", type: "uint256" },
        { name: "nonce", type: "uint256" },
        { name: "deadline", type: "uint256" },
      ],
    };
    const now = BigInt(await networkHelpers.time.latest());
    const permitFor = async (deadline: bigint) => {
      const value = {
        owner: driver.address,
        spender: stranger.address,
        value: 300n,
        nonce: 0n,
        deadline,
      };
      return ethers.Signature.from(await driver.signTypedData(domain, types, value));
    };
    const expired = now - 1n;
    const old = await permitFor(expired);
    await expect(credit.permit(driver, stranger, 300n, expired, old.v, old.r, old.s))
      .to.be.revertedWithCustomError(credit, "ERC2612ExpiredSignature")
      .withArgs(expired);
    const deadline = now + 3_600n;
    const sig = await permitFor(deadline);
    await expect(credit.permit(driver, stranger, 300n, deadline, sig.v, sig.r, sig.s))
      .to.emit(credit, "Approval")
      .withArgs(driver.address, stranger.address, 300n);
    expect(await credit.allowance(driver, stranger)).to.equal(300n);
    expect(await credit.nonces(driver)).to.equal(1n);
  });

  it("supports the ERC-165 id of AccessControl", async () => {
    const { credit } = await setup();
    expect(await credit.supportsInterface("0x7965db0b")).to.equal(true);
  });
});
