/**
 * ParkingMarket.checkIn and checkOut: the check-in window, who may act, the overstay penalty
 * and the settlement of fee, penalty and deposit (SPEC.md section 2).
 */
import { expect } from "chai";
import { network } from "hardhat";

import {
  DAY,
  HOUR,
  SLOT_PRICE,
  SPEC,
  UNIT,
  bookAt,
  bpsOf,
  ceilDiv,
  nextBlockAt,
  parkingFixture,
  ALL_WEEK,
} from "./fixture.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

const CHECKED_IN = 2n;
const CHECKED_OUT = 3n;
const BOOKED = 1n;

describe("ParkingMarket.checkIn / checkOut", () => {
  /**
   * A 10-unit booking of a slot at `price` (Monday 10:00-12:30 KST, booked at 08:00).
   */
  async function booked(price = SLOT_PRICE) {
    const f = await networkHelpers.loadFixture(parkingFixture);
    let slotId = f.slotId;
    if (price !== SLOT_PRICE) {
      const district = ethers.encodeBytes32String("songdo");
      slotId = await f.market.registerSlot.staticCall(f.owner, district, price, ALL_WEEK);
      await f.market.registerSlot(f.owner, district, price, ALL_WEEK);
    }
    const start = f.monday + 10n * HOUR;
    const end = start + 10n * UNIT;
    const id = await bookAt(connection, f.market, f.driver, start - 2n * HOUR, slotId, start, end);
    const fee = ((end - start) / UNIT) * price;
    const deposit = SPEC.depositUnits * price;
    return { ...f, slotId, id, start, end, fee, deposit, price };
  }

  /** {@link booked}, checked in by the driver at the start. */
  async function checkedIn(price = SLOT_PRICE) {
    const b = await booked(price);
    await nextBlockAt(connection, b.start);
    await b.market.connect(b.driver).checkIn(b.id);
    return b;
  }

  describe("checkIn", () => {
    it("opens at start - 900: rejects start - 901 with ParkingCheckInClosed", async () => {
      const { market, driver, id, start, end } = await booked();
      await nextBlockAt(connection, start - UNIT - 1n);
      await expect(market.connect(driver).checkIn(id))
        .to.be.revertedWithCustomError(market, "ParkingCheckInClosed")
        .withArgs(id, start - UNIT, end, start - UNIT - 1n);
      await nextBlockAt(connection, start - UNIT);
      await expect(market.connect(driver).checkIn(id))
        .to.emit(market, "BookingCheckedIn")
        .withArgs(id);
      expect((await market.getBooking(id)).status).to.equal(CHECKED_IN);
    });

    it("closes at end: rejects a check-in at end, accepts end - 1", async () => {
      const { krw, market, driver, owner, treasury, id, start, end } = await booked();
      await nextBlockAt(connection, end);
      await expect(market.connect(driver).checkIn(id))
        .to.be.revertedWithCustomError(market, "ParkingCheckInClosed")
        .withArgs(id, start - UNIT, end, end);
      await nextBlockAt(connection, end - 1n);
      await expect(market.connect(driver).checkIn(id)).to.changeTokenBalances(
        ethers,
        krw,
        [driver, owner, treasury, market],
        [0n, 0n, 0n, 0n],
      );
    });

    it("lets the gate role check the driver in, not anyone else (ParkingUnauthorized)", async () => {
      const { market, stranger, gate, owner, id, start } = await booked();
      await nextBlockAt(connection, start);
      for (const other of [stranger, owner]) {
        await expect(market.connect(other).checkIn(id))
          .to.be.revertedWithCustomError(market, "ParkingUnauthorized")
          .withArgs(id, other.address);
      }
      await expect(market.connect(gate).checkIn(id))
        .to.emit(market, "BookingCheckedIn")
        .withArgs(id);
    });

    it("rejects a second check-in (ParkingInvalidStatus) and an unknown booking (ParkingBookingNotFound)", async () => {
      const { market, driver, id } = await checkedIn();
      await expect(market.connect(driver).checkIn(id))
        .to.be.revertedWithCustomError(market, "ParkingInvalidStatus")
        .withArgs(id, CHECKED_IN);
      await expect(market.connect(driver).checkIn(99n))
        .to.be.revertedWithCustomError(market, "ParkingBookingNotFound")
        .withArgs(99n);
    });
  });

  describe("checkOut", () => {
    it("on time: platformCut = floor(fee x platformFeeBps / 10000) to the treasury, the rest to the owner, the deposit back", async () => {
      const { krw, market, driver, owner, treasury, id, end, fee, deposit } = await checkedIn();
      const platformCut = bpsOf(fee, SPEC.platformFeeBps);
      await nextBlockAt(connection, end);
      const tx = market.connect(driver).checkOut(id);
      await expect(tx)
        .to.emit(market, "BookingCheckedOut")
        .withArgs(id, 0n, platformCut, fee - platformCut, deposit);
      await expect(tx).to.changeTokenBalances(
        ethers,
        krw,
        [driver, owner, treasury, market],
        [deposit, fee - platformCut, platformCut, -(fee + deposit)],
      );
      expect((await market.getBooking(id)).status).to.equal(CHECKED_OUT);
    });

    it("exactly at end + graceSeconds: no penalty", async () => {
      const { krw, market, driver, owner, treasury, id, end, fee, deposit } = await checkedIn();
      const platformCut = bpsOf(fee, SPEC.platformFeeBps);
      await nextBlockAt(connection, end + SPEC.graceSeconds);
      await expect(market.connect(driver).checkOut(id)).to.changeTokenBalances(
        ethers,
        krw,
        [driver, owner, treasury, market],
        [deposit, fee - platformCut, platformCut, -(fee + deposit)],
      );
    });

    it("one second after end + graceSeconds: penalty for overUnits = ceil((checkout - end) / 900)", async () => {
      const { krw, market, driver, owner, treasury, id, end, fee, deposit, price } =
        await checkedIn(301n);
      const checkout = end + SPEC.graceSeconds + 1n;
      const overUnits = ceilDiv(checkout - end, UNIT);
      const uncapped = bpsOf(overUnits * price, SPEC.overstayBps);
      const penalty = uncapped < deposit ? uncapped : deposit;
      const platformCut = bpsOf(fee + penalty, SPEC.platformFeeBps);
      const ownerShare = fee + penalty - platformCut;
      expect(penalty).to.be.greaterThan(0n);

      await nextBlockAt(connection, checkout);
      const tx = market.connect(driver).checkOut(id);
      await expect(tx)
        .to.emit(market, "BookingCheckedOut")
        .withArgs(id, penalty, platformCut, ownerShare, deposit - penalty);
      await expect(tx).to.changeTokenBalances(
        ethers,
        krw,
        [driver, owner, treasury, market],
        [deposit - penalty, ownerShare, platformCut, -(fee + deposit)],
      );
    });

    it("rounds overUnits up: 901 s late is two units", async () => {
      const { krw, market, driver, owner, treasury, id, end, fee, deposit, price } =
        await checkedIn();
      const checkout = end + UNIT + 1n;
      const overUnits = ceilDiv(checkout - end, UNIT);
      expect(overUnits).to.equal(2n);
      const uncapped = bpsOf(overUnits * price, SPEC.overstayBps);
      const penalty = uncapped < deposit ? uncapped : deposit;
      const platformCut = bpsOf(fee + penalty, SPEC.platformFeeBps);
      await nextBlockAt(connection, checkout);
      await expect(market.connect(driver).checkOut(id)).to.changeTokenBalances(
        ethers,
        krw,
        [driver, owner, treasury, market],
        [deposit - penalty, fee + penalty - platformCut, platformCut, -(fee + deposit)],
      );
    });

    it("caps the penalty at the deposit: the driver gets nothing back", async () => {
      const { krw, market, driver, owner, treasury, id, end, fee, deposit, price } =
        await checkedIn();
      const checkout = end + DAY;
      const overUnits = ceilDiv(checkout - end, UNIT);
      expect(bpsOf(overUnits * price, SPEC.overstayBps)).to.be.greaterThan(deposit);
      const penalty = deposit;
      const platformCut = bpsOf(fee + penalty, SPEC.platformFeeBps);
      await nextBlockAt(connection, checkout);
      const tx = market.connect(driver).checkOut(id);
      await expect(tx)
        .to.emit(market, "BookingCheckedOut")
        .withArgs(id, penalty, platformCut, fee + penalty - platformCut, 0n);
      await expect(tx).to.changeTokenBalances(
        ethers,
        krw,
        [driver, owner, treasury, market],
        [0n, fee + penalty - platformCut, platformCut, -(fee + deposit)],
      );
    });

    it("an early check-out pays the whole fee and keeps the units reserved until end", async () => {
      const {
        krw,
        market,
        driver,
        driver2,
        owner,
        treasury,
        slotId,
        id,
        start,
        end,
        fee,
        deposit,
      } = await checkedIn();
      const platformCut = bpsOf(fee, SPEC.platformFeeBps);
      await nextBlockAt(connection, start + HOUR);
      await expect(market.connect(driver).checkOut(id)).to.changeTokenBalances(
        ethers,
        krw,
        [driver, owner, treasury, market],
        [deposit, fee - platformCut, platformCut, -(fee + deposit)],
      );
      const rest = start + 2n * HOUR;
      await expect(market.connect(driver2).book(slotId, rest, end, 0n))
        .to.be.revertedWithCustomError(market, "ParkingSlotAlreadyBooked")
        .withArgs(slotId, rest, end);
      await expect(market.connect(driver2).book(slotId, end, end + HOUR, 0n)).to.emit(
        market,
        "BookingCreated",
      );
    });

    it("lets the gate role check the driver out, not anyone else (ParkingUnauthorized)", async () => {
      const { krw, market, driver, gate, stranger, id, end, deposit } = await checkedIn();
      await nextBlockAt(connection, end);
      await expect(market.connect(stranger).checkOut(id))
        .to.be.revertedWithCustomError(market, "ParkingUnauthorized")
        .withArgs(id, stranger.address);
      await expect(market.connect(gate).checkOut(id)).to.changeTokenBalances(
        ethers,
        krw,
        [driver, gate],
        [deposit, 0n],
      );
    });

    it("needs a check-in first and closes once (ParkingInvalidStatus, ParkingBookingNotFound)", async () => {
      const { market, driver, id, start } = await booked();
      await expect(market.connect(driver).checkOut(id))
        .to.be.revertedWithCustomError(market, "ParkingInvalidStatus")
        .withArgs(id, BOOKED);
      await nextBlockAt(connection, start);
      await market.connect(driver).checkIn(id);
      await market.connect(driver).checkOut(id);
      await expect(market.connect(driver).checkOut(id))
        .to.be.revertedWithCustomError(market, "ParkingInvalidStatus")
        .withArgs(id, CHECKED_OUT);
      await expect(market.connect(driver).checkOut(0n))
        .to.be.revertedWithCustomError(market, "ParkingBookingNotFound")
        .withArgs(0n);
    });
  });
});
