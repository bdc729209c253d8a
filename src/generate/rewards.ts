/**
 * The reward schemes of SPEC.md section 3, as the generator needs them: what a deposit earns
 * (to keep each citizen's credit estimate right, so that spending and credit payments do not
 * revert), and a scheme's reward level, to which recycling frequency responds when the
 * scenario sets a reward elasticity.
 */
import type { Scenario } from "../scenario/scenario-schema.js";
import {
  MATERIALS,
  unixSeconds,
  type Material,
  type SchemeChoice,
} from "../scenario/trace-schema.js";
import { SECONDS_PER_DAY, SECONDS_PER_WEEK } from "./kst-time.js";
import { recyclingRules, type RecyclingRules } from "./spec-rules.js";

type PerMaterial = Readonly<Record<Material, number>>;

const MATERIAL_RATES: PerMaterial = {
  CLEAR_PET: 500,
  PET: 300,
  HDPE: 250,
  PP: 200,
  PS: 100,
  OTHER: 0,
};
const PER_ITEM: PerMaterial = { CLEAR_PET: 10, PET: 10, HDPE: 0, PP: 0, PS: 0, OTHER: 0 };
const BANDS: readonly (readonly [number, number])[] = [
  [0, 400],
  [2000, 250],
  [5000, 100],
];

/** A scheme with every parameter filled in from SPEC.md's defaults. */
export type ResolvedScheme =
  | { scheme: "flat"; ratePerKg: number }
  | { scheme: "material"; rates: PerMaterial }
  | { scheme: "tiered"; bands: readonly (readonly [number, number])[] }
  | { scheme: "perItem"; perItem: PerMaterial }
  | { scheme: "budgetPool"; budget: bigint; weights: PerMaterial };

const merged = (partial: Partial<Record<Material, number>> | undefined, defaults: PerMaterial) => ({
  ...defaults,
  ...partial,
});

/** Defaults per SPEC.md: a missing param takes the default, a partial map is merged over it. */
export function resolveScheme(choice: SchemeChoice): ResolvedScheme {
  switch (choice.scheme) {
    case "flat":
      return { scheme: "flat", ratePerKg: choice.params.ratePerKg ?? 300 };
    case "material":
      return { scheme: "material", rates: merged(choice.params.rates, MATERIAL_RATES) };
    case "tiered":
      return { scheme: "tiered", bands: choice.params.bands ?? BANDS };
    case "perItem":
      return { scheme: "perItem", perItem: merged(choice.params.perItem, PER_ITEM) };
    case "budgetPool":
      return {
        scheme: "budgetPool",
        budget: choice.params.budget ?? 1_000_000n,
        weights: merged(choice.params.weights, MATERIAL_RATES),
      };
  }
}

/** Credits for grams at a per-kg rate: `floor(grams * rate / 1000)`. */
function perKg(grams: number, rate: number): bigint {
  return (BigInt(grams) * BigInt(rate)) / 1000n;
}

/** Tiered, before the floor: `sum(gramsInBand * bandRate)` over `[before, before + grams)`. */
function tieredMilliCredits(
  bands: readonly (readonly [number, number])[],
  before: number,
  grams: number,
): bigint {
  let milliCredits = 0n;
  bands.forEach(([from, rate], i) => {
    const to = bands[i + 1]?.[0] ?? Number.POSITIVE_INFINITY;
    const overlap = Math.min(to, before + grams) - Math.max(from, before);
    if (overlap > 0) milliCredits += BigInt(overlap) * BigInt(rate);
  });
  return milliCredits;
}

/** What one deposit, as the scheme sees it (accepted grams and items), earns. */
export interface DepositEarning {
  /** Credits minted at the deposit (before any epoch mint cap). */
  credits: bigint;
  /** budgetPool points (paid at the claim). */
  points: bigint;
}

export function depositEarning(
  scheme: ResolvedScheme,
  deposit: { material: Material; grams: number; items: number; epochGramsBefore: number },
): DepositEarning {
  const { material, grams } = deposit;
  switch (scheme.scheme) {
    case "flat":
      return { credits: perKg(grams, scheme.ratePerKg), points: 0n };
    case "material":
      return { credits: perKg(grams, scheme.rates[material]), points: 0n };
    case "tiered":
      return {
        credits: tieredMilliCredits(scheme.bands, deposit.epochGramsBefore, grams) / 1000n,
        points: 0n,
      };
    case "perItem":
      return { credits: BigInt(deposit.items) * BigInt(scheme.perItem[material]), points: 0n };
    case "budgetPool":
      return { credits: 0n, points: perKg(grams, scheme.weights[material]) };
  }
}

/** Mean grams of a deposit and each material's share of the mass, under the scenario's mix. */
function massMix(scenario: Scenario): { meanGrams: number; share: PerMaterial } {
  const c = scenario.behaviour.citizens;
  const mass = MATERIALS.map((m) => c.materialMix[m] * c.gramsPerDeposit[m].mean);
  const meanGrams = mass.reduce((a, b) => a + b, 0);
  const share = Object.fromEntries(
    MATERIALS.map((m, i) => [m, meanGrams > 0 ? (mass[i] ?? 0) / meanGrams : 0]),
  ) as Record<Material, number>;
  return { meanGrams, share };
}

const weighted = (share: PerMaterial, value: (m: Material) => number): number =>
  MATERIALS.reduce((sum, m) => sum + share[m] * value(m), 0);

/**
 * A scheme's reward level: the credits it pays per kg of plastic, expected under the
 * scenario's material mix (mass shares: deposit shares times mean grams per deposit), at
 * the scenario's baseline recycling frequency (depositsPerWeek):
 * - flat: ratePerKg; material: the mass-weighted rate;
 * - perItem: per-item credits times items per kg (1000 / gramsPerItem), mass-weighted;
 * - tiered: the bands applied to the grams a participating citizen brings in one epoch
 *   (or the run, if shorter), divided by those kg;
 * - budgetPool: the budget per epoch over the kg all participants bring in one epoch, but
 *   no more than the weights pay (the pool never pays above its points).
 * Caps (daily, kiosk, mint) are left out: the level is what the scheme promises a citizen.
 */
export function rewardLevel(
  scheme: ResolvedScheme,
  scenario: Scenario,
  rules: RecyclingRules,
): number {
  const { meanGrams, share } = massMix(scenario);
  const c = scenario.behaviour.citizens;
  const horizon = Math.min(rules.epochSeconds, scenario.days * SECONDS_PER_DAY);
  const gramsPerCitizen = (c.depositsPerWeek * horizon * meanGrams) / SECONDS_PER_WEEK;
  switch (scheme.scheme) {
    case "flat":
      return scheme.ratePerKg;
    case "material":
      return weighted(share, (m) => scheme.rates[m]);
    case "perItem":
      return weighted(share, (m) => (scheme.perItem[m] * 1000) / c.gramsPerItem[m]);
    case "tiered": {
      // Milli-credits per gram are credits per kg.
      const grams = Math.max(1, Math.round(gramsPerCitizen));
      return Number(tieredMilliCredits(scheme.bands, 0, grams)) / grams;
    }
    case "budgetPool": {
      const cap = weighted(share, (m) => scheme.weights[m]);
      const citizens = scenario.districts.reduce((n, d) => n + d.actors.citizens, 0);
      const kg = (citizens * c.participation * gramsPerCitizen) / 1000;
      return kg > 0 ? Math.min(cap, Number(scheme.budget) / kg) : cap;
    }
  }
}

/** {@link rewardLevel} of a scheme under a scenario's rules, for reports and comparisons. */
export function schemeRewardLevel(scenario: Scenario, choice: SchemeChoice): number {
  const rules = recyclingRules(scenario, unixSeconds(scenario.start));
  return rewardLevel(resolveScheme(choice), scenario, rules);
}

/** Recycling frequency never grows past this multiple of the baseline, whatever the level. */
export const MAX_FREQUENCY_FACTOR = 10;

/**
 * The factor on depositsPerWeek: `(level / referenceCreditsPerKg) ^ elasticity`, at most
 * {@link MAX_FREQUENCY_FACTOR}; 1 when the scenario sets no elasticity.
 */
export function frequencyFactor(level: number, scenario: Scenario): number {
  const response = scenario.behaviour.citizens.rewardElasticity;
  if (response === undefined || response.elasticity === 0) return 1;
  if (!(level > 0)) return 0;
  const factor = (level / response.referenceCreditsPerKg) ** response.elasticity;
  return Math.min(MAX_FREQUENCY_FACTOR, factor);
}
