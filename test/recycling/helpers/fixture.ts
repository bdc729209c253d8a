/**
 * Deployment of the recycling system for tests: tokens, treasury, rewards with a scheme, two
 * registered kiosks, and the clock at 09:00 KST on the first day of epoch 0.
 */
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";

import {
  schemeDeployment,
  type SchemeKind,
  type SchemeParamsByKind,
} from "../../../ignition/rewardSchemes.js";
import {
  IRewardScheme__factory,
  type CityCredit,
  type CityTreasury,
  type IRecyclingRewards,
  type IRewardScheme,
  type KRWToken,
  type RecyclingRewards,
} from "../../../typechain-types/index.js";
import { DAY, EPOCH_30_DAYS, ethers, mineAt, nextKstMidnight, now } from "./chain.js";

/** The rules of the rewards contract other than `epochStart` (set per deployment). */
export interface Rules {
  dailyCapGrams: bigint;
  maxDepositGrams: bigint;
  epochSeconds: bigint;
  epochMintCap: bigint;
}

/** The spec's default rules. */
export const DEFAULT_RULES: Readonly<Rules> = {
  dailyCapGrams: 5000n,
  maxDepositGrams: 20_000n,
  epochSeconds: EPOCH_30_DAYS,
  epochMintCap: 0n,
};

/** Daily capacity of the fixture's kiosks. */
export const KIOSK_CAPACITY = 50_000n;

/** District of the fixture's kiosks. */
export const DISTRICT = ethers.encodeBytes32String("cheongna");

/** How to deploy. */
export interface RecyclingOptions<K extends SchemeKind = SchemeKind> {
  scheme?: K;
  schemeParams?: SchemeParamsByKind[K];
  rules?: Partial<Rules>;
  /** Leave the clock before the epoch start (default: move it to 09:00 KST of day 0). */
  beforeStart?: boolean;
}

/** What a fixture gives a test. */
export interface Recycling {
  admin: HardhatEthersSigner;
  kiosk: HardhatEthersSigner;
  kiosk2: HardhatEthersSigner;
  citizens: HardhatEthersSigner[];
  merchant: HardhatEthersSigner;
  stranger: HardhatEthersSigner;
  krw: KRWToken;
  credit: CityCredit;
  treasury: CityTreasury;
  rewards: RecyclingRewards;
  scheme: IRewardScheme;
  /** The rules as deployed. */
  params: IRecyclingRewards.RewardsParamsStruct & { epochStart: bigint; epochSeconds: bigint };
  /** Unix time of epoch 0's start, a KST midnight. */
  epochStart: bigint;
}

/** Deploys an unbound scheme of `kind` with `params` over the spec defaults. */
export async function deployScheme<K extends SchemeKind>(
  kind: K,
  params?: SchemeParamsByKind[K],
): Promise<IRewardScheme> {
  const [admin] = await ethers.getSigners();
  if (admin === undefined) throw new Error("no signer");
  const { contractName, args } = schemeDeployment(kind, params);
  const deployed = await ethers.deployContract(contractName, args);
  return IRewardScheme__factory.connect(await deployed.getAddress(), admin);
}

/** Deploys the system per `options`. */
export async function deployRecycling(options: RecyclingOptions = {}): Promise<Recycling> {
  const signers = await ethers.getSigners();
  const [admin, kiosk, kiosk2, merchant, stranger] = signers;
  if (admin === undefined || kiosk === undefined || kiosk2 === undefined)
    throw new Error("signers");
  if (merchant === undefined || stranger === undefined) throw new Error("signers");
  const citizens = signers.slice(5, 12);

  const epochStart = nextKstMidnight(await now()) + DAY;
  const rules = { ...DEFAULT_RULES, ...options.rules };
  const params = { ...rules, epochStart };

  const krw = await ethers.deployContract("KRWToken", [admin.address]);
  const credit = await ethers.deployContract("CityCredit", [admin.address]);
  const treasury = await ethers.deployContract("CityTreasury", [admin.address, krw, credit]);
  await credit.grantRole(await credit.BURNER_ROLE(), treasury);
  const scheme = await deployScheme(options.scheme ?? "flat", options.schemeParams);
  const rewards = await ethers.deployContract("RecyclingRewards", [
    admin.address,
    credit,
    params,
    scheme,
  ]);
  await credit.grantRole(await credit.MINTER_ROLE(), rewards);
  await rewards.registerKiosk(kiosk.address, DISTRICT, KIOSK_CAPACITY);
  await rewards.registerKiosk(kiosk2.address, DISTRICT, KIOSK_CAPACITY);
  if (options.beforeStart !== true) await mineAt(epochStart + 9n * 3600n);

  return {
    admin,
    kiosk,
    kiosk2,
    citizens,
    merchant,
    stranger,
    krw,
    credit,
    treasury,
    rewards,
    scheme,
    params,
    epochStart,
  };
}

/** The `i`-th citizen of a fixture. */
export function citizen(r: Recycling, i: number): HardhatEthersSigner {
  const c = r.citizens[i];
  if (c === undefined) throw new Error(`no citizen ${i}`);
  return c;
}

/** A batch entry. */
export function entry(
  who: { address: string } | string,
  material: number,
  grams: bigint,
  items = 0n,
): IRecyclingRewards.DepositStruct {
  const address = typeof who === "string" ? who : who.address;
  return { citizen: address, material, grams, items };
}
