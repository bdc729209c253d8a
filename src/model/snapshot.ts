/**
 * The model's final state as plain data: what the reconciler compares with the chain and
 * what the report turns into KPIs.
 */
import type { ModelCounters } from "./counters.js";
import type { ReferenceModel } from "./model.js";

export interface ActorBalance {
  krw: bigint;
  credits: bigint;
}

export interface ModelState {
  /** By actor name, in order of first appearance. */
  balances: Map<string, ActorBalance>;
  treasuryKrw: bigint;
  /** The parking market's KRW: fee + deposit of every live booking. */
  escrowKrw: bigint;
  creditSupply: bigint;
  creditsMinted: bigint;
  /** Burned by the treasury: merchant redemptions and credits paid into parking. */
  creditsRedeemed: bigint;
  mintedByEpoch: Map<number, bigint>;
  /** Starting KRW minted to actors. */
  krwMintedToActors: bigint;
  treasuryFunding: bigint;
  /** Unix seconds; undefined for an empty trace. */
  epochStart: number | undefined;
  counters: ModelCounters;
}

export function snapshotOf(model: ReferenceModel): ModelState {
  const { ledger } = model;
  const balances = new Map<string, ActorBalance>();
  for (const [actor, account] of ledger.accounts) {
    balances.set(actor, { krw: account.krw, credits: account.credits });
  }
  return {
    balances,
    treasuryKrw: ledger.treasuryKrw,
    escrowKrw: ledger.escrowKrw,
    creditSupply: ledger.creditSupply,
    creditsMinted: ledger.creditsMinted,
    creditsRedeemed: ledger.creditsRedeemed,
    mintedByEpoch: new Map(model.mintedByEpoch),
    krwMintedToActors: ledger.krwMintedToActors,
    treasuryFunding: ledger.treasuryFunding,
    epochStart: model.recyclingParams.epochStart,
    counters: model.counters,
  };
}
