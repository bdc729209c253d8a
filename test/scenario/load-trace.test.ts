/** Loading valid traces: the worked examples, and what validation leaves to the chain. */
import { readFileSync } from "node:fs";

import { expect } from "chai";

import { formatTraceEvent } from "../../src/scenario/format-trace.js";
import {
  readTrace,
  validateTraceFile,
  validateTraceText,
  type TracedEvent,
} from "../../src/scenario/load-trace.js";
import { TraceValidator } from "../../src/scenario/validate-trace.js";
import { parseEvent } from "../../src/scenario/trace-schema.js";
import { expectInputError, jsonl, kst, tempFolder, thrownBy } from "./helpers.js";

const FIXTURES = new URL("../../examples/", import.meta.url);
const fixture = (name: string) => new URL(name, FIXTURES).pathname;

async function collect(file: string): Promise<TracedEvent[]> {
  const events: TracedEvent[] = [];
  for await (const e of readTrace(file)) events.push(e);
  return events;
}

describe("loading traces", () => {
  const files = tempFolder("load-trace");
  after(files.cleanup);

  it("loads the parking example with lines, unix times and a summary", async () => {
    const reader = readTrace(fixture("parking.jsonl"));
    const events: TracedEvent[] = [];
    for await (const e of reader) events.push(e);
    expect(events.map((e) => e.line)).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(events[0]?.time).to.equal(Date.parse("2026-04-05T22:00:00Z") / 1000);
    const book = events[4]?.event;
    expect(book?.kind === "parking.book" && book.credits).to.equal(0n);
    const summary = reader.summary();
    expect([...summary.actors.keys()]).to.deep.equal(["owner-1", "driver-1", "driver-2"]);
    expect(summary.actors.get("driver-1")?.krw).to.equal(20_000n);
    expect(summary.slots.get("cheongna-1")).to.include({ owner: "owner-1", district: "cheongna" });
    expect(summary.bookings).to.equal(2);
    expect(summary.counts).to.deep.equal({
      "actor.join": 3,
      "slot.register": 1,
      "parking.book": 2,
      "parking.checkIn": 1,
      "parking.cancel": 1,
      "parking.checkOut": 1,
    });
  });

  it("loads the recycling example with its config", async () => {
    const summary = await validateTraceFile(fixture("recycling.jsonl"));
    expect(summary.config?.scheme).to.equal("flat");
    expect(summary.events).to.equal(9);
    expect(summary.actors.get("kiosk-1")).to.include({ capacityGrams: 50_000 });
    expect((summary.lastTime ?? 0) - (summary.firstTime ?? 0)).to.equal(13 * 3600 + 24 * 3600);
  });

  it("refuses a summary before the trace was read", () => {
    expect(() => readTrace(fixture("parking.jsonl")).summary()).to.throw(/only after/);
  });

  it("skips blank lines and a byte-order mark, keeping line numbers", async () => {
    const [a, b] = (await collect(fixture("recycling.jsonl"))).map((e) =>
      formatTraceEvent(e.event),
    );
    const file = files.write("blank.jsonl", `\uFEFF${a}\n\n   \n${b}\n`);
    expect((await collect(file)).map((e) => e.line)).to.deep.equal([1, 4]);
  });

  it("keeps file order for equal times", async () => {
    const events = await collect(fixture("recycling.jsonl"));
    expect(events.slice(0, 6).map((e) => e.event.kind)).to.deep.equal([
      "config",
      "treasury.fund",
      "actor.join",
      "actor.join",
      "actor.join",
      "recycle.deposit",
    ]);
  });

  it("accepts what only the chain can refuse", async () => {
    const t = kst(7 * 60);
    const file = files.write(
      "chain-questions.jsonl",
      jsonl([
        { t, kind: "actor.join", actor: "o", role: "owner" },
        { t, kind: "actor.join", actor: "d", role: ["citizen", "driver"] },
        { t, kind: "actor.join", actor: "k", role: "kiosk", capacityGrams: 100 },
        {
          t,
          kind: "slot.register",
          slot: "s",
          owner: "o",
          district: "x",
          unitPrice: 1,
          availability: [],
        },
        // 97 units, and an overlapping second booking, booked in the past
        {
          t,
          kind: "parking.book",
          booking: "b1",
          driver: "d",
          slot: "s",
          start: kst(0),
          end: kst(97 * 15),
        },
        {
          t,
          kind: "parking.book",
          booking: "b2",
          driver: "d",
          slot: "s",
          start: kst(60),
          end: kst(120),
          credits: 10 ** 9,
        },
        { t, kind: "parking.checkOut", booking: "b2" },
        { t, kind: "parking.cancel", booking: "b2" },
        // grams over every cap, more items than grams would allow on chain, an expired receipt
        {
          t,
          kind: "recycle.deposit",
          kiosk: "k",
          citizen: "d",
          material: "OTHER",
          grams: 90_000,
          items: 0,
        },
        {
          t,
          kind: "recycle.receipt",
          kiosk: "k",
          citizen: "d",
          material: "PET",
          grams: 5,
          items: 9,
          receipt: "r",
          expires: kst(0),
        },
        { t, kind: "recycle.claim", citizen: "d", epoch: 7 },
        { t, kind: "recycle.claim", citizen: "d", epoch: 7 },
      ]),
    );
    const summary = await validateTraceFile(file);
    expect(summary.events).to.equal(12);
  });

  it("lets a generator check events without a file", () => {
    const validator = new TraceValidator("generated");
    const join = parseEvent({ t: kst(0), kind: "actor.join", actor: "c", role: "citizen" });
    const spend = parseEvent({
      t: kst(1),
      kind: "credit.spend",
      citizen: "c",
      merchant: "m",
      credits: 1,
    });
    if (!join.success || !spend.success) expect.fail("the events are well-formed");
    expect(validator.check(join.data, 1)).to.deep.equal([]);
    const [problem] = validator.check(spend.data, 2);
    expect(problem?.message).to.equal(
      'generated:2: credit.spend.merchant: unknown actor "m" (no earlier actor.join)',
    );
  });

  it("validates trace text held in memory", async () => {
    const text = readFileSync(fixture("recycling.jsonl"), "utf8");
    expect((await validateTraceText(text)).counts["recycle.deposit"]).to.equal(2);
    const lines = text.trimEnd().split("\n");
    lines.push(...lines.splice(7, 1)); // the spend of 08:00 after the redeem of 20:00
    expectInputError(await thrownBy(() => validateTraceText(lines, "generated.jsonl")), {
      code: "TIME_ORDER",
      file: "generated.jsonl",
      line: 9,
      fieldPath: "credit.spend.t",
      reason: "time order",
    });
  });
});
