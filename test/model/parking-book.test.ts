import { expect } from "chai";

import { MONDAY, NEXT_MONDAY, SUNDAY, effectOf, kst, reasonOf } from "./helpers.js";
import { DRIVER_KRW, UNIT_PRICE, act, book, earnCredits, parkingWorld } from "./parking-world.js";

const DEPOSIT_UNITS = 4n;
const TREASURY = 1_000_000n;
const at = (clock: string) => kst(MONDAY, clock);

describe("model: parking.book", () => {
  it("pays fee = units * unitPrice and deposit = depositUnits * unitPrice into escrow", () => {
    const world = parkingWorld();
    const effect = effectOf(book(world, "b1", at("09:00"), at("10:00"), at("12:30")));
    const fee = 10n * UNIT_PRICE;
    const deposit = DEPOSIT_UNITS * UNIT_PRICE;
    expect(effect).to.include({ type: "booked", units: 10, fee, deposit, krwPaid: fee + deposit });
    expect(world.krw("d1")).to.equal(DRIVER_KRW - fee - deposit);
    expect(world.model.ledger.escrowKrw).to.equal(fee + deposit);
  });

  it("redeems credits through the treasury into escrow and takes the rest in KRW", () => {
    const world = parkingWorld();
    earnCredits(world, "d1", 1000, at("08:00"));
    book(world, "b1", at("09:00"), at("10:00"), at("12:30"), { credits: 1000 });
    const fee = 10n * UNIT_PRICE;
    const deposit = DEPOSIT_UNITS * UNIT_PRICE;
    const { ledger } = world.model;
    expect(world.credits("d1")).to.equal(0n);
    expect(world.krw("d1")).to.equal(DRIVER_KRW - (fee + deposit - 1000n));
    expect(ledger.treasuryKrw).to.equal(TREASURY - 1000n);
    expect(ledger.escrowKrw).to.equal(fee + deposit);
    expect(ledger.creditsRedeemed).to.equal(1000n);
    expect(ledger.creditSupply).to.equal(0n);
  });

  it("accepts credits equal to the fee and refuses one more (CreditsExceedFee)", () => {
    const world = parkingWorld();
    const fee = 4 * Number(UNIT_PRICE);
    earnCredits(world, "d1", fee + 1, at("08:00"));
    const tooMany = book(world, "b1", at("09:00"), at("10:00"), at("11:00"), { credits: fee + 1 });
    expect(reasonOf(tooMany)).to.equal("failed:CreditsExceedFee");
    const exact = book(world, "b2", at("09:00"), at("10:00"), at("11:00"), { credits: fee });
    expect(effectOf(exact)).to.include({
      creditsUsed: BigInt(fee),
      krwPaid: DEPOSIT_UNITS * UNIT_PRICE,
    });
  });

  it("checks the driver's credits before the treasury's KRW to redeem them", () => {
    const world = parkingWorld({ treasuryKrw: 999 });
    earnCredits(world, "d1", 1000, at("08:00"));
    const outcome = book(world, "b1", at("09:00"), at("10:00"), at("12:30"), { credits: 1000 });
    expect(reasonOf(outcome)).to.equal("failed:TreasuryInsufficientFunds");
    expect(world.credits("d1")).to.equal(1000n);
    const both = book(world, "b2", at("09:00"), at("10:00"), at("12:30"), { credits: 1001 });
    expect(reasonOf(both)).to.equal("failed:InsufficientCredits");
    expect(world.krw("d1")).to.equal(DRIVER_KRW);
  });

  it("fails when the driver lacks the credits or the KRW", () => {
    const world = parkingWorld();
    earnCredits(world, "d1", 100, at("08:00"));
    const noCredits = book(world, "b1", at("09:00"), at("10:00"), at("11:00"), { credits: 101 });
    expect(reasonOf(noCredits)).to.equal("failed:InsufficientCredits");
    // At 300 a unit the driver can pay anything: price the slot past the driver's KRW.
    world.apply({ t: at("09:00"), kind: "slot.price", slot: "s1", unitPrice: 30_000 });
    const noKrw = book(world, "b2", at("09:00"), at("10:00"), at("11:00"));
    // fee 4 * 30,000 + deposit 4 * 30,000 = 240,000 > 100,000.
    expect(reasonOf(noKrw)).to.equal("failed:InsufficientKrw");
    expect(world.model.ledger.escrowKrw).to.equal(0n);
  });

  it("accepts start == now and refuses a start one unit in the past", () => {
    const world = parkingWorld();
    expect(effectOf(book(world, "b1", at("10:00"), at("10:00"), at("10:15")))).to.include({
      units: 1,
    });
    const past = book(world, "b2", at("10:00"), at("09:45"), at("10:00"));
    expect(reasonOf(past)).to.equal("failed:BookingInPast");
  });

  it("accepts 96 units and refuses 97", () => {
    const world = parkingWorld();
    const day = book(world, "b1", at("00:00"), at("00:00"), kst("2026-04-07", "00:00"));
    expect(effectOf(day)).to.include({ units: 96, fee: 96n * UNIT_PRICE });
    const tooLong = book(
      world,
      "b2",
      at("00:00"),
      kst("2026-04-08", "00:00"),
      kst("2026-04-09", "00:15"),
    );
    expect(reasonOf(tooLong)).to.equal("failed:InvalidBookingUnits");
  });

  it("refuses times not aligned to 900 s", () => {
    const world = parkingWorld();
    const outcome = book(world, "b1", at("09:00"), at("10:05"), at("11:00"));
    expect(reasonOf(outcome)).to.equal("failed:BookingNotAligned");
  });

  it("takes the first and the last available unit, and refuses one unit outside", () => {
    const world = parkingWorld({ availability: ["Mon-Fri 08:00-20:00"] });
    expect(book(world, "first", at("07:00"), at("08:00"), at("08:15")).status).to.equal("ok");
    expect(book(world, "last", at("07:00"), at("19:45"), at("20:00")).status).to.equal("ok");
    const before = book(world, "before", at("07:00"), at("07:45"), at("08:00"));
    const after = book(world, "after", at("07:00"), at("20:00"), at("20:15"));
    expect([reasonOf(before), reasonOf(after)]).to.deep.equal([
      "failed:SlotUnavailable",
      "failed:SlotUnavailable",
    ]);
    const saturday = book(
      world,
      "sat",
      at("07:00"),
      kst("2026-04-11", "09:00"),
      kst("2026-04-11", "10:00"),
    );
    expect(reasonOf(saturday)).to.equal("failed:SlotUnavailable");
  });

  it("wraps the KST week from Sunday 24:00 to Monday 00:00", () => {
    const overnight = ["Sun 22:00-24:00", "Mon 00:00-02:00"];
    const world = parkingWorld({ availability: overnight });
    const across = book(world, "b1", at("09:00"), kst(SUNDAY, "23:00"), kst(NEXT_MONDAY, "01:00"));
    expect(effectOf(across)).to.include({ units: 8 });

    const sundayOnly = parkingWorld({ availability: ["Sun 22:00-24:00"] });
    const outcome = book(
      sundayOnly,
      "b1",
      at("09:00"),
      kst(SUNDAY, "23:00"),
      kst(NEXT_MONDAY, "01:00"),
    );
    expect(reasonOf(outcome)).to.equal("failed:SlotUnavailable");
  });

  it("refuses an overlapping booking and accepts adjacent ones", () => {
    const world = parkingWorld();
    book(world, "b1", at("08:00"), at("10:00"), at("11:00"));
    const overlap = book(world, "b2", at("08:00"), at("10:45"), at("11:15"), { driver: "d2" });
    expect(reasonOf(overlap)).to.equal("failed:SlotAlreadyBooked");
    expect(
      book(world, "b3", at("08:00"), at("11:00"), at("12:00"), { driver: "d2" }).status,
    ).to.equal("ok");
    expect(
      book(world, "b4", at("08:00"), at("09:00"), at("10:00"), { driver: "d2" }).status,
    ).to.equal("ok");
  });

  it("frees the units of a cancelled booking", () => {
    const world = parkingWorld();
    book(world, "b1", at("08:00"), at("10:00"), at("11:00"));
    act(world, "parking.cancel", "b1", at("08:30"));
    expect(
      book(world, "b2", at("08:45"), at("10:00"), at("11:00"), { driver: "d2" }).status,
    ).to.equal("ok");
  });

  it("keeps the units of an early check-out reserved until end", () => {
    const world = parkingWorld();
    book(world, "b1", at("08:00"), at("10:00"), at("12:00"));
    act(world, "parking.checkIn", "b1", at("10:00"));
    act(world, "parking.checkOut", "b1", at("10:30"));
    const rest = book(world, "b2", at("10:45"), at("11:00"), at("11:30"), { driver: "d2" });
    expect(reasonOf(rest)).to.equal("failed:SlotAlreadyBooked");
    expect(
      book(world, "b3", at("10:45"), at("12:00"), at("12:30"), { driver: "d2" }).status,
    ).to.equal("ok");
  });

  it("prices a booking with the unit price stored when it was made", () => {
    const world = parkingWorld();
    book(world, "b1", at("08:00"), at("10:00"), at("11:00"));
    world.apply({ t: at("08:30"), kind: "slot.price", slot: "s1", unitPrice: 500 });
    const later = effectOf(book(world, "b2", at("08:30"), at("12:00"), at("13:00")));
    expect(later).to.include({ fee: 4n * 500n, deposit: DEPOSIT_UNITS * 500n });
    act(world, "parking.checkIn", "b1", at("10:00"));
    const closed = effectOf(act(world, "parking.checkOut", "b1", at("11:00")));
    expect(closed).to.include({ fee: 4n * UNIT_PRICE, deposit: DEPOSIT_UNITS * UNIT_PRICE });
  });
});
