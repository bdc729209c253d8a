import { expect } from "chai";

import {
  ReferenceModel,
  brokenInvariants,
  runModelSync,
  snapshotOf,
} from "../../src/model/index.js";
import { SYNTHETIC_SIZES, syntheticTrace } from "./synthetic-trace.js";

// Speed is measured by `npm run bench`, never asserted here: this checks that a long
// synthetic run keeps its invariants and holds state per actor and slot, not per event.
const EVENTS = 200_000;

describe("model: a long synthetic run", function () {
  this.timeout(120_000);

  it(`applies ${EVENTS.toLocaleString("en")} streamed events with its invariants intact`, () => {
    const model = new ReferenceModel();
    let events = 0;
    for (const input of syntheticTrace(EVENTS, 7)) {
      model.apply(input);
      events += 1;
    }

    expect(events).to.equal(EVENTS);
    expect(brokenInvariants(model)).to.deep.equal([]);
    const state = snapshotOf(model);
    const actors = SYNTHETIC_SIZES.owners + SYNTHETIC_SIZES.drivers + SYNTHETIC_SIZES.citizens;
    expect(state.balances.size).to.be.at.most(
      actors + SYNTHETIC_SIZES.kiosks + SYNTHETIC_SIZES.merchants,
    );
    expect(state.counters.parking.bookings).to.be.greaterThan(4_000);
    expect(state.counters.recycling.deposits).to.be.greaterThan(40_000);
  });

  it("keeps per-slot reservations to bookings that have not ended", () => {
    const model = runModelSync(syntheticTrace(50_000, 3));
    let reserved = 0;
    for (const slot of model.parking?.slots.values() ?? []) reserved += slot.reservations.size;
    // At most ~32 units of lead and length per booking: a few bookings per slot at a time.
    expect(reserved).to.be.below(SYNTHETIC_SIZES.slots * 4);
  });
});
