/**
 * Slot occupancy: booked unit-hours of bookings not cancelled, over the unit-hours the slots
 * were offered on the run's days. A no-show still counts as booked (the slot was held for
 * the driver and paid for); a cancelled booking does not (the slot was free again).
 */
import type { ReferenceModel } from "../model/model.js";
import { UNITS_PER_DAY, kstDay } from "../model/time.js";

/** A slot as the occupancy needs it: its district and weekly availability. */
export interface SlotForReport {
  slot: string;
  owner: string;
  district: string;
  /** 7 x 96 flags of 15-minute units in KST, Monday 00:00 first; 1 where available. */
  week: ArrayLike<number>;
}

/** The KST days the run covers: `days` days from day index `firstDay` (days since 1970-01-01 KST). */
export interface RunDays {
  firstDay: number;
  days: number;
}

/** 1970-01-01 was a Thursday: weekday 3 of a week that starts on Monday. */
const UNIX_EPOCH_WEEKDAY = 3;

/** The slots the model registered, in order of registration. */
export function slotsOfModel(model: ReferenceModel): SlotForReport[] {
  const slots = model.parking?.slots.values() ?? [];
  return [...slots].map(({ name, owner, district, week }) => ({
    slot: name,
    owner,
    district,
    week,
  }));
}

/**
 * The KST days from the day of `firstTime` to the day of `lastTime`, both included. A
 * generated trace's settlement tail runs past the scenario's last day; callers that know the
 * scenario's days pass them instead, so the tail does not add a day of empty capacity.
 */
export function runDaysBetween(firstTime: number, lastTime: number): RunDays {
  const firstDay = kstDay(firstTime);
  return { firstDay, days: Math.max(0, kstDay(lastTime) - firstDay + 1) };
}

/** The run's days of one scenario: `days` days from the KST day of `startTime`. */
export function runDaysFrom(startTime: number, days: number): RunDays {
  return { firstDay: kstDay(startTime), days };
}

function weekdayOfDay(day: number): number {
  return (((day + UNIX_EPOCH_WEEKDAY) % 7) + 7) % 7;
}

/** How many times each weekday (Monday first) occurs among the run's days. */
export function weekdayCounts({ firstDay, days }: RunDays): number[] {
  const counts = Array<number>(7).fill(Math.floor(days / 7));
  for (let i = 0; i < days % 7; i++) {
    const weekday = weekdayOfDay(firstDay + i);
    counts[weekday] = (counts[weekday] ?? 0) + 1;
  }
  return counts;
}

/** Available 15-minute units of one slot over the run's days. */
export function availableUnits(week: ArrayLike<number>, counts: readonly number[]): number {
  let units = 0;
  for (let weekday = 0; weekday < 7; weekday++) {
    let perDay = 0;
    for (let unit = 0; unit < UNITS_PER_DAY; unit++)
      perDay += week[weekday * UNITS_PER_DAY + unit] ?? 0;
    units += perDay * (counts[weekday] ?? 0);
  }
  return units;
}

/** Available units by district over the run's days. */
export function availableUnitsByDistrict(
  slots: readonly SlotForReport[],
  runDays: RunDays,
): Map<string, number> {
  const counts = weekdayCounts(runDays);
  const byDistrict = new Map<string, number>();
  for (const slot of slots) {
    const units = availableUnits(slot.week, counts);
    byDistrict.set(slot.district, (byDistrict.get(slot.district) ?? 0) + units);
  }
  return byDistrict;
}

/**
 * Available units by district and KST hour of day (24 entries each) over the run's days:
 * the denominator of occupancy by hour. Summed over the hours it is `availableUnitsByDistrict`.
 */
export function availableUnitsByHour(
  slots: readonly SlotForReport[],
  runDays: RunDays,
): Map<string, number[]> {
  const counts = weekdayCounts(runDays);
  const byDistrict = new Map<string, number[]>();
  for (const slot of slots) {
    let hours = byDistrict.get(slot.district);
    if (hours === undefined) byDistrict.set(slot.district, (hours = Array<number>(24).fill(0)));
    for (let weekday = 0; weekday < 7; weekday++) {
      const times = counts[weekday] ?? 0;
      for (let unit = 0; unit < UNITS_PER_DAY; unit++) {
        const hour = Math.floor(unit / 4);
        hours[hour] = (hours[hour] ?? 0) + (slot.week[weekday * UNITS_PER_DAY + unit] ?? 0) * times;
      }
    }
  }
  return byDistrict;
}
