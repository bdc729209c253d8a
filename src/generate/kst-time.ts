/**
 * Korea Standard Time arithmetic on Unix seconds. The city's clocks (hourly profiles, slot
 * availability, KST days of the recycling caps) are KST, UTC+9 all year (no daylight saving).
 */

export const SECONDS_PER_HOUR = 3600;
export const SECONDS_PER_DAY = 86_400;
export const SECONDS_PER_WEEK = 7 * SECONDS_PER_DAY;
/** Bookings are whole 15-minute units (SPEC.md section 2). */
export const UNIT_SECONDS = 900;
export const UNITS_PER_DAY = SECONDS_PER_DAY / UNIT_SECONDS;
export const UNITS_PER_WEEK = 7 * UNITS_PER_DAY;
/** The longest booking: 96 units, one day. */
export const MAX_BOOKING_UNITS = 96;

const KST_OFFSET_SECONDS = 9 * SECONDS_PER_HOUR;
/** 1970-01-01 was a Thursday: day 0 is weekday 3 when Monday is 0. */
const EPOCH_WEEKDAY = 3;

/** The KST day a time falls on: `floor((time + 32400) / 86400)` (SPEC.md section 3). */
export function kstDay(time: number): number {
  return Math.floor((time + KST_OFFSET_SECONDS) / SECONDS_PER_DAY);
}

/** Unix seconds of KST midnight starting day `day` (a {@link kstDay} value). */
export function kstDayStart(day: number): number {
  return day * SECONDS_PER_DAY - KST_OFFSET_SECONDS;
}

/** Weekday of a KST day, Monday 0 ... Sunday 6. */
export function weekdayOf(day: number): number {
  return (((day + EPOCH_WEEKDAY) % 7) + 7) % 7;
}

export function isWeekend(day: number): boolean {
  return weekdayOf(day) >= 5;
}

/** The 15-minute unit of the KST week a time falls in (Monday 00:00 is unit 0). */
export function weekUnitOf(time: number): number {
  const day = kstDay(time);
  const secondOfDay = time - kstDayStart(day);
  return weekdayOf(day) * UNITS_PER_DAY + Math.floor(secondOfDay / UNIT_SECONDS);
}

const twoDigits = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/**
 * ISO 8601 in KST with its offset, whole seconds: `2026-04-06T08:15:00+09:00`. Called for
 * every line, so the date part is formatted once per day and the last answer is reused
 * (consecutive events often share a time: a kiosk batch, the joins).
 */
export const isoKst: (time: number) => string = (() => {
  let lastTime = Number.NaN;
  let lastIso = "";
  let lastDay = Number.NaN;
  let datePart = "";
  return (time: number): string => {
    if (time === lastTime) return lastIso;
    const local = time + KST_OFFSET_SECONDS;
    const day = Math.floor(local / SECONDS_PER_DAY);
    if (day !== lastDay) {
      lastDay = day;
      datePart = new Date(day * SECONDS_PER_DAY * 1000).toISOString().slice(0, 11);
    }
    const second = local - day * SECONDS_PER_DAY;
    const [h, m, sec] = [Math.floor(second / 3600), Math.floor(second / 60) % 60, second % 60];
    const clock = `${twoDigits(h)}:${twoDigits(m)}:${twoDigits(sec)}`;
    lastTime = time;
    lastIso = `${datePart}${clock}+09:00`;
    return lastIso;
  };
})();
