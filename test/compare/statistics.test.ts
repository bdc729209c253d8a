/**
 * Means, 95% intervals and paired differences, checked against figures worked by hand:
 * mean, sample sd (n - 1), t(0.975, n - 1) from the table, half-width t * sd / sqrt(n).
 */
import { expect } from "chai";

import {
  estimate,
  excludesZero,
  pairedDifference,
  tQuantile975,
} from "../../src/compare/statistics.js";
import { expectCloseTo } from "../helpers/close-to.js";

const close = (actual: number, expected: number, digits = 6): void => {
  expectCloseTo(actual, expected, 10 ** -digits);
};

describe("compare statistics", () => {
  it("t quantiles: the table up to 30 degrees of freedom, the expansion beyond", () => {
    close(tQuantile975(1), 12.706205);
    close(tQuantile975(3), 3.182446);
    close(tQuantile975(30), 2.042272);
    // Exact values (scipy.stats.t.ppf(0.975, df)) to 7 decimals.
    close(tQuantile975(31), 2.0395134, 7);
    close(tQuantile975(60), 2.0002978, 7);
    close(tQuantile975(1000), 1.9623391, 7);
    expect(() => tQuantile975(0)).to.throw(RangeError);
  });

  it("mean and interval of [1, 2, 3, 4]: sd sqrt(5/3), t(3) 3.182446", () => {
    const e = estimate([1, 2, 3, 4]);
    expect(e?.n).to.equal(4);
    expect(e?.mean).to.equal(2.5);
    // half = 3.182446 * 1.290994 / 2 = 2.054260
    const half = (3.182446 * Math.sqrt(5 / 3)) / 2;
    close(half, 2.05426);
    close(e?.ci?.[0] ?? Number.NaN, 2.5 - half);
    close(e?.ci?.[1] ?? Number.NaN, 2.5 + half);
  });

  it("one value: a mean without an interval; none: no estimate", () => {
    expect(estimate([7])).to.deep.equal({ n: 1, mean: 7, ci: null });
    expect(estimate([])).to.equal(null);
  });

  it("equal values: an interval of zero width", () => {
    expect(estimate([5, 5, 5])).to.deep.equal({ n: 3, mean: 5, ci: [5, 5] });
  });

  it("paired difference seed by seed: [11, 12, 16] against the baseline [10, 12, 14]", () => {
    // Differences value - baseline: 11 - 10 = 1, 12 - 12 = 0, 16 - 14 = 2; mean 1, sd 1,
    // half = t(2) * 1 / sqrt(3) = 4.302653 / 1.732051 = 2.484138.
    const d = pairedDifference([
      { value: 11, baseline: 10 },
      { value: 12, baseline: 12 },
      { value: 16, baseline: 14 },
    ]);
    expect(d?.n).to.equal(3);
    expect(d?.mean).to.equal(1);
    close(d?.ci?.[0] ?? Number.NaN, 1 - 2.484138);
    close(d?.ci?.[1] ?? Number.NaN, 1 + 2.484138);
    expect(excludesZero(d)).to.equal(false);
  });

  it("pairing removes the noise the two schemes share", () => {
    // Both schemes rise and fall with the seed; the scheme adds 2 every time.
    const baseline = [100, 140, 90, 160];
    const pairs = baseline.map((b) => ({ value: b + 2, baseline: b }));
    const unpaired = estimate(pairs.map((p) => p.value));
    const paired = pairedDifference(pairs);
    expect(paired).to.deep.equal({ n: 4, mean: 2, ci: [2, 2] });
    expect(excludesZero(paired)).to.equal(true);
    expect((unpaired?.ci?.[1] ?? 0) - (unpaired?.ci?.[0] ?? 0)).to.be.greaterThan(50);
  });

  it("a seed undefined on either side is left out of the pairs", () => {
    const d = pairedDifference([
      { value: 3, baseline: 1 },
      { value: null, baseline: 1 },
      { value: 5, baseline: null },
      { value: 6, baseline: 2 },
    ]);
    // Differences 2 and 4: mean 3, sd sqrt(2), half = 12.706205 * sqrt(2) / sqrt(2).
    expect(d?.n).to.equal(2);
    expect(d?.mean).to.equal(3);
    close(d?.ci?.[0] ?? Number.NaN, 3 - 12.706205);
    expect(pairedDifference([{ value: null, baseline: 1 }])).to.equal(null);
  });
});
