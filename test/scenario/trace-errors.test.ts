/** Bad traces: each refused with its code, file, line, field path and reason. */
import { expect } from "chai";

import { readTrace, validateTraceFile } from "../../src/scenario/load-trace.js";
import {
  expectInputError,
  jsonl,
  kst,
  tempFolder,
  thrownBy,
  type ExpectedInputError,
} from "./helpers.js";

const T0 = kst(7 * 60);
const T = kst(9 * 60);

/** Declares one actor of every role, a slot and a booking (8 lines). */
const PRELUDE = [
  { t: T0, kind: "actor.join", actor: "o1", role: "owner", district: "songdo" },
  { t: T0, kind: "actor.join", actor: "d1", role: "driver", krw: 50_000 },
  { t: T0, kind: "actor.join", actor: "c1", role: "citizen" },
  { t: T0, kind: "actor.join", actor: "k1", role: "kiosk", capacityGrams: 50_000 },
  { t: T0, kind: "actor.join", actor: "m1", role: "merchant" },
  { t: T0, kind: "actor.join", actor: "cd1", role: ["citizen", "driver"] },
  {
    t: T0,
    kind: "slot.register",
    slot: "s1",
    owner: "o1",
    district: "songdo",
    unitPrice: 300,
    availability: ["Mon-Sun 00:00-24:00"],
  },
  {
    t: T0,
    kind: "parking.book",
    booking: "b1",
    driver: "d1",
    slot: "s1",
    start: kst(600),
    end: kst(720),
  },
];
const BAD_LINE = PRELUDE.length + 1;

const book = (fields: object) => ({
  t: T,
  kind: "parking.book",
  booking: "b2",
  driver: "d1",
  slot: "s1",
  start: kst(660),
  end: kst(720),
  ...fields,
});
const deposit = (fields: object) => ({
  t: T,
  kind: "recycle.deposit",
  kiosk: "k1",
  citizen: "c1",
  material: "PET",
  grams: 500,
  items: 25,
  ...fields,
});
const receipt = (id: string) => ({ ...deposit({ kind: "recycle.receipt" }), receipt: id });

type Case = [
  title: string,
  lines: unknown[],
  expected: Omit<ExpectedInputError, "line"> & { line?: number },
];

// A table reads best one case per line or two; prettier would spread each over eight.
// prettier-ignore
const CASES: Case[] = [
  ["an unknown field", [{ t: T, kind: "parking.checkIn", booking: "b1", colour: "red" }],
    { code: "SCHEMA", fieldPath: "parking.checkIn.colour", reason: "unknown field" }],
  ["a wrong type", [deposit({ grams: "500" })],
    { code: "SCHEMA", fieldPath: "recycle.deposit.grams", reason: "expected number, got string" }],
  ["a negative amount", [{ t: T, kind: "credit.spend", citizen: "c1", merchant: "m1", credits: -5 }],
    { code: "SCHEMA", fieldPath: "credit.spend.credits", reason: "must not be negative" }],
  ["a fractional amount", [{ t: T, kind: "treasury.fund", krw: 10.5 }],
    { code: "SCHEMA", fieldPath: "treasury.fund.krw", reason: "whole number" }],
  ["a missing field", [{ t: T, kind: "parking.book", booking: "b2", driver: "d1", start: kst(660), end: kst(720) }],
    { code: "SCHEMA", fieldPath: "parking.book.slot", reason: "required field is missing" }],
  ["an unknown material", [deposit({ material: "GLASS" })],
    { code: "SCHEMA", fieldPath: "recycle.deposit.material", reason: "must be one of" }],
  ["an unknown actor", [book({ driver: "d9" })],
    { code: "UNKNOWN_NAME", fieldPath: "parking.book.driver", reason: 'unknown actor "d9"' }],
  ["an unknown slot", [book({ slot: "s9" })],
    { code: "UNKNOWN_NAME", fieldPath: "parking.book.slot", reason: 'unknown slot "s9"' }],
  ["an unknown slot in a price change", [{ t: T, kind: "slot.price", slot: "s9", unitPrice: 400 }],
    { code: "UNKNOWN_NAME", fieldPath: "slot.price.slot", reason: 'unknown slot "s9"' }],
  ["an unknown booking", [{ t: T, kind: "parking.checkIn", booking: "b9" }],
    { code: "UNKNOWN_NAME", fieldPath: "parking.checkIn.booking", reason: 'unknown booking "b9"' }],
  ["a citizen booking parking", [book({ driver: "c1" })],
    { code: "WRONG_ROLE", fieldPath: "parking.book.driver", reason: "is not a driver" }],
  ["a citizen as the kiosk of a deposit", [deposit({ kiosk: "c1" })],
    { code: "WRONG_ROLE", fieldPath: "recycle.deposit.kiosk", reason: "is not a kiosk" }],
  ["a driver depositing", [deposit({ citizen: "d1" })],
    { code: "WRONG_ROLE", fieldPath: "recycle.deposit.citizen", reason: "is not a citizen" }],
  ["a merchant sending a receipt", [{ ...receipt("r1"), citizen: "m1" }],
    { code: "WRONG_ROLE", fieldPath: "recycle.receipt.citizen", reason: "is not a citizen" }],
  ["a driver owning a slot", [{ ...PRELUDE[6], t: T, slot: "s2", owner: "d1" }],
    { code: "WRONG_ROLE", fieldPath: "slot.register.owner", reason: "is not a owner" }],
  ["credits spent at a non-merchant", [{ t: T, kind: "credit.spend", citizen: "c1", merchant: "k1", credits: 5 }],
    { code: "WRONG_ROLE", fieldPath: "credit.spend.merchant", reason: "is not a merchant" }],
  ["credits spent by a non-citizen", [{ t: T, kind: "credit.spend", citizen: "d1", merchant: "m1", credits: 5 }],
    { code: "WRONG_ROLE", fieldPath: "credit.spend.citizen", reason: "is not a citizen" }],
  ["a redeem by a non-merchant", [{ t: T, kind: "merchant.redeem", merchant: "c1", credits: 5 }],
    { code: "WRONG_ROLE", fieldPath: "merchant.redeem.merchant", reason: "is not a merchant" }],
  ["a claim by a non-citizen", [{ t: T, kind: "recycle.claim", citizen: "o1", epoch: 0 }],
    { code: "WRONG_ROLE", fieldPath: "recycle.claim.citizen", reason: "is not a citizen" }],
  ["an actor declared twice", [{ t: T, kind: "actor.join", actor: "d1", role: "driver" }],
    { code: "DUPLICATE_NAME", fieldPath: "actor.join.actor", reason: "already declared on line 2" }],
  ["a slot declared twice", [{ ...PRELUDE[6], t: T }],
    { code: "DUPLICATE_NAME", fieldPath: "slot.register.slot", reason: 'slot "s1" is already declared' }],
  ["a booking declared twice", [book({ booking: "b1" })],
    { code: "DUPLICATE_NAME", fieldPath: "parking.book.booking", reason: 'booking "b1" is already declared' }],
  ["a receipt id used twice", [receipt("r1"), receipt("r1")],
    { code: "DUPLICATE_NAME", line: BAD_LINE + 1, fieldPath: "recycle.receipt.receipt", reason: 'receipt "r1"' }],
  ["an unknown role", [{ t: T, kind: "actor.join", actor: "x", role: "mayor" }],
    { code: "SCHEMA", fieldPath: "actor.join.role", reason: 'must be one of "owner"' }],
  ["a role listed twice", [{ t: T, kind: "actor.join", actor: "x", role: ["driver", "driver"] }],
    { code: "SCHEMA", fieldPath: "actor.join.role", reason: "role driver listed twice" }],
  ["an event out of time order", [{ t: kst(6 * 60), kind: "treasury.fund", krw: 1 }],
    { code: "TIME_ORDER", fieldPath: "treasury.fund.t", reason: "events must be in time order" }],
  ["an unaligned booking start", [book({ start: kst(665) })],
    { code: "UNALIGNED_TIME", fieldPath: "parking.book.start", reason: "not aligned to 15 minutes" }],
  ["an unaligned booking end", [book({ end: "2026-04-06T12:00:30+09:00" })],
    { code: "UNALIGNED_TIME", fieldPath: "parking.book.end", reason: "not aligned to 15 minutes" }],
  ["a booking ending at its start", [book({ end: kst(660) })],
    { code: "END_NOT_AFTER_START", fieldPath: "parking.book.end", reason: "must be after start" }],
  ["a booking ending before its start", [book({ start: kst(720), end: kst(660) })],
    { code: "END_NOT_AFTER_START", fieldPath: "parking.book.end", reason: "must be after start" }],
  ["a time without offset", [{ t: "2026-04-06T09:00:00", kind: "treasury.fund", krw: 1 }],
    { code: "SCHEMA", fieldPath: "treasury.fund.t", reason: "ISO 8601 time with offset" }],
  ["a time that is no calendar day", [{ t: "2026-02-30T09:00:00+09:00", kind: "treasury.fund", krw: 1 }],
    { code: "SCHEMA", fieldPath: "treasury.fund.t", reason: "not a valid calendar time" }],
  ["an availability range off the quarter hour", [{ ...PRELUDE[6], t: T, slot: "s2", availability: ["Mon-Fri 9:00-18:00"] }],
    { code: "SCHEMA", fieldPath: "slot.register.availability[0]", reason: "expected e.g. 'Mon-Fri 09:00-18:00'" }],
  ["an availability range ending before it starts", [{ ...PRELUDE[6], t: T, slot: "s2", availability: ["Mon 18:00-09:00"] }],
    { code: "SCHEMA", fieldPath: "slot.register.availability[0]", reason: "end must be after start" }],
  ["an availability day range running backwards", [{ ...PRELUDE[6], t: T, slot: "s2", availability: ["Sun-Mon 09:00-18:00"] }],
    { code: "SCHEMA", fieldPath: "slot.register.availability[0]", reason: "day range must run forward" }],
  ["a config after the first line", [{ t: T, kind: "config", scheme: "flat" }],
    { code: "CONFIG_NOT_FIRST", fieldPath: "config", reason: "config must be the first event" }],
  ["bad scheme params", [{ t: T, kind: "scheme.set", scheme: "flat", params: { ratePerKg: -1 } }],
    { code: "SCHEMA", fieldPath: "scheme.set.params.ratePerKg", reason: "must not be negative" }],
  ["an invalid JSON line", ['{"t": "2026-04-06T09:00:00+09:00", "kind": '],
    { code: "JSON_SYNTAX", reason: "invalid JSON" }],
  ["a line that is not an object", ["[1, 2]"],
    { code: "SCHEMA", reason: "expected object, got array" }],
  ["an unknown kind", [{ t: T, kind: "parking.teleport", booking: "b1" }],
    { code: "SCHEMA", fieldPath: "kind", reason: 'unknown kind "parking.teleport"' }],
  ["a kiosk without capacityGrams", [{ t: T, kind: "actor.join", actor: "k2", role: "kiosk" }],
    { code: "MISSING_CAPACITY", fieldPath: "actor.join.capacityGrams", reason: "a kiosk needs capacityGrams" }],
  ["capacityGrams on a driver", [{ t: T, kind: "actor.join", actor: "d2", role: "driver", capacityGrams: 5 }],
    { code: "SCHEMA", fieldPath: "actor.join.capacityGrams", reason: "only a kiosk has capacityGrams" }],
];

describe("trace validation refuses bad input", () => {
  const files = tempFolder("trace-errors");
  after(files.cleanup);

  CASES.forEach(([title, lines, expected], i) => {
    it(`refuses ${title}`, async () => {
      const file = files.write(`case-${i}.jsonl`, jsonl([...PRELUDE, ...lines]));
      const error = await thrownBy(() => validateTraceFile(file));
      expectInputError(error, { line: BAD_LINE, file, ...expected });
    });
  });

  it("refuses an empty trace", async () => {
    const file = files.write("empty.jsonl", "\n\n");
    expectInputError(await thrownBy(() => validateTraceFile(file)), {
      code: "EMPTY_TRACE",
      file,
      reason: "no events",
    });
  });

  it("refuses a file that does not exist", async () => {
    const file = files.write("x.txt", "").replace("x.txt", "missing.jsonl");
    expectInputError(await thrownBy(() => validateTraceFile(file)), {
      code: "UNREADABLE_FILE",
      file,
      reason: "no such file",
    });
  });

  it("stops yielding at the first bad line while streaming", async () => {
    const file = files.write("stream.jsonl", jsonl([...PRELUDE, book({ driver: "d9" }), book({})]));
    const seen: number[] = [];
    const error = await thrownBy(async () => {
      for await (const { line } of readTrace(file)) seen.push(line);
    });
    expect(seen).to.deep.equal(PRELUDE.map((_, i) => i + 1));
    expectInputError(error, { code: "UNKNOWN_NAME", line: BAD_LINE, reason: "d9" });
  });

  it("lists every error up to maxErrors", async () => {
    const file = files.write(
      "many.jsonl",
      jsonl([...PRELUDE, book({ driver: "d9" }), "{", book({ booking: "b3", slot: "s9" })]),
    );
    const error = await thrownBy(() => validateTraceFile(file, { maxErrors: 10 }));
    const lines = (error as { errors: { line: number }[] }).errors.map((e) => e.line);
    expect(lines).to.deep.equal([BAD_LINE, BAD_LINE + 1, BAD_LINE + 2]);
  });
});
