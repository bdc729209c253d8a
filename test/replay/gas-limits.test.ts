/**
 * The replay's fixed gas limits (src/replay/internal/gas.ts) leave at least 50% headroom over
 * the gas each call was seen to use in its costliest paths: cold storage, a booking across
 * two words of the timeline bitmap, an overstay paying three parties, credits redeemed.
 */
import { expect } from "chai";

import { GAS_LIMITS } from "../../src/replay/internal/gas.js";
import { replayTrace } from "../../src/replay/replay-trace.js";
import type { ReplayResult } from "../../src/replay/types.js";
import type { TraceEventInput } from "../../src/scenario/trace-schema.js";
import {
  CityCredit__factory,
  CityTreasury__factory,
  ParkingMarket__factory,
} from "../../typechain-types/index.js";
import { replayConnection, trace, type ReplayConnection } from "./helpers.js";

const HEADROOM = 1.5;
const iso = (unix: number) => new Date(unix * 1000).toISOString().replace(".000Z", "Z");
const BASE = Date.parse("2026-04-06T00:00:00+09:00") / 1000;
/** The first quarter hour after `from` whose timeline unit is 250 of its 256-unit word. */
const nearWordEnd = (from: number) => {
  let unit = Math.ceil(from / 900);
  while (unit % 256 !== 250) unit += 1;
  return unit * 900;
};

function scenario(): TraceEventInput[] {
  const t = (h: number) => iso(BASE + h * 3600);
  const cross = nearWordEnd(BASE + 6 * 3600);
  const book = (booking: string, driver: string, start: number, end: number, at: number) =>
    ({
      t: iso(at),
      kind: "parking.book",
      booking,
      driver,
      slot: "s1",
      start: iso(start),
      end: iso(end),
    }) as const;
  return [
    { t: t(1), kind: "treasury.fund", krw: 1_000_000 },
    { t: t(1), kind: "actor.join", actor: "owner", role: "owner" },
    { t: t(1), kind: "actor.join", actor: "ann", role: ["citizen", "driver"], krw: 1_000_000 },
    { t: t(1), kind: "actor.join", actor: "m", role: "merchant" },
    {
      t: t(1),
      kind: "slot.register",
      slot: "s1",
      owner: "owner",
      district: "songdo",
      unitPrice: 1_000,
      availability: ["Mon-Sun 00:00-24:00"],
    },
    { t: t(1), kind: "slot.price", slot: "s1", unitPrice: 1_100 },
    book("b1", "ann", BASE + 2 * 3600, BASE + 3 * 3600, BASE + 3600),
    book("b2", "ann", cross, cross + 12 * 900, BASE + 3600),
    book("b3", "ann", BASE + 4 * 3600, BASE + 5 * 3600, BASE + 3600),
    book("b4", "ann", BASE + 5 * 3600, BASE + 6 * 3600, BASE + 3600),
    { t: t(2), kind: "parking.checkIn", booking: "b1" },
    { t: t(3.75), kind: "parking.checkOut", booking: "b1" },
    { t: t(3.9), kind: "parking.cancel", booking: "b3" },
    { t: t(6.5), kind: "parking.settle", booking: "b4" },
  ];
}

/** Gas of a transaction sent after the replay, from an account the replay impersonates. */
async function sendGas(
  connection: ReplayConnection,
  from: string,
  to: string,
  data: string,
): Promise<number> {
  const hash = await connection.provider.request({
    method: "eth_sendTransaction",
    params: [{ from, to, data }],
  });
  const receipt = (await connection.provider.request({
    method: "eth_getTransactionReceipt",
    params: [hash],
  })) as {
    gasUsed: string;
    status: string;
  };
  expect(receipt.status).to.equal("0x1");
  return Number(receipt.gasUsed);
}

/** The credit paths: a booking paid in credits, a spend to a new holder, a redemption. */
async function creditPaths(connection: ReplayConnection, result: ReplayResult) {
  const [admin] = await connection.ethers.getSigners();
  if (admin === undefined) throw new Error("no signer");
  const { contracts } = result;
  const ann = result.actors.get("ann")?.address ?? "";
  const merchant = result.actors.get("m")?.address ?? "";
  const credit = CityCredit__factory.connect(contracts.credit, admin);
  await (await credit.grantRole(await credit.MINTER_ROLE(), admin.address)).wait();
  await (await credit.mint(ann, 200_000n)).wait();
  const start = nearWordEnd(BASE + 30 * 86_400);
  const market = ParkingMarket__factory.createInterface();
  const book = market.encodeFunctionData("book", [1n, start, start + 96 * 900, 96n * 1_100n]);
  const spend = CityCredit__factory.createInterface().encodeFunctionData("transfer", [
    merchant,
    1_000n,
  ]);
  const redeem = CityTreasury__factory.createInterface().encodeFunctionData("redeem", [1_000n]);
  return {
    book: await sendGas(connection, ann, contracts.market, book),
    creditTransfer: await sendGas(connection, ann, contracts.credit, spend),
    redeem: await sendGas(connection, merchant, contracts.treasury, redeem),
  };
}

describe("replay gas limits", () => {
  it("leave 50% headroom over the costliest paths seen", async () => {
    const events = trace(...scenario());
    const connection = await replayConnection(events[0]?.time ?? 0);
    try {
      const result = await replayTrace(connection, events);
      expect(result.records.map((r) => r.error ?? r.status)).to.deep.equal(events.map(() => "ok"));
      const gasOf = (kind: string) =>
        Math.max(...result.records.filter((r) => r.kind === kind).map((r) => r.gasUsed));
      const credits = await creditPaths(connection, result);
      const seen: [string, number, number][] = [
        ["treasury.fund", gasOf("treasury.fund"), GAS_LIMITS.krwMint + GAS_LIMITS.treasuryFund],
        [
          "actor.join (driver)",
          result.records[2]?.gasUsed ?? 0,
          GAS_LIMITS.krwMint + 2 * GAS_LIMITS.approve,
        ],
        ["actor.join (merchant)", result.records[3]?.gasUsed ?? 0, GAS_LIMITS.setMerchant],
        ["slot.register", gasOf("slot.register"), GAS_LIMITS.registerSlot],
        ["slot.price", gasOf("slot.price"), GAS_LIMITS.setUnitPrice],
        ["parking.book", Math.max(gasOf("parking.book"), credits.book), GAS_LIMITS.book],
        ["parking.checkIn", gasOf("parking.checkIn"), GAS_LIMITS.checkIn],
        ["parking.checkOut", gasOf("parking.checkOut"), GAS_LIMITS.checkOut],
        ["parking.cancel", gasOf("parking.cancel"), GAS_LIMITS.cancel],
        ["parking.settle", gasOf("parking.settle"), GAS_LIMITS.settle],
        ["credit.spend", credits.creditTransfer, GAS_LIMITS.creditTransfer],
        ["merchant.redeem", credits.redeem, GAS_LIMITS.redeem],
      ];
      const short = seen.filter(([, used, limit]) => used * HEADROOM > limit);
      if (process.env.REPLAY_GAS_PRINT !== undefined) console.table(seen);
      expect(short, JSON.stringify(seen)).to.deep.equal([]);
    } finally {
      await connection.close();
    }
  });
});
