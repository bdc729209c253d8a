/**
 * Sending recycling events when their time comes, and keeping the credit estimate in step:
 * a kiosk's batch (its deposits of one window, consecutive lines at one time, so the replay
 * can send them as one transaction), a citizen's receipt, credit spending, merchants'
 * redemptions, budgetPool claims after an epoch, and scheme changes.
 */
import type { SchemeChoice } from "../scenario/trace-schema.js";
import type { Context, PlannedDeposit, SpendIntent } from "./context.js";
import { isoKst } from "./kst-time.js";
import { receiptName } from "./names.js";
import { resolveScheme } from "./rewards.js";
import { epochEnd } from "./spec-rules.js";

const byTimeThenCitizen = (a: PlannedDeposit, b: PlannedDeposit): number =>
  a.time - b.time || a.citizen - b.citizen;

/** Applies a deposit to the ledger; the first budgetPool points of an epoch queue its claims. */
function record(ctx: Context, d: PlannedDeposit, time: number, expires: number | undefined) {
  const { firstPointsOfEpoch } = ctx.ledger.deposit({ ...d, time, expires });
  if (firstPointsOfEpoch !== undefined) {
    const claimAt = Math.max(time, epochEnd(firstPointsOfEpoch, ctx.recycling));
    ctx.queue.push(claimAt, { type: "claims", epoch: firstPointsOfEpoch });
  }
}

function names(ctx: Context, d: PlannedDeposit): { kiosk: string; citizen: string } {
  return {
    kiosk: ctx.cast.kiosks[d.kiosk]?.name ?? "",
    citizen: ctx.cast.citizens[d.citizen]?.name ?? "",
  };
}

/** A kiosk's batch: every deposit of the window, in the order they went in. */
export function sendBatch(ctx: Context, key: string, time: number): void {
  const deposits = ctx.batches.get(key) ?? [];
  ctx.batches.delete(key);
  const t = isoKst(time);
  for (const d of deposits.sort(byTimeThenCitizen)) {
    record(ctx, d, time, undefined);
    const { kiosk, citizen } = names(ctx, d);
    ctx.emit({
      t,
      kind: "recycle.deposit",
      kiosk,
      citizen,
      material: d.material,
      grams: d.grams,
      items: d.items,
    });
  }
}

/**
 * A receipt the kiosk signed at the deposit, sent by the citizen later; it expires
 * receiptExpiryMinutes after the deposit.
 */
export function sendReceipt(ctx: Context, d: PlannedDeposit, time: number): void {
  const expires = d.time + ctx.scenario.behaviour.citizens.receiptExpiryMinutes * 60;
  record(ctx, d, time, expires);
  const { kiosk, citizen } = names(ctx, d);
  ctx.emit({
    t: isoKst(time),
    kind: "recycle.receipt",
    kiosk,
    citizen,
    material: d.material,
    grams: d.grams,
    items: d.items,
    receipt: receiptName(++ctx.counters.receipt),
    expires: isoKst(expires),
  });
}

/** Spends a share of the balance, only if the citizen holds at least minBalance. */
export function spend(ctx: Context, intent: SpendIntent, time: number): void {
  const held = ctx.ledger.credits[intent.citizen] ?? 0n;
  const minBalance = ctx.scenario.behaviour.citizens.spending.minBalance;
  if (held <= 0n || held < minBalance) return;
  const share = (held * BigInt(Math.round(intent.share * 10_000))) / 10_000n;
  const credits = share > 0n ? share : 1n;
  ctx.ledger.spend(intent.citizen, credits, intent.merchant);
  ctx.emit({
    t: isoKst(time),
    kind: "credit.spend",
    citizen: ctx.cast.citizens[intent.citizen]?.name ?? "",
    merchant: ctx.cast.merchants[intent.merchant]?.name ?? "",
    credits,
  });
}

/** Every merchant holding at least redeemMinCredits redeems all of them. */
export function redeem(ctx: Context, time: number): void {
  const min = ctx.scenario.behaviour.merchants.redeemMinCredits;
  ctx.cast.merchants.forEach((merchant, index) => {
    const held = ctx.ledger.merchantCredits[index] ?? 0n;
    if (held <= 0n || held < min) return;
    ctx.emit({
      t: isoKst(time),
      kind: "merchant.redeem",
      merchant: merchant.name,
      credits: ctx.ledger.redeemAll(index),
    });
  });
}

/** After an epoch: one claim per citizen with budgetPool points in it (SPEC.md section 7). */
export function sendClaims(ctx: Context, epoch: number, time: number): void {
  const t = isoKst(time);
  for (const citizen of ctx.ledger.claimants(epoch)) {
    ctx.ledger.claim(citizen, epoch);
    ctx.emit({ t, kind: "recycle.claim", citizen: ctx.cast.citizens[citizen]?.name ?? "", epoch });
  }
  ctx.ledger.closeEpoch(epoch);
}

export function setScheme(ctx: Context, choice: SchemeChoice, time: number): void {
  ctx.ledger.setScheme(resolveScheme(choice));
  ctx.emit({ t: isoKst(time), kind: "scheme.set", scheme: choice.scheme, params: choice.params });
}
