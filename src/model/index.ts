/**
 * The reference model's public API: SPEC.md's rules in plain TypeScript, no chain.
 */
export { ReferenceModel } from "./model.js";
export { runModel, runModelSync, type OutputListener } from "./run.js";
export { snapshotOf, type ActorBalance, type ModelState } from "./snapshot.js";
export { brokenInvariants } from "./invariants.js";
export type * from "./types.js";
export {
  FAILURE_REASONS,
  FAILURE_REASON_CODES,
  REJECTION_REASONS,
  REJECTION_REASON_CODES,
  type FailureReason,
  type ReasonCode,
  type RejectionReason,
} from "./reasons.js";
export type {
  ModelCounters,
  ParkingCounters,
  RecyclingCounters,
  CreditCounters,
} from "./counters.js";
export {
  DEFAULT_MARKET_PARAMS,
  DEFAULT_RECYCLING_PARAMS,
  type MarketParams,
  type RecyclingParams,
} from "./config.js";
export { createScheme, SCHEME_DEFINITIONS } from "./schemes/index.js";
export type { RewardScheme, SchemeDefinition, CountedDeposit } from "./schemes/scheme.js";
