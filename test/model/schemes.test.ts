import { expect } from "chai";

import { MATERIALS } from "../../src/scenario/trace-schema.js";
import { SCHEME_DEFINITIONS, type SchemeDefinition } from "../../src/model/index.js";
import { tieredReward } from "../../src/model/schemes/tiered.js";
import { sampleDeposit, shouldBehaveLikeRewardScheme } from "./behaves-like-reward-scheme.js";

for (const definition of Object.values(SCHEME_DEFINITIONS)) {
  shouldBehaveLikeRewardScheme(definition as SchemeDefinition<typeof definition.name>);
}

const { flat, material, tiered, perItem, budgetPool } = SCHEME_DEFINITIONS;
const perKg = (grams: number, rate: number) => (BigInt(grams) * BigInt(rate)) / 1000n;

describe("model: scheme formulas", () => {
  it("flat: floor(grams * 300 / 1000) by default, or the given ratePerKg", () => {
    const defaults = flat.create({});
    expect(defaults.onDeposit(sampleDeposit({ grams: 2500 })).credits).to.equal(perKg(2500, 300));
    expect(defaults.onDeposit(sampleDeposit({ grams: 3 })).credits).to.equal(0n);
    expect(defaults.onDeposit(sampleDeposit({ grams: 7 })).credits).to.equal(2n);
    const custom = flat.create({ ratePerKg: 1250 });
    expect(custom.onDeposit(sampleDeposit({ grams: 999 })).credits).to.equal(perKg(999, 1250));
  });

  it("material: the default rate of each material", () => {
    const rates = { CLEAR_PET: 500, PET: 300, HDPE: 250, PP: 200, PS: 100, OTHER: 0 };
    const scheme = material.create({});
    for (const m of MATERIALS) {
      const { credits } = scheme.onDeposit(sampleDeposit({ material: m, grams: 1999 }));
      expect(credits, m).to.equal(perKg(1999, rates[m]));
    }
  });

  it("material: a partial rate map is merged over the defaults", () => {
    const scheme = material.create({ rates: { PET: 1000 } });
    expect(scheme.onDeposit(sampleDeposit({ material: "PET" })).credits).to.equal(1000n);
    expect(scheme.onDeposit(sampleDeposit({ material: "CLEAR_PET" })).credits).to.equal(500n);
  });

  it("perItem: items * perItem[material]; defaults 10 for (clear) PET, 0 otherwise", () => {
    const scheme = perItem.create({});
    expect(scheme.onDeposit(sampleDeposit({ material: "CLEAR_PET", items: 30 })).credits).to.equal(
      300n,
    );
    expect(scheme.onDeposit(sampleDeposit({ material: "PET", items: 7 })).credits).to.equal(70n);
    expect(scheme.onDeposit(sampleDeposit({ material: "HDPE", items: 30 })).credits).to.equal(0n);
    const custom = perItem.create({ perItem: { HDPE: 3 } });
    expect(custom.onDeposit(sampleDeposit({ material: "HDPE", items: 30 })).credits).to.equal(90n);
    expect(custom.onDeposit(sampleDeposit({ material: "PET", items: 30 })).credits).to.equal(300n);
  });

  it("budgetPool: points floor(grams * weight / 1000), weights defaulting to material rates", () => {
    const scheme = budgetPool.create({ weights: { OTHER: 50 } });
    const clear = scheme.onDeposit(sampleDeposit({ material: "CLEAR_PET", grams: 1999 }));
    expect(clear).to.deep.equal({ credits: 0n, points: perKg(1999, 500) });
    const other = scheme.onDeposit(sampleDeposit({ material: "OTHER", grams: 1999 }));
    expect(other.points).to.equal(perKg(1999, 50));
  });
});

describe("model: tiered bands", () => {
  const DEFAULT_BANDS = [
    [0, 400],
    [2000, 250],
    [5000, 100],
  ] as const;
  /** The SPEC formula written out: floor(sum(gramsInBand * rate) / 1000). */
  const byHand = (parts: [grams: number, rate: number][]) =>
    parts.reduce((sum, [g, r]) => sum + BigInt(g * r), 0n) / 1000n;

  it("pays the first band up to 2,000 g and the second from 2,000 g", () => {
    expect(tieredReward(DEFAULT_BANDS, 0, 2000)).to.equal(byHand([[2000, 400]]));
    expect(tieredReward(DEFAULT_BANDS, 2000, 1)).to.equal(byHand([[1, 250]]));
    expect(tieredReward(DEFAULT_BANDS, 1999, 2)).to.equal(
      byHand([
        [1, 400],
        [1, 250],
      ]),
    );
  });

  it("spans all three bands and floors once, not per band", () => {
    expect(tieredReward(DEFAULT_BANDS, 0, 6000)).to.equal(
      byHand([
        [2000, 400],
        [3000, 250],
        [1000, 100],
      ]),
    );
    // 2 * 400 + 2 * 250 = 1,300 -> 1 credit (per-band floors would give 0).
    expect(tieredReward(DEFAULT_BANDS, 1998, 4)).to.equal(1n);
    expect(tieredReward(DEFAULT_BANDS, 4999, 2)).to.equal(
      byHand([
        [1, 250],
        [1, 100],
      ]),
    );
    expect(tieredReward(DEFAULT_BANDS, 5000, 20_000)).to.equal(byHand([[20_000, 100]]));
  });

  it("reads the citizen's grams before the deposit from the deposit it is given", () => {
    const scheme = tiered.create({});
    const deposit = sampleDeposit({ grams: 1000, epochGramsBefore: 1500 });
    expect(scheme.onDeposit(deposit).credits).to.equal(
      byHand([
        [500, 400],
        [500, 250],
      ]),
    );
  });

  it("takes custom bands, the last one open-ended", () => {
    const scheme = tiered.create({
      bands: [
        [0, 1000],
        [100, 10],
      ],
    });
    const deposit = sampleDeposit({ grams: 1000, epochGramsBefore: 50 });
    expect(scheme.onDeposit(deposit).credits).to.equal(
      byHand([
        [50, 1000],
        [950, 10],
      ]),
    );
  });
});
