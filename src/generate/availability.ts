/**
 * Weekly slot availability (SPEC.md section 2): the `Mon-Fri 09:00-18:00` entries of a
 * scenario pattern as 672 quarter-hour units, kept as running sums so that "is the slot
 * available for this whole stay" costs two lookups, whatever the stay's length.
 */
import { UNITS_PER_DAY, UNITS_PER_WEEK, UNIT_SECONDS, weekUnitOf } from "./kst-time.js";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** Running sums of available units: `sums[u]` counts available units before unit `u`. */
export type WeeklyAvailability = Int32Array;

function unitOfClock(clock: string): number {
  const [hours = "0", minutes = "0"] = clock.split(":");
  return (Number(hours) * 60 + Number(minutes)) / 15;
}

/** Marks the units of one validated entry (`Sat-Sun 00:00-24:00`) in a week of units. */
function markEntry(units: Uint8Array, entry: string): void {
  const [days = "", clocks = ""] = entry.split(" ");
  const [firstDay = "", lastDay = firstDay] = days.split("-");
  const [from = "", to = ""] = clocks.split("-");
  const first = WEEKDAYS.indexOf(firstDay);
  const last = WEEKDAYS.indexOf(lastDay);
  for (let day = first; day <= last; day++) {
    const base = day * UNITS_PER_DAY;
    units.fill(1, base + unitOfClock(from), base + unitOfClock(to));
  }
}

/** The availability of a list of entries (already checked by the scenario schema). */
export function weeklyAvailability(entries: readonly string[]): WeeklyAvailability {
  const units = new Uint8Array(UNITS_PER_WEEK);
  for (const entry of entries) markEntry(units, entry);
  const sums = new Int32Array(UNITS_PER_WEEK + 1);
  for (let u = 0; u < UNITS_PER_WEEK; u++) sums[u + 1] = (sums[u] ?? 0) + (units[u] ?? 0);
  return sums;
}

function availableUnits(sums: WeeklyAvailability, from: number, to: number): number {
  return (sums[to] ?? 0) - (sums[from] ?? 0);
}

/** Whether every unit of `[start, end)` (aligned, at most a day long) is available. */
export function coversStay(sums: WeeklyAvailability, start: number, end: number): boolean {
  const units = (end - start) / UNIT_SECONDS;
  const first = weekUnitOf(start);
  const last = first + units;
  if (last <= UNITS_PER_WEEK) return availableUnits(sums, first, last) === units;
  // A stay across Sunday midnight wraps to Monday's units.
  return (
    availableUnits(sums, first, UNITS_PER_WEEK) + availableUnits(sums, 0, last - UNITS_PER_WEEK) ===
    units
  );
}

/** Available hours per week, for the occupancy arithmetic of reports and tests. */
export function availableHoursPerWeek(sums: WeeklyAvailability): number {
  return ((sums[UNITS_PER_WEEK] ?? 0) * UNIT_SECONDS) / 3600;
}
