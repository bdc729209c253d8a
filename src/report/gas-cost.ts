/**
 * Gas priced in KRW. A simulated chain has no gas market, so the price is an input of the
 * report: gas price in gwei and a KRW per ETH rate, with round defaults that are stated as
 * assumptions on the page and in kpis.json rather than passed off as a market quote.
 */
import type { GasStats } from "./gas.js";
import type { GasCost, GasCostOfKind } from "./series-types.js";

export interface GasPricing {
  /** Gas price, gwei (1 gwei = 1e-9 ETH per gas). */
  gasPriceGwei: number;
  /** KRW per ETH. */
  krwPerEth: number;
}

/**
 * 1 gwei: the order of an Ethereum L1 base fee on a quiet day, and far above a rollup's.
 * 5,000,000 KRW per ETH: a round figure of the right order (about USD 3,500 at about 1,400
 * KRW per USD), not a quote. Pass the day's figures for a real estimate.
 */
export const DEFAULT_GAS_PRICING: Readonly<GasPricing> = { gasPriceGwei: 1, krwPerEth: 5_000_000 };

const GWEI_PER_ETH = 1e9;

const PRICE = new Intl.NumberFormat("en-US", { maximumFractionDigits: 9 });

/** A price as given (`4,500,000`, `0.05`): grouped, its decimals kept. */
export const formatPrice = (price: number): string => PRICE.format(price);

/** KRW of `gas` units at `pricing`. */
export function krwOfGas(gas: number, pricing: GasPricing): number {
  return (gas * pricing.gasPriceGwei * pricing.krwPerEth) / GWEI_PER_ETH;
}

/** Checks a price is a finite number >= 0 (0 is allowed: a chain without fees). */
export function checkGasPricing(pricing: GasPricing): GasPricing {
  for (const [name, value] of Object.entries(pricing)) {
    if (!Number.isFinite(value) || value < 0) {
      throw new RangeError(`${name} must be a finite number >= 0, got ${value}`);
    }
  }
  return pricing;
}

/** The prices equal to the default: stated as an assumption, even if given explicitly. */
function assumedOf(pricing: GasPricing): GasCost["assumed"] {
  const assumed: GasCost["assumed"] = [];
  if (pricing.gasPriceGwei === DEFAULT_GAS_PRICING.gasPriceGwei) assumed.push("gasPriceGwei");
  if (pricing.krwPerEth === DEFAULT_GAS_PRICING.krwPerEth) assumed.push("krwPerEth");
  return assumed;
}

function noteOf(pricing: GasPricing): string {
  const assumed = assumedOf(pricing).map((key) =>
    key === "gasPriceGwei" ? "gas price" : "KRW per ETH",
  );
  const stated = `${formatPrice(pricing.gasPriceGwei)} gwei per gas, ${formatPrice(pricing.krwPerEth)} KRW per ETH`;
  if (assumed.length === 0) return `${stated}, as given for the run.`;
  return (
    `${stated}; the ${assumed.join(" and ")} ${assumed.length > 1 ? "are" : "is"} the default ` +
    "assumption (a round figure, not a market quote): set --gas-price-gwei and --krw-per-eth."
  );
}

/** Every kind that went through, priced at its mean gas; and the run's whole gas. */
export function gasCostOf(
  gas: Pick<GasStats, "byKind" | "totalGas">,
  pricing: GasPricing,
): GasCost {
  const byKind: Record<string, GasCostOfKind> = {};
  for (const [kind, s] of Object.entries(gas.byKind)) {
    byKind[kind] = {
      count: s.count,
      meanGas: s.mean,
      totalGas: s.total,
      krwPerOperation: krwOfGas(s.mean, pricing),
      krwTotal: krwOfGas(s.total, pricing),
    };
  }
  return {
    gasPriceGwei: pricing.gasPriceGwei,
    krwPerEth: pricing.krwPerEth,
    assumed: assumedOf(pricing),
    note: noteOf(pricing),
    byKind,
    totalGas: gas.totalGas,
    totalKrw: krwOfGas(gas.totalGas, pricing),
  };
}
