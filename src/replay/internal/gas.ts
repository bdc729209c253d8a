/**
 * Explicit gas limits per call, so that the replay never runs `eth_estimateGas` (one extra
 * execution per transaction). Each limit is at least 1.5x the most gas the call was measured
 * to use in its costliest path (cold storage, credits redeemed, a new holder), see
 * test/replay/gas-limits.test.ts. A limit too low would show up as `OutOfGas` in the
 * records; one too high only makes fewer transactions fit a block.
 */
export const GAS_LIMITS = {
  krwMint: 100_000,
  approve: 80_000,
  setMerchant: 80_000,
  treasuryFund: 100_000,
  registerSlot: 400_000,
  setUnitPrice: 80_000,
  book: 400_000,
  checkIn: 80_000,
  checkOut: 200_000,
  cancel: 200_000,
  settle: 200_000,
  creditTransfer: 100_000,
  redeem: 150_000,
  registerKiosk: 150_000,
  claimReceipt: 400_000,
  /** A claim asks every pooled scheme of the epoch (at most 8): room for all of them. */
  claim: 1_200_000,
  setScheme: 300_000,
  schemeDeploy: 2_000_000,
  /** A kiosk batch: fixed part plus a part per entry. */
  depositBatchBase: 100_000,
  depositBatchEntry: 120_000,
} as const;

/**
 * Most gas one transaction may ask for: EIP-7825 (Osaka) caps a transaction's gas limit
 * at 2^24, and the in-process network enforces it. It bounds the size of a kiosk batch.
 */
export const TX_GAS_CAP = 16_777_216;

export type GasCall = keyof typeof GAS_LIMITS;

/** Gas limit of a kiosk batch of `entries` deposits. */
export function depositBatchGas(entries: number): number {
  return GAS_LIMITS.depositBatchBase + entries * GAS_LIMITS.depositBatchEntry;
}

/** Most deposits whose batch fits in `maxGas` (and in one transaction). */
export function maxBatchEntries(maxGas: number): number {
  const room = Math.min(maxGas, TX_GAS_CAP) - GAS_LIMITS.depositBatchBase;
  return Math.max(1, Math.floor(room / GAS_LIMITS.depositBatchEntry));
}
