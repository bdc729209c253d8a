/**
 * ParkingMarket.book overlap: no two live bookings of a slot overlap, checked on a bitmap of
 * the timeline with bounded work whatever the slot's history (SPEC.md section 2).
 */
import { expect } from "chai";
import { network } from "hardhat";

import {
  HOUR,
  SLOT_PRICE,
  UNIT,
  bookAt,
  nextBlockAt,
  parkingFixture,
  weekFromRanges,
} from "./fixture.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

describe("ParkingMarket.book overlap", () => {
  const setup = () => networkHelpers.loadFixture(parkingFixture);

  it("accepts adjacent bookings and rejects an overlap of one unit with ParkingSlotAlreadyBooked", async () => {
    const { market, driver, driver2, monday, slotId } = await setup();
    const start = monday + 10n * HOUR;
    const end = monday + 12n * HOUR;
    await bookAt(connection, market, driver, monday - HOUR, slotId, start, end);
    await expect(market.connect(driver2).book(slotId, end - UNIT, end + HOUR, 0n))
      .to.be.revertedWithCustomError(market, "ParkingSlotAlreadyBooked")
      .withArgs(slotId, end - UNIT, end + HOUR);
    await expect(market.connect(driver2).book(slotId, start - HOUR, start + UNIT, 0n))
      .to.be.revertedWithCustomError(market, "ParkingSlotAlreadyBooked")
      .withArgs(slotId, start - HOUR, start + UNIT);
    await expect(market.connect(driver2).book(slotId, end, end + HOUR, 0n)).to.emit(
      market,
      "BookingCreated",
    );
    await expect(market.connect(driver2).book(slotId, start - HOUR, start, 0n)).to.emit(
      market,
      "BookingCreated",
    );
  });

  it("keeps the bookings of different slots apart", async () => {
    const { market, owner, driver, driver2, monday, slotId } = await setup();
    const district = ethers.encodeBytes32String("songdo");
    const mondays = weekFromRanges(["Mon 00:00-24:00"]);
    const other = await market.registerSlot.staticCall(owner, district, SLOT_PRICE, mondays);
    await market.registerSlot(owner, district, SLOT_PRICE, mondays);
    const start = monday + 10n * HOUR;
    await bookAt(connection, market, driver, monday - HOUR, slotId, start, start + HOUR);
    await expect(market.connect(driver2).book(other, start, start + HOUR, 0n)).to.emit(
      market,
      "BookingCreated",
    );
  });

  it("detects overlap on both sides of a reservation-word boundary of the timeline", async () => {
    const { market, driver, driver2, monday, slotId } = await setup();
    // The timeline keeps 256 units per word: take two word boundaries after the Monday.
    const wordSeconds = 256n * UNIT;
    const boundary = (monday / wordSeconds + 1n) * wordSeconds;
    const later = boundary + wordSeconds;
    const book2 = (start: bigint, end: bigint) =>
      market.connect(driver2).book(slotId, start, end, 0n);

    // A booking across the boundary takes units of both words.
    await bookAt(connection, market, driver, monday, slotId, boundary - HOUR, boundary + HOUR);
    await expect(book2(boundary + HOUR - UNIT, boundary + 2n * HOUR))
      .to.be.revertedWithCustomError(market, "ParkingSlotAlreadyBooked")
      .withArgs(slotId, boundary + HOUR - UNIT, boundary + 2n * HOUR);
    await expect(book2(boundary - 2n * HOUR, boundary - HOUR + UNIT))
      .to.be.revertedWithCustomError(market, "ParkingSlotAlreadyBooked")
      .withArgs(slotId, boundary - 2n * HOUR, boundary - HOUR + UNIT);

    // Free in the first word, taken in the second.
    await bookAt(connection, market, driver, monday + 1n, slotId, later, later + HOUR);
    await expect(book2(later - HOUR, later + UNIT))
      .to.be.revertedWithCustomError(market, "ParkingSlotAlreadyBooked")
      .withArgs(slotId, later - HOUR, later + UNIT);
    await expect(book2(later - HOUR, later)).to.emit(market, "BookingCreated");
    await expect(book2(boundary + HOUR, boundary + 2n * HOUR)).to.emit(market, "BookingCreated");
  });

  it("costs the same gas after 60 bookings of the slot as after one (no loop over bookings)", async () => {
    const { market, driver, monday, slotId } = await setup();
    // One-unit bookings back to back inside one word of the timeline (256 units).
    const wordSeconds = 256n * UNIT;
    const base = (monday / wordSeconds + 1n) * wordSeconds;
    const gasOfBooking = async (index: bigint): Promise<bigint> => {
      await nextBlockAt(connection, monday + index);
      const start = base + index * UNIT;
      const tx = await market.connect(driver).book(slotId, start, start + UNIT, 0n);
      const receipt = await tx.wait();
      if (receipt === null) throw new Error("no receipt");
      return receipt.gasUsed;
    };
    await gasOfBooking(0n);
    const second = await gasOfBooking(1n);
    for (let index = 2n; index < 61n; index++) await gasOfBooking(index);
    const sixtySecond = await gasOfBooking(61n);
    // Calldata bytes of the times may differ a little; one storage read more per earlier
    // booking would cost thousands.
    const difference = sixtySecond > second ? sixtySecond - second : second - sixtySecond;
    expect(difference < 200n, `gas ${second} then ${sixtySecond}`).to.equal(true);
  });
});
