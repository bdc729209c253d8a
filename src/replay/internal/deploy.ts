/**
 * Deploys the system for a replay with the project's Ignition module, the market parameters
 * taken from the trace's `config` line (missing keys keep the SPEC defaults).
 */
import type { BaseContract } from "ethers";
import type { ChainType, NetworkConnection } from "hardhat/types/network";

import CityPilot, { DEFAULT_MARKET_PARAMS } from "../../../ignition/modules/CityPilot.js";
import type { TraceEventOf } from "../../scenario/trace-schema.js";
import { KRWToken__factory } from "../../../typechain-types/index.js";
import type { DeployedContracts } from "../types.js";

export type ConfigEvent = TraceEventOf<"config">;
export type MarketParams = { -readonly [K in keyof typeof DEFAULT_MARKET_PARAMS]: number };

/** The market parameters of a trace: its `config.market` over the SPEC defaults. */
export function marketParamsOf(config: ConfigEvent | undefined): MarketParams {
  const given = Object.entries(config?.market ?? {}).filter(([, v]) => v !== undefined);
  return { ...DEFAULT_MARKET_PARAMS, ...Object.fromEntries(given) };
}

async function addressOf(contract: BaseContract | undefined): Promise<string | undefined> {
  return contract === undefined ? undefined : contract.getAddress();
}

/**
 * Deploys with automine on (Ignition waits for each transaction), then lets the admin
 * approve the treasury for KRW once, so that each `treasury.fund` is a mint and a `fund`.
 */
export async function deploySystem<C extends ChainType | string>(
  connection: NetworkConnection<C>,
  config: ConfigEvent | undefined,
): Promise<DeployedContracts> {
  await connection.provider.request({ method: "evm_setAutomine", params: [true] });
  const deployed = await connection.ignition.deploy(CityPilot, {
    parameters: { CityPilot: { marketParams: marketParamsOf(config) } },
    displayUi: false,
  });
  const [signer] = await connection.ethers.getSigners();
  if (signer === undefined) throw new Error("the network has no account to deploy from");
  const contracts: DeployedContracts = {
    admin: signer.address,
    krw: await deployed.krw.getAddress(),
    credit: await deployed.credit.getAddress(),
    treasury: await deployed.treasury.getAddress(),
    market: await deployed.market.getAddress(),
  };
  // The module grows a `recycling` future when the recycling contracts land.
  const recycling = await addressOf((deployed as Record<string, BaseContract>).recycling);
  if (recycling !== undefined) contracts.recycling = recycling;

  const krw = KRWToken__factory.connect(contracts.krw, signer);
  await (await krw.approve(contracts.treasury, 2n ** 256n - 1n)).wait();
  return contracts;
}
