/**
 * A generated trace follows its scenario, within wide bounds derived from the sampling
 * spread (4 standard deviations for shares and counts; the 0.5% point of the chi-square
 * distribution for profiles and mixes). The seed is fixed, so these never flake; a bound
 * failing means the generator no longer draws what the scenario says.
 */
import { expect } from "chai";
import { chiSquaredDistributionTable } from "simple-statistics";

import { kstDay, isWeekend, kstDayStart } from "../../src/generate/kst-time.js";
import { MATERIALS } from "../../src/scenario/trace-schema.js";
import {
  binomialBounds,
  countOf,
  generate,
  ofKind,
  testScenario,
  timeOf,
  type Line,
} from "./helpers.js";

/**
 * Pearson's test of observed counts against expected shares (weights): adjacent buckets
 * are pooled until each expects at least 5 (the test's rule of thumb). True when the
 * statistic is below the 0.5% critical value.
 */
function fitsShares(observed: readonly number[], weights: readonly number[]): boolean {
  const n = observed.reduce((a, b) => a + b, 0);
  const total = weights.reduce((a, b) => a + b, 0);
  const pooled: { o: number; e: number }[] = [];
  let open = { o: 0, e: 0 };
  observed.forEach((o, i) => {
    open = { o: open.o + o, e: open.e + (n * (weights[i] ?? 0)) / total };
    if (open.e >= 5) {
      pooled.push(open);
      open = { o: 0, e: 0 };
    }
  });
  const last = pooled[pooled.length - 1];
  if (last !== undefined) pooled[pooled.length - 1] = { o: last.o + open.o, e: last.e + open.e };
  const statistic = pooled.reduce((sum, b) => sum + (b.o - b.e) ** 2 / b.e, 0);
  const df = pooled.length - 1;
  const row = chiSquaredDistributionTable[df as keyof typeof chiSquaredDistributionTable];
  expect(row, `${df} degrees of freedom`).to.not.equal(undefined);
  return statistic < row[0.005];
}

describe("generateTrace: statistics", function () {
  this.timeout(120_000);

  // Every slot always available, many of them: no trip is lost for want of a slot.
  const roomy = testScenario({
    behaviour: {
      owners: {
        slotsPerOwner: { min: 4, max: 4 },
        availability: [{ share: 1, availability: ["Mon-Sun 00:00-24:00"] }],
      },
    },
  });
  const { events, stats } = generate(roomy);
  const books = new Map(ofKind(events, "parking.book").map((e) => [String(e["booking"]), e]));

  it("books every planned trip when the city has room, about tripsPerWeek per driver", () => {
    expect(stats.tripsWithoutSlot).to.equal(0);
    expect(stats.tripsUnaffordable).to.equal(0);
    const d = roomy.behaviour.drivers;
    const drivers = roomy.districts.reduce((n, x) => n + x.actors.drivers, 0);
    const expected = (drivers * d.tripsPerWeek * roomy.days) / 7;
    expect(books.size).to.equal(stats.tripsPlanned);
    expect(Math.abs(books.size - expected)).to.be.below(4 * Math.sqrt(expected));
  });

  it("cancels, no-shows and overstays at the scenario's odds", () => {
    const d = roomy.behaviour.drivers;
    const cancelled = countOf(events, "parking.cancel");
    const [lo, hi] = binomialBounds(d.cancelOdds, books.size);
    expect(cancelled / books.size).to.be.within(lo, hi);
    const kept = books.size - cancelled;
    const [nlo, nhi] = binomialBounds(d.noShowOdds, kept);
    expect(countOf(events, "parking.settle") / kept).to.be.within(nlo, nhi);
    const checkOuts = ofKind(events, "parking.checkOut");
    const late = checkOuts.filter(
      (e) => timeOf(e) > timeOf({ t: String(books.get(String(e["booking"]))?.["end"]) }),
    );
    const [olo, ohi] = binomialBounds(d.overstayOdds, checkOuts.length);
    expect(late.length / checkOuts.length).to.be.within(olo, ohi);
  });

  it("starts bookings on the hourly profiles of weekdays and weekends", () => {
    const d = roomy.behaviour.drivers;
    for (const [weekend, profile] of [
      [false, d.weekdayArrivals],
      [true, d.weekendArrivals],
    ] as const) {
      const byHour = new Array<number>(24).fill(0);
      for (const e of books.values()) {
        const start = timeOf({ t: String(e["start"]) });
        const day = kstDay(start);
        if (isWeekend(day) !== weekend) continue;
        const hour = Math.floor((start - kstDayStart(day)) / 3600);
        byHour[hour] = (byHour[hour] ?? 0) + 1;
      }
      expect(fitsShares(byHour, profile), weekend ? "weekend" : "weekday").to.equal(true);
      // The test has power: a flat day is told apart.
      expect(fitsShares(byHour, new Array<number>(24).fill(1))).to.equal(false);
    }
  });

  const deposits = (list: readonly Line[]) => ofKind(list, "recycle.deposit", "recycle.receipt");

  it("deposits about depositsPerWeek per participating citizen", () => {
    const c = roomy.behaviour.citizens;
    const citizens = roomy.districts.reduce((n, x) => n + x.actors.citizens, 0);
    const perCitizen = (c.depositsPerWeek * roomy.days) / 7;
    // Participation is binomial and counts Poisson: Var = N (p m + p (1 - p) m^2).
    const mean = citizens * c.participation * perCitizen;
    const sd = Math.sqrt(
      citizens *
        (c.participation * perCitizen + c.participation * (1 - c.participation) * perCitizen ** 2),
    );
    expect(Math.abs(deposits(events).length - mean)).to.be.below(4 * sd);
    const depositors = new Set(deposits(events).map((e) => e["citizen"])).size;
    expect(depositors).to.be.at.most(
      Math.round(citizens * c.participation + 4 * Math.sqrt(citizens * 0.25)),
    );
  });

  it("deposits materials at the scenario's mix, and sends receipts at receiptShare", () => {
    const c = roomy.behaviour.citizens;
    const all = deposits(events);
    const counts = MATERIALS.map((m) => all.filter((e) => e["material"] === m).length);
    expect(
      fitsShares(
        counts,
        MATERIALS.map((m) => c.materialMix[m]),
      ),
    ).to.equal(true);
    const [lo, hi] = binomialBounds(c.receiptShare, all.length);
    expect(countOf(events, "recycle.receipt") / all.length).to.be.within(lo, hi);
  });

  it("deposits at the citizens' hours, with items from grams per item", () => {
    const c = roomy.behaviour.citizens;
    for (const e of ofKind(events, "recycle.receipt")) {
      const grams = Number(e["grams"]);
      const perItem = c.gramsPerItem[e["material"] as (typeof MATERIALS)[number]];
      expect(Number(e["items"])).to.equal(
        Math.min(grams, Math.max(1, Math.round(grams / perItem))),
      );
    }
    const grams = deposits(events).map((e) => Number(e["grams"]));
    const mean = grams.reduce((a, b) => a + b, 0) / grams.length;
    const expected = MATERIALS.reduce(
      (s, m) => s + c.materialMix[m] * c.gramsPerDeposit[m].mean,
      0,
    );
    expect(mean).to.be.within(expected * 0.9, expected * 1.1);
    // Batched deposits carry their window's last second; none at night, where the profile is 0.
    for (const e of ofKind(events, "recycle.deposit")) {
      const hour = Math.floor((timeOf(e) - kstDayStart(kstDay(timeOf(e)))) / 3600);
      expect(c.hourly[hour], e.t).to.be.above(0);
    }
  });
});
