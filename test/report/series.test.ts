/**
 * The `series` section of kpis.json on the hand-written pilot trace (fixtures/pilot.jsonl),
 * worked out by hand, and each series summed back to its headline KPI.
 */
import { expect } from "chai";

import { GenerateOptionError } from "../../src/generate/cli-options.js";
import {
  DEFAULT_GAS_PRICING,
  GasCollector,
  SeriesCollector,
  checkGasPricing,
  computeKpis,
  dayRange,
  formatKpis,
  gasCostOf,
  kstHour,
  lorenzOf,
  type Kpis,
} from "../../src/report/index.js";
import { topWithOthers } from "../../src/report/charts-parking.js";
import { valueAt } from "../../src/report/report-headline.js";
import { prepareRun } from "../../src/run/prepare-input.js";
import { unixSeconds } from "../../src/scenario/trace-schema.js";
import { runPilot } from "./pilot-run.js";

function pilotKpis(gasPricing?: { gasPriceGwei?: number; krwPerEth?: number }): Kpis {
  const run = runPilot();
  const gas = new GasCollector();
  for (const [line, kind, gasUsed] of [
    [1, "actor.join", 50_000],
    [2, "parking.book", 120_000],
  ] as const) {
    gas.add({
      line,
      kind,
      time: 0,
      status: "ok",
      gasUsed,
      txGasUsed: gasUsed,
      txCount: 1,
      batchSize: 1,
      timestamp: 0,
    });
  }
  return computeKpis(run.state, gas.stats(), { ...run.context, gasPricing });
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

describe("report: series of the hand-written pilot trace", () => {
  const kpis = pilotKpis();
  const s = kpis.series;

  it("occupancy by KST hour: booked over offered, cancelled bookings taken back out", () => {
    // songdo s1 offers 08-20 on Mon and Tue: 2 h in each of those hours. b1 10-12, b5 9-11.
    const songdo = s.occupancyByHour.byDistrict.songdo;
    expect(songdo?.bookedUnitHours.slice(8, 13)).to.deep.equal([0, 1, 2, 1, 0]);
    expect(songdo?.rate.slice(7, 13)).to.deep.equal([null, 0, 0.5, 1, 0.5, 0]);
    // cheongna s2 offers every hour, 2 h each. b4 9-10 kept; b2 13-15 and b3 16-17 cancelled.
    const cheongna = s.occupancyByHour.byDistrict.cheongna;
    expect(cheongna?.availableUnitHours.every((h) => h === 2)).to.equal(true);
    expect(cheongna?.bookedUnitHours.filter((h) => h > 0)).to.deep.equal([1]);
    expect(cheongna?.rate[9]).to.equal(0.5);
    expect(s.occupancyByHour.all.rate[10]).to.equal(2 / 4);
    expect(s.occupancyByHour.hours).to.deep.equal([...Array(24).keys()]);
  });

  it("occupancy by hour sums to the occupancy KPI, in total and by district", () => {
    const o = kpis.parking.occupancy;
    expect(sum(s.occupancyByHour.all.bookedUnitHours)).to.equal(o.bookedUnitHours);
    expect(sum(s.occupancyByHour.all.availableUnitHours)).to.equal(o.availableUnitHours);
    for (const [district, figures] of Object.entries(o.byDistrict)) {
      const hourly = s.occupancyByHour.byDistrict[district];
      expect(sum(hourly?.bookedUnitHours ?? [])).to.equal(figures.bookedUnitHours);
      expect(sum(hourly?.availableUnitHours ?? [])).to.equal(figures.availableUnitHours);
    }
  });

  it("kg by material per KST day: all on Monday (Tuesday's two deposits were rejected)", () => {
    expect(s.kgByDay.days).to.deep.equal(["2026-04-06", "2026-04-07"]);
    expect(s.kgByDay.byMaterial).to.deep.equal({
      CLEAR_PET: [4, 0],
      PET: [3, 0],
      HDPE: [2, 0],
      PP: [0.5, 0],
      PS: [0, 0],
      OTHER: [0, 0],
    });
    for (const [material, kg] of Object.entries(kpis.recycling.kgCollectedByMaterial)) {
      expect(sum(s.kgByDay.byMaterial[material] ?? [])).to.equal(kg);
    }
  });

  it("credits minted and redeemed per day add up to the KPIs; outstanding ends at the supply", () => {
    expect(s.creditsByDay).to.deep.equal({
      days: ["2026-04-06", "2026-04-07"],
      minted: ["2550", "0"],
      mintedAtDeposits: ["2550", "0"],
      mintedAtClaims: ["0", "0"],
      redeemed: ["1700", "0"],
      redeemedByMerchants: ["800", "0"],
      // b2 paid 900 credits at booking; its later cancel refunds KRW, not credits.
      redeemedIntoParking: ["900", "0"],
      outstandingAtDayEnd: ["850", "850"],
    });
    expect(s.creditsByDay.outstandingAtDayEnd.at(-1)).to.equal(kpis.city.creditsOutstanding);
  });

  it("the Lorenz curve of credits earned, over every citizen who joined", () => {
    // c3 0, c2 150, d2 900, c1 1500 of 2550.
    expect(s.creditDistribution.citizens).to.equal(4);
    expect(s.creditDistribution.lorenz).to.deep.equal([
      { population: 0, credits: 0 },
      { population: 0.25, credits: 0 },
      { population: 0.5, credits: 150 / 2550 },
      { population: 0.75, credits: 1050 / 2550 },
      { population: 1, credits: 1 },
    ]);
    expect(s.creditDistribution.gini).to.equal(kpis.recycling.giniOfCreditsEarned);
  });

  it("gas priced at the default assumption, which the note says is one", () => {
    expect(s.gasCost.gasPriceGwei).to.equal(DEFAULT_GAS_PRICING.gasPriceGwei);
    expect(s.gasCost.krwPerEth).to.equal(DEFAULT_GAS_PRICING.krwPerEth);
    // 120,000 gas x 1 gwei x 5,000,000 KRW per ETH / 1e9 = 600 KRW.
    expect(s.gasCost.byKind["parking.book"]).to.deep.equal({
      count: 1,
      meanGas: 120_000,
      totalGas: 120_000,
      krwPerOperation: 600,
      krwTotal: 600,
    });
    expect(s.gasCost.totalGas).to.equal(170_000);
    expect(s.gasCost.totalKrw).to.equal(850);
    expect(s.gasCost.assumed).to.deep.equal(["gasPriceGwei", "krwPerEth"]);
    expect(s.gasCost.note).to.match(/default assumption/);
  });

  it("gas priced at given prices; a price left undefined keeps its default", () => {
    const cost = pilotKpis({ gasPriceGwei: 0.5 }).series.gasCost;
    expect([cost.gasPriceGwei, cost.krwPerEth]).to.deep.equal([0.5, 5_000_000]);
    expect(cost.totalKrw).to.equal(425);
    expect(cost.assumed).to.deep.equal(["krwPerEth"]);
    expect(cost.note).to.match(/KRW per ETH is the default assumption/);
    const given = pilotKpis({ gasPriceGwei: 2, krwPerEth: 4_000_000 }).series.gasCost;
    expect(given.assumed).to.deep.equal([]);
    expect(given.note).to.equal("2 gwei per gas, 4,000,000 KRW per ETH, as given for the run.");
  });

  it("is in kpis.json, JSON-safe", () => {
    expect(JSON.parse(formatKpis(kpis))).to.deep.equal(kpis);
    expect(valueAt(kpis, "series.creditsByDay.minted")).to.deep.equal(["2550", "0"]);
    expect(() => valueAt(kpis, "series.nothing")).to.throw(/no series.nothing/);
  });
});

describe("report: series building blocks", () => {
  it("kstHour: the hour of the day in Korea", () => {
    expect(kstHour(unixSeconds("2026-04-06T00:30:00+09:00"))).to.equal(0);
    expect(kstHour(unixSeconds("2026-04-06T23:59:59+09:00"))).to.equal(23);
    expect(kstHour(unixSeconds("2026-04-06T00:00:00Z"))).to.equal(9);
  });

  it("the collector keeps no booking once it is closed, and needs a booking's event", () => {
    const run = runPilot();
    expect(run.context.series).to.be.instanceOf(SeriesCollector);
    expect((run.context.series as SeriesCollector).openBookings).to.equal(0);
    const booked = run.outputs.find((o) => o.outcome.status === "ok" && o.kind === "parking.book");
    expect(booked).to.not.equal(undefined);
    if (booked === undefined) return;
    expect(() => new SeriesCollector().add(booked, { kind: "parking.cancel" })).to.throw(
      /booked a slot but its event is parking.cancel/,
    );
  });

  it("lorenzOf: at most 101 points for a large population, from (0, 0) to (1, 1)", () => {
    const values = Array.from({ length: 1000 }, (_, i) => BigInt(i));
    const curve = lorenzOf(values);
    expect(curve).to.have.length(101);
    expect(curve[0]).to.deep.equal({ population: 0, credits: 0 });
    expect(curve.at(-1)).to.deep.equal({ population: 1, credits: 1 });
    for (let i = 1; i < curve.length; i++) {
      expect(curve[i]?.credits ?? 0).to.be.at.least(curve[i - 1]?.credits ?? 0);
      // Below the diagonal: the poorer share never holds more than its population share.
      expect(curve[i]?.credits ?? 0).to.be.at.most((curve[i]?.population ?? 0) + 1e-12);
    }
    expect(lorenzOf([])).to.deep.equal([]);
    expect(lorenzOf([0n, 0n])).to.deep.equal([]);
  });

  it("dayRange: the run's days, stretched to data before or after them", () => {
    expect(dayRange({ firstDay: 10, days: 2 }, [])).to.deep.equal([10, 11]);
    expect(dayRange({ firstDay: 10, days: 2 }, [13, 9])).to.deep.equal([9, 10, 11, 12, 13]);
    expect(dayRange({ firstDay: 10, days: 0 }, [])).to.deep.equal([]);
    expect(dayRange({ firstDay: 10, days: 0 }, [12])).to.deep.equal([12]);
  });

  it("topWithOthers: the largest first, the rest summed, the total kept", () => {
    const amounts = Object.fromEntries(
      Array.from({ length: 20 }, (_, i) => [`o${i}`, String(i * 100)]),
    );
    const top = topWithOthers(amounts, 3);
    expect(top.map((r) => r.label)).to.deep.equal(["o19", "o18", "o17", "others (17 owners)"]);
    expect(top.reduce((t, r) => t + r.amount, 0n)).to.equal(19_000n);
    expect(topWithOthers({ b: "5", a: "5" }, 3).map((r) => r.label)).to.deep.equal(["a", "b"]);
  });

  it("gas prices must be finite numbers >= 0", () => {
    expect(() => checkGasPricing({ gasPriceGwei: -1, krwPerEth: 1 })).to.throw(/gasPriceGwei/);
    expect(() => checkGasPricing({ gasPriceGwei: 1, krwPerEth: NaN })).to.throw(/krwPerEth/);
    expect(gasCostOf({ byKind: {}, totalGas: 0 }, DEFAULT_GAS_PRICING).totalKrw).to.equal(0);
  });

  it("the run's price options are checked before the input is read", async () => {
    for (const [option, value] of [
      ["gasPriceGwei", "cheap"],
      ["gasPriceGwei", "-1"],
      ["krwPerEth", "1e6"],
      ["krwPerEth", Infinity],
    ] as const) {
      const failure = await prepareRun({ input: "does-not-exist.yaml", [option]: value }).catch(
        (error: unknown) => error,
      );
      expect(failure, `${option} ${value}`).to.be.instanceOf(GenerateOptionError);
    }
  });
});
