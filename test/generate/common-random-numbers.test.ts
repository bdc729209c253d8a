/**
 * Common random numbers (SPEC.md section 6): one seed gives the same parking demand under
 * every scheme, and the same recycling unless the scenario sets a reward elasticity; then a
 * richer scheme adds deposits to the same ones (never moves them), in proportion to
 * (level / reference) ^ elasticity.
 */
import { expect } from "chai";
import { expectCloseTo } from "../helpers/close-to.js";

import type { SchemeChoice } from "../../src/scenario/trace-schema.js";
import { generate, ofKind, testScenario, type Line } from "./helpers.js";

/** Parking lines without the credits paid (which follow the credits a scheme minted). */
function parking(events: readonly Line[]): string[] {
  return events
    .filter((e) => e.kind.startsWith("parking.") || e.kind === "slot.price")
    .map(({ credits: _credits, ...rest }) => JSON.stringify(rest));
}

/** Deposits as they reach the trace, without receipt ids (numbered in file order). */
function deposits(events: readonly Line[]): string[] {
  return ofKind(events, "recycle.deposit", "recycle.receipt")
    .map(({ receipt: _receipt, ...rest }) => JSON.stringify(rest))
    .sort();
}

/** Whether every element of `small` is in `large`, as multisets of sorted strings. */
function isSubMultiset(small: readonly string[], large: readonly string[]): boolean {
  let j = 0;
  for (const item of small) {
    while (j < large.length && (large[j] ?? "") < item) j++;
    if (large[j] !== item) return false;
    j++;
  }
  return true;
}

const flat = (ratePerKg: number): SchemeChoice => ({ scheme: "flat", params: { ratePerKg } });

describe("generateTrace: common random numbers", function () {
  this.timeout(120_000);
  const plain = testScenario();
  const elastic = testScenario({
    behaviour: { citizens: { rewardElasticity: { elasticity: 1, referenceCreditsPerKg: 300 } } },
  });

  it("keeps parking demand and recycling identical across schemes without elasticity", () => {
    const base = generate(plain, { scheme: flat(300) });
    for (const scheme of [
      flat(600),
      { scheme: "material", params: {} },
      { scheme: "budgetPool", params: { budget: 10_000n } },
    ] as SchemeChoice[]) {
      const other = generate(plain, { scheme });
      expect(parking(other.events), scheme.scheme).to.deep.equal(parking(base.events));
      expect(deposits(other.events), scheme.scheme).to.deep.equal(deposits(base.events));
      expect(other.stats.frequencyFactors.every((f) => f === 1)).to.equal(true);
    }
  });

  it("scales deposits with the reward level through the same draws, parking untouched", () => {
    const poor = generate(elastic, { scheme: flat(150) });
    const base = generate(elastic, { scheme: flat(300) });
    const rich = generate(elastic, { scheme: flat(600) });
    expect(poor.stats.frequencyFactors[0]).to.equal(0.5);
    expect(base.stats.frequencyFactors[0]).to.equal(1);
    expect(rich.stats.frequencyFactors[0]).to.equal(2);
    expect(parking(poor.events)).to.deep.equal(parking(base.events));
    expect(parking(rich.events)).to.deep.equal(parking(base.events));
    const [p, b, r] = [deposits(poor.events), deposits(base.events), deposits(rich.events)];
    // Each citizen-day's deposits under a poorer scheme are the first of a richer one's.
    expect(isSubMultiset(p, b)).to.equal(true);
    expect(isSubMultiset(b, r)).to.equal(true);
    // Twice the level, twice the deposits (within 4 sd of the Poisson extra over ~800).
    expect(r.length / b.length).to.be.within(1.8, 2.2);
    expect(p.length / b.length).to.be.within(0.4, 0.6);
  });

  it("derives the level of every scheme from the scenario's mix (budgetPool: budget per kg)", () => {
    const level = (scheme: SchemeChoice) =>
      generate(elastic, { scheme }).stats.frequencyFactors[0] ?? 0;
    // Mass shares 75:60:60:60:15:10 (of 280 g) at the default rates: exactly 300 per kg.
    expectCloseTo(level({ scheme: "material", params: {} }), 1, 1e-9);
    // 10 per bottle: 625 per kg of clear PET (16 g), 526 of PET (19 g), 0 for the rest.
    expectCloseTo(level({ scheme: "perItem", params: {} }), (167.41 + 112.78) / 300, 1e-3);
    // A pool far above what the weights pay is capped by them; a small one pays little.
    const rich = level({ scheme: "budgetPool", params: { budget: 10n ** 9n } });
    expectCloseTo(rich, level({ scheme: "material", params: {} }), 1e-9);
    // 1,000 per daily epoch over 900 citizens x 0.6 x 1.5/7 deposits x 0.28 kg.
    const kgPerEpoch = ((900 * 0.6 * 1.5) / 7) * 0.28;
    const small = level({ scheme: "budgetPool", params: { budget: 1000n } });
    expectCloseTo(small, 1000 / kgPerEpoch / 300, 1e-9);
  });
});
