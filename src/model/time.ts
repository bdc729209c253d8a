/**
 * Calendar arithmetic in Korea Standard Time (UTC+9, no daylight saving), on Unix seconds.
 */

export const KST_OFFSET_SECONDS = 9 * 3600;
export const SECONDS_PER_DAY = 86_400;
/** A parking unit is 15 minutes. */
export const UNIT_SECONDS = 900;
export const UNITS_PER_DAY = 96;
export const UNITS_PER_WEEK = 7 * UNITS_PER_DAY;
/** 1970-01-01 was a Thursday: day 3 of a week that starts on Monday. */
const UNIX_EPOCH_WEEKDAY = 3;

/** SPEC.md section 3: a KST day is `floor((time + 32400) / 86400)`. */
export function kstDay(time: number): number {
  return Math.floor((time + KST_OFFSET_SECONDS) / SECONDS_PER_DAY);
}

/** Unix seconds of the KST midnight that starts the day of `time`. */
export function kstMidnight(time: number): number {
  return kstDay(time) * SECONDS_PER_DAY - KST_OFFSET_SECONDS;
}

/** Index of the 15-minute unit that starts at `time` in the KST week (Monday 00:00 is 0). */
export function weekUnitOf(time: number): number {
  const unitsSinceUnixEpoch = Math.floor((time + KST_OFFSET_SECONDS) / UNIT_SECONDS);
  const unit = unitsSinceUnixEpoch + UNIX_EPOCH_WEEKDAY * UNITS_PER_DAY;
  return ((unit % UNITS_PER_WEEK) + UNITS_PER_WEEK) % UNITS_PER_WEEK;
}
