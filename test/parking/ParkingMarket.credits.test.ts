/**
 * ParkingMarket.book with credits: up to the fee may be paid in credits, which the treasury
 * redeems at face value into the escrow; refunds are always KRW (SPEC.md sections 1-2).
 */
import { expect } from "chai";
import { network } from "hardhat";

import {
  HOUR,
  SLOT_PRICE,
  SPEC,
  TREASURY_KRW,
  UNIT,
  bookAt,
  bpsOf,
  nextBlockAt,
  parkingFixture,
} from "./fixture.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

describe("ParkingMarket.book with credits", () => {
  const setup = () => networkHelpers.loadFixture(parkingFixture);

  /** A 10-unit booking, Monday 10:00-12:30 KST, booked at 09:00. */
  async function tenUnits() {
    const f = await setup();
    const start = f.monday + 10n * HOUR;
    const end = start + 10n * UNIT;
    const units = (end - start) / UNIT;
    const fee = units * SLOT_PRICE;
    const deposit = SPEC.depositUnits * SLOT_PRICE;
    await nextBlockAt(connection, f.monday + 9n * HOUR);
    return { ...f, start, end, fee, deposit };
  }

  it("redeems the credits through the treasury into escrow; the rest of fee + deposit is KRW", async () => {
    const { krw, credit, treasury, market, driver, owner, slotId, start, end, fee, deposit } =
      await tenUnits();
    const credits = 1_000n;
    const supplyBefore = await credit.totalSupply();

    const tx = market.connect(driver).book(slotId, start, end, credits);
    await expect(tx)
      .to.emit(market, "BookingCreated")
      .withArgs(1n, slotId, driver.address, start, end, fee, deposit, credits);
    await expect(tx)
      .to.emit(treasury, "CreditsRedeemed")
      .withArgs(await market.getAddress(), credits);
    await expect(tx).to.changeTokenBalances(
      ethers,
      krw,
      [driver, owner, treasury, market],
      [-(fee + deposit - credits), 0n, -credits, fee + deposit],
    );
    await expect(tx).to.changeTokenBalances(
      ethers,
      credit,
      [driver, market, treasury],
      [-credits, 0n, 0n],
    );
    expect(await credit.totalSupply()).to.equal(supplyBefore - credits);
    expect(await treasury.totalRedeemed()).to.equal(credits);
  });

  it("may pay the whole fee in credits (creditsToUse == fee): the driver pays only the deposit in KRW", async () => {
    const { krw, credit, treasury, market, driver, slotId, start, end, fee, deposit } =
      await tenUnits();
    const tx = market.connect(driver).book(slotId, start, end, fee);
    await expect(tx).to.changeTokenBalances(
      ethers,
      krw,
      [driver, treasury, market],
      [-deposit, -fee, fee + deposit],
    );
    await expect(tx).to.changeTokenBalance(ethers, credit, driver, -fee);
  });

  it("rejects creditsToUse > fee with ParkingCreditsExceedFee", async () => {
    const { market, driver, slotId, start, end, fee } = await tenUnits();
    await expect(market.connect(driver).book(slotId, start, end, fee + 1n))
      .to.be.revertedWithCustomError(market, "ParkingCreditsExceedFee")
      .withArgs(fee + 1n, fee);
  });

  it("reverts with TreasuryInsufficientFunds when the treasury lacks the KRW to redeem", async () => {
    const { credit, treasury, market, admin, driver, slotId, monday } = await setup();
    // Drain the treasury down to 500 KRW through an ordinary merchant redemption.
    const left = 500n;
    await treasury.setMerchant(admin, true);
    await credit.mint(admin, TREASURY_KRW - left);
    await treasury.redeem(TREASURY_KRW - left);

    const start = monday + 10n * HOUR;
    const end = start + 10n * UNIT;
    const credits = 1_000n;
    await expect(market.connect(driver).book(slotId, start, end, credits))
      .to.be.revertedWithCustomError(treasury, "TreasuryInsufficientFunds")
      .withArgs(left, credits);
    await expect(market.connect(driver).book(slotId, start, end, left)).to.changeTokenBalance(
      ethers,
      credit,
      driver,
      -left,
    );
  });

  it("refunds a free cancellation in KRW although the fee was paid in credits", async () => {
    const { krw, credit, treasury, market, driver, owner, slotId, start, end, fee, deposit } =
      await tenUnits();
    const id = await bookAt(connection, market, driver, start - 2n * HOUR, slotId, start, end, fee);
    await nextBlockAt(connection, start - SPEC.freeCancelSeconds);
    const tx = market.connect(driver).cancel(id);
    await expect(tx).to.changeTokenBalances(
      ethers,
      krw,
      [driver, owner, treasury, market],
      [fee + deposit, 0n, 0n, -(fee + deposit)],
    );
    await expect(tx).to.changeTokenBalance(ethers, credit, driver, 0n);
  });

  it("pays a check-out in KRW (fee split, deposit back) although the fee was paid in credits", async () => {
    const { krw, treasury, market, driver, owner, slotId, start, end, fee, deposit } =
      await tenUnits();
    const credits = fee / 2n;
    const id = await bookAt(connection, market, driver, start - HOUR, slotId, start, end, credits);
    await nextBlockAt(connection, start);
    await market.connect(driver).checkIn(id);
    await nextBlockAt(connection, end);
    const platformCut = bpsOf(fee, SPEC.platformFeeBps);
    await expect(market.connect(driver).checkOut(id)).to.changeTokenBalances(
      ethers,
      krw,
      [driver, owner, treasury, market],
      [deposit, fee - platformCut, platformCut, -(fee + deposit)],
    );
  });
});
