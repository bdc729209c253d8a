/**
 * Every generated trace is one the scenario stage accepts, and keeps the rules the
 * validator leaves to the chain: bookings of 1 to 96 aligned units booked before their
 * start, check-ins in their window, unique receipts, kiosk batches on consecutive lines.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { expect } from "chai";

import { validateTraceFile } from "../../src/scenario/load-trace.js";
import { writeTrace } from "../../src/generate/write-trace.js";
import { generate, ofKind, songdoWeek, testScenario, timeOf, type Line } from "./helpers.js";

describe("generateTrace: valid traces", function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "generate-valid-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("writes the songdo week as a trace the validator accepts, under every scheme", async () => {
    const scenario = await songdoWeek();
    for (const choice of scenario.schemes) {
      const path = join(dir, `week-${choice.label}.jsonl`);
      const { stats } = await writeTrace(scenario, path, { scheme: choice });
      const summary = await validateTraceFile(path);
      expect(summary.events, choice.label).to.equal(stats.events);
      expect(summary.config?.scheme, choice.label).to.equal(choice.scheme);
    }
  });

  it("writes a valid trace for a run that starts off midnight and ends mid-day", async () => {
    const scenario = testScenario({ start: "2026-04-08T13:37:11+09:00", days: 3 });
    const path = join(dir, "odd.jsonl");
    await writeTrace(scenario, path);
    const summary = await validateTraceFile(path);
    expect(summary.firstTime).to.equal(timeOf({ t: "2026-04-08T13:37:11+09:00" }));
  });

  it("starts with config, treasury.fund, every actor.join and slot.register at the start", async () => {
    const scenario = await songdoWeek();
    const { events } = generate(scenario);
    expect(events[0]?.kind).to.equal("config");
    expect(events[1]?.kind).to.equal("treasury.fund");
    const preamble = events.slice(
      0,
      events.findIndex((e) => e.t !== scenario.start),
    );
    const joins = ofKind(preamble, "actor.join").length;
    const people = scenario.districts.reduce(
      (n, d) =>
        n +
        d.actors.owners +
        d.actors.drivers +
        d.actors.citizens +
        d.actors.kiosks +
        d.actors.merchants,
      0,
    );
    const both = ofKind(preamble, "actor.join").filter((e) => Array.isArray(e["role"])).length;
    expect(joins).to.equal(people - both);
    expect(ofKind(events, "slot.register")).to.have.length(
      ofKind(preamble, "slot.register").length,
    );
  });

  it("books aligned 1..96-unit stays, before their start, and checks in within the window", async () => {
    const { events } = generate(await songdoWeek());
    const books = new Map<string, Line>();
    for (const e of events) {
      if (e.kind === "parking.book") {
        const start = timeOf({ t: String(e["start"]) });
        const end = timeOf({ t: String(e["end"]) });
        expect(start % 900, String(e["booking"])).to.equal(0);
        expect(end % 900).to.equal(0);
        expect((end - start) / 900).to.be.within(1, 96);
        expect(timeOf(e)).to.be.at.most(start);
        books.set(String(e["booking"]), e);
      }
      if (e.kind === "parking.checkIn") {
        const book = books.get(String(e["booking"]));
        const start = timeOf({ t: String(book?.["start"]) });
        expect(timeOf(e)).to.be.within(start - 900, timeOf({ t: String(book?.["end"]) }) - 1);
      }
      if (e.kind === "parking.cancel") {
        expect(timeOf(e)).to.be.below(
          timeOf({ t: String(books.get(String(e["booking"]))?.["start"]) }),
        );
      }
    }
  });

  it("sends unique receipts before they expire, and keeps each kiosk batch on consecutive lines", () => {
    const { events } = generate(testScenario({ days: 3 }));
    const receipts = ofKind(events, "recycle.receipt");
    expect(new Set(receipts.map((r) => r["receipt"])).size).to.equal(receipts.length);
    for (const r of receipts) expect(timeOf(r)).to.be.below(timeOf({ t: String(r["expires"]) }));
    const seen = new Set<string>();
    let previous = "";
    for (const e of events) {
      const key = e.kind === "recycle.deposit" ? `${String(e["kiosk"])}@${e.t}` : "";
      if (key !== "" && key !== previous) {
        expect(seen.has(key), `batch ${key} split`).to.equal(false);
        seen.add(key);
      }
      previous = key;
    }
    expect(seen.size).to.be.above(10);
  });
});
