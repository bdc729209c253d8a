/**
 * A small recycling world for the tests: a kiosk, citizens, a merchant, a funded treasury.
 */
import type { Material, TraceEventInput } from "../../src/scenario/trace-schema.js";
import type { DepositedEffect, ModelOptions, Outcome } from "../../src/model/index.js";
import { MONDAY, ModelDriver, effectOf, kst } from "./helpers.js";

export interface RecyclingWorldOptions extends ModelOptions {
  /** The trace's config line (without `t` and `kind`), if any. */
  config?: Omit<Extract<TraceEventInput, { kind: "config" }>, "t" | "kind">;
  capacityGrams?: number;
  treasuryKrw?: number;
}

/** Kiosk `k1`, citizens `c1` and `c2`, merchant `m1`, joined on Monday 07:00 KST. */
export function recyclingWorld(options: RecyclingWorldOptions = {}): ModelDriver {
  const world = new ModelDriver(options);
  const t = kst(MONDAY, "07:00");
  if (options.config !== undefined) world.apply({ t, kind: "config", ...options.config });
  world.apply({ t, kind: "treasury.fund", krw: options.treasuryKrw ?? 1_000_000 });
  const capacityGrams = options.capacityGrams ?? 1_000_000;
  world.apply({ t, kind: "actor.join", actor: "k1", role: "kiosk", capacityGrams });
  world.apply({ t, kind: "actor.join", actor: "c1", role: "citizen" });
  world.apply({ t, kind: "actor.join", actor: "c2", role: "citizen" });
  world.apply({ t, kind: "actor.join", actor: "m1", role: "merchant" });
  return world;
}

export interface DepositArgs {
  citizen?: string;
  material?: Material;
  items?: number;
}

export function deposit(
  world: ModelDriver,
  t: string,
  grams: number,
  args: DepositArgs = {},
): Outcome {
  return world.apply({
    t,
    kind: "recycle.deposit",
    kiosk: "k1",
    citizen: args.citizen ?? "c1",
    material: args.material ?? "PET",
    grams,
    items: args.items ?? 0,
  });
}

export function depositedOf(outcome: Outcome): DepositedEffect {
  const effect = effectOf(outcome);
  if (effect.type !== "deposited") throw new Error(`expected a deposit, got ${effect.type}`);
  return effect;
}

/** The reward of an accepted deposit. */
export function rewardOf(outcome: Outcome): bigint {
  return depositedOf(outcome).reward;
}
