import { expect } from "chai";

import { unixSeconds } from "../../src/scenario/trace-schema.js";
import { MONDAY, TUESDAY, kst, reasonOf } from "./helpers.js";
import { deposit, depositedOf, recyclingWorld, rewardOf } from "./recycling-world.js";

const at = (clock: string, seconds = 0) => kst(MONDAY, clock, seconds);
const FLAT_RATE = 300n;
const flatReward = (grams: number) => (BigInt(grams) * FLAT_RATE) / 1000n;

describe("model: deposit checks", () => {
  it("rejects 0 g, more than 20,000 g, and more items than grams, without reverting", () => {
    const world = recyclingWorld();
    expect(reasonOf(deposit(world, at("09:00"), 0))).to.equal("rejected:ZeroGrams");
    expect(reasonOf(deposit(world, at("09:00"), 20_001))).to.equal("rejected:DepositTooLarge");
    expect(reasonOf(deposit(world, at("09:00"), 10, { items: 11 }))).to.equal(
      "rejected:ItemsExceedGrams",
    );
    expect(deposit(world, at("09:00"), 10, { items: 10 }).status).to.equal("ok");
    expect(deposit(world, at("09:00"), 20_000).status).to.equal("ok");
    expect(world.model.counters.rejections).to.deep.equal({
      ZeroGrams: 1,
      DepositTooLarge: 1,
      ItemsExceedGrams: 1,
    });
  });

  it("rejects a deposit before epochStart and accepts one at epochStart", () => {
    const world = recyclingWorld({ config: { recycling: { epochStart: kst(TUESDAY, "00:00") } } });
    expect(reasonOf(deposit(world, kst(MONDAY, "23:59", 59), 1000))).to.equal(
      "rejected:BeforeEpochStart",
    );
    expect(depositedOf(deposit(world, kst(TUESDAY, "00:00"), 1000)).epoch).to.equal(0);
  });

  it("defaults epochStart to KST midnight of the first event's day; 30-day epochs", () => {
    const world = recyclingWorld();
    const epochStart = unixSeconds(kst(MONDAY, "00:00"));
    expect(world.model.recyclingParams.epochStart).to.equal(epochStart);
    const lastSecond = epochStart + 30 * 86_400 - 1;
    const raw = { kind: "recycle.deposit", kiosk: "k1", citizen: "c1", material: "PET" } as const;
    const e0 = world.apply({ ...raw, t: kst(MONDAY, "08:00"), grams: 1, items: 0 }, lastSecond);
    const e1 = world.apply({ ...raw, t: kst(MONDAY, "08:00"), grams: 1, items: 0 }, lastSecond + 1);
    expect([depositedOf(e0).epoch, depositedOf(e1).epoch]).to.deep.equal([0, 1]);
  });

  it("rejects whole a deposit that would take the kiosk past its daily capacity", () => {
    const world = recyclingWorld({ capacityGrams: 6000 });
    deposit(world, at("09:00"), 5000);
    expect(reasonOf(deposit(world, at("09:05"), 1001, { citizen: "c2" }))).to.equal(
      "rejected:DailyCapacityExceeded",
    );
    expect(rewardOf(deposit(world, at("09:10"), 1000, { citizen: "c2" }))).to.equal(
      flatReward(1000),
    );
    expect(reasonOf(deposit(world, at("23:59", 59), 1, { citizen: "c2" }))).to.equal(
      "rejected:DailyCapacityExceeded",
    );
    // The kiosk's day is the KST day: a new one starts at 00:00 KST.
    expect(deposit(world, kst(TUESDAY, "00:00"), 6000, { citizen: "c2" }).status).to.equal("ok");
  });

  it("counts a deposit's full grams against capacity, over the citizen's cap included", () => {
    const world = recyclingWorld({ capacityGrams: 7000 });
    deposit(world, at("09:00"), 4000);
    const crossing = depositedOf(deposit(world, at("09:10"), 3000));
    expect(crossing.acceptedGrams).to.equal(1000);
    expect(reasonOf(deposit(world, at("09:20"), 1, { citizen: "c2" }))).to.equal(
      "rejected:DailyCapacityExceeded",
    );
  });
});

describe("model: the citizen's daily cap", () => {
  it("accepts a crossing deposit but earns only on the grams under the cap", () => {
    const world = recyclingWorld();
    expect(rewardOf(deposit(world, at("09:00"), 4000))).to.equal(flatReward(4000));
    const crossing = depositedOf(deposit(world, at("10:00"), 2000, { items: 100 }));
    expect(crossing).to.include({ grams: 2000, acceptedGrams: 1000, reward: flatReward(1000) });
    expect(crossing.acceptedItems).to.equal(Math.floor((100 * 1000) / 2000));
    const over = depositedOf(deposit(world, at("11:00"), 500, { items: 7 }));
    expect(over).to.include({ acceptedGrams: 0, acceptedItems: 0, reward: 0n });
    expect(world.credits("c1")).to.equal(flatReward(5000));
  });

  it("resets at 00:00 KST (15:00 UTC), per citizen", () => {
    const world = recyclingWorld();
    deposit(world, kst(MONDAY, "23:59", 59), 5000);
    expect(
      depositedOf(deposit(world, at("23:59", 59), 10, { citizen: "c2" })).acceptedGrams,
    ).to.equal(10);
    expect(depositedOf(deposit(world, "2026-04-06T15:00:00Z", 5000)).acceptedGrams).to.equal(5000);
  });

  it("uses the chain's time, not the trace's, for the day", () => {
    const world = recyclingWorld();
    deposit(world, at("23:00"), 5000);
    const raw = { t: at("23:00"), kind: "recycle.deposit", kiosk: "k1", citizen: "c1" } as const;
    const nextDay = world.apply(
      { ...raw, material: "PET", grams: 100, items: 0 },
      unixSeconds(kst(TUESDAY, "00:01")),
    );
    expect(depositedOf(nextDay).acceptedGrams).to.equal(100);
  });
});

describe("model: receipts", () => {
  const receipt = (id: string, t: string, extra: { expires?: string; grams?: number } = {}) => ({
    t,
    kind: "recycle.receipt" as const,
    kiosk: "k1",
    citizen: "c1",
    material: "PET" as const,
    grams: extra.grams ?? 1000,
    items: 10,
    receipt: id,
    ...(extra.expires === undefined ? {} : { expires: extra.expires }),
  });

  it("is usable until one second before its default expiry, t + 1 day", () => {
    const world = recyclingWorld();
    const t = unixSeconds(at("09:00"));
    expect(world.apply(receipt("r1", at("09:00")), t + 86_399).status).to.equal("ok");
    expect(reasonOf(world.apply(receipt("r2", at("09:00")), t + 86_400))).to.equal(
      "failed:ReceiptExpired",
    );
  });

  it("honours an explicit expiry and refuses a receipt id used before", () => {
    const world = recyclingWorld();
    expect(reasonOf(world.apply(receipt("r1", at("09:00"), { expires: at("09:00") })))).to.equal(
      "failed:ReceiptExpired",
    );
    expect(
      depositedOf(world.apply(receipt("r1", at("09:00"), { expires: at("09:01") }))).viaReceipt,
    ).to.equal(true);
    expect(reasonOf(world.apply(receipt("r1", at("09:02"))))).to.equal("failed:ReceiptAlreadyUsed");
    expect(world.credits("c1")).to.equal(flatReward(1000));
  });

  it("reverts on a broken deposit rule, leaving the receipt unused", () => {
    const world = recyclingWorld();
    expect(reasonOf(world.apply(receipt("r1", at("09:00"), { grams: 30_000 })))).to.equal(
      "failed:DepositTooLarge",
    );
    expect(depositedOf(world.apply(receipt("r1", at("09:01")))).viaReceipt).to.equal(true);
    expect(reasonOf(world.apply(receipt("r1", at("09:02"))))).to.equal("failed:ReceiptAlreadyUsed");
    expect(world.credits("c1")).to.equal(flatReward(1000));
  });
});

describe("model: spending and redeeming credits", () => {
  it("transfers credits to a merchant, who redeems them for the treasury's KRW", () => {
    const world = recyclingWorld({ treasuryKrw: 1000 });
    deposit(world, at("09:00"), 5000);
    const credits = flatReward(5000);
    const spend = { t: at("10:00"), kind: "credit.spend", citizen: "c1", merchant: "m1" } as const;
    expect(reasonOf(world.apply({ ...spend, credits: Number(credits) + 1 }))).to.equal(
      "failed:InsufficientCredits",
    );
    expect(world.apply({ ...spend, credits: Number(credits) }).status).to.equal("ok");
    const redeem = { t: at("11:00"), kind: "merchant.redeem", merchant: "m1" } as const;
    expect(reasonOf(world.apply({ ...redeem, credits: 1001 }))).to.equal(
      "failed:TreasuryInsufficientFunds",
    );
    expect(world.apply({ ...redeem, credits: 1000 }).status).to.equal("ok");
    // The treasury is empty now: enough credits fail on its KRW; too few credits fail first.
    const held = Number(credits) - 1000;
    expect(reasonOf(world.apply({ ...redeem, credits: held }))).to.equal(
      "failed:TreasuryInsufficientFunds",
    );
    expect(reasonOf(world.apply({ ...redeem, credits: held + 1 }))).to.equal(
      "failed:InsufficientCredits",
    );
    expect([world.krw("m1"), world.credits("m1")]).to.deep.equal([1000n, credits - 1000n]);
    expect(world.model.ledger.creditSupply).to.equal(credits - 1000n);
  });

  it("refuses a redemption of more credits than the merchant holds", () => {
    const world = recyclingWorld();
    const redeem = { t: at("11:00"), kind: "merchant.redeem", merchant: "m1", credits: 1 } as const;
    expect(reasonOf(world.apply(redeem))).to.equal("failed:InsufficientCredits");
  });
});
