import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

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
 * The whole city pilot: tokens, treasury and the parking market, wired with their roles.
 * The deployer account is the admin of every contract.
 */
export default buildModule("CityPilot", (m) => {
  const admin = m.getAccount(0);
  const marketParams = m.getParameter("marketParams", DEFAULT_MARKET_PARAMS);

  const krw = m.contract("KRWToken", [admin]);
  const credit = m.contract("CityCredit", [admin]);
  const treasury = m.contract("CityTreasury", [admin, krw, credit]);
  const market = m.contract("ParkingMarket", [admin, krw, credit, treasury, marketParams]);

  const burnerRole = m.staticCall(credit, "BURNER_ROLE", [], 0, { id: "burnerRole" });
  m.call(credit, "grantRole", [burnerRole, treasury], { id: "grantTreasuryBurner" });
  const redeemerRole = m.staticCall(treasury, "REDEEMER_ROLE", [], 0, { id: "redeemerRole" });
  m.call(treasury, "grantRole", [redeemerRole, market], { id: "grantMarketRedeemer" });

  return { krw, credit, treasury, market };
});
