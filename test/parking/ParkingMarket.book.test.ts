/**
 * ParkingMarket.book: escrow of fee + deposit, time checks, unit count, weekly KST
 * availability (SPEC.md section 2). Overlap: ParkingMarket.overlap.test.ts.
 */
import { expect } from "chai";
import { network } from "hardhat";

import {
  DAY,
  HOUR,
  KST_OFFSET,
  SLOT_PRICE,
  SPEC,
  UNIT,
  WEEK,
  bookAt,
  nextBlockAt,
  parkingFixture,
  weekFromRanges,
  withUnits,
  NO_UNITS,
  type ParkingFixture,
  type WeekBitmap,
} from "./fixture.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

describe("ParkingMarket.book", () => {
  const setup = () => networkHelpers.loadFixture(parkingFixture);

  /** Registers a slot for the fixture's owner with `availability`; returns its id. */
  async function slotWith(
    { market, owner }: ParkingFixture,
    availability: WeekBitmap,
  ): Promise<bigint> {
    const district = ethers.encodeBytes32String("songdo");
    const slotId = await market.registerSlot.staticCall(owner, district, SLOT_PRICE, availability);
    await market.registerSlot(owner, district, SLOT_PRICE, availability);
    return slotId;
  }

  it("takes fee = units x unitPrice plus deposit = depositUnits x unitPrice into escrow", async () => {
    const { krw, market, treasury, driver, owner, monday, slotId } = await setup();
    const start = monday + 10n * HOUR;
    const end = monday + 12n * HOUR + 30n * 60n;
    const units = (end - start) / UNIT;
    const fee = units * SLOT_PRICE;
    const deposit = SPEC.depositUnits * SLOT_PRICE;

    await nextBlockAt(connection, monday + 9n * HOUR);
    const tx = market.connect(driver).book(slotId, start, end, 0n);
    await expect(tx)
      .to.emit(market, "BookingCreated")
      .withArgs(1n, slotId, driver.address, start, end, fee, deposit, 0n);
    await expect(tx).to.changeTokenBalances(
      ethers,
      krw,
      [driver, owner, treasury, market],
      [-(fee + deposit), 0n, 0n, fee + deposit],
    );

    const booking = await market.getBooking(1n);
    expect(booking.driver).to.equal(driver.address);
    expect(booking.start).to.equal(start);
    expect(booking.end).to.equal(end);
    expect(booking.status).to.equal(1n); // Booked
    expect(booking.slotId).to.equal(slotId);
    expect(booking.unitPrice).to.equal(SLOT_PRICE);
  });

  it("numbers bookings from 1 and returns the id", async () => {
    const { market, driver, driver2, monday, slotId } = await setup();
    const first = await bookAt(connection, market, driver, monday, slotId, monday, monday + UNIT);
    const second = await bookAt(
      connection,
      market,
      driver2,
      monday + 1n,
      slotId,
      monday + HOUR,
      monday + 2n * HOUR,
    );
    expect([first, second]).to.deep.equal([1n, 2n]);
    expect((await market.getBooking(3n)).status).to.equal(0n); // None
  });

  it("accepts a start equal to the block time (start >= now)", async () => {
    const { market, driver, monday, slotId } = await setup();
    const start = monday + 8n * HOUR;
    await nextBlockAt(connection, start);
    await expect(market.connect(driver).book(slotId, start, start + UNIT, 0n)).to.emit(
      market,
      "BookingCreated",
    );
  });

  it("rejects a start in the past with ParkingStartInPast", async () => {
    const { market, driver, monday, slotId } = await setup();
    const start = monday + 8n * HOUR;
    await nextBlockAt(connection, start + 1n);
    await expect(market.connect(driver).book(slotId, start, start + UNIT, 0n))
      .to.be.revertedWithCustomError(market, "ParkingStartInPast")
      .withArgs(start, start + 1n);
  });

  it("rejects a start or an end not aligned to 900 s with ParkingUnalignedTime", async () => {
    const { market, driver, monday, slotId } = await setup();
    const start = monday + 8n * HOUR;
    const end = start + HOUR;
    await expect(market.connect(driver).book(slotId, start + 60n, end, 0n))
      .to.be.revertedWithCustomError(market, "ParkingUnalignedTime")
      .withArgs(start + 60n, end);
    await expect(market.connect(driver).book(slotId, start, end - 1n, 0n))
      .to.be.revertedWithCustomError(market, "ParkingUnalignedTime")
      .withArgs(start, end - 1n);
  });

  it("rejects an end not after the start, or past uint40, with ParkingInvalidRange", async () => {
    const { market, driver, monday, slotId } = await setup();
    const start = monday + 8n * HOUR;
    await expect(market.connect(driver).book(slotId, start, start, 0n))
      .to.be.revertedWithCustomError(market, "ParkingInvalidRange")
      .withArgs(start, start);
    await expect(market.connect(driver).book(slotId, start, start - UNIT, 0n))
      .to.be.revertedWithCustomError(market, "ParkingInvalidRange")
      .withArgs(start, start - UNIT);
    const beyond = (2n ** 40n / UNIT + 1n) * UNIT;
    await expect(market.connect(driver).book(slotId, start, beyond, 0n))
      .to.be.revertedWithCustomError(market, "ParkingInvalidRange")
      .withArgs(start, beyond);
  });

  it("accepts 96 units (one day) and rejects 97 with ParkingInvalidUnits", async () => {
    const { krw, market, driver, monday, slotId } = await setup();
    const start = monday + 6n * HOUR;
    await expect(market.connect(driver).book(slotId, start, start + 97n * UNIT, 0n))
      .to.be.revertedWithCustomError(market, "ParkingInvalidUnits")
      .withArgs(97n);
    const fee = 96n * SLOT_PRICE;
    const deposit = SPEC.depositUnits * SLOT_PRICE;
    await expect(
      market.connect(driver).book(slotId, start, start + 96n * UNIT, 0n),
    ).to.changeTokenBalances(ethers, krw, [driver, market], [-(fee + deposit), fee + deposit]);
  });

  it("rejects an unknown slot with ParkingSlotNotFound", async () => {
    const { market, driver, monday } = await setup();
    await expect(market.connect(driver).book(2n, monday, monday + UNIT, 0n))
      .to.be.revertedWithCustomError(market, "ParkingSlotNotFound")
      .withArgs(2n);
  });

  it("places unit 0 of the week at Monday 00:00 KST, repeating every week", async () => {
    const f = await setup();
    const { market, driver, monday } = f;
    // The fixture's Monday, read as a KST wall clock by the JavaScript Date.
    const kst = new Date(Number(monday + KST_OFFSET) * 1000);
    expect([kst.getUTCDay(), kst.getUTCHours(), kst.getUTCMinutes()]).to.deep.equal([1, 0, 0]);
    const slotId = await slotWith(f, withUnits(NO_UNITS, 0, 1));
    await expect(market.connect(driver).book(slotId, monday - UNIT, monday, 0n))
      .to.be.revertedWithCustomError(market, "ParkingSlotUnavailable")
      .withArgs(slotId, monday - UNIT, monday);
    await expect(market.connect(driver).book(slotId, monday + UNIT, monday + 2n * UNIT, 0n))
      .to.be.revertedWithCustomError(market, "ParkingSlotUnavailable")
      .withArgs(slotId, monday + UNIT, monday + 2n * UNIT);
    await expect(market.connect(driver).book(slotId, monday, monday + UNIT, 0n)).to.emit(
      market,
      "BookingCreated",
    );
    const nextMonday = monday + WEEK;
    await expect(market.connect(driver).book(slotId, nextMonday, nextMonday + UNIT, 0n)).to.emit(
      market,
      "BookingCreated",
    );
  });

  it("accepts the first and the last unit of an availability range, not one outside", async () => {
    const f = await setup();
    const { market, driver, monday } = f;
    const slotId = await slotWith(f, weekFromRanges(["Mon 08:00-20:00"]));
    const opens = monday + 8n * HOUR;
    const closes = monday + 20n * HOUR;
    await expect(market.connect(driver).book(slotId, opens - UNIT, opens + UNIT, 0n))
      .to.be.revertedWithCustomError(market, "ParkingSlotUnavailable")
      .withArgs(slotId, opens - UNIT, opens + UNIT);
    await expect(market.connect(driver).book(slotId, closes - UNIT, closes + UNIT, 0n))
      .to.be.revertedWithCustomError(market, "ParkingSlotUnavailable")
      .withArgs(slotId, closes - UNIT, closes + UNIT);
    await expect(market.connect(driver).book(slotId, opens, opens + UNIT, 0n))
      .to.emit(market, "BookingCreated")
      .withArgs(1n, slotId, driver.address, opens, opens + UNIT, SLOT_PRICE, anyDeposit(), 0n);
    await expect(market.connect(driver).book(slotId, closes - UNIT, closes, 0n))
      .to.emit(market, "BookingCreated")
      .withArgs(2n, slotId, driver.address, closes - UNIT, closes, SLOT_PRICE, anyDeposit(), 0n);
  });

  it("books across Sunday -> Monday KST (the week wraps from the last word to the first)", async () => {
    const f = await setup();
    const { market, driver, monday } = f;
    const start = monday - HOUR; // Sunday 23:00 KST
    const end = monday + HOUR; // Monday 01:00 KST
    const missingMondayMidnight = await slotWith(
      f,
      weekFromRanges(["Sun 22:00-24:00", "Mon 00:15-02:00"]),
    );
    await expect(market.connect(driver).book(missingMondayMidnight, start, end, 0n))
      .to.be.revertedWithCustomError(market, "ParkingSlotUnavailable")
      .withArgs(missingMondayMidnight, start, end);
    const wrapping = await slotWith(f, weekFromRanges(["Sun 22:00-24:00", "Mon 00:00-02:00"]));
    const units = (end - start) / UNIT;
    await expect(market.connect(driver).book(wrapping, start, end, 0n))
      .to.emit(market, "BookingCreated")
      .withArgs(1n, wrapping, driver.address, start, end, units * SLOT_PRICE, anyDeposit(), 0n);
  });

  it("checks ranges that cross availability words inside the week", async () => {
    const f = await setup();
    const { market, driver, monday } = f;
    // Unit 256 is Wednesday 16:00 KST, unit 512 Saturday 08:00 KST.
    const slotId = await slotWith(f, weekFromRanges(["Wed 15:00-17:00", "Sat 07:00-08:45"]));
    const wednesday = monday + 2n * DAY;
    const saturday = monday + 5n * DAY;
    await expect(
      market.connect(driver).book(slotId, wednesday + 15n * HOUR, wednesday + 17n * HOUR, 0n),
    ).to.emit(market, "BookingCreated");
    await expect(
      market.connect(driver).book(slotId, saturday + 7n * HOUR, saturday + 9n * HOUR, 0n),
    )
      .to.be.revertedWithCustomError(market, "ParkingSlotUnavailable")
      .withArgs(slotId, saturday + 7n * HOUR, saturday + 9n * HOUR);
    await expect(
      market
        .connect(driver)
        .book(slotId, saturday + 7n * HOUR, saturday + 8n * HOUR + 45n * 60n, 0n),
    ).to.emit(market, "BookingCreated");
  });
});

/** The deposit of a booking on a {@link SLOT_PRICE} slot: depositUnits x unitPrice. */
function anyDeposit(): bigint {
  return SPEC.depositUnits * SLOT_PRICE;
}
