/**
 * Planning one KST day of recycling: each recycling citizen's deposits (a Poisson count
 * from one uniform, scaled by the day's reward-driven frequency factor; then time, material,
 * grams, kiosk and the way in for each) and the day's spending intent. Every draw comes from
 * the citizen's own stream for that day, spending first and deposits after, so that a
 * richer scheme adds deposits at the end of a citizen's day and never alters the others.
 */
import { MATERIALS } from "../scenario/trace-schema.js";
import type { Citizen } from "./cast.js";
import type { Context, PlannedDeposit } from "./context.js";
import { SECONDS_PER_DAY, SECONDS_PER_HOUR, kstDayStart } from "./kst-time.js";
import { cumulative, type Random } from "./random.js";

export class RecyclingPlanner {
  readonly #ctx: Context;
  readonly #hours: number[];
  readonly #materials: number[];
  /** Grams planned into each kiosk on the day being planned. */
  readonly #planned: Float64Array;

  constructor(ctx: Context) {
    this.#ctx = ctx;
    const c = ctx.scenario.behaviour.citizens;
    this.#hours = cumulative(c.hourly);
    this.#materials = cumulative(MATERIALS.map((m) => c.materialMix[m]));
    this.#planned = new Float64Array(ctx.cast.kiosks.length);
  }

  /** Plans day `day` for every citizen, with recycling frequency scaled by `factor`. */
  planDay(day: number, factor: number): void {
    this.#planned.fill(0);
    const dayStart = kstDayStart(day);
    const mean = (this.#ctx.scenario.behaviour.citizens.depositsPerWeek / 7) * factor;
    this.#ctx.cast.citizens.forEach((citizen, index) => {
      const random = citizen.days?.next();
      if (random === undefined) return;
      this.#planSpending(citizen, index, random, dayStart);
      const count = random.poisson(mean);
      for (let i = 0; i < count; i++) this.#planDeposit(citizen, index, random, dayStart);
    });
  }

  /** A time of the day on the citizens' hourly profile; two draws. */
  #timeOfDay(random: Random, dayStart: number): number {
    return dayStart + random.pick(this.#hours) * SECONDS_PER_HOUR + random.below(SECONDS_PER_HOUR);
  }

  #inRun(time: number): boolean {
    return time >= this.#ctx.start && time < this.#ctx.end;
  }

  /** With dailyOdds, a spender goes shopping at a merchant of the district; five draws. */
  #planSpending(citizen: Citizen, index: number, random: Random, dayStart: number): void {
    const ctx = this.#ctx;
    const s = ctx.scenario.behaviour.citizens.spending;
    const goes = random.chance(s.dailyOdds);
    const time = this.#timeOfDay(random, dayStart);
    const share = random.between(s.balanceShare.min, s.balanceShare.max);
    const local = ctx.cast.districts[citizen.district]?.merchants ?? [];
    const choices = local.length > 0 ? local : ctx.cast.merchants.map((_, i) => i);
    const merchant = choices[random.below(Math.max(1, choices.length))];
    if (!citizen.spends || !goes || merchant === undefined || !this.#inRun(time)) return;
    ctx.queue.push(time, { type: "spend", intent: { citizen: index, merchant, share } });
  }

  /** One deposit: eight draws. */
  #planDeposit(citizen: Citizen, index: number, random: Random, dayStart: number): void {
    const ctx = this.#ctx;
    const c = ctx.scenario.behaviour.citizens;
    const time = this.#timeOfDay(random, dayStart);
    const material = MATERIALS[random.pick(this.#materials)] ?? "OTHER";
    const grams = Math.max(1, Math.round(random.skewed(c.gramsPerDeposit[material])));
    const receipt = random.chance(c.receiptShare);
    const delay = random.intBetween(c.receiptDelayMinutes.min, c.receiptDelayMinutes.max) * 60;
    if (citizen.homeKiosk === undefined || !this.#inRun(time)) return;
    const items = Math.min(grams, Math.max(1, Math.round(grams / c.gramsPerItem[material])));
    // A receipt is sent before the run ends; a batch goes at its window's last second.
    const tick = ctx.scenario.timeStepSeconds;
    const sendAt = receipt
      ? Math.min(time + delay, ctx.end - tick)
      : this.#batchTime(time, dayStart);
    const kiosk = this.#kioskWithRoom(citizen, citizen.homeKiosk, grams);
    const deposit: PlannedDeposit = {
      time,
      sendAt,
      kiosk,
      citizen: index,
      material,
      grams,
      items,
      receipt,
    };
    if (receipt) {
      ctx.queue.push(sendAt, { type: "receipt", deposit });
      return;
    }
    const key = `${kiosk}@${sendAt}`;
    const batch = ctx.batches.get(key);
    if (batch !== undefined) batch.push(deposit);
    else {
      ctx.batches.set(key, [deposit]);
      ctx.queue.push(sendAt, { type: "batch", key });
    }
  }

  /**
   * The last tick of the deposit's batch window. Windows of batchMinutes run from KST
   * midnight (the last one ends at midnight), so a batch stays in the KST day and epoch of
   * its deposits, and never passes the run's end.
   */
  #batchTime(time: number, dayStart: number): number {
    const window = this.#ctx.scenario.behaviour.kiosks.batchMinutes * 60;
    const windowEnd = dayStart + (Math.floor((time - dayStart) / window) + 1) * window;
    // The last tick of the window, so the batch stays inside the KST day (and epoch) of its deposits.
    return (
      Math.min(windowEnd, dayStart + SECONDS_PER_DAY, this.#ctx.end) -
      this.#ctx.scenario.timeStepSeconds
    );
  }

  /**
   * The home kiosk, or when its planned intake for the day would pass its capacity, the
   * next kiosk of the district with room; if every one is full, the home kiosk (which will
   * refuse the deposit: a full machine is part of the pilot's story).
   */
  #kioskWithRoom(citizen: Citizen, home: number, grams: number): number {
    const ctx = this.#ctx;
    const local = ctx.cast.districts[citizen.district]?.kiosks ?? [];
    const ring = local.includes(home) ? local : [home];
    const first = ring.indexOf(home);
    for (let k = 0; k < ring.length; k++) {
      const kiosk = ring[(first + k) % ring.length] ?? home;
      const planned = this.#planned[kiosk] ?? 0;
      if (planned + grams <= (ctx.cast.kiosks[kiosk]?.capacityGrams ?? 0)) {
        this.#planned[kiosk] = planned + grams;
        return kiosk;
      }
    }
    ctx.stats.depositsToFullKiosk += 1;
    return home;
  }
}
