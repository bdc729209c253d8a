import { MaxUint256, type Interface } from "ethers";

import type { BenchChain } from "./chain.js";
import type { FastSender, FastTx, TxOutcome } from "./fast-sender.js";

/** Gas limits given explicitly on the fast path: above what each call uses, never estimated. */
export const GAS = {
  grantRole: 120_000n,
  mint: 120_000n,
  approve: 80_000n,
  transfer: 80_000n,
  registerSlot: 400_000n,
  setAvailability: 160_000n,
  setUnitPrice: 80_000n,
  book: 400_000n,
  checkIn: 80_000n,
  checkOut: 200_000n,
  cancel: 200_000n,
  settle: 200_000n,
} as const;

/** Setup transactions per block: well inside the 60M block gas limit even for registrations. */
const SETUP_TXS_PER_BLOCK = 100;

/** District code of the benchmark slots. */
export const BENCH_DISTRICT = "0x" + Buffer.from("songdo", "utf8").toString("hex").padEnd(64, "0");

/**
 * Runs `txs` in blocks of `perBlock`, one second apart, and throws if any fails: setup must
 * succeed for the measurement after it to mean anything.
 */
export async function runSetup(
  sender: FastSender,
  txs: readonly FastTx[],
  perBlock = SETUP_TXS_PER_BLOCK,
): Promise<TxOutcome[]> {
  const outcomes: TxOutcome[] = [];
  for (let i = 0; i < txs.length; i += perBlock) {
    const block = await sender.runBlock(txs.slice(i, i + perBlock), sender.now + 1);
    const failed = block.find((o) => !o.ok);
    if (failed !== undefined)
      throw new Error(`setup transaction failed: ${failed.label} (${failed.hash})`);
    outcomes.push(...block);
  }
  return outcomes;
}

/** What drivers and the treasury start with. */
export interface DriverFunding {
  readonly krwEach: bigint;
  readonly creditsEach: bigint;
  readonly treasuryKrw: bigint;
}

/**
 * Impersonates `drivers`, mints them KRW and credits, funds the treasury (so it can redeem
 * credits), and has every driver approve the market for both tokens without limit (so a
 * booking writes no allowance).
 */
export async function fundDrivers(
  chain: BenchChain,
  sender: FastSender,
  drivers: readonly string[],
  funding: DriverFunding,
): Promise<void> {
  const { krw, credit } = chain.contracts;
  const admin = chain.admin.address;
  await sender.prepareSenders([admin], false);
  await sender.prepareSenders(drivers);
  const minterRole = await credit.MINTER_ROLE();
  const adminTxs: FastTx[] = [
    {
      from: admin,
      to: chain.addresses.credit,
      data: credit.interface.encodeFunctionData("grantRole", [minterRole, admin]),
      gas: GAS.grantRole,
      label: "grant MINTER_ROLE to admin",
    },
    {
      from: admin,
      to: chain.addresses.krw,
      data: krw.interface.encodeFunctionData("mint", [
        chain.addresses.treasury,
        funding.treasuryKrw,
      ]),
      gas: GAS.mint,
      label: "fund treasury",
    },
  ];
  for (const driver of drivers) {
    adminTxs.push({
      from: admin,
      to: chain.addresses.krw,
      data: krw.interface.encodeFunctionData("mint", [driver, funding.krwEach]),
      gas: GAS.mint,
      label: `mint KRW to ${driver}`,
    });
    if (funding.creditsEach > 0n) {
      adminTxs.push({
        from: admin,
        to: chain.addresses.credit,
        data: credit.interface.encodeFunctionData("mint", [driver, funding.creditsEach]),
        gas: GAS.mint,
        label: `mint credits to ${driver}`,
      });
    }
  }
  await runSetup(sender, adminTxs);

  const approveKrw = krw.interface.encodeFunctionData("approve", [
    chain.addresses.market,
    MaxUint256,
  ]);
  const approveCredit = credit.interface.encodeFunctionData("approve", [
    chain.addresses.market,
    MaxUint256,
  ]);
  const approvals = drivers.flatMap((driver): FastTx[] => [
    {
      from: driver,
      to: chain.addresses.krw,
      data: approveKrw,
      gas: GAS.approve,
      label: `approve KRW ${driver}`,
    },
    {
      from: driver,
      to: chain.addresses.credit,
      data: approveCredit,
      gas: GAS.approve,
      label: `approve credits ${driver}`,
    },
  ]);
  await runSetup(sender, approvals);
}

/** A slot to register: its owner, price per unit and weekly availability. */
export interface SlotSpec {
  readonly owner: string;
  readonly unitPrice: bigint;
  readonly availability: readonly [bigint, bigint, bigint];
}

/** The registerSlot transaction of `slot`, sent by the admin (registrar). */
export function registerSlotTx(chain: BenchChain, slot: SlotSpec, label: string): FastTx {
  return {
    from: chain.admin.address,
    to: chain.addresses.market,
    data: chain.contracts.market.interface.encodeFunctionData("registerSlot", [
      slot.owner,
      BENCH_DISTRICT,
      slot.unitPrice,
      [...slot.availability],
    ]),
    gas: GAS.registerSlot,
    label,
  };
}

/** The `book` transaction of a driver. */
export function bookTx(
  chain: BenchChain,
  driver: string,
  slotId: number,
  start: number,
  end: number,
  credits: bigint,
  label: string,
): FastTx {
  return {
    from: driver,
    to: chain.addresses.market,
    data: chain.contracts.market.interface.encodeFunctionData("book", [
      slotId,
      start,
      end,
      credits,
    ]),
    gas: GAS.book,
    label,
  };
}

/** A booking operation (`checkIn`, `checkOut`, `cancel`, `settle`) on `bookingId`. */
export function bookingOpTx(
  chain: BenchChain,
  op: "checkIn" | "checkOut" | "cancel" | "settle",
  from: string,
  bookingId: bigint,
  label: string,
): FastTx {
  // The four share one signature; the generic Interface takes the name as a plain string.
  const market: Interface = chain.contracts.market.interface;
  return {
    from,
    to: chain.addresses.market,
    data: market.encodeFunctionData(op, [bookingId]),
    gas: GAS[op],
    label,
  };
}

/** The id of the booking created by a successful `book` transaction, from its logs. */
export async function bookingIdOf(chain: BenchChain, hash: string): Promise<bigint> {
  const receipt = await chain.ethers.provider.getTransactionReceipt(hash);
  const market = chain.contracts.market;
  for (const log of receipt?.logs ?? []) {
    const parsed = market.interface.parseLog(log);
    if (parsed?.name === "BookingCreated") return parsed.args.getValue("bookingId") as bigint;
  }
  throw new Error(`transaction ${hash} created no booking`);
}
