import { expect } from "chai";

import { parseAvailability } from "../../src/model/availability.js";
import {
  availableUnits,
  availableUnitsByDistrict,
  giniOf,
  runDaysBetween,
  runDaysFrom,
  weekdayCounts,
} from "../../src/report/index.js";

const at = (iso: string): number => Date.parse(iso) / 1000;

describe("report: capacity offered over the run's days", () => {
  it("counts the KST days between two times, both included", () => {
    // 2026-04-06 is a Monday; 23:59 KST is still Monday, 00:00 KST the next day.
    const monday = runDaysBetween(at("2026-04-06T07:00:00+09:00"), at("2026-04-06T23:59:00+09:00"));
    expect(monday.days).to.equal(1);
    // Sunday 14:59:59 UTC is Sunday 23:59:59 KST; a second later it is Monday in Korea.
    expect(
      runDaysBetween(at("2026-04-06T07:00:00+09:00"), at("2026-04-12T14:59:59Z")).days,
    ).to.equal(7);
    expect(
      runDaysBetween(at("2026-04-06T07:00:00+09:00"), at("2026-04-12T15:00:00Z")).days,
    ).to.equal(8);
  });

  it("counts each weekday among the run's days (Monday first)", () => {
    const { firstDay } = runDaysFrom(at("2026-04-06T00:00:00+09:00"), 1);
    expect(weekdayCounts({ firstDay, days: 1 })).to.deep.equal([1, 0, 0, 0, 0, 0, 0]);
    expect(weekdayCounts({ firstDay, days: 9 })).to.deep.equal([2, 2, 1, 1, 1, 1, 1]);
    // Starting on a Saturday.
    expect(weekdayCounts({ firstDay: firstDay + 5, days: 3 })).to.deep.equal([1, 0, 0, 0, 0, 1, 1]);
  });

  it("sums a slot's available units on those days", () => {
    const week = parseAvailability(["Mon-Fri 09:00-18:00", "Sat 10:00-12:00"]);
    // A full week: 5 x 36 + 8 units.
    expect(availableUnits(week, [1, 1, 1, 1, 1, 1, 1])).to.equal(5 * 36 + 8);
    expect(availableUnits(week, [0, 0, 0, 0, 0, 2, 3])).to.equal(16);
  });

  it("adds slots up by district", () => {
    const runDays = runDaysFrom(at("2026-04-06T00:00:00+09:00"), 7);
    const slot = (district: string, entries: string[]) => ({
      slot: district,
      owner: "o",
      district,
      week: parseAvailability(entries),
    });
    const byDistrict = availableUnitsByDistrict(
      [slot("a", ["Mon 00:00-24:00"]), slot("a", ["Tue 00:00-01:00"]), slot("b", [])],
      runDays,
    );
    expect([...byDistrict]).to.deep.equal([
      ["a", 96 + 4],
      ["b", 0],
    ]);
  });
});

describe("report: Gini of credits earned", () => {
  it("is 0 for equal shares and (n - 1) / n when one earns everything", () => {
    expect(giniOf([5n, 5n, 5n])).to.equal(0);
    expect(giniOf([0n, 0n, 0n, 100n])).to.equal(0.75);
  });

  it("matches the pairwise definition, in any order", () => {
    const values = [7n, 0n, 3n, 12n, 3n];
    const n = values.length;
    let pairs = 0;
    for (const a of values) for (const b of values) pairs += Math.abs(Number(a - b));
    const mean = values.reduce((s, v) => s + Number(v), 0) / n;
    expectNear(giniOf(values), pairs / (2 * n * n * mean), 1e-12);
  });

  it("is null for no one, or when nobody earned", () => {
    expect(giniOf([])).to.equal(null);
    expect(giniOf([0n, 0n])).to.equal(null);
  });

  it("stays exact for amounts beyond 2^53 until the final division", () => {
    const big = 2n ** 60n;
    expectNear(giniOf([big, big + 1n]), 0, 1e-15);
  });
});

/**
 * |actual - expected| <= delta. Not chai's closeTo: hardhat's chai matchers replace it with a
 * whole-number version once any test file of the same run opens a network.
 */
function expectNear(actual: number | null, expected: number, delta: number): void {
  expect(actual).to.be.a("number");
  expect(Math.abs((actual ?? NaN) - expected)).to.be.at.most(delta);
}
