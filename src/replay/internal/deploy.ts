/**
 * Deploys the system for a replay with the project's Ignition module: market and recycling
 * parameters from the trace's `config` line (missing keys keep the SPEC defaults), the
 * epoch start at KST midnight of the first event's day unless the config sets it, and the
 * run's initial reward scheme.
 */
import type { ChainType, NetworkConnection } from "hardhat/types/network";

import CityPilot, {
  DEFAULT_MARKET_PARAMS,
  DEFAULT_RECYCLING_PARAMS,
} from "../../../ignition/modules/CityPilot.js";
import { unixSeconds, type SchemeChoice, type TraceEventOf } from "../../scenario/trace-schema.js";
import { KRWToken__factory, RecyclingRewards__factory } from "../../../typechain-types/index.js";
import type { DeployedContracts, InstalledScheme } from "../types.js";
import { ReplayError } from "../errors.js";
import { schemeCreationCode } from "./schemes.js";

export type ConfigEvent = TraceEventOf<"config">;
export type MarketParams = { -readonly [K in keyof typeof DEFAULT_MARKET_PARAMS]: number };
export type RecyclingParams = { -readonly [K in keyof typeof DEFAULT_RECYCLING_PARAMS]: bigint };

const KST_OFFSET_SECONDS = 32_400;
const DAY_SECONDS = 86_400;

/** Unix seconds of KST midnight of the day holding `time`. */
export function kstMidnight(time: number): number {
  return Math.floor((time + KST_OFFSET_SECONDS) / DAY_SECONDS) * DAY_SECONDS - KST_OFFSET_SECONDS;
}

/** `given`'s defined entries over `defaults`. */
function over<T extends object>(defaults: T, given: object | undefined): T {
  const set = Object.entries(given ?? {}).filter(([, v]) => v !== undefined);
  return { ...defaults, ...Object.fromEntries(set) };
}

/** The market parameters of a trace: its `config.market` over the SPEC defaults. */
export function marketParamsOf(config: ConfigEvent | undefined): MarketParams {
  return over({ ...DEFAULT_MARKET_PARAMS }, config?.market);
}

/**
 * The recycling rules of a trace: its `config.recycling` over the SPEC defaults, with the
 * epoch start at KST midnight of the day of the run's first event unless given.
 */
export function recyclingParamsOf(
  config: ConfigEvent | undefined,
  firstEventTime: number,
): RecyclingParams {
  const given = config?.recycling;
  const start = given?.epochStart;
  return {
    dailyCapGrams: BigInt(given?.dailyCapGrams ?? DEFAULT_RECYCLING_PARAMS.dailyCapGrams),
    maxDepositGrams: BigInt(given?.maxDepositGrams ?? DEFAULT_RECYCLING_PARAMS.maxDepositGrams),
    epochSeconds: BigInt(given?.epochSeconds ?? DEFAULT_RECYCLING_PARAMS.epochSeconds),
    epochStart: BigInt(start === undefined ? kstMidnight(firstEventTime) : unixSeconds(start)),
    epochMintCap: given?.epochMintCap ?? DEFAULT_RECYCLING_PARAMS.epochMintCap,
  };
}

export interface DeployParameters {
  config: ConfigEvent | undefined;
  firstEventTime: number;
  initialScheme: SchemeChoice;
  /** Ignition's deployment id; on a remote network an existing deployment is reused. */
  deploymentId?: string | undefined;
  /** Turn automine on first (false for a node that mines on its own clock). */
  automine?: boolean;
}

export interface Deployment {
  contracts: DeployedContracts;
  initialScheme: InstalledScheme;
}

/**
 * A reused Ignition deployment is taken from its journal without looking at the chain: a
 * journal from a node that was since reset names addresses with no code.
 */
async function assertDeployed<C extends ChainType | string>(
  connection: NetworkConnection<C>,
  contracts: DeployedContracts,
  deploymentId: string,
): Promise<void> {
  for (const [contract, address] of Object.entries(contracts)) {
    if (contract === "admin") continue;
    const code = await connection.provider.request({
      method: "eth_getCode",
      params: [address, "latest"],
    });
    if (code === "0x") {
      throw new ReplayError("DEPLOYMENT_MISSING", { deploymentId, contract, address });
    }
  }
}

/**
 * Deploys with automine on (Ignition waits for each transaction). The module starts the
 * rewards contract on a flat scheme; another initial scheme is deployed and installed before
 * the first event. Then the admin approves the treasury for KRW once, so that each
 * `treasury.fund` is a mint and a `fund`.
 */
export async function deploySystem<C extends ChainType | string>(
  connection: NetworkConnection<C>,
  { config, firstEventTime, initialScheme, deploymentId, automine = true }: DeployParameters,
): Promise<Deployment> {
  if (automine) await connection.provider.request({ method: "evm_setAutomine", params: [true] });
  const flatRate = initialScheme.scheme === "flat" ? initialScheme.params.ratePerKg : undefined;
  const parameters = {
    marketParams: marketParamsOf(config),
    ...recyclingParamsOf(config, firstEventTime),
    ...(flatRate === undefined ? {} : { flatRatePerKg: BigInt(flatRate) }),
  };
  const deployed = await connection.ignition.deploy(CityPilot, {
    parameters: { CityPilot: parameters },
    displayUi: false,
    // Each transaction is mined when sent (automine) or by the node's own clock: one block
    // is enough, and a node that mines only on demand would never give a second.
    config: { requiredConfirmations: 1 },
    ...(deploymentId === undefined ? {} : { deploymentId }),
  });
  const [admin] = await connection.ethers.getSigners();
  if (admin === undefined) throw new Error("the network has no account to deploy from");
  const contracts: DeployedContracts = {
    admin: admin.address,
    krw: await deployed.krw.getAddress(),
    credit: await deployed.credit.getAddress(),
    treasury: await deployed.treasury.getAddress(),
    market: await deployed.market.getAddress(),
    recycling: await deployed.rewards.getAddress(),
  };
  let schemeAddress = await deployed.initialScheme.getAddress();
  const rewards = RecyclingRewards__factory.connect(contracts.recycling, admin);
  if (initialScheme.scheme !== "flat") {
    const tx = await admin.sendTransaction({ data: schemeCreationCode(initialScheme) });
    schemeAddress = (await tx.wait())?.contractAddress ?? "";
  }
  // A reused deployment may still run the scheme an earlier run's `scheme.set` installed.
  if ((await rewards.scheme()).toLowerCase() !== schemeAddress.toLowerCase()) {
    await (await rewards.setScheme(schemeAddress)).wait();
  }
  await assertDeployed(connection, contracts, deploymentId ?? "");
  const krw = KRWToken__factory.connect(contracts.krw, admin);
  await (await krw.approve(contracts.treasury, 2n ** 256n - 1n)).wait();
  return { contracts, initialScheme: { ...initialScheme, address: schemeAddress } };
}
