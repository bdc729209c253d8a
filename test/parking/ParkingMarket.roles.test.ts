/**
 * ParkingMarket roles and pause: registrar, gate and pauser; what a pause stops (new slots,
 * bookings, price and availability changes, check-ins) and what it leaves open (check-out,
 * cancellation, settlement), so that a pause never locks a driver's deposit.
 */
import { expect } from "chai";
import { network } from "hardhat";

import {
  ALL_WEEK,
  HOUR,
  SLOT_PRICE,
  SPEC,
  UNIT,
  bookAt,
  bpsOf,
  nextBlockAt,
  parkingFixture,
} from "./fixture.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

describe("ParkingMarket roles", () => {
  const setup = () => networkHelpers.loadFixture(parkingFixture);
  const district = ethers.encodeBytes32String("songdo");

  it("registers slots with the registrar role only (AccessControlUnauthorizedAccount)", async () => {
    const { market, admin, owner, stranger } = await setup();
    const role = await market.REGISTRAR_ROLE();
    await expect(market.connect(stranger).registerSlot(owner, district, SLOT_PRICE, ALL_WEEK))
      .to.be.revertedWithCustomError(market, "AccessControlUnauthorizedAccount")
      .withArgs(stranger.address, role);
    await expect(market.grantRole(role, stranger))
      .to.emit(market, "RoleGranted")
      .withArgs(role, stranger.address, admin.address);
    await expect(market.connect(stranger).registerSlot(owner, district, SLOT_PRICE, ALL_WEEK))
      .to.emit(market, "SlotRegistered")
      .withArgs(2n, owner.address, district, SLOT_PRICE);
  });

  it("gives the deployer admin, registrar and pauser roles; only the admin grants roles", async () => {
    const { market, admin, stranger } = await setup();
    const adminRole = await market.DEFAULT_ADMIN_ROLE();
    for (const role of [adminRole, await market.REGISTRAR_ROLE(), await market.PAUSER_ROLE()]) {
      expect(await market.hasRole(role, admin)).to.equal(true);
    }
    const gateRole = await market.GATE_ROLE();
    await expect(market.connect(stranger).grantRole(gateRole, stranger))
      .to.be.revertedWithCustomError(market, "AccessControlUnauthorizedAccount")
      .withArgs(stranger.address, adminRole);
  });

  it("lets a gate act for drivers only while it holds the gate role", async () => {
    const { market, admin, driver, gate, slotId, monday } = await setup();
    const start = monday + 10n * HOUR;
    const id = await bookAt(connection, market, driver, monday, slotId, start, start + HOUR);
    await expect(market.revokeRole(await market.GATE_ROLE(), gate))
      .to.emit(market, "RoleRevoked")
      .withArgs(await market.GATE_ROLE(), gate.address, admin.address);
    await nextBlockAt(connection, start);
    await expect(market.connect(gate).checkIn(id))
      .to.be.revertedWithCustomError(market, "ParkingUnauthorized")
      .withArgs(id, gate.address);
  });

  it("pauses and unpauses with the pauser role only", async () => {
    const { market, admin, stranger } = await setup();
    const role = await market.PAUSER_ROLE();
    await expect(market.connect(stranger).pause())
      .to.be.revertedWithCustomError(market, "AccessControlUnauthorizedAccount")
      .withArgs(stranger.address, role);
    await expect(market.pause()).to.emit(market, "Paused").withArgs(admin.address);
    expect(await market.paused()).to.equal(true);
    await expect(market.pause()).to.be.revertedWithCustomError(market, "EnforcedPause");
    await expect(market.connect(stranger).unpause())
      .to.be.revertedWithCustomError(market, "AccessControlUnauthorizedAccount")
      .withArgs(stranger.address, role);
    await expect(market.unpause()).to.emit(market, "Unpaused").withArgs(admin.address);
    await expect(market.unpause()).to.be.revertedWithCustomError(market, "ExpectedPause");
  });

  it("a pause stops book, registerSlot, setAvailability and setUnitPrice (EnforcedPause) but not checkIn", async () => {
    const { market, owner, driver, slotId, monday } = await setup();
    const start = monday + 10n * HOUR;
    const id = await bookAt(connection, market, driver, monday, slotId, start, start + HOUR);
    await market.pause();
    const blocked = [
      () => market.connect(driver).book(slotId, start + HOUR, start + 2n * HOUR, 0n),
      () => market.registerSlot(owner, district, SLOT_PRICE, ALL_WEEK),
      () => market.connect(owner).setAvailability(slotId, ALL_WEEK),
      () => market.connect(owner).setUnitPrice(slotId, SLOT_PRICE + 1n),
    ];
    for (const call of blocked) {
      await expect(call()).to.be.revertedWithCustomError(market, "EnforcedPause");
    }
    // A driver who arrives during a pause can still check in, so no one becomes a no-show.
    await nextBlockAt(connection, start);
    await expect(market.connect(driver).checkIn(id)).to.emit(market, "BookingCheckedIn");
    await market.unpause();
    await expect(market.connect(driver).book(slotId, start + HOUR, start + 2n * HOUR, 0n)).to.emit(
      market,
      "BookingCreated",
    );
  });

  it("a pause leaves checkOut, cancel and settle open: deposits never lock", async () => {
    const { krw, market, owner, driver, driver2, treasury, keeper, slotId, monday } = await setup();
    const a = monday + 10n * HOUR; // checked in, then checked out during the pause
    const b = monday + 14n * HOUR; // cancelled (free) during the pause
    const c = monday + 16n * HOUR; // no-show, settled during the pause
    const idA = await bookAt(connection, market, driver, monday, slotId, a, a + HOUR);
    const idB = await bookAt(connection, market, driver2, monday + 1n, slotId, b, b + HOUR);
    const idC = await bookAt(connection, market, driver2, monday + 2n, slotId, c, c + HOUR);
    await nextBlockAt(connection, a);
    await market.connect(driver).checkIn(idA);
    await market.pause();

    const fee = (HOUR / UNIT) * SLOT_PRICE;
    const deposit = SPEC.depositUnits * SLOT_PRICE;
    const platformCut = bpsOf(fee, SPEC.platformFeeBps);
    await nextBlockAt(connection, a + HOUR);
    await expect(market.connect(driver).checkOut(idA)).to.changeTokenBalances(
      ethers,
      krw,
      [driver, owner, treasury, market],
      [deposit, fee - platformCut, platformCut, -(fee + deposit)],
    );
    await expect(market.connect(driver2).cancel(idB)).to.changeTokenBalances(
      ethers,
      krw,
      [driver2, owner, treasury, market],
      [fee + deposit, 0n, 0n, -(fee + deposit)],
    );
    await nextBlockAt(connection, c + HOUR + SPEC.graceSeconds);
    await expect(market.connect(keeper).settle(idC)).to.changeTokenBalances(
      ethers,
      krw,
      [driver2, owner, treasury, market],
      [deposit, fee - platformCut, platformCut, -(fee + deposit)],
    );
    expect(await market.paused()).to.equal(true);
  });
});
