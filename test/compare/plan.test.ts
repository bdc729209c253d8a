/**
 * The plan of runs (sweep points x schemes x seeds) and its shards: deterministic, each
 * variant a valid scenario, shards disjoint and together complete.
 */
import { expect } from "chai";
import { parse } from "yaml";

import { CompareOptionError } from "../../src/compare/options.js";
import { type PlannedRun } from "../../src/compare/plan.js";
import { runsOfShard } from "../../src/compare/shard.js";
import { parseScenarioText } from "../../src/scenario/load-scenario.js";
import { loadMini, planOf } from "./helpers.js";

const SEEDS = [20260406, 20260407];

describe("compare plan", () => {
  it("runs each scheme on the same seeds at every sweep point, a variant once", () => {
    const { plan, variantTexts } = planOf(loadMini(), { schemes: "flat,material" });
    expect(plan.seeds).to.deep.equal(SEEDS);
    expect(plan.points).to.deep.equal([
      { "flat.ratePerKg": 200 },
      { "flat.ratePerKg": 300 },
      { "flat.ratePerKg": 400 },
    ]);
    // flat.ratePerKg changes flat only: material's three rows share one variant.
    expect(plan.variants.map((v) => [v.id, v.caption])).to.deep.equal([
      ["flat-p1", "flat (flat.ratePerKg=200)"],
      ["material", "material"],
      ["flat-p2", "flat (flat.ratePerKg=300)"],
      ["flat-p3", "flat (flat.ratePerKg=400)"],
    ]);
    expect(plan.cells.map((c) => `${c.point}:${c.label}:${c.variant}`)).to.deep.equal([
      "0:flat:flat-p1",
      "0:material:material",
      "1:flat:flat-p2",
      "1:material:material",
      "2:flat:flat-p3",
      "2:material:material",
    ]);
    expect(plan.runs.map((r) => r.id)).to.deep.equal([
      "flat-p1-s20260406",
      "flat-p1-s20260407",
      "flat-p2-s20260406",
      "flat-p2-s20260407",
      "flat-p3-s20260406",
      "flat-p3-s20260407",
      "material-s20260406",
      "material-s20260407",
    ]);
    expect([...variantTexts.keys()].sort()).to.deep.equal(plan.variants.map((v) => v.id).sort());
  });

  it("writes each variant as a valid scenario of one scheme with the swept value applied", () => {
    const { variantTexts } = planOf(loadMini(), { schemes: "flat,material" });
    const flat = parseScenarioText(variantTexts.get("flat-p1") ?? "", "flat-p1.yaml");
    expect(flat.scenario.schemes).to.deep.equal([
      { label: "flat", scheme: "flat", params: { ratePerKg: 200 } },
    ]);
    expect(flat.scenario.scheme).to.deep.equal({
      label: "flat",
      scheme: "flat",
      params: { ratePerKg: 200 },
    });
    expect(flat.scenario.sweep).to.equal(undefined);
    const material = parse(variantTexts.get("material") ?? "") as Record<string, unknown>;
    expect(material["scheme"]).to.equal("material");
    expect(material["schemes"]).to.have.length(1);
    expect(material["days"]).to.equal(2);
  });

  it("is the same plan every time", () => {
    const a = planOf(loadMini(), { runs: 3 });
    const b = planOf(loadMini(), { runs: 3 });
    expect(a.plan).to.deep.equal(b.plan);
    expect([...a.variantTexts]).to.deep.equal([...b.variantTexts]);
    expect(a.plan.schemes.map((s) => s.label)).to.deep.equal([
      "flat",
      "material",
      "tiered",
      "perItem",
      "budgetPool",
    ]);
    expect(a.plan.runs).to.have.length(7 * 3);
  });

  it("without the sweep: the scenario as written, one variant per scheme", () => {
    const { plan } = planOf(loadMini(), { schemes: "material,flat", sweep: false });
    expect(plan.points).to.deep.equal([{}]);
    expect(plan.variants.map((v) => v.id)).to.deep.equal(["material", "flat"]);
    expect(plan.baseline).to.equal("material");
    expect(plan.runs).to.have.length(4);
  });

  it("a sweep of a scenario value makes a variant per point for every scheme", () => {
    const loaded = loadMini((t) =>
      t.replace(/sweep:\n.*$/s, "sweep:\n  behaviour.drivers.cancelOdds: [0.05, 0.1]\n"),
    );
    const { plan } = planOf(loaded, { schemes: "flat,material", runs: 1 });
    expect(plan.variants.map((v) => v.caption)).to.deep.equal([
      "flat (behaviour.drivers.cancelOdds=0.05)",
      "material (behaviour.drivers.cancelOdds=0.05)",
      "flat (behaviour.drivers.cancelOdds=0.1)",
      "material (behaviour.drivers.cancelOdds=0.1)",
    ]);
  });

  it("refuses seeds past 2^32 - 1", () => {
    const loaded = loadMini((t) => t.replace("seed: 20260406", "seed: 4294967295"));
    expect(() => planOf(loaded, { runs: 2 })).to.throw(CompareOptionError, /--runs: seeds/);
    expect(planOf(loaded, { runs: 1 }).plan.seeds).to.deep.equal([4294967295]);
  });
});

describe("compare shards", () => {
  const { plan } = planOf(loadMini(), { runs: 3 });
  const ids = (runs: readonly PlannedRun[]) => runs.map((r) => r.id);

  for (const count of [1, 2, 3, 5, 30]) {
    it(`splits ${plan.runs.length} runs into ${count} disjoint shares that cover the plan`, () => {
      const shares = Array.from({ length: count }, (_, i) =>
        ids(runsOfShard(plan.runs, { index: i + 1, count })),
      );
      const all = shares.flat();
      expect(new Set(all).size).to.equal(all.length);
      expect([...all].sort()).to.deep.equal(ids(plan.runs));
      const sizes = shares.map((s) => s.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).to.be.at.most(1);
    });
  }

  it("takes every n-th run id in sorted order, starting at i - 1, whatever the input order", () => {
    const shuffled = [...plan.runs].reverse();
    const second = ids(runsOfShard(shuffled, { index: 2, count: 3 }));
    expect(second).to.deep.equal(ids(plan.runs).filter((_, i) => i % 3 === 1));
    expect(second).to.deep.equal(ids(runsOfShard(plan.runs, { index: 2, count: 3 })));
  });
});
