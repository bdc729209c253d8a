import { expect } from "chai";

import { replayTrace } from "../../src/replay/replay-trace.js";
import {
  UNITS_PER_WEEK,
  availabilityBitmap,
  isUnitAvailable,
  unitsOfEntry,
} from "../../src/replay/availability.js";
import { replayConnection, trace } from "./helpers.js";

/** The set units of a bitmap, ascending. */
function setUnits(entries: string[]): number[] {
  const bitmap = availabilityBitmap(entries);
  return Array.from({ length: UNITS_PER_WEEK }, (_, u) => u).filter((u) =>
    isUnitAvailable(bitmap, u),
  );
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe("availability strings to the weekly bitmap", () => {
  it("puts Monday 00:00 KST at bit 0 of word 0", () => {
    expect(availabilityBitmap(["Mon 00:00-00:15"])).to.deep.equal([1n, 0n, 0n]);
  });

  it("puts Sunday 23:45 at unit 671, the last bit word 2 may hold", () => {
    const bitmap = availabilityBitmap(["Sun 23:45-24:00"]);
    expect(bitmap).to.deep.equal([0n, 0n, 1n << 159n]);
    expect(setUnits(["Sun 23:45-24:00"])).to.deep.equal([671]);
  });

  it("takes 24:00 as the end of the day", () => {
    expect(setUnits(["Tue 22:00-24:00"])).to.deep.equal(range(96 + 88, 96 + 96));
    expect(setUnits(["Mon 00:00-24:00"])).to.deep.equal(range(0, 96));
  });

  it("runs a day range through each day, and across the word boundaries", () => {
    // Wednesday is units 192..287, Thursday 288..383: unit 256 starts word 1.
    expect(setUnits(["Wed-Thu 09:00-18:00"])).to.deep.equal([
      ...range(192 + 36, 192 + 72),
      ...range(288 + 36, 288 + 72),
    ]);
    const bitmap = availabilityBitmap(["Wed 00:00-24:00"]);
    expect(bitmap[0] >> 255n).to.equal(1n);
    expect(bitmap[1] & 1n).to.equal(1n);
  });

  it("joins Sunday night to Monday morning (a booking may wrap the week)", () => {
    const units = setUnits(["Sun 22:00-24:00", "Mon 00:00-02:00"]);
    expect(units).to.deep.equal([...range(0, 8), ...range(664, 672)]);
  });

  it("wraps a day range past Sunday", () => {
    expect(unitsOfEntry("Sat-Mon 10:00-10:15")).to.deep.equal([5 * 96 + 40, 6 * 96 + 40, 40]);
  });

  it("makes the whole week 672 set bits and nothing past them", () => {
    const bitmap = availabilityBitmap(["Mon-Sun 00:00-24:00"]);
    expect(bitmap).to.deep.equal([2n ** 256n - 1n, 2n ** 256n - 1n, 2n ** 160n - 1n]);
  });

  it("unions overlapping entries and maps none to never available", () => {
    expect(setUnits(["Mon 09:00-10:00", "Mon 09:30-10:30"])).to.deep.equal(range(36, 42));
    expect(availabilityBitmap([])).to.deep.equal([0n, 0n, 0n]);
  });

  it("matches the market's weekday arithmetic for a real time", () => {
    // 2026-04-06 is a Monday: 10:00 KST is unit 40 (the contract's weekUnit).
    const time = Date.parse("2026-04-06T10:00:00+09:00") / 1000;
    const weekUnit = (Math.floor((time + 32_400) / 900) + 288) % UNITS_PER_WEEK;
    expect(weekUnit).to.equal(40);
    expect(isUnitAvailable(availabilityBitmap(["Mon-Fri 08:00-20:00"]), weekUnit)).to.equal(true);
  });

  it("refuses what is not a quarter-hour range", () => {
    expect(() => availabilityBitmap(["Mon 09:10-10:00"])).to.throw(RangeError);
    expect(() => availabilityBitmap(["Mon 10:00-09:00"])).to.throw(RangeError);
    expect(() => availabilityBitmap(["Mon 24:15-24:30"])).to.throw(RangeError);
    expect(() => availabilityBitmap(["Funday 09:00-10:00"])).to.throw(RangeError);
  });

  it("lets the market book across Sunday midnight, and not past the hours", async () => {
    // 2026-04-12 is a Sunday.
    const events = trace(
      { t: "2026-04-12T20:00:00+09:00", kind: "actor.join", actor: "o", role: "owner" },
      {
        t: "2026-04-12T20:00:00+09:00",
        kind: "actor.join",
        actor: "d",
        role: "driver",
        krw: 9_999,
      },
      {
        t: "2026-04-12T20:00:00+09:00",
        kind: "slot.register",
        slot: "s",
        owner: "o",
        district: "yeonsu",
        unitPrice: 10,
        availability: ["Sun 22:00-24:00", "Mon 00:00-02:00"],
      },
      ...[
        ["b1", "2026-04-12T23:00:00+09:00", "2026-04-13T02:00:00+09:00"],
        ["b2", "2026-04-13T01:45:00+09:00", "2026-04-13T02:15:00+09:00"],
        ["b3", "2026-04-12T21:45:00+09:00", "2026-04-12T22:15:00+09:00"],
      ].map(([booking = "", start = "", end = ""]) => ({
        t: "2026-04-12T21:00:00+09:00",
        kind: "parking.book" as const,
        booking,
        driver: "d",
        slot: "s",
        start,
        end,
      })),
    );
    const connection = await replayConnection(events[0]?.time ?? 0);
    try {
      const result = await replayTrace(connection, events);
      expect(result.records.slice(3).map((r) => r.error ?? r.status)).to.deep.equal([
        "ok",
        "ParkingSlotUnavailable",
        "ParkingSlotUnavailable",
      ]);
    } finally {
      await connection.close();
    }
  });
});
