/** Seconds in a booking unit (15 minutes). */
export const UNIT_SECONDS = 900;
/** Units in a day and in a week. */
export const UNITS_PER_DAY = 96;
export const UNITS_PER_WEEK = 7 * UNITS_PER_DAY;
/** A reservation word of the market's timeline bitmap covers 256 units (64 hours). */
export const WORD_SECONDS = 256 * UNIT_SECONDS;
export const HOUR = 3_600;
export const DAY = 86_400;

/** The smallest multiple of `step` that is >= `time`. */
export function alignUp(time: number, step: number): number {
  return Math.ceil(time / step) * step;
}

/** The reservation word of the timeline that holds unix time `time`. */
export function reservationWord(time: number): number {
  return Math.floor(time / WORD_SECONDS);
}

/** A weekly availability bitmap (3 words, KST week units) with every unit set. */
export function allWeek(): [bigint, bigint, bigint] {
  return weekly(0, UNITS_PER_DAY);
}

/**
 * A weekly availability bitmap with units `[fromUnit, toUnit)` of every day set (unit 0 is
 * 00:00 KST of the day, 96 is 24:00).
 */
export function weekly(fromUnit: number, toUnit: number): [bigint, bigint, bigint] {
  const words: [bigint, bigint, bigint] = [0n, 0n, 0n];
  for (let day = 0; day < 7; day++) {
    for (let unit = fromUnit; unit < toUnit; unit++) {
      const bit = day * UNITS_PER_DAY + unit;
      const word = bit >> 8;
      words[word as 0 | 1 | 2] |= 1n << BigInt(bit & 255);
    }
  }
  return words;
}
