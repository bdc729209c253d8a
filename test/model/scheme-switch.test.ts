import { expect } from "chai";

import type { SchemeChoice } from "../../src/scenario/trace-schema.js";
import { MONDAY, TUESDAY, kst } from "./helpers.js";
import { deposit, depositedOf, recyclingWorld, rewardOf } from "./recycling-world.js";

const at = (clock: string) => kst(MONDAY, clock);
const perKg = (grams: number, rate: number) => (BigInt(grams) * BigInt(rate)) / 1000n;
const setScheme = (t: string, choice: SchemeChoice) => ({
  t,
  kind: "scheme.set" as const,
  ...choice,
});

describe("model: the initial scheme", () => {
  const material: SchemeChoice = { scheme: "material", params: {} };
  const perItem: SchemeChoice = { scheme: "perItem", params: {} };

  it("is flat (300 per kg) when nothing names one", () => {
    const world = recyclingWorld();
    expect(depositedOf(deposit(world, at("09:00"), 1000)).scheme).to.equal("flat");
  });

  it("is the scenario's when the trace's config names none", () => {
    const world = recyclingWorld({ scenarioScheme: material, config: { recycling: {} } });
    expect(depositedOf(deposit(world, at("09:00"), 1000)).scheme).to.equal("material");
  });

  it("is the config's over the scenario's, and --scheme's over both", () => {
    const config = { scheme: "tiered", params: { bands: [[0, 7]] } } as const;
    const fromConfig = recyclingWorld({ scenarioScheme: material, config });
    expect(rewardOf(deposit(fromConfig, at("09:00"), 1000))).to.equal(perKg(1000, 7));
    const fromOption = recyclingWorld({ scenarioScheme: material, initialScheme: perItem, config });
    expect(depositedOf(deposit(fromOption, at("09:00"), 1000)).scheme).to.equal("perItem");
  });

  it("--scheme replaces the initial scheme only: later scheme.set events still apply", () => {
    const world = recyclingWorld({ initialScheme: perItem });
    world.apply(setScheme(at("08:00"), { scheme: "flat", params: { ratePerKg: 1 } }));
    expect(rewardOf(deposit(world, at("09:00"), 1000))).to.equal(1n);
  });
});

describe("model: scheme.set", () => {
  it("applies to later deposits, even at the same time", () => {
    const world = recyclingWorld();
    expect(rewardOf(deposit(world, at("09:00"), 1000, { material: "CLEAR_PET" }))).to.equal(
      perKg(1000, 300),
    );
    world.apply(setScheme(at("09:00"), { scheme: "material", params: {} }));
    expect(rewardOf(deposit(world, at("09:00"), 1000, { material: "CLEAR_PET" }))).to.equal(
      perKg(1000, 500),
    );
  });

  it("merges partial params over the SPEC defaults, not over the previous instance", () => {
    const world = recyclingWorld();
    world.apply(setScheme(at("08:00"), { scheme: "material", params: { rates: { PET: 1000 } } }));
    expect(rewardOf(deposit(world, at("09:00"), 1000))).to.equal(1000n);
    world.apply(setScheme(at("10:00"), { scheme: "material", params: { rates: { HDPE: 1 } } }));
    expect(rewardOf(deposit(world, at("11:00"), 1000))).to.equal(perKg(1000, 300));
    expect(rewardOf(deposit(world, at("11:00"), 1000, { material: "HDPE" }))).to.equal(1n);
    world.apply(setScheme(at("12:00"), { scheme: "flat", params: { ratePerKg: 50 } }));
    world.apply(setScheme(at("12:00"), { scheme: "flat", params: {} }));
    expect(rewardOf(deposit(world, kst(TUESDAY, "09:00"), 1000))).to.equal(perKg(1000, 300));
  });

  it("tiered counts the citizen's accepted grams of the epoch under any earlier scheme", () => {
    const world = recyclingWorld({ config: { recycling: { epochSeconds: 86_400 } } });
    deposit(world, at("08:00"), 1500);
    world.apply(setScheme(at("09:00"), { scheme: "tiered", params: {} }));
    // 1,500 g already in the epoch: 500 g at 400, then 500 g at 250.
    expect(rewardOf(deposit(world, at("10:00"), 1000))).to.equal(
      (500n * 400n + 500n * 250n) / 1000n,
    );
    // A new epoch (one day) starts the count from 0 again.
    expect(rewardOf(deposit(world, kst(TUESDAY, "10:00"), 1000))).to.equal((1000n * 400n) / 1000n);
  });

  it("tiered counts only the grams under the daily cap", () => {
    const world = recyclingWorld({ initialScheme: { scheme: "tiered", params: {} } });
    deposit(world, at("08:00"), 4000);
    const crossing = depositedOf(deposit(world, at("09:00"), 3000));
    // 4,000 g before; 1,000 g accepted, all in the [2000, 5000) band.
    expect(crossing.reward).to.equal((1000n * 250n) / 1000n);
    const nextDay = depositedOf(deposit(world, kst(TUESDAY, "09:00"), 1000));
    expect(nextDay.reward).to.equal((1000n * 100n) / 1000n);
  });

  it("perItem sees floor(items * accepted / grams) items of a deposit cut by the cap", () => {
    const world = recyclingWorld({ initialScheme: { scheme: "perItem", params: {} } });
    deposit(world, at("08:00"), 4000, { items: 10 });
    const crossing = depositedOf(deposit(world, at("09:00"), 3000, { items: 101 }));
    const items = Math.floor((101 * 1000) / 3000);
    expect(crossing).to.include({ acceptedItems: items, reward: BigInt(items) * 10n });
  });
});
