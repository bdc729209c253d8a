/** Seeded streams and the distributions drawn from them. */
import { expect } from "chai";
import { expectCloseTo } from "../helpers/close-to.js";
import fc from "fast-check";
import { mean, variance } from "simple-statistics";

import { poissonQuantile, streamFor } from "../../src/generate/random.js";

const draws = (label: string, n: number, seed = 1) => {
  const random = streamFor(seed, label);
  return Array.from({ length: n }, () => random.uniform());
};

describe("random streams", () => {
  it("repeat for one seed and label, differ across labels and seeds", () => {
    expect(draws("a", 5)).to.deep.equal(draws("a", 5));
    expect(draws("a", 5)).to.not.deep.equal(draws("b", 5));
    expect(draws("a", 5, 1)).to.not.deep.equal(draws("a", 5, 2));
  });

  it("draw uniforms in (0, 1) with the uniform's mean and variance", () => {
    const u = draws("uniform", 20_000);
    expect(Math.min(...u)).to.be.above(0);
    expect(Math.max(...u)).to.be.below(1);
    expectCloseTo(mean(u), 0.5, 4 * Math.sqrt(1 / 12 / u.length));
    expectCloseTo(variance(u), 1 / 12, 0.005);
  });

  it("give a jumped stream that does not repeat the original", () => {
    const random = streamFor(3, "jump");
    const jumped = random.jumped();
    const a = Array.from({ length: 4 }, () => random.uniform());
    const b = Array.from({ length: 4 }, () => jumped.uniform());
    expect(a).to.not.deep.equal(b);
  });

  it("draw lognormals with the scenario's mean and sd, clipped", () => {
    const random = streamFor(4, "skewed");
    const d = { mean: 130, sd: 90, min: 15, max: 10_000 };
    const x = Array.from({ length: 20_000 }, () => random.skewed(d));
    expectCloseTo(mean(x), 130, 4 * (90 / Math.sqrt(x.length)));
    expect(Math.min(...x)).to.be.at.least(15);
    expect(random.skewed({ ...d, sd: 0 })).to.equal(130);
  });
});

describe("poissonQuantile", () => {
  it("has the Poisson mean and variance over uniform draws", () => {
    for (const m of [0.2, 3, 40, 2000]) {
      const k = draws(`poisson-${m}`, 10_000).map((u) => poissonQuantile(m, u));
      expectCloseTo(mean(k), m, 4 * Math.sqrt(m / k.length), `mean ${m}`);
      expect(variance(k) / m, `variance ${m}`).to.be.within(0.9, 1.1);
    }
  });

  it("grows with the mean for one uniform (the coupling behind elasticity)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 2000, noNaN: true }),
        fc.double({ min: 0, max: 2000, noNaN: true }),
        fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }),
        (a, b, u) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          return poissonQuantile(lo, u) <= poissonQuantile(hi, u);
        },
      ),
    );
  });

  it("is 0 for a mean of 0", () => {
    expect(poissonQuantile(0, 0.999)).to.equal(0);
  });
});
