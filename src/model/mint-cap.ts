/**
 * The optional `epochMintCap`: credits minted for one epoch never exceed it; a reward or a
 * claim that would pass it is cut to what remains (possibly 0), first come first served.
 */
export class EpochMintLedger {
  readonly mintedByEpoch = new Map<number, bigint>();

  constructor(public cap: bigint | undefined) {}

  /** The part of `owed` the epoch can still mint; records it as minted. */
  take(epoch: number, owed: bigint): bigint {
    const minted = this.mintedByEpoch.get(epoch) ?? 0n;
    const room = this.cap === undefined ? owed : this.cap - minted;
    const granted = owed < room ? owed : room > 0n ? room : 0n;
    if (granted > 0n) this.mintedByEpoch.set(epoch, minted + granted);
    return granted;
  }
}
