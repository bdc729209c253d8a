/**
 * Random traces for the property tests: a few actors of every role and a random walk of
 * actions over them, written as trace events (times in KST, bookings aligned to 900 s).
 */
import fc from "fast-check";

import {
  MATERIALS,
  unixSeconds,
  type SchemeName,
  type TraceEventInput,
} from "../../src/scenario/trace-schema.js";
import { MONDAY, kst, plus } from "./helpers.js";

const DRIVERS = ["d0", "d1", "d2"];
const SLOTS = ["s0", "s1"];
const KIOSKS = ["k0", "k1"];
const START = kst(MONDAY, "06:00");

/** A scheme and its params as written in a trace (numbers, not yet bigints). */
export interface RawSchemeChoice {
  scheme: SchemeName;
  params: Record<string, unknown>;
}

const perMaterialMap = (max: number) => fc.dictionary(fc.constantFrom(...MATERIALS), fc.nat(max));

export const rawSchemeChoice: fc.Arbitrary<RawSchemeChoice> = fc.oneof(
  fc.record({
    scheme: fc.constant("flat" as const),
    params: fc.record({ ratePerKg: fc.nat(2000) }, { requiredKeys: [] }),
  }),
  fc.record({
    scheme: fc.constant("material" as const),
    params: fc.record({ rates: perMaterialMap(1000) }, { requiredKeys: [] }),
  }),
  fc.record({ scheme: fc.constant("tiered" as const), params: fc.constant({}) }),
  fc.record({
    scheme: fc.constant("perItem" as const),
    params: fc.record({ perItem: perMaterialMap(50) }, { requiredKeys: [] }),
  }),
  fc.record({
    scheme: fc.constant("budgetPool" as const),
    params: fc.record(
      { budget: fc.nat(5000), weights: perMaterialMap(1000) },
      { requiredKeys: [] },
    ),
  }),
);

const weighted = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });

const action = fc.oneof(
  weighted(
    3,
    fc.record({ type: fc.constant("advance"), seconds: fc.oneof(fc.nat(1800), fc.nat(20_000)) }),
  ),
  weighted(
    6,
    fc.record({
      type: fc.constant("deposit"),
      citizen: fc.constantFrom(...DRIVERS),
      kiosk: fc.constantFrom(...KIOSKS),
      material: fc.constantFrom(...MATERIALS),
      grams: fc.oneof(fc.nat(6000), fc.nat(22_000)),
      items: fc.nat(400),
      receipt: fc.option(fc.nat(6), { freq: 3 }),
      expiresIn: fc.nat(200_000),
    }),
  ),
  weighted(
    4,
    fc.record({
      type: fc.constant("book"),
      driver: fc.constantFrom(...DRIVERS),
      slot: fc.constantFrom(...SLOTS),
      leadUnits: fc.oneof(fc.constant(0), fc.nat(40)),
      units: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 100 })),
      credits: fc.oneof(fc.constant(0), fc.nat(2000)),
    }),
  ),
  weighted(
    6,
    fc.record({
      type: fc.constantFrom(
        "parking.checkIn",
        "parking.checkOut",
        "parking.cancel",
        "parking.settle",
      ),
      recent: fc.nat(2),
    }),
  ),
  weighted(
    2,
    fc.record({
      type: fc.constant("spend"),
      citizen: fc.constantFrom(...DRIVERS),
      credits: fc.nat(1500),
    }),
  ),
  weighted(1, fc.record({ type: fc.constant("redeem"), credits: fc.nat(1500) })),
  weighted(1, fc.record({ type: fc.constant("fund"), krw: fc.nat(5000) })),
  weighted(
    1,
    fc.record({
      type: fc.constant("price"),
      slot: fc.constantFrom(...SLOTS),
      unitPrice: fc.nat(1000),
    }),
  ),
  weighted(
    2,
    fc.record({
      type: fc.constant("claim"),
      citizen: fc.constantFrom(...DRIVERS),
      epoch: fc.nat(6),
    }),
  ),
  weighted(1, fc.record({ type: fc.constant("scheme"), choice: rawSchemeChoice })),
);

export type Action = typeof action extends fc.Arbitrary<infer A> ? A : never;

export const traceSetup = fc.record({
  epochSeconds: fc.constantFrom(3600, 21_600, 86_400),
  epochMintCap: fc.option(fc.nat(5000), { nil: undefined }),
  scheme: rawSchemeChoice,
  treasuryKrw: fc.nat(20_000),
  driverKrw: fc.array(fc.nat(50_000), { minLength: DRIVERS.length, maxLength: DRIVERS.length }),
  capacityGrams: fc.array(fc.nat(40_000), { minLength: KIOSKS.length, maxLength: KIOSKS.length }),
});

export type TraceSetup = typeof traceSetup extends fc.Arbitrary<infer S> ? S : never;

export const randomActions = fc.array(action, { minLength: 10, maxLength: 150 });

function setupEvents(setup: TraceSetup): TraceEventInput[] {
  const t = START;
  const recycling = { epochSeconds: setup.epochSeconds, epochMintCap: setup.epochMintCap };
  return [
    { t, kind: "config", recycling, scheme: setup.scheme.scheme, params: setup.scheme.params },
    { t, kind: "treasury.fund", krw: setup.treasuryKrw },
    { t, kind: "actor.join", actor: "o0", role: "owner" },
    { t, kind: "actor.join", actor: "m0", role: "merchant" },
    ...DRIVERS.map((actor, i): TraceEventInput => ({
      t,
      kind: "actor.join",
      actor,
      role: ["driver", "citizen"],
      krw: setup.driverKrw[i] ?? 0,
    })),
    ...KIOSKS.map((actor, i): TraceEventInput => ({
      t,
      kind: "actor.join",
      actor,
      role: "kiosk",
      capacityGrams: setup.capacityGrams[i] ?? 0,
    })),
    ...SLOTS.map((slot): TraceEventInput => ({
      t,
      kind: "slot.register",
      slot,
      owner: "o0",
      district: "songdo",
      unitPrice: 300,
      availability:
        slot === "s0" ? ["Mon-Sun 00:00-24:00"] : ["Mon-Fri 07:00-22:00", "Sat-Sun 10:00-18:00"],
    })),
  ];
}

/** The trace events of a setup and a list of actions, in time order. */
export function traceOf(setup: TraceSetup, actions: readonly Action[]): TraceEventInput[] {
  const events = setupEvents(setup);
  let t = START;
  let bookings = 0;
  for (const a of actions) {
    switch (a.type) {
      case "advance":
        t = plus(t, a.seconds);
        break;
      case "deposit": {
        const fields = {
          t,
          kiosk: a.kiosk,
          citizen: a.citizen,
          material: a.material,
          grams: a.grams,
          items: a.items,
        };
        events.push(
          a.receipt === null
            ? { ...fields, kind: "recycle.deposit" }
            : {
                ...fields,
                kind: "recycle.receipt",
                receipt: `r${a.receipt}`,
                expires: plus(t, a.expiresIn),
              },
        );
        break;
      }
      case "book": {
        const now = unixSeconds(t);
        const start = plus(t, Math.ceil(now / 900) * 900 - now + a.leadUnits * 900);
        events.push({
          t,
          kind: "parking.book",
          booking: `b${bookings++}`,
          driver: a.driver,
          slot: a.slot,
          start,
          end: plus(start, a.units * 900),
          credits: a.credits,
        });
        break;
      }
      case "parking.checkIn":
      case "parking.checkOut":
      case "parking.cancel":
      case "parking.settle":
        // One of the last three bookings, so that most actions find a live one.
        if (bookings > 0) {
          const booking = `b${Math.max(0, bookings - 1 - a.recent)}`;
          events.push({ t, kind: a.type, booking });
        }
        break;
      case "spend":
        events.push({
          t,
          kind: "credit.spend",
          citizen: a.citizen,
          merchant: "m0",
          credits: a.credits,
        });
        break;
      case "redeem":
        events.push({ t, kind: "merchant.redeem", merchant: "m0", credits: a.credits });
        break;
      case "fund":
        events.push({ t, kind: "treasury.fund", krw: a.krw });
        break;
      case "price":
        events.push({ t, kind: "slot.price", slot: a.slot, unitPrice: a.unitPrice });
        break;
      case "claim":
        events.push({ t, kind: "recycle.claim", citizen: a.citizen, epoch: a.epoch });
        break;
      case "scheme":
        events.push({ t, kind: "scheme.set", scheme: a.choice.scheme, params: a.choice.params });
        break;
    }
  }
  return events;
}
