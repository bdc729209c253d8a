/**
 * The scheme registry: every {@link SchemeDefinition} by name. A sixth scheme adds its
 * name to the trace schema's `SCHEMES`, its file here, and one line below.
 */
import type { SchemeChoice, SchemeName, SchemeParams } from "../../scenario/trace-schema.js";
import { budgetPool } from "./budgetPool.js";
import { flat } from "./flat.js";
import { material } from "./material.js";
import { perItem } from "./perItem.js";
import type { RewardScheme, SchemeDefinition } from "./scheme.js";
import { tiered } from "./tiered.js";

export const SCHEME_DEFINITIONS: { readonly [K in SchemeName]: SchemeDefinition<K> } = {
  flat,
  material,
  tiered,
  perItem,
  budgetPool,
};

function createOf<K extends SchemeName>(scheme: K, params: SchemeParams[K]): RewardScheme {
  const definition: SchemeDefinition<K> = SCHEME_DEFINITIONS[scheme];
  return definition.create(params);
}

/** Installs a new scheme instance with its own params (missing ones take the defaults). */
export function createScheme(choice: SchemeChoice): RewardScheme {
  return createOf(choice.scheme, choice.params);
}

export const FLAT_DEFAULT_CHOICE: SchemeChoice = { scheme: "flat", params: {} };
