/**
 * ParkingMarket.cancel: free or late cancellation by the driver before the start, and the
 * release of the booking's units (SPEC.md section 2).
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

const CHECKED_IN = 2n;
const CANCELLED = 4n;

describe("ParkingMarket.cancel", () => {
  /** A booking of `units` units of a slot at `price`, Monday from 10:00 KST, booked at 07:00. */
  async function booked(units = 10n, price = SLOT_PRICE) {
    const f = await networkHelpers.loadFixture(parkingFixture);
    let slotId = f.slotId;
    if (price !== SLOT_PRICE) {
      const district = ethers.encodeBytes32String("songdo");
      slotId = await f.market.registerSlot.staticCall(f.owner, district, price, ALL_WEEK);
      await f.market.registerSlot(f.owner, district, price, ALL_WEEK);
    }
    const start = f.monday + 10n * HOUR;
    const end = start + units * UNIT;
    const id = await bookAt(connection, f.market, f.driver, start - 3n * HOUR, slotId, start, end);
    const fee = units * price;
    const deposit = SPEC.depositUnits * price;
    return { ...f, slotId, id, start, end, fee, deposit };
  }

  it("exactly freeCancelSeconds before the start: full refund of fee and deposit, units freed", async () => {
    const { krw, market, driver, driver2, owner, treasury, slotId, id, start, end, fee, deposit } =
      await booked();
    await nextBlockAt(connection, start - SPEC.freeCancelSeconds);
    const tx = market.connect(driver).cancel(id);
    await expect(tx)
      .to.emit(market, "BookingCancelled")
      .withArgs(id, 0n, 0n, 0n, fee + deposit);
    await expect(tx).to.changeTokenBalances(
      ethers,
      krw,
      [driver, owner, treasury, market],
      [fee + deposit, 0n, 0n, -(fee + deposit)],
    );
    expect((await market.getBooking(id)).status).to.equal(CANCELLED);
    await expect(market.connect(driver2).book(slotId, start, end, 0n)).to.emit(
      market,
      "BookingCreated",
    );
  });

  it("one second later: cancelFee = floor(fee x lateCancelBps / 10000) is split like a fee", async () => {
    // 3 units at 301 KRW: every floor of the formula cuts a fraction.
    const { krw, market, driver, driver2, owner, treasury, slotId, id, start, end, fee, deposit } =
      await booked(3n, 301n);
    const cancelFee = bpsOf(fee, SPEC.lateCancelBps);
    const platformCut = bpsOf(cancelFee, SPEC.platformFeeBps);
    const ownerShare = cancelFee - platformCut;
    const refund = fee - cancelFee + deposit;

    await nextBlockAt(connection, start - SPEC.freeCancelSeconds + 1n);
    const tx = market.connect(driver).cancel(id);
    await expect(tx)
      .to.emit(market, "BookingCancelled")
      .withArgs(id, cancelFee, platformCut, ownerShare, refund);
    await expect(tx).to.changeTokenBalances(
      ethers,
      krw,
      [driver, owner, treasury, market],
      [refund, ownerShare, platformCut, -(fee + deposit)],
    );
    await expect(market.connect(driver2).book(slotId, start, end, 0n)).to.emit(
      market,
      "BookingCreated",
    );
  });

  it("is late but allowed one second before the start", async () => {
    const { krw, market, driver, owner, treasury, id, start, fee, deposit } = await booked();
    const cancelFee = bpsOf(fee, SPEC.lateCancelBps);
    const platformCut = bpsOf(cancelFee, SPEC.platformFeeBps);
    await nextBlockAt(connection, start - 1n);
    await expect(market.connect(driver).cancel(id)).to.changeTokenBalances(
      ethers,
      krw,
      [driver, owner, treasury, market],
      [fee - cancelFee + deposit, cancelFee - platformCut, platformCut, -(fee + deposit)],
    );
  });

  it("rejects a cancellation at the start with ParkingCancelTooLate", async () => {
    const { market, driver, id, start } = await booked();
    await nextBlockAt(connection, start);
    await expect(market.connect(driver).cancel(id))
      .to.be.revertedWithCustomError(market, "ParkingCancelTooLate")
      .withArgs(id, start);
  });

  it("rejects a cancellation after check-in, even before the start (ParkingInvalidStatus)", async () => {
    const { market, driver, id, start } = await booked();
    await nextBlockAt(connection, start - UNIT);
    await market.connect(driver).checkIn(id);
    await expect(market.connect(driver).cancel(id))
      .to.be.revertedWithCustomError(market, "ParkingInvalidStatus")
      .withArgs(id, CHECKED_IN);
  });

  it("is for the driver only: not the gate, the owner or anyone else (ParkingUnauthorized)", async () => {
    const { market, gate, owner, stranger, id } = await booked();
    for (const other of [gate, owner, stranger]) {
      await expect(market.connect(other).cancel(id))
        .to.be.revertedWithCustomError(market, "ParkingUnauthorized")
        .withArgs(id, other.address);
    }
  });

  it("closes once: a second cancel reverts with ParkingInvalidStatus, an unknown id with ParkingBookingNotFound", async () => {
    const { market, driver, id } = await booked();
    await market.connect(driver).cancel(id);
    await expect(market.connect(driver).cancel(id))
      .to.be.revertedWithCustomError(market, "ParkingInvalidStatus")
      .withArgs(id, CANCELLED);
    await expect(market.connect(driver).cancel(id + 1n))
      .to.be.revertedWithCustomError(market, "ParkingBookingNotFound")
      .withArgs(id + 1n);
  });

  it("frees the units of a booking across a reservation-word boundary", async () => {
    const { market, driver, driver2, monday, slotId } =
      await networkHelpers.loadFixture(parkingFixture);
    const wordSeconds = 256n * UNIT;
    const boundary = (monday / wordSeconds + 1n) * wordSeconds;
    const start = boundary - HOUR;
    const end = boundary + HOUR;
    const id = await bookAt(connection, market, driver, monday, slotId, start, end);
    await expect(market.connect(driver2).book(slotId, boundary, end, 0n))
      .to.be.revertedWithCustomError(market, "ParkingSlotAlreadyBooked")
      .withArgs(slotId, boundary, end);
    await market.connect(driver).cancel(id);
    await expect(market.connect(driver2).book(slotId, boundary, end, 0n)).to.emit(
      market,
      "BookingCreated",
    );
    await expect(market.connect(driver2).book(slotId, start, boundary, 0n)).to.emit(
      market,
      "BookingCreated",
    );
  });
});
