/**
 * The interface every reward scheme implements (SPEC.md section 3, schemes). A new scheme
 * is one file exporting a {@link SchemeDefinition}, listed in `index.ts`.
 */
import type { Material, SchemeName, SchemeParams } from "../../scenario/trace-schema.js";

/** A deposit as the scheme sees it: only what counts under the citizen's daily cap. */
export interface CountedDeposit {
  citizen: string;
  material: Material;
  /** Accepted grams (under the daily cap), > 0 only if the deposit earns anything. */
  grams: number;
  /** `floor(items * acceptedGrams / grams)`. */
  items: number;
  epoch: number;
  /** The citizen's accepted grams earlier in this epoch, all materials, any scheme. */
  epochGramsBefore: number;
}

export interface DepositReward {
  /** Credits owed now (before the epoch mint cap). */
  credits: bigint;
  /** Points kept for a claim after the epoch (budgetPool). */
  points: bigint;
}

/** One installed instance of a scheme, with its own parameters and state. */
export interface RewardScheme {
  readonly name: SchemeName;
  /** Rewards an accepted deposit; a claim-based scheme records points instead. */
  onDeposit(deposit: CountedDeposit): DepositReward;
  /**
   * Claim-based schemes only: the credits the citizen's points of `epoch` pay, or
   * `undefined` when the citizen earned no points here. The points are spent by the call.
   */
  claim?(citizen: string, epoch: number): bigint | undefined;
}

export interface SchemeDefinition<K extends SchemeName> {
  readonly name: K;
  /** Installs a new instance: a missing param takes the SPEC default. */
  create(params: SchemeParams[K]): RewardScheme;
}

export type PerMaterial = Readonly<Record<Material, number>>;

/** A partial per-material map merged over the SPEC defaults (never over another instance). */
export function mergeOverDefaults(
  defaults: PerMaterial,
  overrides: Partial<Record<Material, number>> | undefined,
): PerMaterial {
  return { ...defaults, ...overrides };
}

/** `floor(grams * ratePerKg / 1000)`: rates are credits per kg. */
export function perKg(grams: number, ratePerKg: number): bigint {
  return (BigInt(grams) * BigInt(ratePerKg)) / 1000n;
}

export const NO_REWARD: DepositReward = { credits: 0n, points: 0n };
