/** KST time and weekly availability: the units a booking must lie in. */
import { expect } from "chai";

import {
  availableHoursPerWeek,
  coversStay,
  weeklyAvailability,
} from "../../src/generate/availability.js";
import { isoKst, kstDay, kstDayStart, weekUnitOf, weekdayOf } from "../../src/generate/kst-time.js";
import { unixSeconds } from "../../src/scenario/trace-schema.js";

const at = (iso: string): number => unixSeconds(iso);

describe("KST time", () => {
  it("formats and splits times in KST", () => {
    const t = at("2026-04-06T08:15:00+09:00");
    expect(isoKst(t)).to.equal("2026-04-06T08:15:00+09:00");
    expect(isoKst(at("2026-04-05T23:59:59Z"))).to.equal("2026-04-06T08:59:59+09:00");
    expect(weekdayOf(kstDay(t))).to.equal(0); // a Monday
    expect(kstDayStart(kstDay(t))).to.equal(at("2026-04-06T00:00:00+09:00"));
    expect(weekUnitOf(t)).to.equal(33);
    expect(weekUnitOf(at("2026-04-12T23:45:00+09:00"))).to.equal(671);
  });
});

describe("weekly availability", () => {
  const night = weeklyAvailability([
    "Mon-Fri 00:00-08:00",
    "Mon-Fri 19:00-24:00",
    "Sat-Sun 00:00-24:00",
  ]);

  it("counts the hours of its entries", () => {
    expect(availableHoursPerWeek(night)).to.equal(5 * 13 + 2 * 24);
    expect(availableHoursPerWeek(weeklyAvailability(["Mon-Fri 09:00-18:00"]))).to.equal(45);
  });

  it("covers a stay only when every unit is available", () => {
    const stay = (from: string, to: string) => coversStay(night, at(from), at(to));
    expect(stay("2026-04-06T19:00:00+09:00", "2026-04-06T23:00:00+09:00")).to.equal(true);
    expect(stay("2026-04-06T18:45:00+09:00", "2026-04-06T20:00:00+09:00")).to.equal(false);
    expect(stay("2026-04-06T22:00:00+09:00", "2026-04-07T07:00:00+09:00")).to.equal(true);
    expect(stay("2026-04-06T22:00:00+09:00", "2026-04-07T09:00:00+09:00")).to.equal(false);
  });

  it("wraps a stay across Sunday midnight to Monday's units", () => {
    const stay = (from: string, to: string) => coversStay(night, at(from), at(to));
    expect(stay("2026-04-12T22:00:00+09:00", "2026-04-13T06:00:00+09:00")).to.equal(true);
    expect(stay("2026-04-12T22:00:00+09:00", "2026-04-13T09:00:00+09:00")).to.equal(false);
  });
});
