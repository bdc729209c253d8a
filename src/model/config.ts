/**
 * Market and recycling parameters: SPEC.md defaults, overridden by a trace's `config` line.
 */
import { unixSeconds, type TraceEventOf } from "../scenario/trace-schema.js";
import { SECONDS_PER_DAY, kstMidnight } from "./time.js";

export interface MarketParams {
  platformFeeBps: bigint;
  depositUnits: bigint;
  graceSeconds: number;
  overstayBps: bigint;
  freeCancelSeconds: number;
  lateCancelBps: bigint;
}

export interface RecyclingParams {
  dailyCapGrams: number;
  maxDepositGrams: number;
  epochSeconds: number;
  /** Unix seconds; `undefined` until the first event fixes the default. */
  epochStart: number | undefined;
  /** `undefined`: no cap. */
  epochMintCap: bigint | undefined;
}

export const DEFAULT_MARKET_PARAMS: Readonly<MarketParams> = {
  platformFeeBps: 1000n,
  depositUnits: 4n,
  graceSeconds: 600,
  overstayBps: 15_000n,
  freeCancelSeconds: 3600,
  lateCancelBps: 5000n,
};

export const DEFAULT_RECYCLING_PARAMS: Readonly<RecyclingParams> = {
  dailyCapGrams: 5000,
  maxDepositGrams: 20_000,
  epochSeconds: 30 * SECONDS_PER_DAY,
  epochStart: undefined,
  epochMintCap: undefined,
};

type ConfigEvent = TraceEventOf<"config">;

const bigintOr = (value: number | undefined, fallback: bigint): bigint =>
  value === undefined ? fallback : BigInt(value);

export function marketParamsOf(config: ConfigEvent["market"]): MarketParams {
  const d = DEFAULT_MARKET_PARAMS;
  return {
    platformFeeBps: bigintOr(config?.platformFeeBps, d.platformFeeBps),
    depositUnits: bigintOr(config?.depositUnits, d.depositUnits),
    graceSeconds: config?.graceSeconds ?? d.graceSeconds,
    overstayBps: bigintOr(config?.overstayBps, d.overstayBps),
    freeCancelSeconds: config?.freeCancelSeconds ?? d.freeCancelSeconds,
    lateCancelBps: bigintOr(config?.lateCancelBps, d.lateCancelBps),
  };
}

export function recyclingParamsOf(config: ConfigEvent["recycling"]): RecyclingParams {
  const d = DEFAULT_RECYCLING_PARAMS;
  return {
    dailyCapGrams: config?.dailyCapGrams ?? d.dailyCapGrams,
    maxDepositGrams: config?.maxDepositGrams ?? d.maxDepositGrams,
    epochSeconds: config?.epochSeconds ?? d.epochSeconds,
    epochStart: config?.epochStart === undefined ? undefined : unixSeconds(config.epochStart),
    epochMintCap: config?.epochMintCap ?? d.epochMintCap,
  };
}

/** SPEC.md section 3: epochStart defaults to KST midnight of the day of the run's first event. */
export function defaultEpochStart(firstEventTime: number): number {
  return kstMidnight(firstEventTime);
}
