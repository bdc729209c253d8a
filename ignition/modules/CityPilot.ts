import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

import { DEFAULT_FLAT_RATE_PER_KG } from "../rewardSchemes.js";

/** Spec defaults for the parking market (SPEC.md section 2). */
export const DEFAULT_MARKET_PARAMS = {
  platformFeeBps: 1000,
  depositUnits: 4,
  graceSeconds: 600,
  overstayBps: 15000,
  freeCancelSeconds: 3600,
  lateCancelBps: 5000,
} as const;

/**
 * Spec defaults for the recycling rules (SPEC.md section 3). `epochStart` defaults to 0 here
 * (every deposit is after it); a replay passes KST midnight of the day of its first event.
 * `epochMintCap` 0 means no cap.
 */
export const DEFAULT_RECYCLING_PARAMS = {
  dailyCapGrams: 5000n,
  maxDepositGrams: 20_000n,
  epochSeconds: 30n * 86_400n,
  epochStart: 0n,
  epochMintCap: 0n,
} as const;

/**
 * The whole city pilot: tokens, treasury, the parking market and the recycling rewards (with a
 * flat scheme at first), wired with their roles. The deployer account is the admin of every
 * contract. Parameters: `marketParams`; `dailyCapGrams`, `maxDepositGrams`, `epochSeconds`,
 * `epochStart`, `epochMintCap`, `flatRatePerKg`.
 */
export default buildModule("CityPilot", (m) => {
  const admin = m.getAccount(0);
  const marketParams = m.getParameter("marketParams", DEFAULT_MARKET_PARAMS);
  const recyclingParams = {
    dailyCapGrams: m.getParameter("dailyCapGrams", DEFAULT_RECYCLING_PARAMS.dailyCapGrams),
    maxDepositGrams: m.getParameter("maxDepositGrams", DEFAULT_RECYCLING_PARAMS.maxDepositGrams),
    epochSeconds: m.getParameter("epochSeconds", DEFAULT_RECYCLING_PARAMS.epochSeconds),
    epochStart: m.getParameter("epochStart", DEFAULT_RECYCLING_PARAMS.epochStart),
    epochMintCap: m.getParameter("epochMintCap", DEFAULT_RECYCLING_PARAMS.epochMintCap),
  };

  const krw = m.contract("KRWToken", [admin]);
  const credit = m.contract("CityCredit", [admin]);
  const treasury = m.contract("CityTreasury", [admin, krw, credit]);
  const market = m.contract("ParkingMarket", [admin, krw, credit, treasury, marketParams]);

  // The rewards contract binds its initial scheme to itself in its constructor.
  const initialScheme = m.contract("FlatScheme", [
    m.getParameter("flatRatePerKg", DEFAULT_FLAT_RATE_PER_KG),
  ]);
  const rewards = m.contract("RecyclingRewards", [admin, credit, recyclingParams, initialScheme]);

  const burnerRole = m.staticCall(credit, "BURNER_ROLE", [], 0, { id: "burnerRole" });
  m.call(credit, "grantRole", [burnerRole, treasury], { id: "grantTreasuryBurner" });
  const redeemerRole = m.staticCall(treasury, "REDEEMER_ROLE", [], 0, { id: "redeemerRole" });
  m.call(treasury, "grantRole", [redeemerRole, market], { id: "grantMarketRedeemer" });
  const minterRole = m.staticCall(credit, "MINTER_ROLE", [], 0, { id: "minterRole" });
  m.call(credit, "grantRole", [minterRole, rewards], { id: "grantRewardsMinter" });

  return { krw, credit, treasury, market, rewards, initialScheme };
});
