import { expect } from "chai";

import { MONDAY, kst, plus, reasonOf } from "./helpers.js";
import {
  DRIVER_KRW,
  UNIT_PRICE,
  act,
  book,
  closedOf,
  earnCredits,
  parkingWorld,
} from "./parking-world.js";

const at = (clock: string, seconds = 0) => kst(MONDAY, clock, seconds);
/** SPEC defaults. */
const DEPOSIT = 4n * UNIT_PRICE;
const GRACE = 600;
const OVERSTAY_BPS = 15_000n;
const PLATFORM_BPS = 1000n;
const LATE_CANCEL_BPS = 5000n;
/** A one-hour booking, 10:00-11:00 on Monday, booked at 08:00. */
const FEE = 4n * UNIT_PRICE;

function bookedWorld(options: Parameters<typeof parkingWorld>[0] = {}) {
  const world = parkingWorld(options);
  book(world, "b1", at("08:00"), at("10:00"), at("11:00"));
  return world;
}

function checkedOutAt(clock: string, seconds = 0) {
  const world = bookedWorld();
  act(world, "parking.checkIn", "b1", at("10:00"));
  return { world, closed: closedOf(act(world, "parking.checkOut", "b1", at(clock, seconds))) };
}

describe("model: check-in and check-out", () => {
  it("opens check-in at start - 900 and closes it at end", () => {
    const early = bookedWorld();
    expect(reasonOf(act(early, "parking.checkIn", "b1", at("09:44", 59)))).to.equal(
      "failed:CheckInOutsideWindow",
    );
    expect(act(early, "parking.checkIn", "b1", at("09:45")).status).to.equal("ok");
    const late = bookedWorld();
    expect(reasonOf(act(late, "parking.checkIn", "b1", at("11:00")))).to.equal(
      "failed:CheckInOutsideWindow",
    );
    expect(act(late, "parking.checkIn", "b1", at("10:59", 59)).status).to.equal("ok");
  });

  it("charges no penalty at exactly end + graceSeconds", () => {
    const { world, closed } = checkedOutAt("11:10");
    const platformCut = (FEE * PLATFORM_BPS) / 10_000n;
    expect(closed).to.include({
      overUnits: 0,
      penalty: 0n,
      platformCut,
      ownerShare: FEE - platformCut,
    });
    expect(closed.refund).to.equal(DEPOSIT);
    expect(world.krw("owner")).to.equal(FEE - platformCut);
    expect(world.krw("d1")).to.equal(DRIVER_KRW - FEE);
  });

  it("charges one unit one second after the grace (ceil) and splits fee + penalty", () => {
    const { world, closed } = checkedOutAt("11:10", 1);
    const overUnits = Math.ceil(601 / 900);
    const penalty = (BigInt(overUnits) * UNIT_PRICE * OVERSTAY_BPS) / 10_000n;
    const platformCut = ((FEE + penalty) * PLATFORM_BPS) / 10_000n;
    expect(closed).to.include({ overUnits: 1, penalty: 450n, platformCut: 165n });
    expect(closed).to.include({ penalty, platformCut, ownerShare: FEE + penalty - platformCut });
    expect(closed.refund).to.equal(DEPOSIT - penalty);
    expect(world.model.ledger.treasuryKrw).to.equal(1_000_000n + platformCut);
    expect(world.model.counters.parking.overstays).to.equal(1);
  });

  it("counts whole units from end: 900 s over is one unit, 901 s two", () => {
    expect(checkedOutAt("11:15").closed).to.include({ overUnits: 1, penalty: 450n });
    expect(checkedOutAt("11:15", 1).closed).to.include({ overUnits: 2, penalty: 900n });
  });

  it("caps the penalty at the deposit", () => {
    const { closed } = checkedOutAt("13:00");
    const uncapped = (8n * UNIT_PRICE * OVERSTAY_BPS) / 10_000n;
    expect(uncapped).to.be.greaterThan(DEPOSIT);
    expect(closed).to.include({ overUnits: 8, penalty: DEPOSIT, refund: 0n });
  });

  it("refuses check-out before check-in, and a second check-out or check-in", () => {
    const world = bookedWorld();
    expect(reasonOf(act(world, "parking.checkOut", "b1", at("10:30")))).to.equal(
      "failed:InvalidBookingStatus",
    );
    act(world, "parking.checkIn", "b1", at("10:00"));
    expect(reasonOf(act(world, "parking.checkIn", "b1", at("10:05")))).to.equal(
      "failed:InvalidBookingStatus",
    );
    act(world, "parking.checkOut", "b1", at("10:30"));
    expect(reasonOf(act(world, "parking.checkOut", "b1", at("10:40")))).to.equal(
      "failed:InvalidBookingStatus",
    );
  });

  it("answers BookingNotFound for a booking whose book failed", () => {
    const world = bookedWorld();
    book(world, "b2", at("08:00"), at("10:00"), at("11:00"), { driver: "d2" });
    expect(reasonOf(act(world, "parking.checkIn", "b2", at("10:00")))).to.equal(
      "failed:BookingNotFound",
    );
  });

  it("applies the trace's market config", () => {
    const market = { depositUnits: 2, platformFeeBps: 2000, graceSeconds: 0, overstayBps: 10_000 };
    const world = bookedWorld({ market });
    act(world, "parking.checkIn", "b1", at("10:00"));
    const closed = closedOf(act(world, "parking.checkOut", "b1", at("11:00", 1)));
    const deposit = 2n * UNIT_PRICE;
    const penalty = (1n * UNIT_PRICE * 10_000n) / 10_000n;
    const platformCut = ((FEE + penalty) * 2000n) / 10_000n;
    expect(closed).to.include({ deposit, penalty, platformCut, refund: deposit - penalty });
  });
});

describe("model: cancel and settle", () => {
  it("refunds fee and deposit in full at exactly freeCancelSeconds before start", () => {
    const world = bookedWorld();
    const closed = closedOf(act(world, "parking.cancel", "b1", at("09:00")));
    expect(closed).to.include({ closing: "freeCancel", platformCut: 0n, refund: FEE + DEPOSIT });
    expect(world.krw("d1")).to.equal(DRIVER_KRW);
  });

  it("keeps floor(fee * lateCancelBps / 10000) one second later, split like a fee", () => {
    const world = bookedWorld();
    const closed = closedOf(act(world, "parking.cancel", "b1", at("09:00", 1)));
    const cancelFee = (FEE * LATE_CANCEL_BPS) / 10_000n;
    const platformCut = (cancelFee * PLATFORM_BPS) / 10_000n;
    expect(closed).to.include({ closing: "lateCancel", cancelFee, platformCut });
    expect(closed).to.include({
      ownerShare: cancelFee - platformCut,
      refund: FEE - cancelFee + DEPOSIT,
    });
    expect(world.krw("owner")).to.equal(cancelFee - platformCut);
  });

  it("refuses a cancel at start and a cancel after check-in", () => {
    const atStart = bookedWorld();
    expect(reasonOf(act(atStart, "parking.cancel", "b1", at("10:00")))).to.equal(
      "failed:CancelTooLate",
    );
    const justBefore = bookedWorld();
    expect(act(justBefore, "parking.cancel", "b1", at("09:59", 59)).status).to.equal("ok");
    const checkedIn = bookedWorld();
    act(checkedIn, "parking.checkIn", "b1", at("09:50"));
    expect(reasonOf(act(checkedIn, "parking.cancel", "b1", at("09:55")))).to.equal(
      "failed:InvalidBookingStatus",
    );
  });

  it("settles a no-show from end + graceSeconds exactly: fee split, deposit back", () => {
    const world = bookedWorld();
    const tooEarly = act(world, "parking.settle", "b1", plus(at("11:00"), GRACE - 1));
    expect(reasonOf(tooEarly)).to.equal("failed:SettleTooEarly");
    const closed = closedOf(act(world, "parking.settle", "b1", at("11:10")));
    const platformCut = (FEE * PLATFORM_BPS) / 10_000n;
    expect(closed).to.include({ closing: "noShow", penalty: 0n, platformCut, refund: DEPOSIT });
    expect(reasonOf(act(world, "parking.settle", "b1", at("11:20")))).to.equal(
      "failed:InvalidBookingStatus",
    );
    expect(world.model.counters.parking.noShows).to.equal(1);
  });

  it("refuses to settle a checked-in booking (only check-out closes it)", () => {
    const world = bookedWorld();
    act(world, "parking.checkIn", "b1", at("10:00"));
    expect(reasonOf(act(world, "parking.settle", "b1", at("12:00")))).to.equal(
      "failed:InvalidBookingStatus",
    );
  });
});

describe("model: refunds in KRW where credits paid (credits cashed out)", () => {
  it("a free cancel turns every credit used into KRW", () => {
    const world = parkingWorld();
    earnCredits(world, "d1", Number(FEE), at("07:00"));
    book(world, "b1", at("08:00"), at("10:00"), at("11:00"), { credits: Number(FEE) });
    const closed = closedOf(act(world, "parking.cancel", "b1", at("08:30")));
    expect(closed.refund).to.equal(FEE + DEPOSIT);
    expect(closed.creditsCashedOut).to.equal(FEE);
    expect(world.krw("d1")).to.equal(DRIVER_KRW + FEE);
    expect(world.credits("d1")).to.equal(0n);
  });

  it("a late cancel cashes out the credits beyond the cancel fee; a check-out none", () => {
    const world = parkingWorld();
    earnCredits(world, "d1", 1000, at("07:00"));
    book(world, "b1", at("08:00"), at("10:00"), at("11:00"), { credits: 1000 });
    const late = closedOf(act(world, "parking.cancel", "b1", at("09:30")));
    const cancelFee = (FEE * LATE_CANCEL_BPS) / 10_000n;
    expect(late.creditsCashedOut).to.equal(1000n - cancelFee);
    expect(world.model.counters.parking.creditsCashedOut).to.equal(1000n - cancelFee);

    earnCredits(world, "d2", 1000, at("09:30"));
    book(world, "b2", at("09:30"), at("12:00"), at("13:00"), { driver: "d2", credits: 1000 });
    act(world, "parking.checkIn", "b2", at("12:00"));
    expect(closedOf(act(world, "parking.checkOut", "b2", at("13:00"))).creditsCashedOut).to.equal(
      0n,
    );
  });
});
