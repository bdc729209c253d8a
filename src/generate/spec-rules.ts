/**
 * The rule parameters the generator must know to keep its own estimates right (a driver's
 * refunds, a citizen's credits): SPEC.md's defaults, overridden by the scenario's `market`
 * and `recycling` blocks, exactly as the trace's `config` line will override them on chain.
 */
import type { Scenario } from "../scenario/scenario-schema.js";
import { unixSeconds } from "../scenario/trace-schema.js";
import { SECONDS_PER_DAY, kstDay, kstDayStart } from "./kst-time.js";

export interface MarketRules {
  platformFeeBps: bigint;
  depositUnits: bigint;
  graceSeconds: number;
  overstayBps: bigint;
  freeCancelSeconds: number;
  lateCancelBps: bigint;
}

export interface RecyclingRules {
  dailyCapGrams: number;
  maxDepositGrams: number;
  epochSeconds: number;
  /** Unix seconds. */
  epochStart: number;
  /** Undefined: no cap. */
  epochMintCap: bigint | undefined;
}

const big = (value: number | undefined, fallback: bigint): bigint =>
  value === undefined ? fallback : BigInt(value);

export function marketRules(scenario: Scenario): MarketRules {
  const m = scenario.market;
  return {
    platformFeeBps: big(m.platformFeeBps, 1000n),
    depositUnits: big(m.depositUnits, 4n),
    graceSeconds: m.graceSeconds ?? 600,
    overstayBps: big(m.overstayBps, 15_000n),
    freeCancelSeconds: m.freeCancelSeconds ?? 3600,
    lateCancelBps: big(m.lateCancelBps, 5000n),
  };
}

/** `firstEventTime`: the run's first event, whose KST midnight is the default epochStart. */
export function recyclingRules(scenario: Scenario, firstEventTime: number): RecyclingRules {
  const r = scenario.recycling;
  return {
    dailyCapGrams: r.dailyCapGrams ?? 5000,
    maxDepositGrams: r.maxDepositGrams ?? 20_000,
    epochSeconds: r.epochSeconds ?? 30 * SECONDS_PER_DAY,
    epochStart:
      r.epochStart === undefined ? kstDayStart(kstDay(firstEventTime)) : unixSeconds(r.epochStart),
    epochMintCap: r.epochMintCap,
  };
}

/** `epoch = floor((time - epochStart) / epochSeconds)`. */
export function epochOf(time: number, rules: RecyclingRules): number {
  return Math.floor((time - rules.epochStart) / rules.epochSeconds);
}

/** The first moment at which `epoch` has ended (a claim may be sent from then on). */
export function epochEnd(epoch: number, rules: RecyclingRules): number {
  return rules.epochStart + (epoch + 1) * rules.epochSeconds;
}
