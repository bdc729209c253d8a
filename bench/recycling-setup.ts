import { Wallet, type TypedDataDomain } from "ethers";

import { DEFAULT_RECYCLING_PARAMS } from "../ignition/modules/CityPilot.js";
import type { BenchChain } from "./chain.js";
import type { FastSender, FastTx } from "./fast-sender.js";
import { runSetup } from "./pilot-setup.js";
import { DAY } from "./time.js";
import { RECEIPT_TYPES } from "../src/replay/internal/recycling-abi.js";

/** Gas limits of the recycling transactions on the fast path: above what each uses. */
export const RECYCLING_GAS = {
  registerKiosk: 200_000n,
  setScheme: 300_000n,
  setMerchant: 100_000n,
  claimReceipt: 300_000n,
  claim: 300_000n,
  redeem: 200_000n,
} as const;

/** The most gas a transaction may ask for (EIP-7825, enforced by the in-process network). */
const TX_GAS_CAP = 16_777_216n;

/**
 * Gas limit of a kiosk batch of `deposits`: the transaction, then up to 90,000 a deposit (a
 * first-time deposit uses under 60,000), within the transaction gas cap.
 */
export function depositBatchGas(deposits: number): bigint {
  const limit = 80_000n + 90_000n * BigInt(deposits);
  return limit < TX_GAS_CAP ? limit : TX_GAS_CAP;
}

/** Daily capacity of every benchmark kiosk, in grams: never the limit. */
export const KIOSK_CAPACITY_GRAMS = 10n ** 15n;
/** District code of the benchmark kiosks. */
const KIOSK_DISTRICT = "0x" + Buffer.from("songdo", "utf8").toString("hex").padEnd(64, "0");

/** The deployed rules (CityPilot defaults): epochs start at unix time 0. */
export const EPOCH_SECONDS = Number(DEFAULT_RECYCLING_PARAMS.epochSeconds);
const EPOCH_START = Number(DEFAULT_RECYCLING_PARAMS.epochStart);
export const DAILY_CAP_GRAMS = Number(DEFAULT_RECYCLING_PARAMS.dailyCapGrams);

/** Material indices (Solidity `Material`). */
export const PET = 1;

/** The first second of the first epoch that starts after `time`. */
export function nextEpochStart(time: number): number {
  return EPOCH_START + (Math.floor((time - EPOCH_START) / EPOCH_SECONDS) + 1) * EPOCH_SECONDS;
}

/** The epoch of unix time `time` (at or after the epoch start). */
export function epochOf(time: number): number {
  return Math.floor((time - EPOCH_START) / EPOCH_SECONDS);
}

/** The KST day of unix time `time` (as the contract counts days). */
export function kstDay(time: number): number {
  return Math.floor((time + 32_400) / DAY);
}

/** One entry of a kiosk batch. */
export interface BenchDeposit {
  readonly citizen: string;
  readonly material: number;
  readonly grams: bigint;
  readonly items: bigint;
}

/** The benchmark's usual deposit: a kilogram of PET, 40 bottles. */
export function petKilo(citizen: string): BenchDeposit {
  return { citizen, material: PET, grams: 1_000n, items: 40n };
}

/** Registers `kiosks` (admin as registrar) with a capacity that is never reached. */
export async function registerKiosks(
  chain: BenchChain,
  sender: FastSender,
  kiosks: readonly string[],
): Promise<void> {
  const rewards = chain.contracts.rewards;
  await sender.prepareSenders([chain.admin.address], false);
  await runSetup(
    sender,
    kiosks.map((kiosk): FastTx => ({
      from: chain.admin.address,
      to: chain.addresses.rewards,
      data: rewards.interface.encodeFunctionData("registerKiosk", [
        kiosk,
        KIOSK_DISTRICT,
        KIOSK_CAPACITY_GRAMS,
      ]),
      gas: RECYCLING_GAS.registerKiosk,
      label: `register kiosk ${kiosk}`,
    })),
  );
}

/** The `depositBatch` transaction of `kiosk`. */
export function depositBatchTx(
  chain: BenchChain,
  kiosk: string,
  deposits: readonly BenchDeposit[],
  label: string,
): FastTx {
  return {
    from: kiosk,
    to: chain.addresses.rewards,
    data: chain.contracts.rewards.interface.encodeFunctionData("depositBatch", [
      deposits.map((d) => ({ ...d })),
    ]),
    gas: depositBatchGas(deposits.length),
    label,
  };
}

/**
 * A kiosk that signs receipts: a key derived from `index` (a benchmark key, never a real
 * one), its next receipt id (sequential ids, the cheap case: 256 share a storage word).
 */
export class ReceiptKiosk {
  readonly wallet: Wallet;
  #nextId = 0n;

  constructor(
    readonly chain: BenchChain,
    readonly domain: TypedDataDomain,
    index: number,
  ) {
    this.wallet = new Wallet(chain.ethers.id(`city-pilot-bench:receipt-kiosk:${index}`));
  }

  get address(): string {
    return this.wallet.address;
  }

  /** The rewards contract's EIP-712 domain on `chain`. */
  static async domainOf(chain: BenchChain): Promise<TypedDataDomain> {
    const { chainId } = await chain.ethers.provider.getNetwork();
    return {
      name: "RecyclingRewards",
      version: "1",
      chainId,
      verifyingContract: chain.addresses.rewards,
    };
  }

  /** The `claimReceipt` transaction of `deposit`'s citizen, signed by this kiosk, valid a day. */
  async claimTx(deposit: BenchDeposit, now: number): Promise<FastTx> {
    const receipt = {
      citizen: deposit.citizen,
      kiosk: this.address,
      material: deposit.material,
      grams: deposit.grams,
      items: deposit.items,
      id: this.#nextId++,
      expiry: BigInt(now + DAY),
    };
    const signature = await this.wallet.signTypedData(this.domain, RECEIPT_TYPES, receipt);
    return {
      from: deposit.citizen,
      to: this.chain.addresses.rewards,
      data: this.chain.contracts.rewards.interface.encodeFunctionData("claimReceipt", [
        receipt,
        signature,
      ]),
      gas: RECYCLING_GAS.claimReceipt,
      label: `claimReceipt #${receipt.id} of ${this.address} by ${deposit.citizen}`,
    };
  }
}
