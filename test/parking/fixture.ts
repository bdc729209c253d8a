/**
 * Shared set-up of the parking and token tests: deployment through the Ignition module,
 * actors with KRW and approvals, a funded treasury, one registered slot, the chain clock
 * parked before a KST Monday, and small helpers for times, availability bitmaps and the
 * spec's basis-point arithmetic. Nothing here runs at import time: every test file creates
 * its own network and passes its connection in.
 */
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { ContractTransactionResponse } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

import CityPilot from "../../ignition/modules/CityPilot.js";
import type {
  CityCredit,
  CityTreasury,
  KRWToken,
  ParkingMarket,
} from "../../typechain-types/index.js";

/** The market parameters of SPEC.md section 2 (defaults), written from the spec. */
export const SPEC = {
  platformFeeBps: 1000n,
  depositUnits: 4n,
  graceSeconds: 600n,
  overstayBps: 15000n,
  freeCancelSeconds: 3600n,
  lateCancelBps: 5000n,
} as const;

export const UNIT = 900n;
export const HOUR = 3600n;
export const DAY = 86_400n;
export const WEEK = 7n * DAY;
export const KST_OFFSET = 32_400n;
/** Units in a KST week: 7 days x 96 quarter hours. */
export const WEEK_UNITS = 672;

/** Starting KRW of each driver in the fixture. */
export const DRIVER_KRW = 1_000_000n;
/** Starting credits of the first driver in the fixture. */
export const DRIVER_CREDITS = 10_000n;
/** KRW the city funds the treasury with in the fixture. */
export const TREASURY_KRW = 500_000n;
/** Price per unit of the fixture's slot. */
export const SLOT_PRICE = 300n;
export const DISTRICT = "cheongna";

/** `floor(amount * bps / 10000)`: the spec's rounding of every basis-point share. */
export function bpsOf(amount: bigint, bps: bigint): bigint {
  return (amount * bps) / 10_000n;
}

/** `ceil(a / b)` for positive bigints. */
export function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

/** The first Monday 00:00 KST (Sunday 15:00 UTC) at or after unix time `after`. */
export function kstMondayAtOrAfter(after: bigint): bigint {
  // 1970-01-04T15:00:00Z = Monday 1970-01-05 00:00 KST = 313,200 s.
  const firstMonday = 3n * DAY + 15n * HOUR;
  const sinceMonday = (((after - firstMonday) % WEEK) + WEEK) % WEEK;
  return sinceMonday === 0n ? after : after + WEEK - sinceMonday;
}

/** A weekly bitmap of units, as the three words the market takes. */
export type WeekBitmap = [bigint, bigint, bigint];

/** Sets units `[from, to)` of the KST week (unit 0 is Monday 00:00) in `bitmap`. */
export function withUnits(bitmap: WeekBitmap, from: number, to: number): WeekBitmap {
  const words: WeekBitmap = [...bitmap];
  for (let unit = from; unit < to; unit++) {
    const word = unit >> 8;
    words[word] = (words[word] ?? 0n) | (1n << BigInt(unit & 255));
  }
  return words;
}

/** An empty week. */
export const NO_UNITS: WeekBitmap = [0n, 0n, 0n];
/** Every unit of the week (672 bits: the third word holds 160). */
export const ALL_WEEK: WeekBitmap = withUnits(NO_UNITS, 0, WEEK_UNITS);

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

function dayIndex(name: string): number {
  const index = DAYS.indexOf(name);
  if (index < 0) throw new Error(`unknown day ${name}`);
  return index;
}

function quarterOfDay(hhmm: string): number {
  const [hours, minutes] = hhmm.split(":").map(Number);
  if (hours === undefined || minutes === undefined) throw new Error(`bad time ${hhmm}`);
  return hours * 4 + minutes / 15;
}

/**
 * The bitmap of availability entries in the trace format of SPEC.md section 4, such as
 * `"Mon-Fri 08:00-20:00"` or `"Sun 22:00-24:00"`.
 */
export function weekFromRanges(entries: readonly string[]): WeekBitmap {
  let bitmap = NO_UNITS;
  for (const entry of entries) {
    const [days, times] = entry.split(" ");
    if (days === undefined || times === undefined) throw new Error(`bad entry ${entry}`);
    const [firstDay, lastDay] = days.split("-");
    const [from, to] = times.split("-");
    if (firstDay === undefined || from === undefined || to === undefined) {
      throw new Error(`bad entry ${entry}`);
    }
    for (let day = dayIndex(firstDay); day <= dayIndex(lastDay ?? firstDay); day++) {
      bitmap = withUnits(bitmap, day * 96 + quarterOfDay(from), day * 96 + quarterOfDay(to));
    }
  }
  return bitmap;
}

/** Contracts and actors of a deployed city pilot. */
export interface CityPilotDeployment {
  krw: KRWToken;
  credit: CityCredit;
  treasury: CityTreasury;
  market: ParkingMarket;
  admin: HardhatEthersSigner;
  owner: HardhatEthersSigner;
  driver: HardhatEthersSigner;
  driver2: HardhatEthersSigner;
  gate: HardhatEthersSigner;
  keeper: HardhatEthersSigner;
  stranger: HardhatEthersSigner;
  newOwner: HardhatEthersSigner;
}

/**
 * Deploys the Ignition module (roles wired as in production) and grants the test roles:
 * the gate role to `gate` and the credit minter role to `admin`. No balances.
 */
export async function deployCityPilot(connection: NetworkConnection): Promise<CityPilotDeployment> {
  const { ethers, ignition } = connection;
  const signers = await ethers.getSigners();
  const signer = (index: number): HardhatEthersSigner => {
    const account = signers[index];
    if (account === undefined) throw new Error(`no signer ${index}`);
    return account;
  };
  const admin = signer(0);
  const deployed = await ignition.deploy(CityPilot, { displayUi: false });
  const krw = await ethers.getContractAt("KRWToken", await deployed.krw.getAddress());
  const credit = await ethers.getContractAt("CityCredit", await deployed.credit.getAddress());
  const treasury = await ethers.getContractAt("CityTreasury", await deployed.treasury.getAddress());
  const market = await ethers.getContractAt("ParkingMarket", await deployed.market.getAddress());
  await market.grantRole(await market.GATE_ROLE(), signer(4));
  await credit.grantRole(await credit.MINTER_ROLE(), admin);
  return {
    krw,
    credit,
    treasury,
    market,
    admin,
    owner: signer(1),
    driver: signer(2),
    driver2: signer(3),
    gate: signer(4),
    keeper: signer(5),
    stranger: signer(6),
    newOwner: signer(7),
  };
}

/** The standard fixture: a deployment with balances, a slot and a clock before a Monday. */
export interface ParkingFixture extends CityPilotDeployment {
  /** Monday 00:00 KST of the week the tests book in; the clock stands one day before. */
  monday: bigint;
  /** The slot registered to `owner`, available all week at {@link SLOT_PRICE}. */
  slotId: bigint;
}

/**
 * Deployment, then: {@link DRIVER_KRW} to both drivers and {@link DRIVER_CREDITS} credits
 * to `driver`, all approved to the market; the treasury funded with {@link TREASURY_KRW};
 * slot 1 for `owner`; the clock at Sunday 00:00 KST before `monday`.
 */
export async function parkingFixture(connection: NetworkConnection): Promise<ParkingFixture> {
  const { ethers, networkHelpers } = connection;
  const deployment = await deployCityPilot(connection);
  const { krw, credit, treasury, market, admin, owner, driver, driver2 } = deployment;
  for (const account of [driver, driver2]) {
    await krw.mint(account, DRIVER_KRW);
    await krw.connect(account).approve(market, ethers.MaxUint256);
    await credit.connect(account).approve(market, ethers.MaxUint256);
  }
  await credit.mint(driver, DRIVER_CREDITS);
  await krw.mint(admin, TREASURY_KRW);
  await krw.approve(treasury, TREASURY_KRW);
  await treasury.fund(TREASURY_KRW);
  await market.registerSlot(owner, ethers.encodeBytes32String(DISTRICT), SLOT_PRICE, ALL_WEEK);
  const now = BigInt(await networkHelpers.time.latest());
  const monday = kstMondayAtOrAfter(now + WEEK);
  await networkHelpers.time.increaseTo(monday - DAY);
  return { ...deployment, monday, slotId: 1n };
}

/** A booking's id, read from the `BookingCreated` event of the receipt. */
export async function bookingIdOf(
  market: ParkingMarket,
  tx: Promise<ContractTransactionResponse>,
): Promise<bigint> {
  const receipt = await (await tx).wait();
  for (const log of receipt?.logs ?? []) {
    const parsed = market.interface.parseLog(log);
    if (parsed?.name === "BookingCreated") return parsed.args[0] as bigint;
  }
  throw new Error("no BookingCreated event");
}

/** Books `[start, end)` of `slotId` as `driver` in a block at time `at`; returns the booking id. */
export async function bookAt(
  connection: NetworkConnection,
  market: ParkingMarket,
  driver: HardhatEthersSigner,
  at: bigint,
  slotId: bigint,
  start: bigint,
  end: bigint,
  credits = 0n,
): Promise<bigint> {
  await connection.networkHelpers.time.setNextBlockTimestamp(at);
  return bookingIdOf(market, market.connect(driver).book(slotId, start, end, credits));
}

/** Makes the next block's timestamp `at` (the next transaction runs at that time). */
export async function nextBlockAt(connection: NetworkConnection, at: bigint): Promise<void> {
  await connection.networkHelpers.time.setNextBlockTimestamp(at);
}
