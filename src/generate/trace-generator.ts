/**
 * The generator's main loop. It walks the run one KST day at a time: plans that day's
 * recycling and price changes and the parking trips starting a horizon ahead (as far ahead
 * as a booking may be made), then sends every queued item due before the next day, in time
 * order. After the last day the queue drains: the settlement tail (check-outs and settles of
 * trips still running, the last epoch's claims). Memory holds the cast and what is in
 * flight, never the trace.
 */
import type { Scenario } from "../scenario/scenario-schema.js";
import { formatTraceEvent } from "../scenario/format-trace.js";
import { unixSeconds, type SchemeChoice, type TraceEvent } from "../scenario/trace-schema.js";
import { buildCast } from "./cast.js";
import type { Context, GenerateStats, Pending } from "./context.js";
import { CreditLedger } from "./credit-ledger.js";
import { EventQueue } from "./event-queue.js";
import { SECONDS_PER_DAY, SECONDS_PER_HOUR, isoKst, kstDay, kstDayStart } from "./kst-time.js";
import { ParkingPlanner, planningHorizonDays } from "./parking-plan.js";
import { runTripStep, setPrice } from "./parking-steps.js";
import { streamFor } from "./random.js";
import { RecyclingPlanner } from "./recycling-plan.js";
import * as recycling from "./recycling-steps.js";
import { frequencyFactor, resolveScheme, rewardLevel } from "./rewards.js";
import { SlotBook } from "./slot-book.js";
import { marketRules, recyclingRules } from "./spec-rules.js";

/** A scheme change during the run (the scenario file has no schedule of its own). */
export interface SchemeChange {
  /** ISO 8601 with offset, inside the run. */
  at: string;
  scheme: SchemeChoice;
}

export interface GenerateOptions {
  /** Replaces the scenario's seed (0 to 2^32 - 1). */
  seed?: number | undefined;
  /** Replaces the scenario's initial scheme (the trace's `config` scheme). */
  scheme?: SchemeChoice | undefined;
  /** `scheme.set` events to send during the run. */
  schemeChanges?: readonly SchemeChange[] | undefined;
}

interface Scheduled {
  time: number;
  choice: SchemeChoice;
}

/** The schemes of the run in time order: the initial one at the start, then each change. */
function schemeTimeline(
  scenario: Scenario,
  options: GenerateOptions,
  start: number,
  end: number,
): Scheduled[] {
  const initial = options.scheme ?? scenario.scheme;
  const changes = (options.schemeChanges ?? []).map((c) => ({
    time: unixSeconds(c.at),
    choice: c.scheme,
  }));
  for (const change of changes) {
    if (change.time < start || change.time >= end) {
      throw new RangeError(`a scheme change at ${isoKst(change.time)} is outside the run`);
    }
  }
  changes.sort((a, b) => a.time - b.time);
  return [{ time: start, choice: initial }, ...changes];
}

/** The shared state of one generation; its lines collect in `out` until yielded. */
function createContext(
  scenario: Scenario,
  seed: number,
  initial: SchemeChoice,
  stats: GenerateStats,
  out: string[],
): Context {
  const start = unixSeconds(scenario.start);
  const cast = buildCast(scenario, seed);
  const rules = recyclingRules(scenario, start);
  const sizes = {
    citizens: cast.citizens.length,
    merchants: cast.merchants.length,
    kioskCapacity: cast.kiosks.map((k) => k.capacityGrams),
  };
  return {
    scenario,
    cast,
    market: marketRules(scenario),
    recycling: rules,
    start,
    end: start + scenario.days * SECONDS_PER_DAY,
    queue: new EventQueue<Pending>(scenario.timeStepSeconds),
    ledger: new CreditLedger(rules, sizes, resolveScheme(initial)),
    slots: new SlotBook(cast.slots.length),
    budgets: cast.drivers.map((d) => d.krw),
    batches: new Map(),
    stats,
    counters: { booking: 0, receipt: 0 },
    now: start,
    emit: (event: TraceEvent) => {
      stats.events += 1;
      stats.byKind[event.kind] = (stats.byKind[event.kind] ?? 0) + 1;
      out.push(formatTraceEvent(event));
    },
  };
}

/** Lines of the trace for a validated scenario (JSON Lines, without the newline). */
export function* traceLines(
  scenario: Scenario,
  options: GenerateOptions,
  stats: GenerateStats,
): Generator<string> {
  const seed = options.seed ?? scenario.seed;
  const start = unixSeconds(scenario.start);
  const timeline = schemeTimeline(
    scenario,
    options,
    start,
    start + scenario.days * SECONDS_PER_DAY,
  );
  const initial = timeline[0]?.choice ?? scenario.scheme;
  const out: string[] = [];
  const ctx = createContext(scenario, seed, initial, stats, out);
  preamble(ctx, initial);
  yield* out.splice(0);
  for (const change of timeline.slice(1)) {
    ctx.queue.push(change.time, { type: "scheme", choice: change.choice });
  }
  const parking = new ParkingPlanner(ctx, {
    arrivals: streamFor(seed, "parking/arrivals"),
    slots: streamFor(seed, "parking/slots"),
    fates: streamFor(seed, "parking/fates"),
    prices: streamFor(seed, "parking/prices"),
  });
  const recycler = new RecyclingPlanner(ctx);
  const horizon = planningHorizonDays(ctx);
  const firstDay = kstDay(ctx.start);
  const lastDay = kstDay(ctx.end - 1);
  for (let day = firstDay; day < firstDay + horizon && day <= lastDay; day++) {
    parking.planDay(day, ctx.start);
  }
  for (let day = firstDay; day <= lastDay; day++) {
    const dayStart = Math.max(ctx.start, kstDayStart(day));
    ctx.slots.prune(dayStart);
    if (day + horizon <= lastDay) parking.planDay(day + horizon, dayStart);
    parking.planPrices(day);
    const factor = dayFactor(ctx, timeline, dayStart);
    stats.frequencyFactors.push(factor);
    recycler.planDay(day, factor);
    planRedeem(ctx, day, firstDay);
    noteMemory(ctx);
    yield* drain(ctx, out, kstDayStart(day + 1));
  }
  yield* drain(ctx, out, Number.POSITIVE_INFINITY);
  stats.queuePeak = ctx.queue.peak;
}

/** The recycling frequency factor of a day: the level of the scheme active at its start. */
function dayFactor(ctx: Context, timeline: readonly Scheduled[], dayStart: number): number {
  const active = timeline.filter((s) => s.time <= dayStart).pop() ?? timeline[0];
  if (active === undefined) return 1;
  const level = rewardLevel(resolveScheme(active.choice), ctx.scenario, ctx.recycling);
  return frequencyFactor(level, ctx.scenario);
}

/** config, treasury.fund, every actor.join and slot.register, at the run's start. */
function preamble(ctx: Context, scheme: SchemeChoice): void {
  const t = isoKst(ctx.start);
  const { market, recycling: recyclingConfig, treasury } = ctx.scenario;
  ctx.emit({
    t,
    kind: "config",
    ...(Object.keys(market).length > 0 ? { market } : {}),
    ...(Object.keys(recyclingConfig).length > 0 ? { recycling: recyclingConfig } : {}),
    scheme: scheme.scheme,
    ...(Object.keys(scheme.params).length > 0 ? { params: scheme.params } : {}),
  });
  ctx.emit({ t, kind: "treasury.fund", krw: treasury.krw });
  for (const p of ctx.cast.people) {
    ctx.emit({
      t,
      kind: "actor.join",
      actor: p.name,
      role: p.roles.length === 1 && p.roles[0] !== undefined ? p.roles[0] : p.roles,
      krw: p.krw,
      district: p.district,
      ...(p.capacityGrams === undefined ? {} : { capacityGrams: p.capacityGrams }),
    });
  }
  for (const s of ctx.cast.slots) {
    ctx.emit({
      t,
      kind: "slot.register",
      slot: s.name,
      owner: s.owner,
      district: ctx.cast.districts[s.district]?.name ?? "",
      unitPrice: s.unitPrice,
      availability: [...s.entries],
    });
  }
}

/** Merchants redeem every redeemEveryDays days (counted from the run's first day). */
function planRedeem(ctx: Context, day: number, firstDay: number): void {
  const m = ctx.scenario.behaviour.merchants;
  if ((day - firstDay + 1) % m.redeemEveryDays !== 0) return;
  const time = kstDayStart(day) + m.redeemHour * SECONDS_PER_HOUR;
  if (time >= ctx.start && time < ctx.end) ctx.queue.push(time, { type: "redeem" });
}

function noteMemory(ctx: Context): void {
  let open = 0;
  for (const batch of ctx.batches.values()) open += batch.length;
  ctx.stats.openDepositsPeak = Math.max(ctx.stats.openDepositsPeak, open);
  ctx.stats.reservationsPeak = Math.max(ctx.stats.reservationsPeak, ctx.slots.size);
  ctx.stats.queuePeak = ctx.queue.peak;
}

/** Sends every queued item due before `until`, in time order, yielding its lines. */
function* drain(ctx: Context, out: string[], until: number): Generator<string> {
  for (
    let next = ctx.queue.peekTime();
    next !== undefined && next < until;
    next = ctx.queue.peekTime()
  ) {
    const entry = ctx.queue.pop();
    if (entry === undefined) break;
    // Planning never queues into the past; if it did, the trace would be out of order.
    if (entry.time < ctx.now) throw new Error(`an item queued for ${isoKst(entry.time)} is late`);
    ctx.now = entry.time;
    dispatch(ctx, entry.item, entry.time);
    if (out.length > 0) yield* out.splice(0);
  }
}

function dispatch(ctx: Context, item: Pending, time: number): void {
  switch (item.type) {
    case "trip":
      return runTripStep(ctx, item.trip, item.step, time);
    case "batch":
      return recycling.sendBatch(ctx, item.key, time);
    case "receipt":
      return recycling.sendReceipt(ctx, item.deposit, time);
    case "spend":
      return recycling.spend(ctx, item.intent, time);
    case "redeem":
      return recycling.redeem(ctx, time);
    case "claims":
      return recycling.sendClaims(ctx, item.epoch, time);
    case "scheme":
      return recycling.setScheme(ctx, item.choice, time);
    case "price":
      return setPrice(ctx, item.slot, item.unitPrice, time);
  }
}
