/**
 * CityTreasury: the city's KRW budget; funding, merchants, and redemption of credits at face
 * value (burn the credits, pay the same KRW) for merchants and the redeemer role (SPEC.md section 1).
 */
import { expect } from "chai";
import { network } from "hardhat";

import { deployCityPilot, type CityPilotDeployment } from "../parking/fixture.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

const BUDGET = 498_800n;

/** The deployment with a treasury funded with {@link BUDGET} KRW and a registered merchant. */
async function fundedTreasury(
  c: typeof connection,
): Promise<CityPilotDeployment & { merchant: CityPilotDeployment["owner"] }> {
  const d = await deployCityPilot(c);
  await d.krw.mint(d.admin, BUDGET);
  await d.krw.approve(d.treasury, BUDGET);
  await d.treasury.fund(BUDGET);
  await d.treasury.setMerchant(d.owner, true);
  return { ...d, merchant: d.owner };
}

describe("CityTreasury", () => {
  const setup = () => networkHelpers.loadFixture(fundedTreasury);

  describe("fund", () => {
    it("pulls the approved KRW from the caller into the treasury (TreasuryFunded)", async () => {
      const { krw, treasury, driver } = await setup();
      await krw.mint(driver, 5_000n);
      await krw.connect(driver).approve(treasury, 5_000n);
      const tx = treasury.connect(driver).fund(3_000n);
      await expect(tx).to.emit(treasury, "TreasuryFunded").withArgs(driver.address, 3_000n);
      await expect(tx).to.changeTokenBalances(ethers, krw, [driver, treasury], [-3_000n, 3_000n]);
    });

    it("rejects zero with TreasuryZeroAmount", async () => {
      const { treasury } = await setup();
      await expect(treasury.fund(0n)).to.be.revertedWithCustomError(treasury, "TreasuryZeroAmount");
    });
  });

  describe("setMerchant", () => {
    it("registers and removes merchants with the registrar role (MerchantUpdated)", async () => {
      const { treasury, stranger } = await setup();
      await expect(treasury.setMerchant(stranger, true))
        .to.emit(treasury, "MerchantUpdated")
        .withArgs(stranger.address, true);
      expect(await treasury.isMerchant(stranger)).to.equal(true);
      await expect(treasury.setMerchant(stranger, false))
        .to.emit(treasury, "MerchantUpdated")
        .withArgs(stranger.address, false);
      expect(await treasury.isMerchant(stranger)).to.equal(false);
    });

    it("refuses callers without the registrar role and the zero address", async () => {
      const { treasury, stranger } = await setup();
      await expect(treasury.connect(stranger).setMerchant(stranger, true))
        .to.be.revertedWithCustomError(treasury, "AccessControlUnauthorizedAccount")
        .withArgs(stranger.address, await treasury.REGISTRAR_ROLE());
      await expect(treasury.setMerchant(ethers.ZeroAddress, true))
        .to.be.revertedWithCustomError(treasury, "TreasuryInvalidMerchant")
        .withArgs(ethers.ZeroAddress);
    });
  });

  describe("redeem", () => {
    it("burns a merchant's credits and pays the same KRW (CreditsRedeemed)", async () => {
      const { krw, credit, treasury, merchant } = await setup();
      const credits = 1_200n;
      await credit.mint(merchant, credits);
      const supply = await credit.totalSupply();
      const tx = treasury.connect(merchant).redeem(credits);
      await expect(tx).to.emit(treasury, "CreditsRedeemed").withArgs(merchant.address, credits);
      await expect(tx).to.changeTokenBalances(
        ethers,
        krw,
        [merchant, treasury],
        [credits, -credits],
      );
      await expect(tx).to.changeTokenBalance(ethers, credit, merchant, -credits);
      expect(await credit.totalSupply()).to.equal(supply - credits);
      expect(await treasury.totalRedeemed()).to.equal(credits);
    });

    it("redeems for the redeemer role without a merchant registration", async () => {
      const { krw, credit, treasury, market, stranger } = await setup();
      const role = await treasury.REDEEMER_ROLE();
      expect(await treasury.hasRole(role, market)).to.equal(true);
      await credit.mint(stranger, 10n);
      await expect(treasury.connect(stranger).redeem(10n))
        .to.be.revertedWithCustomError(treasury, "TreasuryUnauthorizedRedeemer")
        .withArgs(stranger.address);
      await treasury.grantRole(role, stranger);
      await expect(treasury.connect(stranger).redeem(10n)).to.changeTokenBalance(
        ethers,
        krw,
        stranger,
        10n,
      );
    });

    it("refuses a removed merchant (TreasuryUnauthorizedRedeemer) and zero (TreasuryZeroAmount)", async () => {
      const { credit, treasury, merchant } = await setup();
      await credit.mint(merchant, 10n);
      await expect(treasury.connect(merchant).redeem(0n)).to.be.revertedWithCustomError(
        treasury,
        "TreasuryZeroAmount",
      );
      await treasury.setMerchant(merchant, false);
      await expect(treasury.connect(merchant).redeem(10n))
        .to.be.revertedWithCustomError(treasury, "TreasuryUnauthorizedRedeemer")
        .withArgs(merchant.address);
    });

    it("refuses more than the treasury holds with TreasuryInsufficientFunds", async () => {
      const { credit, treasury, merchant } = await setup();
      await credit.mint(merchant, BUDGET + 1n);
      await expect(treasury.connect(merchant).redeem(BUDGET + 1n))
        .to.be.revertedWithCustomError(treasury, "TreasuryInsufficientFunds")
        .withArgs(BUDGET, BUDGET + 1n);
      await expect(treasury.connect(merchant).redeem(BUDGET)).to.changeTokenBalance(
        ethers,
        credit,
        merchant,
        -BUDGET,
      );
    });

    it("refuses more credits than the merchant holds (ERC20InsufficientBalance)", async () => {
      const { credit, treasury, merchant } = await setup();
      await credit.mint(merchant, 5n);
      await expect(treasury.connect(merchant).redeem(6n))
        .to.be.revertedWithCustomError(credit, "ERC20InsufficientBalance")
        .withArgs(merchant.address, 5n, 6n);
    });

    it("cannot redeem once its burner role is revoked", async () => {
      const { credit, treasury, merchant } = await setup();
      await credit.mint(merchant, 5n);
      const burner = await credit.BURNER_ROLE();
      await credit.revokeRole(burner, treasury);
      await expect(treasury.connect(merchant).redeem(5n))
        .to.be.revertedWithCustomError(credit, "AccessControlUnauthorizedAccount")
        .withArgs(await treasury.getAddress(), burner);
    });
  });

  it("receives platform fees as plain KRW transfers", async () => {
    const { krw, treasury, driver } = await setup();
    await krw.mint(driver, 300n);
    await expect(krw.connect(driver).transfer(treasury, 300n)).to.changeTokenBalance(
      ethers,
      krw,
      treasury,
      300n,
    );
  });
});
