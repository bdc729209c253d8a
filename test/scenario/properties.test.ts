/** Property tests: well-formed lines round-trip; disorder and misalignment are always refused. */
import { expect } from "chai";
import fc from "fast-check";

import { formatTraceEvent } from "../../src/scenario/format-trace.js";
import { parseTraceLine } from "../../src/scenario/load-trace.js";
import { parseScenarioText } from "../../src/scenario/load-scenario.js";
import {
  availabilityEntrySchema,
  MATERIALS,
  ROLES,
  SCHEMES,
} from "../../src/scenario/trace-schema.js";
import { TraceValidator } from "../../src/scenario/validate-trace.js";
import { firstError } from "./helpers.js";

const BASE_TIME = Date.parse("2026-04-06T00:00:00+09:00") / 1000;
const OFFSETS = ["+09:00", "Z", "-05:30", "+00:00"] as const;

/** ISO 8601 of unix seconds, written in the given offset. */
function iso(unix: number, offset: (typeof OFFSETS)[number]): string {
  const minutes =
    offset === "Z"
      ? 0
      : (offset[0] === "-" ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4)));
  return new Date((unix + minutes * 60) * 1000).toISOString().slice(0, 19) + offset;
}

const time = fc
  .tuple(fc.integer({ min: 0, max: 400 * 86_400 }), fc.constantFrom(...OFFSETS))
  .map(([s, offset]) => iso(BASE_TIME + s, offset));
const name = fc.string({ minLength: 1, maxLength: 64 });
const money = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
const count = fc.integer({ min: 0, max: 1_000_000 });
const material = fc.constantFrom(...MATERIALS);
const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const quarter = (q: number) =>
  `${String(Math.floor(q / 4)).padStart(2, "0")}:${String((q % 4) * 15).padStart(2, "0")}`;
const availability = fc
  .tuple(fc.nat(6), fc.nat(6), fc.nat(95), fc.integer({ min: 1, max: 96 }))
  .map(([a, b, from, length]) => {
    const to = Math.min(96, from + length);
    const days = a === b ? DAYS[a] : `${DAYS[Math.min(a, b)]}-${DAYS[Math.max(a, b)]}`;
    return `${days} ${quarter(from)}-${to === 96 ? "24:00" : quarter(to)}`;
  });

const deposit = { kiosk: name, citizen: name, material, grams: count, items: count };
const aligned = fc.integer({ min: 0, max: 10_000 }).map((u) => iso(BASE_TIME + u * 900, "+09:00"));

/** Well-formed events of most kinds, as written in a trace. */
const event = fc.oneof(
  fc.record(
    {
      t: time,
      kind: fc.constant("actor.join"),
      actor: name,
      role: fc.oneof(
        fc.constantFrom(...ROLES),
        fc.uniqueArray(fc.constantFrom(...ROLES), { minLength: 1 }),
      ),
      krw: money,
    },
    { requiredKeys: ["t", "kind", "actor", "role"] },
  ),
  fc.record({ t: time, kind: fc.constant("treasury.fund"), krw: money }),
  fc.record({
    t: time,
    kind: fc.constant("slot.register"),
    slot: name,
    owner: name,
    district: name,
    unitPrice: money,
    availability: fc.array(availability, { maxLength: 4 }),
  }),
  fc.record(
    {
      t: time,
      kind: fc.constant("parking.book"),
      booking: name,
      driver: name,
      slot: name,
      start: aligned,
      end: aligned,
      credits: money,
    },
    { requiredKeys: ["t", "kind", "booking", "driver", "slot", "start", "end"] },
  ),
  fc.record({
    t: time,
    kind: fc.constantFrom(
      "parking.checkIn",
      "parking.checkOut",
      "parking.cancel",
      "parking.settle",
    ),
    booking: name,
  }),
  fc.record({ t: time, kind: fc.constant("recycle.deposit"), ...deposit }),
  fc.record(
    { t: time, kind: fc.constant("recycle.receipt"), ...deposit, receipt: name, expires: time },
    { requiredKeys: ["t", "kind", "kiosk", "citizen", "material", "grams", "items", "receipt"] },
  ),
  fc.record({ t: time, kind: fc.constant("recycle.claim"), citizen: name, epoch: count }),
  fc.record({
    t: time,
    kind: fc.constant("credit.spend"),
    citizen: name,
    merchant: name,
    credits: money,
  }),
  fc.record({ t: time, kind: fc.constant("merchant.redeem"), merchant: name, credits: money }),
  fc.record({
    t: time,
    kind: fc.constant("scheme.set"),
    scheme: fc.constant("flat"),
    params: fc.record({ ratePerKg: count }),
  }),
  fc.record({
    t: time,
    kind: fc.constant("config"),
    scheme: fc.constantFrom(...SCHEMES),
    market: fc.record({ platformFeeBps: fc.integer({ min: 0, max: 10_000 }) }),
  }),
);

describe("trace and scenario properties", () => {
  it("parses every well-formed line and writes it back unchanged", () => {
    fc.assert(
      fc.property(event, (written) => {
        const first = parseTraceLine(JSON.stringify(written), 1, "p.jsonl");
        if (!first.ok) return expect.fail(first.errors[0]?.message);
        const line = formatTraceEvent(first.value.event);
        const again = parseTraceLine(line, 1, "p.jsonl");
        if (!again.ok) return expect.fail(again.errors[0]?.message);
        expect(again.value).to.deep.equal(first.value);
        expect(formatTraceEvent(again.value.event)).to.equal(line);
        expect(first.value.time).to.equal(Date.parse(written.t) / 1000);
      }),
    );
  });

  it("refuses exactly the first event earlier than one before it", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 30 }),
        (minutes) => {
          const validator = new TraceValidator("p.jsonl");
          const refused = minutes.map((m, i) =>
            validator.check(
              { t: iso(BASE_TIME + m * 60, "+09:00"), kind: "treasury.fund", krw: 1n },
              i + 1,
            ),
          );
          const expected = minutes.map((m, i) =>
            minutes.slice(0, i).some((earlier) => earlier > m),
          );
          expect(refused.map((errors) => errors.length > 0)).to.deep.equal(expected);
          for (const errors of refused.filter((e) => e.length > 0))
            expect(errors[0]?.code).to.equal("TIME_ORDER");
        },
      ),
    );
  });

  it("refuses a booking exactly when it is unaligned or does not end after its start", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: -3_600, max: 20_000 }),
        (startOffset, length) => {
          const validator = new TraceValidator("p.jsonl");
          const t = iso(BASE_TIME, "+09:00");
          validator.check(
            { t, kind: "actor.join", actor: "o", role: ["owner", "driver"], krw: 0n },
            1,
          );
          validator.check(
            {
              t,
              kind: "slot.register",
              slot: "s",
              owner: "o",
              district: "x",
              unitPrice: 1n,
              availability: [],
            },
            2,
          );
          const start = BASE_TIME + startOffset;
          const end = start + length;
          const codes = validator
            .check(
              {
                t,
                kind: "parking.book",
                booking: "b",
                driver: "o",
                slot: "s",
                start: iso(start, "Z"),
                end: iso(end, "Z"),
                credits: 0n,
              },
              3,
            )
            .map((e) => e.code);
          const expected = [
            ...(start % 900 !== 0 ? ["UNALIGNED_TIME"] : []),
            ...(end % 900 !== 0 ? ["UNALIGNED_TIME"] : []),
            ...(end <= start ? ["END_NOT_AFTER_START"] : []),
          ];
          expect(codes).to.deep.equal(expected);
        },
      ),
    );
  });

  it("accepts an availability entry exactly when its days and hours run forward", () => {
    const entry = fc.tuple(fc.nat(6), fc.nat(6), fc.nat(96), fc.nat(96));
    fc.assert(
      fc.property(entry, ([a, b, from, to]) => {
        const text = `${DAYS[a]}-${DAYS[b]} ${quarter(from % 96)}-${to === 96 ? "24:00" : quarter(to)}`;
        const valid = a <= b && to > from % 96;
        expect(availabilityEntrySchema.safeParse(text).success, text).to.equal(valid);
      }),
    );
  });

  it("refuses any odds outside [0, 1] and accepts any inside", () => {
    const base = 'name: p\nstart: "2026-04-06T00:00:00+09:00"\ndays: 1\ndistricts: [{ name: a }]\n';
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), (odds) => {
        const text = `${base}behaviour:\n  drivers:\n    noShowOdds: ${odds}\n`;
        if (odds >= 0 && odds <= 1) {
          expect(parseScenarioText(text, "p.yaml").scenario.behaviour.drivers.noShowOdds).to.equal(
            odds,
          );
          return;
        }
        const error = firstError(
          (() => {
            try {
              parseScenarioText(text, "p.yaml");
            } catch (e) {
              return e;
            }
          })(),
        );
        expect(error.fieldPath).to.equal("behaviour.drivers.noShowOdds");
        expect(error.line).to.equal(7);
      }),
      { numRuns: 50 },
    );
  });
});
