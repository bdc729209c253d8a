/**
 * The invariants of SPEC.md that hold after every event, checked on the model itself. A
 * broken one is a bug in the model, never in the trace.
 */
import type { ReferenceModel } from "./model.js";

/** Descriptions of the invariants that do not hold (empty when all hold). */
export function brokenInvariants(model: ReferenceModel): string[] {
  const { ledger } = model;
  const broken: string[] = [];
  if (ledger.creditSupply !== ledger.creditsMinted - ledger.creditsRedeemed) {
    broken.push("credits total supply != minted - redeemed");
  }
  let actorKrw = 0n;
  let negative = false;
  for (const account of ledger.accounts.values()) {
    actorKrw += account.krw;
    negative ||= account.krw < 0n || account.credits < 0n;
  }
  if (negative || ledger.treasuryKrw < 0n || ledger.escrowKrw < 0n)
    broken.push("a negative balance");
  const krwHeld = actorKrw + ledger.treasuryKrw + ledger.escrowKrw;
  if (krwHeld !== ledger.krwMintedToActors + ledger.treasuryFunding) {
    broken.push("KRW held != starting KRW minted + treasury funding");
  }
  let escrowOwed = 0n;
  for (const booking of model.parking?.liveBookings() ?? [])
    escrowOwed += booking.fee + booking.deposit;
  if (escrowOwed !== ledger.escrowKrw) broken.push("escrow != fee + deposit of live bookings");
  const cap = model.recyclingParams.epochMintCap;
  for (const [epoch, minted] of model.mintedByEpoch) {
    if (cap !== undefined && minted > cap) broken.push(`epoch ${epoch} minted past epochMintCap`);
  }
  return broken;
}
