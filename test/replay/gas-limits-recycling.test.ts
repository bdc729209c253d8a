/**
 * The recycling gas limits of src/replay/internal/gas.ts leave at least 50% headroom over
 * the gas seen in the costliest paths: full batches of first-time depositors (cold), new
 * credit holders under an eight-band tiered scheme, a receipt of a new depositor, a pooled
 * claim, scheme instances of every kind.
 */
import { expect } from "chai";

import { GAS_LIMITS, depositBatchGas } from "../../src/replay/internal/gas.js";
import { replayTrace } from "../../src/replay/replay-trace.js";
import { SCHEMES, type TraceEventInput } from "../../src/scenario/trace-schema.js";
import { replayConnection, trace } from "./helpers.js";

const HEADROOM = 1.5;
const BATCH = 100;
const at = (hhmm: string, day = "06") => `2026-04-${day}T${hhmm}:00+09:00`;
const citizens = Array.from({ length: BATCH }, (_, i) => `c${i}`);
const newcomers = Array.from({ length: BATCH }, (_, i) => `n${i}`);

function scenario(): TraceEventInput[] {
  const t = at("08:00");
  const deposits = (time: string, material: "CLEAR_PET" | "PP", who = citizens) =>
    who.map((citizen): TraceEventInput => ({
      t: time,
      kind: "recycle.deposit",
      kiosk: "k",
      citizen,
      material,
      grams: 4_900,
      items: 4_900,
    }));
  return [
    { t, kind: "config", recycling: { epochSeconds: 86_400 }, scheme: "budgetPool" },
    {
      t,
      kind: "actor.join",
      actor: "k",
      role: "kiosk",
      district: "songdo",
      capacityGrams: 10_000_000,
    },
    ...[...citizens, ...newcomers, "fresh"].map((actor): TraceEventInput => ({
      t,
      kind: "actor.join",
      actor,
      role: "citizen",
    })),
    // Cold: every citizen's first deposit of the epoch, into a budget pool.
    ...deposits(at("09:00"), "CLEAR_PET"),
    ...SCHEMES.map((scheme): TraceEventInput => ({ t: at("10:00"), kind: "scheme.set", scheme })),
    {
      t: at("11:00"),
      kind: "scheme.set",
      scheme: "tiered",
      params: {
        bands: [
          [0, 1],
          [10, 2],
          [20, 3],
          [30, 4],
          [40, 5],
          [50, 6],
          [60, 7],
          [70, 8],
        ],
      },
    },
    // Warm citizens past their daily cap, with a tiered scheme of eight bands.
    ...deposits(at("12:00"), "PP"),
    // Cold again, and each a new credit holder, under the eight bands.
    ...deposits(at("12:10"), "PP", newcomers),
    {
      t: at("12:30"),
      kind: "recycle.receipt",
      kiosk: "k",
      citizen: "fresh",
      material: "PET",
      grams: 4_000,
      items: 4_000,
      receipt: "r",
    },
    { t: at("09:00", "07"), kind: "recycle.claim", citizen: "c1", epoch: 0 },
  ];
}

describe("replay gas limits: recycling", () => {
  it("leave 50% headroom over the costliest paths seen", async () => {
    const events = trace(...scenario());
    const connection = await replayConnection(events[0]?.time ?? 0);
    try {
      const result = await replayTrace(connection, events);
      expect(result.records.filter((r) => r.status !== "ok")).to.deep.equal([]);
      const max = (kind: string, pick: (r: (typeof result.records)[number]) => number) =>
        Math.max(...result.records.filter((r) => r.kind === kind).map(pick));
      const batchTx = max("recycle.deposit", (r) => r.txGasUsed);
      const schemeSet = result.records.filter((r) => r.kind === "scheme.set").map((r) => r.line);
      const seen: [string, number, number][] = [
        ["actor.join (kiosk)", result.records[1]?.gasUsed ?? 0, GAS_LIMITS.registerKiosk],
        [`depositBatch of ${BATCH}`, batchTx, depositBatchGas(BATCH)],
        ["recycle.receipt", max("recycle.receipt", (r) => r.gasUsed), GAS_LIMITS.claimReceipt],
        ["recycle.claim", max("recycle.claim", (r) => r.gasUsed), GAS_LIMITS.claim],
        [
          "scheme.set",
          max("scheme.set", (r) => r.gasUsed),
          GAS_LIMITS.schemeDeploy + GAS_LIMITS.setScheme,
        ],
      ];
      if (process.env.REPLAY_GAS_PRINT !== undefined) console.table(seen);
      expect(schemeSet).to.have.length(SCHEMES.length + 1);
      const short = seen.filter(([, used, limit]) => used * HEADROOM > limit);
      expect(short, JSON.stringify(seen)).to.deep.equal([]);
    } finally {
      await connection.close();
    }
  });
});
