/**
 * The credit estimate follows SPEC.md section 3 (a worked recycling example, caps, schemes,
 * the mint cap, budgetPool claims), so that the spending and claims the generator writes
 * succeed on chain.
 */
import { expect } from "chai";

import { CreditLedger, type LedgerDeposit } from "../../src/generate/credit-ledger.js";
import { resolveScheme } from "../../src/generate/rewards.js";
import type { RecyclingRules } from "../../src/generate/spec-rules.js";
import { unixSeconds, type SchemeChoice } from "../../src/scenario/trace-schema.js";

const DAY = 86_400;
const START = unixSeconds("2026-04-06T00:00:00+09:00");
const RULES: RecyclingRules = {
  dailyCapGrams: 5000,
  maxDepositGrams: 20_000,
  epochSeconds: 30 * DAY,
  epochStart: START,
  epochMintCap: undefined,
};

function ledger(scheme: SchemeChoice, rules: Partial<RecyclingRules> = {}, capacity = 50_000) {
  return new CreditLedger(
    { ...RULES, ...rules },
    { citizens: 3, merchants: 1, kioskCapacity: [capacity] },
    resolveScheme(scheme),
  );
}

const deposit = (fields: Partial<LedgerDeposit>): LedgerDeposit => ({
  time: START + 9 * 3600,
  kiosk: 0,
  citizen: 0,
  material: "PET",
  grams: 2500,
  items: 100,
  expires: undefined,
  ...fields,
});

describe("CreditLedger", () => {
  it("pays the worked example: the second deposit of a day cut by the daily cap", () => {
    const l = ledger({ scheme: "flat", params: { ratePerKg: 300 } });
    l.deposit(deposit({}));
    l.deposit(deposit({ time: START + 18 * 3600, grams: 3000, items: 120 }));
    expect(l.credits[0]).to.equal(1500n);
    l.spend(0, 1200n, 0);
    expect([l.credits[0], l.redeemAll(0), l.merchantCredits[0]]).to.deep.equal([300n, 1200n, 0n]);
  });

  it("refuses a deposit past the kiosk's capacity, an expired receipt, one before epochStart", () => {
    const l = ledger({ scheme: "flat", params: {} }, { epochStart: START + DAY }, 6000);
    l.deposit(deposit({ citizen: 1 }));
    expect(l.credits[1]).to.equal(0n);
    l.deposit(deposit({ time: START + DAY + 1, citizen: 1, grams: 5000 }));
    l.deposit(deposit({ time: START + DAY + 2, citizen: 2, grams: 2000 }));
    l.deposit(deposit({ time: START + DAY + 3, citizen: 2, expires: START + DAY + 3 }));
    expect(l.credits).to.deep.equal([0n, 1500n, 0n]);
  });

  it("pays tiered bands on the epoch's grams and perItem on the items kept under the cap", () => {
    const tiered = ledger({ scheme: "tiered", params: {} });
    tiered.deposit(deposit({ grams: 1500 }));
    tiered.deposit(deposit({ time: START + DAY, grams: 1000 }));
    // 1500 at 400, then 500 at 400 and 500 at 250.
    expect(tiered.credits[0]).to.equal(600n + 200n + 125n);
    const perItem = ledger({ scheme: "perItem", params: {} });
    perItem.deposit(deposit({ material: "CLEAR_PET", grams: 4000, items: 250 }));
    perItem.deposit(deposit({ material: "CLEAR_PET", grams: 2000, items: 125 }));
    // The second keeps floor(125 * 1000 / 2000) = 62 items.
    expect(perItem.credits[0]).to.equal(2500n + 620n);
  });

  it("cuts rewards at the epoch mint cap, first come first served", () => {
    const l = ledger({ scheme: "flat", params: {} }, { epochMintCap: 1000n });
    l.deposit(deposit({ citizen: 0 }));
    l.deposit(deposit({ citizen: 1 }));
    l.deposit(deposit({ citizen: 2 }));
    expect(l.credits).to.deep.equal([750n, 250n, 0n]);
  });

  it("pays budgetPool claims pro rata, within the budget, per instance", () => {
    const l = ledger({ scheme: "budgetPool", params: { budget: 1000n } });
    const first = l.deposit(deposit({ citizen: 0, material: "CLEAR_PET", grams: 3000 }));
    l.deposit(deposit({ citizen: 1, material: "PP", grams: 1000 }));
    expect(first.firstPointsOfEpoch).to.equal(0);
    // Points 1500 and 200 (of 1700) share a budget of 1000.
    expect(l.claimants(0)).to.deep.equal([0, 1]);
    expect([l.claim(0, 0), l.claim(1, 0)]).to.deep.equal([882n, 117n]);
    l.setScheme(resolveScheme({ scheme: "budgetPool", params: { budget: 10n } }));
    expect(l.deposit(deposit({ citizen: 2 })).firstPointsOfEpoch).to.equal(undefined);
    expect(l.claim(2, 0)).to.equal(10n);
    l.closeEpoch(0);
    expect(l.claimants(0)).to.deep.equal([]);
  });

  it("earns no points (and needs no claim) for a material of weight 0", () => {
    const l = ledger({ scheme: "budgetPool", params: {} });
    expect(l.deposit(deposit({ material: "OTHER" })).firstPointsOfEpoch).to.equal(undefined);
    expect(l.claimants(0)).to.deep.equal([]);
  });
});
