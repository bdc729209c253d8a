import { expect } from "chai";

import {
  availableUnitsPerWeek,
  isAvailable,
  parseAvailability,
} from "../../src/model/availability.js";
import { kstDay, kstMidnight, weekUnitOf } from "../../src/model/time.js";
import { MONDAY, NEXT_MONDAY, SUNDAY, unix } from "./helpers.js";

describe("model: KST calendar", () => {
  it("numbers the units of the week from Monday 00:00 KST", () => {
    expect(weekUnitOf(unix(MONDAY, "00:00"))).to.equal(0);
    expect(weekUnitOf(unix(MONDAY, "09:15"))).to.equal(37);
    expect(weekUnitOf(unix(SUNDAY, "23:45"))).to.equal(671);
    expect(weekUnitOf(unix(NEXT_MONDAY, "00:00"))).to.equal(0);
    // 1970-01-01 00:00 UTC was a Thursday, 09:00 KST: unit 3 * 96 + 36.
    expect(weekUnitOf(0)).to.equal(3 * 96 + 36);
  });

  it("starts a KST day at 15:00 UTC: floor((time + 32400) / 86400)", () => {
    const midnight = unix(MONDAY, "00:00");
    expect(midnight).to.equal(Date.parse("2026-04-05T15:00:00Z") / 1000);
    expect(kstDay(midnight)).to.equal(Math.floor((midnight + 32_400) / 86_400));
    expect(kstDay(midnight - 1)).to.equal(kstDay(midnight) - 1);
    expect(kstMidnight(unix(MONDAY, "23:59"))).to.equal(midnight);
  });
});

describe("model: weekly availability", () => {
  it("marks Mon-Fri 09:00-18:00 as 5 x 36 units", () => {
    const week = parseAvailability(["Mon-Fri 09:00-18:00"]);
    expect(availableUnitsPerWeek(week)).to.equal(5 * 36);
    expect(isAvailable(week, unix(MONDAY, "09:00"), 36)).to.equal(true);
    expect(isAvailable(week, unix(MONDAY, "08:45"), 1)).to.equal(false);
    expect(isAvailable(week, unix(MONDAY, "18:00"), 1)).to.equal(false);
    expect(isAvailable(week, unix("2026-04-11", "09:00"), 1)).to.equal(false);
  });

  it("takes 24:00 as an end and joins a night written as two entries", () => {
    const week = parseAvailability(["Sun 19:00-24:00", "Mon 00:00-07:00"]);
    expect(availableUnitsPerWeek(week)).to.equal(20 + 28);
    expect(isAvailable(week, unix(SUNDAY, "19:00"), 48)).to.equal(true);
    expect(isAvailable(week, unix(SUNDAY, "19:00"), 49)).to.equal(false);
  });

  it("wraps a weekday range over Sunday (Sat-Mon is Sat, Sun, Mon)", () => {
    const week = parseAvailability(["Sat-Mon 10:00-12:00"]);
    expect(availableUnitsPerWeek(week)).to.equal(3 * 8);
    expect(isAvailable(week, unix(MONDAY, "10:00"), 8)).to.equal(true);
    expect(isAvailable(week, unix("2026-04-07", "10:00"), 1)).to.equal(false);
  });

  it("unites overlapping entries and refuses malformed ones", () => {
    const week = parseAvailability(["Mon 08:00-12:00", "Mon 10:00-14:00"]);
    expect(availableUnitsPerWeek(week)).to.equal(24);
    expect(() => parseAvailability(["Mon 12:00-08:00"])).to.throw(/end after start/);
    expect(() => parseAvailability(["Monday 08:00-12:00"])).to.throw(/expected/);
    expect(availableUnitsPerWeek(parseAvailability([]))).to.equal(0);
  });
});
