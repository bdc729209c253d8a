/**
 * A small parking world for the tests: one owner, one slot, drivers with KRW and credits.
 */
import { MONDAY, ModelDriver, effectOf, kst } from "./helpers.js";
import type { ClosedEffect, ModelOptions, Outcome } from "../../src/model/index.js";

export const UNIT_PRICE = 300n;
export const DRIVER_KRW = 100_000n;

export interface WorldOptions extends ModelOptions {
  availability?: string[];
  unitPrice?: number;
  treasuryKrw?: number;
  market?: Record<string, number>;
}

/**
 * Owner `owner`, slot `s1` (all week unless told), drivers `d1` and `d2` (also citizens),
 * kiosk `k1`, all joined on Monday 00:00 KST; the treasury funded with 1,000,000 KRW.
 */
export function parkingWorld(options: WorldOptions = {}): ModelDriver {
  // One credit per accepted gram, so that a test can hand a driver exact credits.
  const driver = new ModelDriver({
    initialScheme: { scheme: "flat", params: { ratePerKg: 1000 } },
    ...options,
  });
  const t = kst(MONDAY, "00:00");
  if (options.market !== undefined) driver.apply({ t, kind: "config", market: options.market });
  driver.apply({ t, kind: "treasury.fund", krw: options.treasuryKrw ?? 1_000_000 });
  driver.apply({ t, kind: "actor.join", actor: "owner", role: "owner", district: "cheongna" });
  driver.apply({ t, kind: "actor.join", actor: "k1", role: "kiosk", capacityGrams: 1_000_000 });
  for (const name of ["d1", "d2"]) {
    driver.apply({
      t,
      kind: "actor.join",
      actor: name,
      role: ["driver", "citizen"],
      krw: Number(DRIVER_KRW),
    });
  }
  driver.apply({
    t,
    kind: "slot.register",
    slot: "s1",
    owner: "owner",
    district: "cheongna",
    unitPrice: options.unitPrice ?? Number(UNIT_PRICE),
    availability: options.availability ?? ["Mon-Sun 00:00-24:00"],
  });
  return driver;
}

/** Gives `actor` exactly `credits` (<= 5000, the daily cap) through a deposit at `t`. */
export function earnCredits(world: ModelDriver, actor: string, credits: number, t: string): void {
  const outcome = world.apply({
    t,
    kind: "recycle.deposit",
    kiosk: "k1",
    citizen: actor,
    material: "PET",
    grams: credits,
    items: 0,
  });
  const effect = effectOf(outcome);
  if (effect.type !== "deposited" || effect.reward !== BigInt(credits)) {
    throw new Error(`could not give ${actor} ${credits} credits`);
  }
}

/** Books `s1` for `driver` at `t` for `[start, end)`. */
export function book(
  world: ModelDriver,
  booking: string,
  t: string,
  start: string,
  end: string,
  extra: { driver?: string; credits?: number } = {},
): Outcome {
  return world.apply({
    t,
    kind: "parking.book",
    booking,
    driver: extra.driver ?? "d1",
    slot: "s1",
    start,
    end,
    credits: extra.credits ?? 0,
  });
}

type BookingAction = "parking.checkIn" | "parking.checkOut" | "parking.cancel" | "parking.settle";

export function act(world: ModelDriver, kind: BookingAction, booking: string, t: string): Outcome {
  return world.apply({ t, kind, booking });
}

export function closedOf(outcome: Outcome): ClosedEffect {
  const effect = effectOf(outcome);
  if (effect.type !== "closed") throw new Error(`expected a closed booking, got ${effect.type}`);
  return effect;
}
