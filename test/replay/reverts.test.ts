/**
 * Chain-level failures are recorded with the custom error's name and the replay goes on;
 * events of one time that depend on each other still work in one time.
 */
import { expect } from "chai";

import { replayTrace } from "../../src/replay/replay-trace.js";
import type { ReplayResult } from "../../src/replay/types.js";
import type { TraceEventInput } from "../../src/scenario/trace-schema.js";
import { chainBalances, replayConnection, trace, type ReplayConnection } from "./helpers.js";

/** 2026-04-06 is a Monday; all times KST. */
const at = (hhmm: string, day = "06") => `2026-04-${day}T${hhmm}:00+09:00`;

const SETUP: TraceEventInput[] = [
  { t: at("07:00"), kind: "treasury.fund", krw: 100_000 },
  { t: at("07:00"), kind: "actor.join", actor: "owner", role: "owner" },
  { t: at("07:00"), kind: "actor.join", actor: "ann", role: "driver", krw: 20_000 },
  { t: at("07:00"), kind: "actor.join", actor: "bob", role: "driver", krw: 20_000 },
  {
    t: at("07:00"),
    kind: "slot.register",
    slot: "s1",
    owner: "owner",
    district: "songdo",
    unitPrice: 300,
    availability: ["Mon-Fri 08:00-20:00"],
  },
];

async function replay(
  events: TraceEventInput[],
  body: (result: ReplayResult, connection: ReplayConnection) => Promise<void>,
): Promise<void> {
  const timed = trace(...SETUP, ...events);
  const connection = await replayConnection(timed[0]?.time ?? 0);
  try {
    await body(await replayTrace(connection, timed), connection);
  } finally {
    await connection.close();
  }
}

/** `status error` of each record after the setup lines. */
function outcomes(result: ReplayResult): string[] {
  return result.records
    .slice(SETUP.length)
    .map((r) => (r.error === undefined ? r.status : `${r.status} ${r.error}`));
}

describe("replayTrace: reverted transactions", () => {
  it("records each failure by custom error name and goes on", async () => {
    const book = (booking: string, driver: string, start: string, end: string) =>
      ({
        kind: "parking.book",
        booking,
        driver,
        slot: "s1",
        start: at(start),
        end: at(end),
      }) as const;
    await replay(
      [
        { t: at("08:00"), ...book("b1", "ann", "10:00", "11:00") },
        // Overlaps b1 by one unit.
        { t: at("08:00"), ...book("b2", "bob", "10:45", "11:30") },
        // Outside the slot's hours, and a booking paying more credits than its fee.
        { t: at("08:00"), ...book("b3", "bob", "20:00", "21:00") },
        { t: at("08:00"), ...book("b4", "bob", "12:00", "13:00"), credits: 5_000 },
        // Check-in opens at 09:45.
        { t: at("09:00"), kind: "parking.checkIn", booking: "b1" },
        // b2 was never created on chain: the market answers for it.
        { t: at("09:00"), kind: "parking.cancel", booking: "b2" },
        { t: at("09:50"), kind: "parking.checkIn", booking: "b1" },
        { t: at("09:50"), kind: "parking.checkIn", booking: "b1" },
        { t: at("10:30"), kind: "parking.cancel", booking: "b1" },
        { t: at("11:00"), kind: "parking.settle", booking: "b1" },
        { t: at("11:20"), kind: "parking.checkOut", booking: "b1" },
        // Past the slot's 20:00 closing; then a booking that fits.
        { t: at("12:00"), ...book("b5", "ann", "13:00", "23:00") },
        { t: at("12:00"), ...book("b6", "ann", "13:00", "14:00") },
        // A no-show: too late to cancel after the start, too early to settle before the grace.
        { t: at("12:00"), ...book("b7", "bob", "15:00", "16:00") },
        { t: at("15:10"), kind: "parking.cancel", booking: "b7" },
        { t: at("16:05"), kind: "parking.settle", booking: "b7" },
        { t: at("16:10"), kind: "parking.settle", booking: "b7" },
      ],
      async (result, connection) => {
        expect(outcomes(result)).to.deep.equal([
          "ok",
          "reverted ParkingSlotAlreadyBooked",
          "reverted ParkingSlotUnavailable",
          "reverted ParkingCreditsExceedFee",
          "reverted ParkingCheckInClosed",
          "reverted ParkingBookingNotFound",
          "ok",
          "reverted ParkingInvalidStatus",
          "reverted ParkingInvalidStatus",
          "reverted ParkingInvalidStatus",
          "ok",
          "reverted ParkingSlotUnavailable",
          "ok",
          "ok",
          "reverted ParkingCancelTooLate",
          "reverted ParkingSettleTooEarly",
          "ok",
        ]);
        expect(result.stats.reverted).to.equal(11);
        expect([...result.bookings.keys()]).to.deep.equal(["b1", "b6", "b7"]);
        const reverted = result.records.filter((r) => r.status === "reverted");
        for (const record of reverted) {
          expect(record.gasUsed).to.be.greaterThan(21_000).and.lessThan(100_000);
          expect(record.txHash).to.match(/^0x/);
        }
        const balances = await chainBalances(connection, result);
        // b1: fee 1,200 + deposit 1,200; checked out at 11:20, 1,200 s after its end, past
        // the 600 s grace: 2 over units, penalty min(1,200, floor(2 x 300 x 1.5)) = 900, so ann
        // gets 300 of the deposit back; owner and treasury split 1,200 + 900 as 1,890 / 210.
        // b6 (1,200 + 1,200) is still in escrow. b7, a no-show, pays its 1,200 fee as
        // 120 / 1,080 and returns the deposit.
        expect(balances.ann?.krw).to.equal(20_000n - 2_400n + 300n - 2_400n);
        expect(balances.bob?.krw).to.equal(20_000n - 1_200n);
        expect(balances.owner?.krw).to.equal(1_890n + 1_080n);
        expect(balances.treasury?.krw).to.equal(100_000n + 210n + 120n);
        expect(balances["parking-escrow"]?.krw).to.equal(2_400n);
      },
    );
  });

  it("names an ERC-20 failure of a token the market pulls from", async () => {
    await replay(
      [
        // bob spends credits he does not have: the credit token reverts inside `book`.
        {
          t: at("08:00"),
          kind: "parking.book",
          booking: "b1",
          driver: "bob",
          slot: "s1",
          start: at("10:00"),
          end: at("11:00"),
          credits: 100,
        },
        // ... and carol lacks the KRW: 4 units x 300 + 1,200 deposit > 1,000.
        { t: at("08:00"), kind: "actor.join", actor: "carol", role: "driver", krw: 1_000 },
        {
          t: at("08:00"),
          kind: "parking.book",
          booking: "b2",
          driver: "carol",
          slot: "s1",
          start: at("12:00"),
          end: at("13:00"),
        },
      ],
      async (result) => {
        expect(outcomes(result)).to.deep.equal([
          "reverted ERC20InsufficientBalance",
          "ok",
          "reverted ERC20InsufficientBalance",
        ]);
      },
    );
  });
});
