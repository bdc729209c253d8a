/**
 * A large synthetic trace for throughput: a month of a city with thousands of actors,
 * mostly deposits and bookings with their check-ins, check-outs, cancels and settles.
 * Events are built as parsed trace events (no JSON, no zod), so a timing measures the model.
 */
import { MATERIALS, type TraceEvent } from "../../src/scenario/trace-schema.js";
import type { ModelInput } from "../../src/model/index.js";

/** mulberry32: a small seeded generator, enough for a synthetic load. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const iso = (time: number) => new Date(time * 1000).toISOString().replace(".000Z", "Z");

/** Pending future events (check-ins, check-outs...), earliest first. */
class EventQueue {
  private heap: ModelInput[] = [];

  push(input: ModelInput): void {
    const heap = this.heap;
    heap.push(input);
    for (let i = heap.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if ((heap[parent] as ModelInput).time <= input.time) break;
      heap[i] = heap[parent] as ModelInput;
      heap[parent] = input;
      i = parent;
    }
  }

  popUntil(time: number): ModelInput | undefined {
    const heap = this.heap;
    const top = heap[0];
    if (top === undefined || top.time > time) return undefined;
    const last = heap.pop() as ModelInput;
    if (heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && (heap[l] as ModelInput).time < (heap[m] as ModelInput).time) m = l;
        if (r < heap.length && (heap[r] as ModelInput).time < (heap[m] as ModelInput).time) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m] as ModelInput, heap[i] as ModelInput];
        i = m;
      }
    }
    return top;
  }
}

export const SYNTHETIC_SIZES = {
  owners: 500,
  slots: 2000,
  drivers: 1000,
  citizens: 5000,
  kiosks: 50,
  merchants: 20,
};

/** `count` events in time order, from 2026-04-06 00:00 KST. */
export function* syntheticTrace(count: number, seed = 1): Generator<ModelInput> {
  const random = seeded(seed);
  const pick = (n: number) => Math.floor(random() * n);
  const sizes = SYNTHETIC_SIZES;
  const queue = new EventQueue();
  let now = Date.parse("2026-04-06T00:00:00+09:00") / 1000;
  let line = 0;
  let bookings = 0;
  /** Lines are numbered when an event is emitted, not when it is queued. */
  const at = (time: number, event: TraceEvent): ModelInput => ({ line: 0, time, event });
  const emitAt = (time: number, event: TraceEvent): ModelInput => ({ line: ++line, time, event });
  const t = iso(now);

  yield emitAt(now, { t, kind: "treasury.fund", krw: 10n ** 12n });
  for (let i = 0; i < sizes.owners; i++)
    yield emitAt(now, { t, kind: "actor.join", actor: `o${i}`, role: "owner", krw: 0n });
  for (let i = 0; i < sizes.drivers; i++)
    yield emitAt(now, {
      t,
      kind: "actor.join",
      actor: `d${i}`,
      role: ["driver", "citizen"],
      krw: 10_000_000n,
    });
  for (let i = 0; i < sizes.citizens; i++)
    yield emitAt(now, { t, kind: "actor.join", actor: `c${i}`, role: "citizen", krw: 0n });
  for (let i = 0; i < sizes.kiosks; i++)
    yield emitAt(now, {
      t,
      kind: "actor.join",
      actor: `k${i}`,
      role: "kiosk",
      krw: 0n,
      capacityGrams: 2_000_000,
    });
  for (let i = 0; i < sizes.merchants; i++)
    yield emitAt(now, { t, kind: "actor.join", actor: `m${i}`, role: "merchant", krw: 0n });
  for (let i = 0; i < sizes.slots; i++) {
    const availability = i % 3 === 0 ? ["Mon-Fri 07:00-22:00"] : ["Mon-Sun 00:00-24:00"];
    yield emitAt(now, {
      t,
      kind: "slot.register",
      slot: `s${i}`,
      owner: `o${i % sizes.owners}`,
      district: `district-${i % 7}`,
      unitPrice: BigInt(100 + (i % 10) * 50),
      availability,
    });
  }

  while (line < count) {
    now += pick(7);
    for (
      let next = queue.popUntil(now);
      next !== undefined && line < count;
      next = queue.popUntil(now)
    ) {
      yield { ...next, line: ++line };
    }
    if (line >= count) return;
    const t = iso(now);
    const roll = random();
    if (roll < 0.5) {
      const grams = 100 + pick(3000);
      const citizen = random() < 0.8 ? `c${pick(sizes.citizens)}` : `d${pick(sizes.drivers)}`;
      yield emitAt(now, {
        t,
        kind: "recycle.deposit",
        kiosk: `k${pick(sizes.kiosks)}`,
        citizen,
        material: MATERIALS[pick(MATERIALS.length)] ?? "PET",
        grams,
        items: Math.floor(grams / 30),
      });
    } else if (roll < 0.75) {
      const booking = `b${bookings++}`;
      const start = (Math.floor(now / 900) + 1 + pick(16)) * 900;
      const end = start + (1 + pick(16)) * 900;
      const driver = `d${pick(sizes.drivers)}`;
      const credits = random() < 0.2 ? BigInt(pick(500)) : 0n;
      yield emitAt(now, {
        t,
        kind: "parking.book",
        booking,
        driver,
        slot: `s${pick(sizes.slots)}`,
        start: iso(start),
        end: iso(end),
        credits,
      });
      const fate = random();
      if (fate < 0.1)
        queue.push(
          at(start - 1800 - pick(1800), { t: iso(start - 3600), kind: "parking.cancel", booking }),
        );
      else if (fate < 0.2)
        queue.push(
          at(end + 700 + pick(3600), { t: iso(end + 700), kind: "parking.settle", booking }),
        );
      else {
        const checkIn = start - 300 + pick(900);
        const checkOut = Math.max(checkIn + 60, end - 1800 + pick(3600));
        queue.push(at(checkIn, { t: iso(checkIn), kind: "parking.checkIn", booking }));
        queue.push(at(checkOut, { t: iso(checkOut), kind: "parking.checkOut", booking }));
      }
    } else if (roll < 0.9) {
      yield emitAt(now, {
        t,
        kind: "credit.spend",
        citizen: `c${pick(sizes.citizens)}`,
        merchant: `m${pick(sizes.merchants)}`,
        credits: BigInt(pick(300)),
      });
    } else {
      yield emitAt(now, {
        t,
        kind: "merchant.redeem",
        merchant: `m${pick(sizes.merchants)}`,
        credits: BigInt(pick(2000)),
      });
    }
  }
}
