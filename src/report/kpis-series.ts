/**
 * The `series` section of kpis.json, from what a `SeriesCollector` gathered, the slots'
 * availability, the model's credits per citizen and the replay's gas. Each series sums to
 * its headline KPI (booked and offered hours, kg collected, credits minted and redeemed),
 * which the tests check, so a chart never tells a different story from the tables.
 */
import { MATERIALS } from "../scenario/trace-schema.js";
import { gasCostOf, type GasPricing } from "./gas-cost.js";
import type { GasStats } from "./gas.js";
import { giniOf, lorenzOf } from "./gini.js";
import { decimal, hoursOfUnits, kgOf, kstDate, ratio } from "./kpi-math.js";
import { availableUnitsByHour, type RunDays, type SlotForReport } from "./occupancy.js";
import { HOURS_PER_DAY, type CreditFlows, type SeriesTotals } from "./series-collector.js";
import type {
  CreditsByDay,
  HourlyOccupancy,
  KgByDay,
  OccupancyByHour,
  SeriesKpis,
} from "./series-types.js";

export interface SeriesKpiInputs {
  series: SeriesTotals;
  slots: readonly SlotForReport[];
  runDays: RunDays;
  /** Credits earned by every citizen who joined, zeros included (`creditsEarnedByCitizen`). */
  creditsEarned: readonly bigint[];
  gas: Pick<GasStats, "byKind" | "totalGas">;
  gasPricing: GasPricing;
}

const zeros = (): number[] => Array<number>(HOURS_PER_DAY).fill(0);

function hourly(booked: readonly number[], available: readonly number[]): HourlyOccupancy {
  const hours = zeros().map((_, h) => h);
  return {
    rate: hours.map((h) => ratio(booked[h] ?? 0, available[h] ?? 0)),
    bookedUnitHours: hours.map((h) => hoursOfUnits(booked[h] ?? 0)),
    availableUnitHours: hours.map((h) => hoursOfUnits(available[h] ?? 0)),
  };
}

/** Every district with a slot, then any booked without one (as the KPI's `byDistrict`). */
export function occupancyByHour(
  series: SeriesTotals,
  slots: readonly SlotForReport[],
  runDays: RunDays,
): OccupancyByHour {
  const available = availableUnitsByHour(slots, runDays);
  const booked = series.bookedUnitsByHour;
  const allBooked = zeros();
  const allAvailable = zeros();
  const byDistrict: Record<string, HourlyOccupancy> = {};
  for (const district of new Set([...available.keys(), ...booked.keys()])) {
    const b = booked.get(district) ?? zeros();
    const a = available.get(district) ?? zeros();
    for (let h = 0; h < HOURS_PER_DAY; h++) {
      allBooked[h] = (allBooked[h] ?? 0) + (b[h] ?? 0);
      allAvailable[h] = (allAvailable[h] ?? 0) + (a[h] ?? 0);
    }
    byDistrict[district] = hourly(b, a);
  }
  return {
    hours: zeros().map((_, h) => h),
    all: hourly(allBooked, allAvailable),
    byDistrict,
  };
}

/**
 * Every KST day from the first of the run (or of the data, if earlier) to the last of the
 * run (or of the data: a generated trace's settlement tail may run past the run's days).
 */
export function dayRange(runDays: RunDays, dataDays: Iterable<number>): number[] {
  let first = runDays.days > 0 ? runDays.firstDay : Infinity;
  let last = runDays.days > 0 ? runDays.firstDay + runDays.days - 1 : -Infinity;
  for (const day of dataDays) {
    first = Math.min(first, day);
    last = Math.max(last, day);
  }
  const days: number[] = [];
  for (let day = first; day <= last; day++) days.push(day);
  return days;
}

export function kgByDay(series: SeriesTotals, days: readonly number[]): KgByDay {
  const byMaterial: Record<string, number[]> = {};
  for (const material of MATERIALS) {
    byMaterial[material] = days.map((day) => kgOf(series.gramsByDay.get(day)?.[material] ?? 0));
  }
  return { days: days.map(kstDate), byMaterial };
}

export function creditsByDay(series: SeriesTotals, days: readonly number[]): CreditsByDay {
  const flows = days.map((day) => series.creditsByDay.get(day));
  const amounts = (pick: (f: Readonly<CreditFlows>) => bigint) =>
    flows.map((f) => (f === undefined ? 0n : pick(f)));
  const column = (pick: (f: Readonly<CreditFlows>) => bigint) => amounts(pick).map(decimal);
  let outstanding = 0n;
  const outstandingAtDayEnd = amounts(
    (f) => f.mintedAtDeposits + f.mintedAtClaims - f.redeemedByMerchants - f.redeemedIntoParking,
  ).map((change) => decimal((outstanding += change)));
  return {
    days: days.map(kstDate),
    minted: column((f) => f.mintedAtDeposits + f.mintedAtClaims),
    mintedAtDeposits: column((f) => f.mintedAtDeposits),
    mintedAtClaims: column((f) => f.mintedAtClaims),
    redeemed: column((f) => f.redeemedByMerchants + f.redeemedIntoParking),
    redeemedByMerchants: column((f) => f.redeemedByMerchants),
    redeemedIntoParking: column((f) => f.redeemedIntoParking),
    outstandingAtDayEnd,
  };
}

export function seriesKpis(inputs: SeriesKpiInputs): SeriesKpis {
  const { series, runDays } = inputs;
  const days = dayRange(runDays, [...series.gramsByDay.keys(), ...series.creditsByDay.keys()]);
  return {
    occupancyByHour: occupancyByHour(series, inputs.slots, runDays),
    kgByDay: kgByDay(series, days),
    creditsByDay: creditsByDay(series, days),
    creditDistribution: {
      citizens: inputs.creditsEarned.length,
      lorenz: lorenzOf(inputs.creditsEarned),
      gini: giniOf(inputs.creditsEarned),
    },
    gasCost: gasCostOf(inputs.gas, inputs.gasPricing),
  };
}
