/**
 * Recycling through the replay: the worked example, kiosk batches with a rejected entry,
 * receipts, pooled claims and scheme changes, checked against balances on chain.
 */
import { expect } from "chai";

import { replayTrace } from "../../src/replay/replay-trace.js";
import type { ReplayResult } from "../../src/replay/types.js";
import type { TraceEventInput } from "../../src/scenario/trace-schema.js";
import { CityCredit__factory } from "../../typechain-types/index.js";
import {
  EXAMPLES,
  chainBalances,
  readAll,
  replayConnection,
  trace,
  type Balance,
  type ReplayConnection,
} from "./helpers.js";

const at = (hhmm: string, day = "06") => `2026-04-${day}T${hhmm}:00+09:00`;

const deposit = (t: string, citizen: string, grams: number, material = "PET") =>
  ({
    t,
    kind: "recycle.deposit",
    kiosk: "k1",
    citizen,
    material,
    grams,
    items: 10,
  }) as TraceEventInput;

const people = (t: string, capacityGrams = 50_000): TraceEventInput[] => [
  { t, kind: "actor.join", actor: "k1", role: "kiosk", district: "songdo", capacityGrams },
  ...["c1", "c2", "c3"].map((actor): TraceEventInput => ({
    t,
    kind: "actor.join",
    actor,
    role: "citizen",
  })),
];

async function replay(
  events: TraceEventInput[],
  body: (
    result: ReplayResult,
    balances: Record<string, Balance>,
    connection: ReplayConnection,
  ) => Promise<void>,
): Promise<void> {
  const timed = trace(...events);
  const connection = await replayConnection(timed[0]?.time ?? 0);
  try {
    const result = await replayTrace(connection, timed);
    await body(result, await chainBalances(connection, result), connection);
  } finally {
    await connection.close();
  }
}

const outcomes = (result: ReplayResult, from: number) =>
  result.records
    .slice(from)
    .map((r) => (r.error === undefined ? r.status : `${r.status} ${r.error}`));
const credits = (balances: Record<string, Balance>, names: string[]) =>
  names.map((n) => balances[n]?.credits);

describe("replayTrace: recycling", () => {
  it("ends examples/recycling.jsonl with the hand-worked balances", async () => {
    const events = await readAll(`${EXAMPLES}/recycling.jsonl`);
    const connection = await replayConnection(events[0]?.time ?? 0);
    try {
      const result = await replayTrace(connection, events);
      expect(result.records.map((r) => r.status)).to.deep.equal(events.map(() => "ok"));
      expect(await chainBalances(connection, result)).to.deep.equal({
        "kiosk-1": { krw: 0n, credits: 0n },
        "citizen-1": { krw: 0n, credits: 300n },
        "cafe-1": { krw: 1_200n, credits: 0n },
        treasury: { krw: 498_800n, credits: 0n },
        "parking-escrow": { krw: 0n, credits: 0n },
      });
      const [signer] = await connection.ethers.getSigners();
      if (signer === undefined) throw new Error("no signer");
      const credit = CityCredit__factory.connect(result.contracts.credit, signer);
      expect(await credit.totalSupply()).to.equal(300n);
    } finally {
      await connection.close();
    }
  });

  it("rejects the over-capacity entry of a kiosk batch and accepts the rest", async () => {
    await replay(
      [
        ...people(at("08:00"), 5_000),
        deposit(at("09:00"), "c1", 2_000),
        deposit(at("09:00"), "c2", 4_000),
        deposit(at("09:00"), "c3", 3_000),
      ],
      async (result, balances) => {
        expect(outcomes(result, 4)).to.deep.equal(["ok", "rejected OverKioskCapacity", "ok"]);
        const batch = result.records.slice(4);
        expect(new Set(batch.map((r) => r.txHash)).size).to.equal(1);
        expect(
          batch.every((r) => r.batchSize === 3 && r.txGasUsed === batch[0]?.txGasUsed),
        ).to.equal(true);
        expect(batch.reduce((sum, r) => sum + r.gasUsed, 0)).to.equal(batch[0]?.txGasUsed);
        expect(result.stats.rejected).to.equal(1);
        // Flat 300 per kg: 2,000 g -> 600, 3,000 g -> 900.
        expect(credits(balances, ["c1", "c2", "c3"])).to.deep.equal([600n, 0n, 900n]);
      },
    );
  });

  it("submits kiosk-signed receipts, and records reuse and expiry by name", async () => {
    const receipt = (t: string, receiptName: string, expires?: string): TraceEventInput =>
      ({
        ...(deposit(t, "c1", 1_000) as object),
        kind: "recycle.receipt",
        receipt: receiptName,
        ...(expires === undefined ? {} : { expires }),
      }) as TraceEventInput;
    await replay(
      [
        ...people(at("08:00")),
        receipt(at("09:00"), "r1"),
        receipt(at("09:30"), "r1"),
        receipt(at("10:00"), "r2", at("09:45")),
        receipt(at("10:00", "07"), "r3"),
      ],
      async (result, balances) => {
        expect(outcomes(result, 4)).to.deep.equal([
          "ok",
          "reverted RecyclingReceiptUsed",
          "reverted RecyclingReceiptExpired",
          "ok",
        ]);
        expect(balances.c1?.credits).to.equal(600n);
      },
    );
  });

  it("pays a budget pool at the claims, once per epoch", async () => {
    await replay(
      [
        {
          t: at("08:00"),
          kind: "config",
          recycling: { epochSeconds: 86_400 },
          scheme: "budgetPool",
          params: { budget: 1_000 },
        },
        ...people(at("08:00")),
        deposit(at("09:00"), "c1", 1_000),
        deposit(at("09:00"), "c2", 3_000),
        { t: at("09:30"), kind: "recycle.claim", citizen: "c1", epoch: 0 },
        { t: at("09:00", "07"), kind: "recycle.claim", citizen: "c1", epoch: 0 },
        { t: at("09:00", "07"), kind: "recycle.claim", citizen: "c2", epoch: 0 },
        { t: at("09:00", "07"), kind: "recycle.claim", citizen: "c1", epoch: 0 },
      ],
      async (result, balances) => {
        expect(outcomes(result, 7)).to.deep.equal([
          "reverted RecyclingEpochNotEnded",
          "ok",
          "ok",
          "reverted RecyclingAlreadyClaimed",
        ]);
        // Points 300 and 900 (PET weight 300 per kg); budget 1,000 shared pro rata.
        expect(credits(balances, ["c1", "c2"])).to.deep.equal([250n, 750n]);
        expect(result.schemes.map((s) => s.scheme)).to.deep.equal(["budgetPool"]);
      },
    );
  });

  it("installs a scheme.set between two deposits of one kiosk at one time", async () => {
    await replay(
      [
        ...people(at("08:00")),
        deposit(at("09:00"), "c1", 1_000, "CLEAR_PET"),
        {
          t: at("09:00"),
          kind: "scheme.set",
          scheme: "material",
          params: { rates: { CLEAR_PET: 800 } },
        },
        deposit(at("09:00"), "c2", 1_000, "CLEAR_PET"),
        deposit(at("09:00"), "c3", 1_000, "HDPE"),
        { t: at("10:00"), kind: "scheme.set", scheme: "perItem" },
        deposit(at("10:00"), "c3", 1_000, "PET"),
      ],
      async (result, balances) => {
        expect(result.records.map((r) => r.status)).to.deep.equal(result.records.map(() => "ok"));
        // Flat 300/kg; then material with CLEAR_PET 800 over the defaults (HDPE 250); then
        // perItem at its defaults (PET 10 per item, 10 items).
        expect(credits(balances, ["c1", "c2", "c3"])).to.deep.equal([300n, 800n, 250n + 100n]);
        expect(result.schemes.map((s) => [s.scheme, s.line])).to.deep.equal([
          ["flat", undefined],
          ["material", 6],
          ["perItem", 9],
        ]);
        const [c2, c3] = result.records.slice(6, 8);
        expect(c2?.txHash).to.equal(c3?.txHash);
      },
    );
  });

  it("starts on the scheme the options name over the trace's", async () => {
    const events = trace(...people(at("08:00")), deposit(at("09:00"), "c1", 1_000, "CLEAR_PET"));
    const connection = await replayConnection(events[0]?.time ?? 0);
    try {
      const result = await replayTrace(connection, events, {
        initialScheme: { scheme: "material", params: {} },
      });
      const balances = await chainBalances(connection, result);
      expect(balances.c1?.credits).to.equal(500n);
    } finally {
      await connection.close();
    }
  });
});
