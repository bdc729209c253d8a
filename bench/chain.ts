import { network } from "hardhat";
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { NetworkConnection } from "hardhat/types/network";

import CityPilot from "../ignition/modules/CityPilot.js";
import type {
  CityCredit,
  CityTreasury,
  KRWToken,
  ParkingMarket,
  RecyclingRewards,
} from "../typechain-types/index.js";

/** The ethers helpers of a connection (hardhat-ethers). */
export type BenchEthers = Awaited<ReturnType<typeof network.create>>["ethers"];

/** The deployed city pilot, typed. */
export interface PilotContracts {
  readonly krw: KRWToken;
  readonly credit: CityCredit;
  readonly treasury: CityTreasury;
  readonly market: ParkingMarket;
  readonly rewards: RecyclingRewards;
}

/** A fresh in-process chain with the city pilot deployed on it. */
export interface BenchChain {
  readonly connection: NetworkConnection;
  readonly ethers: BenchEthers;
  readonly admin: HardhatEthersSigner;
  readonly contracts: PilotContracts;
  /** Addresses of the contracts, checksummed. */
  readonly addresses: {
    readonly krw: string;
    readonly credit: string;
    readonly treasury: string;
    readonly market: string;
    readonly rewards: string;
  };
}

/**
 * Creates a new, empty in-process chain (each `network.create()` is its own chain) and
 * deploys the whole pilot with its Ignition module. Close it with `chain.connection.close()`.
 */
export async function openPilotChain(): Promise<BenchChain> {
  const connection = await network.create();
  const { ignition, ethers } = connection;
  const deployed = await ignition.deploy(CityPilot, { displayUi: false });
  const [admin] = await ethers.getSigners();
  if (admin === undefined) throw new Error("the network has no unlocked account to act as admin");
  const addresses = {
    krw: await deployed.krw.getAddress(),
    credit: await deployed.credit.getAddress(),
    treasury: await deployed.treasury.getAddress(),
    market: await deployed.market.getAddress(),
    rewards: await deployed.rewards.getAddress(),
  };
  const contracts: PilotContracts = {
    krw: await ethers.getContractAt("KRWToken", addresses.krw, admin),
    credit: await ethers.getContractAt("CityCredit", addresses.credit, admin),
    treasury: await ethers.getContractAt("CityTreasury", addresses.treasury, admin),
    market: await ethers.getContractAt("ParkingMarket", addresses.market, admin),
    rewards: await ethers.getContractAt("RecyclingRewards", addresses.rewards, admin),
  };
  return { connection, ethers, admin, contracts, addresses };
}

/** A deterministic address for a benchmark actor (`role` and index), never a real key. */
export function actorAddress(ethers: BenchEthers, role: string, index: number): string {
  return ethers.getAddress(ethers.id(`city-pilot-bench:${role}:${index}`).slice(0, 42));
}
