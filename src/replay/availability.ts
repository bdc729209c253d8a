/**
 * Weekly availability strings (SPEC.md section 4, `slot.register`) to the market's bitmap.
 *
 * The market keeps a slot's week as 672 bits of 15-minute units in Korea Standard Time:
 * Monday 00:00 KST is unit 0, a day is 96 units, and unit `i` is bit `i & 255` of word
 * `i >> 8` (contracts/parking/libraries/UnitBitmap.sol).
 */

export const UNITS_PER_DAY = 96;
export const UNITS_PER_WEEK = 7 * UNITS_PER_DAY;

/** The market's `uint256[3]` weekly availability. */
export type WeekBitmap = readonly [bigint, bigint, bigint];

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
const ENTRY = /^([A-Z][a-z]{2})(?:-([A-Z][a-z]{2}))? (\d{2}):(\d{2})-(\d{2}):(\d{2})$/;

/** A validated entry as a day range and a unit range within each of those days. */
interface ParsedEntry {
  days: number[];
  fromUnit: number;
  toUnit: number;
}

function dayIndex(name: string, entry: string): number {
  const index = WEEKDAYS.indexOf(name as (typeof WEEKDAYS)[number]);
  if (index < 0) throw new RangeError(`availability '${entry}': unknown day '${name}'`);
  return index;
}

function unitOf(hours: string, minutes: string, entry: string): number {
  const h = Number(hours);
  const m = Number(minutes);
  if (m % 15 !== 0 || h > 24 || (h === 24 && m !== 0) || m > 59) {
    throw new RangeError(`availability '${entry}': ${hours}:${minutes} is not a quarter hour`);
  }
  return h * 4 + m / 15;
}

/**
 * Parses `Mon-Fri 09:00-18:00`. A day range runs forward and wraps past Sunday
 * (`Sat-Mon` is Saturday, Sunday, Monday); trace validation may refuse wraps, this does not
 * need to.
 */
export function parseAvailabilityEntry(entry: string): ParsedEntry {
  const match = ENTRY.exec(entry);
  if (match === null)
    throw new RangeError(`availability '${entry}': expected 'Mon-Fri 09:00-18:00'`);
  const [, firstDay = "", lastDay = firstDay, fh = "", fm = "", th = "", tm = ""] = match;
  const first = dayIndex(firstDay, entry);
  const last = dayIndex(lastDay, entry);
  const fromUnit = unitOf(fh, fm, entry);
  const toUnit = unitOf(th, tm, entry);
  if (toUnit <= fromUnit) throw new RangeError(`availability '${entry}': end must be after start`);
  const count = ((last - first + 7) % 7) + 1;
  const days = Array.from({ length: count }, (_, i) => (first + i) % 7);
  return { days, fromUnit, toUnit };
}

/** The week units (0..671) an entry makes available, in ascending order within each day. */
export function unitsOfEntry(entry: string): number[] {
  const { days, fromUnit, toUnit } = parseAvailabilityEntry(entry);
  return days.flatMap((day) =>
    Array.from({ length: toUnit - fromUnit }, (_, i) => day * UNITS_PER_DAY + fromUnit + i),
  );
}

/** Sets week unit `unit` in `words` (mutates; used only while building a bitmap). */
function setUnit(words: bigint[], unit: number): void {
  const word = unit >> 8;
  words[word] = (words[word] ?? 0n) | (1n << BigInt(unit & 255));
}

/**
 * The market's bitmap for a list of entries (their union). An empty list is a slot that
 * is never available.
 */
export function availabilityBitmap(entries: readonly string[]): WeekBitmap {
  const words = [0n, 0n, 0n];
  for (const entry of entries) {
    for (const unit of unitsOfEntry(entry)) setUnit(words, unit);
  }
  return [words[0] ?? 0n, words[1] ?? 0n, words[2] ?? 0n];
}

/** Whether week unit `unit` is set in `bitmap` (the inverse view, for tests and reports). */
export function isUnitAvailable(bitmap: WeekBitmap, unit: number): boolean {
  if (unit < 0 || unit >= UNITS_PER_WEEK) return false;
  return ((bitmap[unit >> 8] ?? 0n) >> BigInt(unit & 255)) & 1n ? true : false;
}
