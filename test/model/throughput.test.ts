import { expect } from "chai";

import {
  ReferenceModel,
  brokenInvariants,
  runModelSync,
  snapshotOf,
} from "../../src/model/index.js";
import { SYNTHETIC_SIZES, syntheticTrace } from "./synthetic-trace.js";

const EVENTS = 500_000;
/**
 * A bound that catches a change in complexity (work per event growing with history), not a
 * benchmark: the model does 500,000 events in a few seconds on a laptop.
 */
const BUDGET_MS = 30_000;

describe("model: throughput on a synthetic month", function () {
  this.timeout(4 * BUDGET_MS);

  it(`applies ${EVENTS.toLocaleString("en")} streamed events within the budget, invariants intact`, () => {
    // Times the model only: the synthetic events are built on the fly, outside the clock.
    const model = new ReferenceModel();
    let events = 0;
    let elapsed = 0;
    for (const input of syntheticTrace(EVENTS, 7)) {
      const started = performance.now();
      model.apply(input);
      elapsed += performance.now() - started;
      events += 1;
    }

    expect(events).to.equal(EVENTS);
    expect(elapsed).to.be.below(BUDGET_MS);
    expect(brokenInvariants(model)).to.deep.equal([]);
    const state = snapshotOf(model);
    const actors = SYNTHETIC_SIZES.owners + SYNTHETIC_SIZES.drivers + SYNTHETIC_SIZES.citizens;
    expect(state.balances.size).to.be.at.most(
      actors + SYNTHETIC_SIZES.kiosks + SYNTHETIC_SIZES.merchants,
    );
    expect(state.counters.parking.bookings).to.be.greaterThan(10_000);
    expect(state.counters.recycling.deposits).to.be.greaterThan(100_000);
  });

  it("keeps per-slot reservations to bookings that have not ended", () => {
    const model = runModelSync(syntheticTrace(50_000, 3));
    let reserved = 0;
    for (const slot of model.parking?.slots.values() ?? []) reserved += slot.reservations.size;
    // At most ~32 units of lead and length per booking: a few bookings per slot at a time.
    expect(reserved).to.be.below(SYNTHETIC_SIZES.slots * 4);
  });
});
