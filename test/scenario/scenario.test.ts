/** Valid scenarios: the default ones, defaults, schemes and sweeps. */
import { expect } from "chai";

import { loadScenario, parseScenarioText } from "../../src/scenario/load-scenario.js";
import { scenarioSchema } from "../../src/scenario/scenario-schema.js";
import { applySweepPoint, sweepPoints } from "../../src/scenario/scenario-sweep.js";

const SCENARIOS = new URL("../../scenarios/", import.meta.url);
const scenarioFile = (name: string) => new URL(name, SCENARIOS).pathname;

const MINIMAL = `name: minimal
start: "2026-04-06T00:00:00+09:00"
days: 1
districts: [{ name: songdo }]
`;

describe("scenarios", () => {
  it("loads songdo-week with the figures of its README", async () => {
    const { scenario } = await loadScenario(scenarioFile("songdo-week.yaml"));
    expect(scenario.days).to.equal(7);
    expect(scenario.districts.map((d) => d.name)).to.deep.equal([
      "songdo",
      "cheongna",
      "yeongjong",
    ]);
    const total = (key: "owners" | "drivers" | "citizens" | "kiosks" | "merchants") =>
      scenario.districts.reduce((sum, d) => sum + d.actors[key], 0);
    expect([total("owners"), total("drivers"), total("citizens")]).to.deep.equal([100, 500, 1500]);
    expect([total("kiosks"), total("merchants")]).to.deep.equal([10, 10]);
    expect(scenario.market.platformFeeBps).to.equal(2000);
    expect(scenario.recycling.epochSeconds).to.equal(7 * 86_400);
    expect(scenario.scheme).to.deep.equal({
      label: "flat",
      scheme: "flat",
      params: { ratePerKg: 300 },
    });
    expect(scenario.schemes.map((s) => s.scheme)).to.deep.equal([
      "flat",
      "material",
      "tiered",
      "perItem",
      "budgetPool",
    ]);
    const pool = scenario.schemes.find((s) => s.scheme === "budgetPool");
    expect(pool?.scheme === "budgetPool" && pool.params.budget).to.equal(100_000n);
  });

  it("loads incheon-month at city scale", async () => {
    const { scenario } = await loadScenario(scenarioFile("incheon-month.yaml"));
    const total = (key: "owners" | "citizens" | "kiosks") =>
      scenario.districts.reduce((sum, d) => sum + d.actors[key], 0);
    expect(scenario.days).to.equal(30);
    expect(total("owners") * scenario.behaviour.owners.slotsPerOwner.min).to.be.at.least(1000);
    expect(total("citizens")).to.equal(10_000);
    expect(total("kiosks")).to.equal(100);
    expect(scenario.actors.startingKrw).to.deep.equal({
      owner: 0n,
      driver: 300_000n,
      citizen: 0n,
      kiosk: 0n,
      merchant: 0n,
    });
  });

  it("fills every default into a minimal scenario", () => {
    const { scenario } = parseScenarioText(MINIMAL, "minimal.yaml");
    expect(scenario.seed).to.equal(1);
    expect(scenario.treasury.krw).to.equal(100_000_000n);
    expect(scenario.districts[0]?.actors).to.deep.equal({
      owners: 0,
      drivers: 0,
      citizens: 0,
      kiosks: 0,
      merchants: 0,
    });
    expect(scenario.behaviour.drivers.weekdayArrivals).to.have.length(24);
    expect(scenario.behaviour.drivers.creditPayment).to.deep.equal({ share: 0.3, maxFeeShare: 1 });
    expect(scenario.behaviour.citizens.gramsPerItem.CLEAR_PET).to.equal(16);
    expect(scenario.behaviour.citizens.spending.minBalance).to.equal(1000n);
    expect(scenario.behaviour.merchants.redeemMinCredits).to.equal(1000n);
    expect(scenario.behaviour.owners.availability.map((p) => p.share)).to.deep.equal([
      0.5, 0.3, 0.2,
    ]);
    expect(scenario.market).to.deep.equal({});
    expect(scenario.scheme).to.deep.equal({ label: "flat", scheme: "flat", params: {} });
    expect(scenario.schemes).to.deep.equal([scenario.scheme]);
    expect(scenario.behaviour.citizens.rewardElasticity).to.equal(undefined);
  });

  it("merges a partial per-material map over the defaults", () => {
    const text = `${MINIMAL}behaviour:\n  citizens:\n    gramsPerItem: { PET: 12 }\n`;
    const { gramsPerItem } = parseScenarioText(text, "x.yaml").scenario.behaviour.citizens;
    expect(gramsPerItem).to.deep.equal({
      CLEAR_PET: 16,
      PET: 12,
      HDPE: 40,
      PP: 20,
      PS: 8,
      OTHER: 15,
    });
  });

  it("accepts shares that add up to 1 within the tolerance", () => {
    const text = `${MINIMAL}behaviour:\n  citizens:\n    materialMix: { PET: 0.333, PP: 0.333, PS: 0.3335 }\n`;
    expect(() => parseScenarioText(text, "x.yaml")).not.to.throw();
  });

  it("labels scheme variants and keeps their typed params", () => {
    const text = `${MINIMAL}schemes:\n  - flat\n  - { label: flat-high, scheme: flat, params: { ratePerKg: 500 } }\n`;
    const { schemes } = parseScenarioText(text, "x.yaml").scenario;
    expect(schemes).to.deep.equal([
      { label: "flat", scheme: "flat", params: {} },
      { label: "flat-high", scheme: "flat", params: { ratePerKg: 500 } },
    ]);
  });

  it("expands a sweep into points that are valid scenarios", () => {
    const text = `${MINIMAL}schemes: [flat, material]\nsweep:\n  flat.ratePerKg: [200, 400]\n  behaviour.drivers.cancelOdds: [0, 0.5]\n`;
    const { scenario, raw } = parseScenarioText(text, "x.yaml");
    const points = sweepPoints(scenario.sweep);
    expect(points).to.have.length(4);
    expect(points[3]).to.deep.equal({ "flat.ratePerKg": 400, "behaviour.drivers.cancelOdds": 0.5 });
    const swept = scenarioSchema.parse(applySweepPoint(raw, points[3] ?? {}));
    expect(swept.sweep).to.equal(undefined);
    expect(swept.behaviour.drivers.cancelOdds).to.equal(0.5);
    expect(swept.scheme.params).to.deep.equal({ ratePerKg: 400 });
    expect(swept.schemes.map((s) => s.params)).to.deep.equal([{ ratePerKg: 400 }, {}]);
  });

  it("gives one empty point without a sweep", () => {
    expect(sweepPoints(undefined)).to.deep.equal([{}]);
  });
});
