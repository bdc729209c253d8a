import { expect } from "chai";
import { expectCloseTo } from "../helpers/close-to.js";

import { runModelSync, snapshotOf, type ModelInput } from "../../src/model/index.js";
import { parseEvent, unixSeconds, type TraceEventInput } from "../../src/scenario/trace-schema.js";
import {
  GasCollector,
  OutcomeCollector,
  SeriesCollector,
  computeKpis,
  formatKpis,
  runDaysBetween,
  slotsOfModel,
  type Kpis,
  type RecordForReport,
} from "../../src/report/index.js";
import { eventOf, runPilot } from "./pilot-run.js";

/**
 * Every expected figure below is worked out by hand from fixtures/pilot.jsonl (flat scheme,
 * 300 credits/kg; market defaults: 10 % platform fee, deposit 4 units, grace 600 s,
 * overstay 150 %, free cancel 1 h before, late cancel keeps 50 %).
 */
describe("report: computeKpis on the hand-written pilot trace", () => {
  let kpis: Kpis;

  before(() => {
    const run = runPilot();
    const gas = new GasCollector();
    gas.add(record({ line: 1, kind: "actor.join", gasUsed: 50_000, blockNumber: 1 }));
    gas.add(record({ line: 2, kind: "parking.book", gasUsed: 120_000, blockNumber: 2 }));
    kpis = computeKpis(run.state, gas.stats(), run.context);
  });

  it("slot occupancy: hours booked and not cancelled over hours offered on the run's two days", () => {
    // s1 songdo Mon-Fri 08-20: 12 h x 2 days = 24 h; s2 cheongna all week: 48 h.
    // Kept: b1 (2 h) and b5 (2 h) on s1; b4 (1 h, a no-show) on s2. b2 and b3 were cancelled.
    expect(kpis.runDays).to.deep.equal({ first: "2026-04-06", days: 2 });
    expect(kpis.parking.occupancy).to.deep.equal({
      rate: 5 / 72,
      bookedUnitHours: 5,
      availableUnitHours: 72,
      byDistrict: {
        songdo: { rate: 4 / 24, bookedUnitHours: 4, availableUnitHours: 24 },
        cheongna: { rate: 1 / 48, bookedUnitHours: 1, availableUnitHours: 48 },
      },
    });
  });

  it("parking revenue by owner (after the platform fee) and by district (before it)", () => {
    // b1: fee 4000 + penalty min(2000, 2 x 500 x 1.5) = 5500, cut 550, owner 4950.
    // b5: fee 4000, cut 400, owner 3600. b3 late cancel: 600 kept, cut 60, owner 540.
    // b4 no-show: fee 1200, cut 120, owner 1080. b2 free cancel: nothing kept.
    expect(kpis.parking.revenueByOwner).to.deep.equal({ o1: "8550", o2: "1620" });
    expect(kpis.parking.revenueByDistrict).to.deep.equal({ songdo: "9500", cheongna: "1800" });
    expect(kpis.parking.charged).to.equal("11300");
    expect(kpis.parking.penalties).to.equal("1500");
    expect(kpis.parking.cancelFees).to.equal("600");
  });

  it("average cost per driver hour: charged over hours parked (2.5 h + 1.5 h)", () => {
    expect(kpis.parking.parkedHours).to.equal(4);
    expect(kpis.parking.averageCostPerDriverHour).to.equal(11300 / 4);
  });

  it("counts how bookings ended, and credits cashed out by a free cancel", () => {
    const p = kpis.parking;
    expect([p.slots, p.bookings, p.checkIns, p.checkOuts]).to.deep.equal([2, 5, 2, 2]);
    expect(p.cancellations).to.deep.equal({ free: 1, late: 1, total: 2 });
    expect([p.noShows, p.overstays]).to.deep.equal([1, 1]);
    // b2 paid 900 credits + 2700 KRW and got 3600 KRW back: 900 credits became KRW.
    expect(p.creditsUsed).to.equal("900");
    expect(p.creditsCashedOutThroughRefunds).to.equal("900");
  });

  it("kg collected by material, and accepted under the daily cap of 5 kg", () => {
    const r = kpis.recycling;
    expect(r.kgCollected).to.equal(9.5);
    expect(r.kgCollectedByMaterial).to.deep.equal({
      CLEAR_PET: 4,
      PET: 3,
      HDPE: 2,
      PP: 0.5,
      PS: 0,
      OTHER: 0,
    });
    // c1's HDPE 2 kg came after 4 kg that day: only 1 kg under the cap.
    expect(r.kgAccepted).to.equal(8.5);
    expect(r.kgAcceptedByMaterial.HDPE).to.equal(1);
  });

  it("credits minted, per kg collected and per kg accepted", () => {
    const r = kpis.recycling;
    // 900 (d2) + 1200 + 300 (c1) + 150 (c2's receipt).
    expect(r.creditsMinted).to.deep.equal({ atDeposits: "2550", atClaims: "0", total: "2550" });
    expect(r.creditsMintedByEpoch).to.deep.equal({ "0": "2550" });
    expect(r.creditsPerKg).to.equal(2550 / 9.5);
    expect(r.creditsPerAcceptedKg).to.equal(300);
  });

  it("rejected deposits and refused receipts by reason", () => {
    const r = kpis.recycling;
    expect([r.deposits, r.viaReceipt, r.rejected]).to.deep.equal([4, 1, 2]);
    expect(r.rejectedByReason).to.deep.equal({ DepositTooLarge: 1, ItemsExceedGrams: 1 });
    expect(r.receiptsRefusedByReason).to.deep.equal({ ReceiptExpired: 1 });
  });

  it("participation and Gini over every citizen who joined, zeros included", () => {
    // Citizens: d2 (citizen+driver) 900, c1 1500, c2 150, c3 0 (only a rejected deposit).
    const r = kpis.recycling;
    expect(r.participation).to.deep.equal({ citizensJoined: 4, citizensDepositing: 3, rate: 0.75 });
    // Sum of |xi - xj| over unordered pairs = 5250; G = 5250 / (n^2 * mean) = 5250 / 10200.
    expectCloseTo(r.giniOfCreditsEarned, 5250 / 10200, 1e-12);
  });

  it("city finances: redemptions, platform fees, net cost, KRW paid out per kg", () => {
    expect(kpis.city).to.deep.equal({
      treasuryFunding: "1000000",
      treasuryBalance: "999430",
      creditsRedeemed: "1700",
      redeemedByMerchants: "800",
      redeemedIntoParking: "900",
      platformFees: "1130",
      netCost: "570",
      krwPaidOutPerKg: 1700 / 9.5,
      creditsSpentAtMerchants: "1000",
      creditsOutstanding: "850",
    });
  });

  it("counts and gas come from the records; outcomes by kind from the model", () => {
    expect(kpis.counts.events).to.equal(2);
    expect(kpis.counts.transactions).to.equal(2);
    expect(kpis.counts.blocks).to.equal(2);
    expect(kpis.counts.outcomesByKind["recycle.deposit"]).to.deep.equal({
      ok: 3,
      failed: 0,
      rejected: 2,
    });
    expect(kpis.gas.byKind["parking.book"]?.median).to.equal(120_000);
    expect(kpis.gas).to.not.have.property("events");
  });

  it("is JSON-safe: no bigint anywhere, and it reads back equal", () => {
    const text = formatKpis(kpis);
    expect(JSON.parse(text)).to.deep.equal(kpis);
    expect(text.endsWith("}\n")).to.equal(true);
    expect(kpis.units.money).to.match(/decimal strings/);
  });
});

describe("report: computeKpis on edge cases", () => {
  it("budgetPool credits count as minted at claims, by epoch", () => {
    const run = runTrace([
      {
        t: "2026-04-06T07:00:00+09:00",
        kind: "config",
        scheme: "budgetPool",
        params: { budget: 1000 },
        recycling: { epochSeconds: 86_400 },
      },
      { t: "2026-04-06T07:00:00+09:00", kind: "actor.join", actor: "c1", role: "citizen" },
      { t: "2026-04-06T07:00:00+09:00", kind: "actor.join", actor: "c2", role: "citizen" },
      {
        t: "2026-04-06T07:00:00+09:00",
        kind: "actor.join",
        actor: "k1",
        role: "kiosk",
        capacityGrams: 50_000,
      },
      deposit("2026-04-06T08:00:00+09:00", "c1", 1000),
      deposit("2026-04-06T09:00:00+09:00", "c2", 3000),
      { t: "2026-04-07T08:00:00+09:00", kind: "recycle.claim", citizen: "c1", epoch: 0 },
      { t: "2026-04-07T08:00:00+09:00", kind: "recycle.claim", citizen: "c2", epoch: 0 },
    ]);
    // Points: 300 and 900 (PET weight 300/kg); budget 1000 split 1/4 and 3/4: 250 and 750.
    expect(run.recycling.creditsMinted).to.deep.equal({
      atDeposits: "0",
      atClaims: "1000",
      total: "1000",
    });
    expect(run.recycling.claims).to.equal(2);
    expect(run.recycling.creditsMintedByEpoch).to.deep.equal({ "0": "1000" });
    // Gini of [250, 750]: |250 - 750| / (2 x 2 x 500) = 0.25.
    expect(run.recycling.giniOfCreditsEarned).to.equal(0.25);
  });

  it("ratios are null, not NaN, when nothing happened", () => {
    const kpis = runTrace([
      { t: "2026-04-06T07:00:00+09:00", kind: "actor.join", actor: "c1", role: "citizen" },
    ]);
    expect(kpis.parking.occupancy.rate).to.equal(null);
    expect(kpis.parking.averageCostPerDriverHour).to.equal(null);
    expect(kpis.recycling.creditsPerKg).to.equal(null);
    expect(kpis.city.krwPaidOutPerKg).to.equal(null);
    expect(kpis.recycling.giniOfCreditsEarned).to.equal(null);
    expect(kpis.recycling.participation).to.deep.equal({
      citizensJoined: 1,
      citizensDepositing: 0,
      rate: 0,
    });
  });

  it("lists slot owners and districts with no revenue as 0", () => {
    const kpis = runTrace([
      { t: "2026-04-06T07:00:00+09:00", kind: "actor.join", actor: "o1", role: "owner" },
      {
        t: "2026-04-06T07:00:00+09:00",
        kind: "slot.register",
        slot: "s1",
        owner: "o1",
        district: "yeonsu",
        unitPrice: 100,
        availability: ["Sat-Sun 00:00-24:00"],
      },
    ]);
    expect(kpis.parking.revenueByOwner).to.deep.equal({ o1: "0" });
    expect(kpis.parking.revenueByDistrict).to.deep.equal({ yeonsu: "0" });
    // Monday only: a weekend slot offers nothing that day.
    expect(kpis.parking.occupancy.availableUnitHours).to.equal(0);
  });
});

function deposit(t: string, citizen: string, grams: number): TraceEventInput {
  return { t, kind: "recycle.deposit", kiosk: "k1", citizen, material: "PET", grams, items: 10 };
}

function runTrace(raw: TraceEventInput[]): Kpis {
  const inputs: ModelInput[] = raw.map((event, i) => {
    const result = parseEvent(event);
    if (!result.success) throw new Error(`bad test event: ${result.error.message}`);
    return { line: i + 1, time: unixSeconds(result.data.t), event: result.data };
  });
  const collector = new OutcomeCollector();
  const series = new SeriesCollector();
  const model = runModelSync(inputs, {}, (output) => {
    collector.add(output);
    series.add(output, eventOf(inputs, output.line));
  });
  const actors = inputs.flatMap(({ event }) =>
    event.kind === "actor.join"
      ? [{ name: event.actor, roles: Array.isArray(event.role) ? event.role : [event.role] }]
      : [],
  );
  const first = inputs[0]?.time ?? 0;
  const last = inputs.at(-1)?.time ?? 0;
  return computeKpis(snapshotOf(model), new GasCollector().stats(), {
    actors,
    slots: slotsOfModel(model),
    runDays: runDaysBetween(first, last),
    outcomes: collector,
    series,
  });
}

function record(fields: Partial<RecordForReport> & Pick<RecordForReport, "line" | "kind">) {
  return {
    time: 0,
    status: "ok" as const,
    gasUsed: 0,
    txGasUsed: fields.gasUsed ?? 0,
    txCount: 1,
    batchSize: 1,
    timestamp: 0,
    ...fields,
  };
}
