/**
 * Balances of both tokens and of the two contracts that hold KRW (treasury, parking escrow).
 * Money is bigint; every division rounds down (SPEC.md section 1).
 */

export const BPS_DENOMINATOR = 10_000n;

/** `floor(amount * bps / 10000)`: the share a fee in basis points takes. */
export function bpsCut(amount: bigint, bps: bigint): bigint {
  return (amount * bps) / BPS_DENOMINATOR;
}

export interface Account {
  krw: bigint;
  credits: bigint;
}

/**
 * Every holder of KRW and credits. Operations assume their preconditions were checked by
 * the rule that calls them, so that a failed event leaves no trace in the ledger.
 */
export class Ledger {
  readonly accounts = new Map<string, Account>();
  treasuryKrw = 0n;
  escrowKrw = 0n;
  creditSupply = 0n;
  creditsMinted = 0n;
  /** Credits burned by the treasury (merchant redemptions and credits paid into parking). */
  creditsRedeemed = 0n;
  /** Starting KRW minted to actors at `actor.join`. */
  krwMintedToActors = 0n;
  /** KRW minted into the treasury by `treasury.fund`. */
  treasuryFunding = 0n;

  account(actor: string): Account {
    let account = this.accounts.get(actor);
    if (account === undefined) {
      account = { krw: 0n, credits: 0n };
      this.accounts.set(actor, account);
    }
    return account;
  }

  krwOf(actor: string): bigint {
    return this.accounts.get(actor)?.krw ?? 0n;
  }

  creditsOf(actor: string): bigint {
    return this.accounts.get(actor)?.credits ?? 0n;
  }

  mintKrw(actor: string, amount: bigint): void {
    this.account(actor).krw += amount;
    this.krwMintedToActors += amount;
  }

  fundTreasury(amount: bigint): void {
    this.treasuryKrw += amount;
    this.treasuryFunding += amount;
  }

  mintCredits(actor: string, amount: bigint): void {
    this.account(actor).credits += amount;
    this.creditSupply += amount;
    this.creditsMinted += amount;
  }

  transferCredits(from: string, to: string, amount: bigint): void {
    this.account(from).credits -= amount;
    this.account(to).credits += amount;
  }

  /** The treasury burns `from`'s credits and pays the same KRW to `to` (an actor). */
  redeemCreditsToActor(from: string, to: string, amount: bigint): void {
    this.burnRedeemed(from, amount);
    this.treasuryKrw -= amount;
    this.account(to).krw += amount;
  }

  /** The treasury burns `from`'s credits and pays the same KRW into the parking escrow. */
  redeemCreditsToEscrow(from: string, amount: bigint): void {
    this.burnRedeemed(from, amount);
    this.treasuryKrw -= amount;
    this.escrowKrw += amount;
  }

  payKrwIntoEscrow(from: string, amount: bigint): void {
    this.account(from).krw -= amount;
    this.escrowKrw += amount;
  }

  payKrwFromEscrow(to: string, amount: bigint): void {
    this.escrowKrw -= amount;
    this.account(to).krw += amount;
  }

  payEscrowToTreasury(amount: bigint): void {
    this.escrowKrw -= amount;
    this.treasuryKrw += amount;
  }

  private burnRedeemed(from: string, amount: bigint): void {
    this.account(from).credits -= amount;
    this.creditSupply -= amount;
    this.creditsRedeemed += amount;
  }
}
