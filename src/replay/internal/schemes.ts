/**
 * Reward schemes as the replay installs them: the scheme of the run's start, and the
 * creation code of each `scheme.set` instance (defaults and per-material merging come from
 * the deployment code, ignition/rewardSchemes.ts, so that chain and model read the same
 * defaults from one place).
 */
import { concat } from "ethers";

import {
  schemeDeployment,
  type SchemeKind,
  type SchemeParamsByKind,
} from "../../../ignition/rewardSchemes.js";
import type { SchemeChoice } from "../../scenario/trace-schema.js";
import {
  BudgetPoolScheme__factory,
  FlatScheme__factory,
  MaterialScheme__factory,
  PerItemScheme__factory,
  TieredScheme__factory,
} from "../../../typechain-types/index.js";

const FACTORIES = {
  FlatScheme: FlatScheme__factory,
  MaterialScheme: MaterialScheme__factory,
  TieredScheme: TieredScheme__factory,
  PerItemScheme: PerItemScheme__factory,
  BudgetPoolScheme: BudgetPoolScheme__factory,
} as const;

/** The flat scheme at its defaults: what a run starts with when nothing names a scheme. */
export const DEFAULT_SCHEME: SchemeChoice = { scheme: "flat", params: {} };

/**
 * The scheme a run starts with (SPEC.md section 3): `--scheme` if given, else the trace's
 * `config` scheme, else the scenario's, else flat.
 */
export function initialSchemeOf(
  override: SchemeChoice | undefined,
  config: SchemeChoice | undefined,
  scenario: SchemeChoice | undefined,
): SchemeChoice {
  return override ?? config ?? scenario ?? DEFAULT_SCHEME;
}

/** Creation code (bytecode and constructor arguments) of a scheme instance. */
export function schemeCreationCode(choice: SchemeChoice): string {
  const { contractName, args } = schemeDeployment<SchemeKind>(
    choice.scheme,
    choice.params as SchemeParamsByKind[SchemeKind],
  );
  const factory = FACTORIES[contractName];
  return concat([factory.bytecode, factory.createInterface().encodeDeploy(args)]);
}
