/**
 * ParkingMarket.settle (no-shows) and the rule that every amount of a booking uses the unit
 * price stored when it was booked (SPEC.md section 2).
 */
import { expect } from "chai";
import { network } from "hardhat";

import {
  HOUR,
  SLOT_PRICE,
  SPEC,
  UNIT,
  bookAt,
  bpsOf,
  ceilDiv,
  nextBlockAt,
  parkingFixture,
} from "./fixture.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

const CHECKED_IN = 2n;
const CANCELLED = 4n;
const SETTLED = 5n;

describe("ParkingMarket.settle", () => {
  /** A 10-unit booking, Monday 10:00-12:30 KST, booked at 08:00. */
  async function booked() {
    const f = await networkHelpers.loadFixture(parkingFixture);
    const start = f.monday + 10n * HOUR;
    const end = start + 10n * UNIT;
    const id = await bookAt(
      connection,
      f.market,
      f.driver,
      start - 2n * HOUR,
      f.slotId,
      start,
      end,
    );
    const fee = ((end - start) / UNIT) * SLOT_PRICE;
    const deposit = SPEC.depositUnits * SLOT_PRICE;
    return { ...f, id, start, end, fee, deposit };
  }

  it("settles a no-show by anyone at end + graceSeconds: fee split, deposit back", async () => {
    const { krw, market, driver, owner, treasury, keeper, id, end, fee, deposit } = await booked();
    const platformCut = bpsOf(fee, SPEC.platformFeeBps);
    await nextBlockAt(connection, end + SPEC.graceSeconds);
    const tx = market.connect(keeper).settle(id);
    await expect(tx)
      .to.emit(market, "BookingSettled")
      .withArgs(id, platformCut, fee - platformCut, deposit);
    await expect(tx).to.changeTokenBalances(
      ethers,
      krw,
      [driver, owner, treasury, market, keeper],
      [deposit, fee - platformCut, platformCut, -(fee + deposit), 0n],
    );
    expect((await market.getBooking(id)).status).to.equal(SETTLED);
  });

  it("rejects a settlement one second before end + graceSeconds with ParkingSettleTooEarly", async () => {
    const { market, keeper, id, end } = await booked();
    await nextBlockAt(connection, end + SPEC.graceSeconds - 1n);
    await expect(market.connect(keeper).settle(id))
      .to.be.revertedWithCustomError(market, "ParkingSettleTooEarly")
      .withArgs(id, end + SPEC.graceSeconds);
  });

  it("never settles a checked-in booking: only checkOut closes it (ParkingInvalidStatus)", async () => {
    const { market, driver, keeper, id, start, end } = await booked();
    await nextBlockAt(connection, start);
    await market.connect(driver).checkIn(id);
    await nextBlockAt(connection, end + 10n * HOUR);
    await expect(market.connect(keeper).settle(id))
      .to.be.revertedWithCustomError(market, "ParkingInvalidStatus")
      .withArgs(id, CHECKED_IN);
  });

  it("settles once, never a cancelled booking, never an unknown one", async () => {
    const { market, driver, keeper, slotId, id, start, end } = await booked();
    const later = await bookAt(connection, market, driver, start - HOUR, slotId, end, end + HOUR);
    await market.connect(driver).cancel(later);
    await nextBlockAt(connection, end + HOUR + SPEC.graceSeconds);
    await market.connect(keeper).settle(id);
    await expect(market.connect(keeper).settle(id))
      .to.be.revertedWithCustomError(market, "ParkingInvalidStatus")
      .withArgs(id, SETTLED);
    await expect(market.connect(keeper).settle(later))
      .to.be.revertedWithCustomError(market, "ParkingInvalidStatus")
      .withArgs(later, CANCELLED);
    await expect(market.connect(keeper).settle(later + 1n))
      .to.be.revertedWithCustomError(market, "ParkingBookingNotFound")
      .withArgs(later + 1n);
  });
});

describe("ParkingMarket unit price changes", () => {
  const NEW_PRICE = 500n;

  /**
   * Three bookings at the old price (A: 10:00-12:30 for check-out, B: 14:00-15:00 to
   * cancel late, C: 16:00-17:00 for no-show), then the owner raises the price.
   */
  async function bookedThenRepriced() {
    const f = await networkHelpers.loadFixture(parkingFixture);
    const { market, driver, owner, slotId, monday } = f;
    const a = { start: monday + 10n * HOUR, end: monday + 12n * HOUR + 30n * 60n };
    const b = { start: monday + 14n * HOUR, end: monday + 15n * HOUR };
    const c = { start: monday + 16n * HOUR, end: monday + 17n * HOUR };
    const idA = await bookAt(connection, market, driver, monday, slotId, a.start, a.end);
    const idB = await bookAt(connection, market, driver, monday + 1n, slotId, b.start, b.end);
    const idC = await bookAt(connection, market, driver, monday + 2n, slotId, c.start, c.end);
    await nextBlockAt(connection, monday + 3n);
    await expect(market.connect(owner).setUnitPrice(slotId, NEW_PRICE))
      .to.emit(market, "SlotPriceChanged")
      .withArgs(slotId, SLOT_PRICE, NEW_PRICE);
    return { ...f, a: { ...a, id: idA }, b: { ...b, id: idB }, c: { ...c, id: idC } };
  }

  it("applies a new price to later bookings only", async () => {
    const { krw, market, driver2, slotId, monday, a } = await bookedThenRepriced();
    expect(await market.unitPriceOf(slotId)).to.equal(NEW_PRICE);
    expect((await market.getBooking(a.id)).unitPrice).to.equal(SLOT_PRICE);
    const start = monday + 18n * HOUR;
    const end = start + HOUR;
    const fee = ((end - start) / UNIT) * NEW_PRICE;
    const deposit = SPEC.depositUnits * NEW_PRICE;
    const tx = market.connect(driver2).book(slotId, start, end, 0n);
    await expect(tx)
      .to.emit(market, "BookingCreated")
      .withArgs(4n, slotId, driver2.address, start, end, fee, deposit, 0n);
    await expect(tx).to.changeTokenBalances(
      ethers,
      krw,
      [driver2, market],
      [-(fee + deposit), fee + deposit],
    );
  });

  it("checks out an earlier booking with fee, deposit and penalty from its stored price", async () => {
    const { krw, market, driver, owner, treasury, a } = await bookedThenRepriced();
    const fee = ((a.end - a.start) / UNIT) * SLOT_PRICE;
    const deposit = SPEC.depositUnits * SLOT_PRICE;
    const checkout = a.end + SPEC.graceSeconds + 1n;
    const uncapped = bpsOf(ceilDiv(checkout - a.end, UNIT) * SLOT_PRICE, SPEC.overstayBps);
    const penalty = uncapped < deposit ? uncapped : deposit;
    const platformCut = bpsOf(fee + penalty, SPEC.platformFeeBps);
    await nextBlockAt(connection, a.start);
    await market.connect(driver).checkIn(a.id);
    await nextBlockAt(connection, checkout);
    await expect(market.connect(driver).checkOut(a.id)).to.changeTokenBalances(
      ethers,
      krw,
      [driver, owner, treasury, market],
      [deposit - penalty, fee + penalty - platformCut, platformCut, -(fee + deposit)],
    );
  });

  it("cancels late and settles earlier bookings from their stored price", async () => {
    const { krw, market, driver, owner, treasury, keeper, b, c } = await bookedThenRepriced();
    const feeB = ((b.end - b.start) / UNIT) * SLOT_PRICE;
    const feeC = ((c.end - c.start) / UNIT) * SLOT_PRICE;
    const deposit = SPEC.depositUnits * SLOT_PRICE;
    const cancelFee = bpsOf(feeB, SPEC.lateCancelBps);
    const cancelCut = bpsOf(cancelFee, SPEC.platformFeeBps);
    await nextBlockAt(connection, b.start - UNIT);
    await expect(market.connect(driver).cancel(b.id)).to.changeTokenBalances(
      ethers,
      krw,
      [driver, owner, treasury, market],
      [feeB - cancelFee + deposit, cancelFee - cancelCut, cancelCut, -(feeB + deposit)],
    );
    const settleCut = bpsOf(feeC, SPEC.platformFeeBps);
    await nextBlockAt(connection, c.end + SPEC.graceSeconds);
    await expect(market.connect(keeper).settle(c.id)).to.changeTokenBalances(
      ethers,
      krw,
      [driver, owner, treasury, market],
      [deposit, feeC - settleCut, settleCut, -(feeC + deposit)],
    );
  });
});
