/**
 * The behaviour every reward scheme shares, run against each one in SCHEME_DEFINITIONS, so
 * that a new scheme gets these tests by being listed there.
 */
import { expect } from "chai";
import fc from "fast-check";

import { MATERIALS, type SchemeName } from "../../src/scenario/trace-schema.js";
import type { CountedDeposit, SchemeDefinition } from "../../src/model/index.js";

export const countedDeposit = fc.record({
  citizen: fc.constantFrom("c1", "c2", "c3"),
  material: fc.constantFrom(...MATERIALS),
  grams: fc.integer({ min: 1, max: 20_000 }),
  items: fc.integer({ min: 0, max: 200 }),
  epoch: fc.integer({ min: 0, max: 3 }),
  epochGramsBefore: fc.integer({ min: 0, max: 100_000 }),
});

export function sampleDeposit(overrides: Partial<CountedDeposit> = {}): CountedDeposit {
  return {
    citizen: "c1",
    material: "PET",
    grams: 1000,
    items: 10,
    epoch: 0,
    epochGramsBefore: 0,
    ...overrides,
  };
}

export function shouldBehaveLikeRewardScheme<K extends SchemeName>(
  definition: SchemeDefinition<K>,
) {
  describe(`${definition.name}: behaves like a reward scheme`, () => {
    it("installs with every param missing, under its own name", () => {
      const scheme = definition.create({});
      expect(scheme.name).to.equal(definition.name);
    });

    it("owes non-negative credits and points, never both", () => {
      fc.assert(
        fc.property(countedDeposit, (deposit) => {
          const { credits, points } = definition.create({}).onDeposit(deposit);
          expect(credits >= 0n && points >= 0n).to.equal(true);
          expect(credits > 0n && points > 0n).to.equal(false);
        }),
      );
    });

    it("owes no less for more grams and more items, all else equal", () => {
      fc.assert(
        fc.property(countedDeposit, fc.nat(5000), fc.nat(50), (deposit, moreGrams, moreItems) => {
          const small = definition.create({}).onDeposit(deposit);
          const large = definition.create({}).onDeposit({
            ...deposit,
            grams: deposit.grams + moreGrams,
            items: deposit.items + moreItems,
          });
          expect(large.credits >= small.credits && large.points >= small.points).to.equal(true);
        }),
      );
    });

    it("keeps each instance's state to itself", () => {
      const first = definition.create({});
      const second = definition.create({});
      const deposit = sampleDeposit({ material: "CLEAR_PET", grams: 2000, items: 20 });
      const once = first.onDeposit(deposit);
      first.onDeposit(deposit);
      expect(second.onDeposit(deposit)).to.deep.equal(once);
      expect(second.claim?.("c1", 0)).to.equal(first.claim === undefined ? undefined : once.points);
    });

    it("has nothing to claim for a citizen without points", () => {
      const scheme = definition.create({});
      scheme.onDeposit(sampleDeposit({ citizen: "c1" }));
      expect(scheme.claim?.("c2", 0)).to.equal(undefined);
      expect(scheme.claim?.("c1", 1)).to.equal(undefined);
    });
  });
}
