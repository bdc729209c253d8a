/**
 * Generated runs end cleanly (SPEC.md section 7): a `recycle.claim` after each ended epoch
 * for every citizen who earned budgetPool points in it (only while budgetPool was the
 * active scheme), and a settlement tail that leaves no booking open.
 */
import { expect } from "chai";

import { SECONDS_PER_DAY } from "../../src/generate/kst-time.js";
import type { Material } from "../../src/scenario/trace-schema.js";
import { generate, ofKind, songdoWeek, testScenario, timeOf, type Line } from "./helpers.js";

/** SPEC.md's default budgetPool weights (the material rates). */
const WEIGHTS: Record<Material, number> = {
  CLEAR_PET: 500,
  PET: 300,
  HDPE: 250,
  PP: 200,
  PS: 100,
  OTHER: 0,
};

const START = timeOf({ t: "2026-04-06T00:00:00+09:00" });
const epochOf = (e: Line): number => Math.floor((timeOf(e) - START) / SECONDS_PER_DAY);

/** Epoch -> citizens who deposited there a deposit worth at least one point. */
function earners(events: readonly Line[], activeBudgetPool: (epoch: number) => boolean) {
  const out = new Map<number, Set<string>>();
  for (const e of ofKind(events, "recycle.deposit", "recycle.receipt")) {
    const points = Math.floor((Number(e["grams"]) * WEIGHTS[e["material"] as Material]) / 1000);
    const epoch = epochOf(e);
    if (points === 0 || !activeBudgetPool(epoch)) continue;
    if (!out.has(epoch)) out.set(epoch, new Set());
    out.get(epoch)?.add(String(e["citizen"]));
  }
  return out;
}

function claimsByEpoch(events: readonly Line[]): Map<number, Line[]> {
  const out = new Map<number, Line[]>();
  for (const c of ofKind(events, "recycle.claim")) {
    const epoch = Number(c["epoch"]);
    out.set(epoch, [...(out.get(epoch) ?? []), c]);
  }
  return out;
}

// Caps that never bind (every deposit earns in full) and daily epochs.
const pool = testScenario({ scheme: "budgetPool", recycling: { dailyCapGrams: 20_000 } });

describe("generateTrace: claims and the settlement tail", function () {
  this.timeout(120_000);

  it("claims after each ended epoch, once for every citizen who earned budgetPool points", () => {
    const { events } = generate(pool);
    const expected = earners(events, () => true);
    const claims = claimsByEpoch(events);
    expect([...claims.keys()].sort()).to.deep.equal([0, 1, 2, 3, 4, 5, 6]);
    for (const [epoch, list] of claims) {
      const end = START + (epoch + 1) * SECONDS_PER_DAY;
      for (const c of list) expect(timeOf(c), `epoch ${epoch}`).to.equal(end);
      const citizens = list.map((c) => String(c["citizen"]));
      expect(new Set(citizens).size).to.equal(citizens.length);
      expect(new Set(citizens)).to.deep.equal(expected.get(epoch));
    }
  });

  it("claims only the epochs in which budgetPool was the active scheme", () => {
    const { events } = generate(testScenario({ recycling: { dailyCapGrams: 20_000 } }), {
      schemeChanges: [
        {
          at: "2026-04-08T00:00:00+09:00",
          scheme: { scheme: "budgetPool", params: { budget: 50_000n } },
        },
        { at: "2026-04-10T00:00:00+09:00", scheme: { scheme: "flat", params: {} } },
      ],
    });
    expect(ofKind(events, "scheme.set").map((e) => e["scheme"])).to.deep.equal([
      "budgetPool",
      "flat",
    ]);
    const claims = claimsByEpoch(events);
    expect([...claims.keys()].sort()).to.deep.equal([2, 3]);
    const expected = earners(events, (epoch) => epoch === 2 || epoch === 3);
    for (const [epoch, list] of claims) {
      expect(new Set(list.map((c) => String(c["citizen"])))).to.deep.equal(expected.get(epoch));
    }
  });

  it("sends no claim under a scheme that pays at the deposit", () => {
    const { events } = generate(testScenario({ days: 3 }));
    expect(ofKind(events, "recycle.claim")).to.have.length(0);
  });

  it("pays the week's budgetPool within the trace: claims of the one-week epoch at its end", async () => {
    const week = await songdoWeek();
    const budgetPool = week.schemes.find((s) => s.scheme === "budgetPool");
    const { events } = generate(week, { scheme: budgetPool });
    const claims = ofKind(events, "recycle.claim");
    expect(claims.length).to.be.above(100);
    const runEnd = START + week.days * SECONDS_PER_DAY;
    for (const c of claims) expect([c["epoch"], timeOf(c)]).to.deep.equal([0, runEnd]);
  });

  it("ends every booking by check-out, cancellation or settlement, and parks nobody past the tail", async () => {
    const week = await songdoWeek();
    const { events } = generate(week);
    const runEnd = START + week.days * SECONDS_PER_DAY;
    const open = new Map<string, string>();
    for (const e of events) {
      const booking = String(e["booking"]);
      if (e.kind === "parking.book") open.set(booking, "booked");
      else if (e.kind === "parking.checkIn") {
        expect(open.get(booking)).to.equal("booked");
        open.set(booking, "parked");
      } else if (e.kind === "parking.checkOut") {
        expect(open.get(booking)).to.equal("parked");
        open.delete(booking);
      } else if (e.kind === "parking.cancel" || e.kind === "parking.settle") {
        expect(open.get(booking)).to.equal("booked");
        open.delete(booking);
      }
    }
    expect([...open.keys()]).to.deep.equal([]);
    const tail = events.filter((e) => timeOf(e) >= runEnd);
    expect(tail.length).to.be.above(0);
    const tailKinds = new Set(tail.map((e) => e.kind));
    for (const kind of tailKinds) {
      expect(["parking.checkIn", "parking.checkOut", "parking.settle", "recycle.claim"]).to.include(
        kind,
      );
    }
  });

  it("settles each no-show at its end plus the grace period", async () => {
    const week = await songdoWeek();
    const { events } = generate(week);
    const ends = new Map(
      ofKind(events, "parking.book").map((b) => [b["booking"], timeOf({ t: String(b["end"]) })]),
    );
    const settles = ofKind(events, "parking.settle");
    expect(settles.length).to.be.above(0);
    for (const s of settles) {
      expect(timeOf(s)).to.equal((ends.get(s["booking"]) ?? 0) + (week.market.graceSeconds ?? 600));
    }
  });
});
