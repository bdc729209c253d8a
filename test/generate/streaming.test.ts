/**
 * The generator streams: it holds what is in flight (queued steps of trips, open kiosk
 * batches, near-future reservations), never the run. Its high-water marks stay flat as the
 * run grows five-fold, and its first lines come before anything of the run is planned.
 */
import { expect } from "chai";

import { generateTrace } from "../../src/generate/generate-trace.js";
import { loadScenario } from "../../src/scenario/load-scenario.js";
import { testScenario } from "./helpers.js";

function run(days: number) {
  const scenario = testScenario({
    days,
    scheme: "budgetPool",
    recycling: { epochSeconds: 7 * 86_400 },
    // Enough KRW for 15 weeks of parking, so that the long run keeps its demand.
    actors: { startingKrw: { driver: 1_000_000 } },
    behaviour: { citizens: { spending: { minBalance: 100 } } },
  });
  const trace = generateTrace(scenario);
  let lines = 0;
  for (const _ of trace) lines += 1;
  return { lines, stats: trace.stats };
}

describe("generateTrace: streaming", function () {
  this.timeout(120_000);

  it("keeps its queue, open batches and reservations flat over a five-fold longer run", () => {
    const short = run(21);
    const long = run(105);
    expect(long.lines).to.be.above(4 * short.lines);
    expect(long.stats.queuePeak).to.be.above(0);
    expect(long.stats.queuePeak).to.be.below(1.5 * short.stats.queuePeak);
    expect(long.stats.openDepositsPeak).to.be.below(1.5 * short.stats.openDepositsPeak);
    expect(long.stats.reservationsPeak).to.be.below(1.5 * short.stats.reservationsPeak);
    // A few days of work at most: well under a tenth of what the long run sends.
    expect(long.stats.queuePeak).to.be.below(long.lines / 10);
    expect(long.stats.byKind["recycle.claim"]).to.be.above(0);
  });

  it("yields the month's first lines before planning any of it", async () => {
    const { scenario } = await loadScenario("scenarios/incheon-month.yaml");
    const trace = generateTrace(scenario);
    const first: string[] = [];
    for (const line of trace) {
      first.push(line);
      if (first.length === 5) break;
    }
    expect(first[0]).to.match(/"kind":"config"/);
    expect(trace.stats.tripsPlanned).to.equal(0);
    expect(trace.stats.queuePeak).to.equal(0);
  });

  it("can be iterated once", () => {
    const trace = generateTrace(testScenario({ days: 1 }));
    for (const _ of trace) break;
    expect(() => [...trace]).to.throw("once");
  });
});
