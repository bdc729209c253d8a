/**
 * kpis.json from the model's final state (which the reconciliation proved equal to the
 * chain's) and the replay's gas. Pure: same inputs, same KPIs.
 */
import type { ModelState } from "../model/snapshot.js";
import type { GasStats } from "./gas.js";
import { DEFAULT_GAS_PRICING, checkGasPricing, type GasPricing } from "./gas-cost.js";
import { KPIS_FORMAT, KPI_UNITS, type CityKpis, type CountKpis, type Kpis } from "./kpi-types.js";
import { decimal, kgOf, kstDate, ratio, sumValues } from "./kpi-math.js";
import { parkingKpis } from "./kpis-parking.js";
import { creditsEarnedByCitizen, recyclingKpis } from "./kpis-recycling.js";
import { seriesKpis } from "./kpis-series.js";
import type { RunDays, SlotForReport } from "./occupancy.js";
import type { OutcomeTotals } from "./outcome-collector.js";
import type { SeriesTotals } from "./series-collector.js";

export { kstDate } from "./kpi-math.js";

export interface KpiContext {
  /** Everyone who joined, with their roles (the replay's actors fit). */
  actors: Iterable<{ name: string; roles: readonly string[] }>;
  /** The model's slots (`slotsOfModel`), for the capacity offered. */
  slots: readonly SlotForReport[];
  /** The KST days occupancy is measured over (`runDaysFrom` or `runDaysBetween`). */
  runDays: RunDays;
  /** What an `OutcomeCollector` gathered from the model's outputs. */
  outcomes: OutcomeTotals;
  /** What a `SeriesCollector` gathered from the model's outputs, for the charts. */
  series: SeriesTotals;
  /** Gas price and KRW per ETH for the KRW cost of gas; `DEFAULT_GAS_PRICING` if absent. */
  gasPricing?: Partial<GasPricing> | undefined;
}

function cityKpis(model: ModelState): CityKpis {
  const { parking, credits, recycling } = model.counters;
  const kgCollected = kgOf(sumValues(Object.values(recycling.gramsCollected)));
  return {
    treasuryFunding: decimal(model.treasuryFunding),
    treasuryBalance: decimal(model.treasuryKrw),
    creditsRedeemed: decimal(model.creditsRedeemed),
    redeemedByMerchants: decimal(credits.redeemedByMerchants),
    redeemedIntoParking: decimal(parking.creditsUsed),
    platformFees: decimal(parking.platformCuts),
    netCost: decimal(model.creditsRedeemed - parking.platformCuts),
    krwPaidOutPerKg: ratio(model.creditsRedeemed, kgCollected),
    creditsSpentAtMerchants: decimal(credits.spentAtMerchants),
    creditsOutstanding: decimal(model.creditSupply),
  };
}

function countKpis(model: ModelState, gas: GasStats): CountKpis {
  const outcomesByKind: CountKpis["outcomesByKind"] = {};
  for (const [kind, byStatus] of Object.entries(model.counters.byKind)) {
    if (byStatus !== undefined) outcomesByKind[kind] = { ...byStatus };
  }
  return {
    events: gas.events,
    transactions: gas.transactions,
    blocks: gas.blocks,
    outcomesByKind,
  };
}

export function computeKpis(model: ModelState, gas: GasStats, context: KpiContext): Kpis {
  const { events: _events, transactions: _transactions, blocks: _blocks, ...gasByKind } = gas;
  const citizens: string[] = [];
  for (const actor of context.actors)
    if (actor.roles.includes("citizen")) citizens.push(actor.name);
  return {
    format: KPIS_FORMAT,
    units: KPI_UNITS,
    runDays: { first: kstDate(context.runDays.firstDay), days: context.runDays.days },
    parking: parkingKpis({
      counters: model.counters.parking,
      slots: context.slots,
      runDays: context.runDays,
      outcomes: context.outcomes,
    }),
    recycling: recyclingKpis({ model, citizens, outcomes: context.outcomes }),
    city: cityKpis(model),
    gas: gasByKind,
    counts: countKpis(model, gas),
    series: seriesKpis({
      series: context.series,
      slots: context.slots,
      runDays: context.runDays,
      creditsEarned: creditsEarnedByCitizen(
        citizens,
        model.counters.recycling.creditsEarnedByCitizen,
      ),
      gas,
      gasPricing: checkGasPricing({ ...DEFAULT_GAS_PRICING, ...definedOnly(context.gasPricing) }),
    }),
  };
}

/** The prices given, without keys set to undefined (which would hide a default). */
function definedOnly(pricing: Partial<GasPricing> | undefined): Partial<GasPricing> {
  const out: Partial<GasPricing> = {};
  if (pricing?.gasPriceGwei !== undefined) out.gasPriceGwei = pricing.gasPriceGwei;
  if (pricing?.krwPerEth !== undefined) out.krwPerEth = pricing.krwPerEth;
  return out;
}

/** kpis.json's text: two-space indented, final newline. */
export function formatKpis(kpis: Kpis): string {
  return JSON.stringify(kpis, null, 2) + "\n";
}
