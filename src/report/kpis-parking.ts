/**
 * Parking KPIs: occupancy, revenue by owner and district, cost per hour parked, and how
 * bookings ended.
 */
import type { ParkingCounters } from "../model/counters.js";
import type { Decimal, OccupancyFigures, ParkingKpis } from "./kpi-types.js";
import { decimal, decimals, hoursOfUnits, ratio, sumValues } from "./kpi-math.js";
import { availableUnitsByDistrict, type RunDays, type SlotForReport } from "./occupancy.js";
import type { OutcomeTotals } from "./outcome-collector.js";

export interface ParkingKpiInputs {
  counters: ParkingCounters;
  slots: readonly SlotForReport[];
  runDays: RunDays;
  outcomes: OutcomeTotals;
}

function occupancyOf(bookedUnits: number, availableUnits: number): OccupancyFigures {
  return {
    rate: ratio(bookedUnits, availableUnits),
    bookedUnitHours: hoursOfUnits(bookedUnits),
    availableUnitHours: hoursOfUnits(availableUnits),
  };
}

/** Every district with a slot, then any district booked without one (none in a valid trace). */
function occupancyByDistrict(inputs: ParkingKpiInputs): ParkingKpis["occupancy"] {
  const available = availableUnitsByDistrict(inputs.slots, inputs.runDays);
  const booked = inputs.outcomes.keptUnitsByDistrict;
  const districts = new Set([...available.keys(), ...booked.keys()]);
  const byDistrict: Record<string, OccupancyFigures> = {};
  for (const district of districts) {
    byDistrict[district] = occupancyOf(booked.get(district) ?? 0, available.get(district) ?? 0);
  }
  const total = occupancyOf(sumValues(booked.values()), sumValues(available.values()));
  return { ...total, byDistrict };
}

/** Revenue of every key in `keys` (0 where none), then of any other key the counters name. */
function withZeros(
  keys: Iterable<string>,
  revenue: ReadonlyMap<string, bigint>,
): Record<string, Decimal> {
  const all = new Map<string, bigint>();
  for (const key of keys) all.set(key, 0n);
  for (const [key, amount] of revenue) all.set(key, amount);
  return decimals(all);
}

export function parkingKpis(inputs: ParkingKpiInputs): ParkingKpis {
  const { counters: c, slots } = inputs;
  const parkedHours = c.parkedSeconds / 3600;
  return {
    slots: slots.length,
    bookings: c.bookings,
    occupancy: occupancyByDistrict(inputs),
    parkedHours,
    charged: decimal(c.charged),
    penalties: decimal(c.penalties),
    cancelFees: decimal(c.cancelFees),
    revenueByOwner: withZeros(
      slots.map((s) => s.owner),
      c.ownerRevenue,
    ),
    revenueByDistrict: withZeros(
      slots.map((s) => s.district),
      c.districtRevenue,
    ),
    averageCostPerDriverHour: ratio(c.charged, parkedHours),
    checkIns: c.checkIns,
    checkOuts: c.checkOuts,
    cancellations: {
      free: c.freeCancels,
      late: c.lateCancels,
      total: c.freeCancels + c.lateCancels,
    },
    noShows: c.noShows,
    overstays: c.overstays,
    creditsUsed: decimal(c.creditsUsed),
    creditsCashedOutThroughRefunds: decimal(c.creditsCashedOut),
  };
}
