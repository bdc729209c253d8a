/**
 * A slot's weekly availability: 7 x 96 units of 15 minutes in KST, Monday 00:00 is unit 0,
 * parsed from the trace's strings such as `"Mon-Fri 09:00-18:00"`.
 */
import { UNITS_PER_DAY, UNITS_PER_WEEK, weekUnitOf } from "./time.js";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
const ENTRY = /^([A-Z][a-z]{2})(?:-([A-Z][a-z]{2}))? (\d{2}):(\d{2})-(\d{2}):(\d{2})$/;

/** One flag per unit of the week: 1 where the slot is available. */
export type WeeklyAvailability = Uint8Array;

function weekdayIndex(name: string, entry: string): number {
  const index = (WEEKDAYS as readonly string[]).indexOf(name);
  if (index < 0) throw new Error(`availability "${entry}": unknown weekday ${name}`);
  return index;
}

function unitOfClock(hours: string, minutes: string): number {
  return (Number(hours) * 60 + Number(minutes)) / 15;
}

/**
 * The weekdays of a range, in order. A range such as `Sat-Mon` wraps over Sunday into the
 * next week, as a reader of the string would take it.
 */
function weekdaysOf(from: number, to: number): number[] {
  const days: number[] = [];
  for (let day = from; ; day = (day + 1) % WEEKDAYS.length) {
    days.push(day);
    if (day === to) return days;
  }
}

/** Marks the units of one entry, e.g. `"Mon-Fri 09:00-18:00"` or `"Sun 19:00-24:00"`. */
function markEntry(week: WeeklyAvailability, entry: string): void {
  const match = ENTRY.exec(entry);
  if (match === null) throw new Error(`availability "${entry}": expected "Mon-Fri 09:00-18:00"`);
  const [, fromDay = "", toDay, fromH = "", fromM = "", toH = "", toM = ""] = match;
  const first = weekdayIndex(fromDay, entry);
  const last = toDay === undefined ? first : weekdayIndex(toDay, entry);
  const fromUnit = unitOfClock(fromH, fromM);
  const toUnit = unitOfClock(toH, toM);
  if (!Number.isInteger(fromUnit) || !Number.isInteger(toUnit) || toUnit <= fromUnit) {
    throw new Error(`availability "${entry}": quarter hours, end after start within one day`);
  }
  for (const day of weekdaysOf(first, last)) {
    week.fill(1, day * UNITS_PER_DAY + fromUnit, day * UNITS_PER_DAY + toUnit);
  }
}

export function parseAvailability(entries: readonly string[]): WeeklyAvailability {
  const week = new Uint8Array(UNITS_PER_WEEK);
  for (const entry of entries) markEntry(week, entry);
  return week;
}

/** Whether every unit of `[start, start + units * 900)` is available (wrapping Sunday -> Monday). */
export function isAvailable(week: WeeklyAvailability, start: number, units: number): boolean {
  const first = weekUnitOf(start);
  for (let i = 0; i < units; i++) {
    if (week[(first + i) % UNITS_PER_WEEK] !== 1) return false;
  }
  return true;
}

/** Number of available units in the week, for occupancy KPIs. */
export function availableUnitsPerWeek(week: WeeklyAvailability): number {
  let count = 0;
  for (const flag of week) count += flag;
  return count;
}
