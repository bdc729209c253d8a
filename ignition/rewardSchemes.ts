/**
 * Reward scheme deployment: the spec defaults (SPEC.md section 3) and the merging of a
 * scheme's `params` over them. The scheme contracts take full arrays in their constructors;
 * a missing param takes the spec default (never a previous instance's value) and a partial
 * per-material map is merged over the default map here, off-chain, before deployment.
 */

/** The materials, in the order of the Solidity `Material` enum. */
export const MATERIALS = ["CLEAR_PET", "PET", "HDPE", "PP", "PS", "OTHER"] as const;

/** A material by name. */
export type MaterialName = (typeof MATERIALS)[number];

/** A per-material map as a trace writes it, every key optional. */
export type MaterialMap = Partial<Record<MaterialName, bigint | number>>;

/** The scheme kinds, as the simulator names them. */
export const SCHEME_KINDS = ["flat", "material", "tiered", "perItem", "budgetPool"] as const;

/** A scheme kind. */
export type SchemeKind = (typeof SCHEME_KINDS)[number];

/** The `params` of each scheme kind in a trace (`config` or `scheme.set`); every key optional. */
export interface SchemeParamsByKind {
  flat: { ratePerKg?: bigint | number };
  material: { rates?: MaterialMap };
  tiered: { bands?: ReadonlyArray<readonly [bigint | number, bigint | number]> };
  perItem: { perItem?: MaterialMap };
  budgetPool: { budget?: bigint | number; weights?: MaterialMap };
}

/** Credits per kg of the material scheme (and default budgetPool weights). */
export const DEFAULT_MATERIAL_RATES: Readonly<Record<MaterialName, bigint>> = {
  CLEAR_PET: 500n,
  PET: 300n,
  HDPE: 250n,
  PP: 200n,
  PS: 100n,
  OTHER: 0n,
};

/** Credits per item of the perItem scheme. */
export const DEFAULT_PER_ITEM: Readonly<Record<MaterialName, bigint>> = {
  CLEAR_PET: 10n,
  PET: 10n,
  HDPE: 0n,
  PP: 0n,
  PS: 0n,
  OTHER: 0n,
};

/** Credits per kg of the flat scheme. */
export const DEFAULT_FLAT_RATE_PER_KG = 300n;

/** Bands `[fromGrams, ratePerKg]` of the tiered scheme. */
export const DEFAULT_TIERED_BANDS: ReadonlyArray<readonly [bigint, bigint]> = [
  [0n, 400n],
  [2000n, 250n],
  [5000n, 100n],
];

/** Credits shared per epoch by the budgetPool scheme. */
export const DEFAULT_BUDGET = 1_000_000n;

/** The Solidity contract of each scheme kind. */
export const SCHEME_CONTRACTS = {
  flat: "FlatScheme",
  material: "MaterialScheme",
  tiered: "TieredScheme",
  perItem: "PerItemScheme",
  budgetPool: "BudgetPoolScheme",
} as const satisfies Record<SchemeKind, string>;

/** A tiered band as the `TieredScheme` constructor takes it. */
export interface BandArg {
  fromGrams: bigint;
  rate: bigint;
}

/** Constructor arguments of a scheme contract. */
export type SchemeArgs = Array<bigint | bigint[] | BandArg[]>;

/** What to deploy for a scheme: the contract name and its constructor arguments. */
export interface SchemeDeployment {
  contractName: (typeof SCHEME_CONTRACTS)[SchemeKind];
  args: SchemeArgs;
}

/** `partial` merged over `defaults`, as an array in `Material` order. Unknown keys throw. */
export function mergeMaterialMap(
  defaults: Readonly<Record<MaterialName, bigint>>,
  partial: MaterialMap = {},
): bigint[] {
  for (const key of Object.keys(partial)) {
    if (!(MATERIALS as readonly string[]).includes(key)) {
      throw new Error(`unknown material "${key}"`);
    }
  }
  return MATERIALS.map((m) => BigInt(partial[m] ?? defaults[m]));
}

/**
 * The contract and constructor arguments of a `kind` scheme with `params` over the spec
 * defaults.
 */
export function schemeDeployment<K extends SchemeKind>(
  kind: K,
  params: SchemeParamsByKind[K] = {},
): SchemeDeployment {
  const contractName = SCHEME_CONTRACTS[kind];
  return { contractName, args: schemeArgs(kind, params) };
}

function schemeArgs(kind: SchemeKind, params: SchemeParamsByKind[SchemeKind]): SchemeArgs {
  switch (kind) {
    case "flat": {
      const p = params as SchemeParamsByKind["flat"];
      return [BigInt(p.ratePerKg ?? DEFAULT_FLAT_RATE_PER_KG)];
    }
    case "material": {
      const p = params as SchemeParamsByKind["material"];
      return [mergeMaterialMap(DEFAULT_MATERIAL_RATES, p.rates)];
    }
    case "tiered": {
      const p = params as SchemeParamsByKind["tiered"];
      const bands = p.bands ?? DEFAULT_TIERED_BANDS;
      return [
        bands.map(([fromGrams, rate]) => ({ fromGrams: BigInt(fromGrams), rate: BigInt(rate) })),
      ];
    }
    case "perItem": {
      const p = params as SchemeParamsByKind["perItem"];
      return [mergeMaterialMap(DEFAULT_PER_ITEM, p.perItem)];
    }
    case "budgetPool": {
      const p = params as SchemeParamsByKind["budgetPool"];
      return [
        BigInt(p.budget ?? DEFAULT_BUDGET),
        mergeMaterialMap(DEFAULT_MATERIAL_RATES, p.weights),
      ];
    }
  }
}
