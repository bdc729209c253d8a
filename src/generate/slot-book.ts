/**
 * The generator's own bookkeeping of slot reservations, so that it books what is free and
 * booking success rates stay realistic. Only the near future is kept: a reservation is
 * dropped once it has ended, so the book holds at most the trips in flight.
 */
import { coversStay } from "./availability.js";
import type { Cast } from "./cast.js";

export class SlotBook {
  /** Per slot, reservations as flat pairs `[start0, end0, start1, end1, ...]`. */
  readonly #reserved: number[][];

  constructor(slots: number) {
    this.#reserved = Array.from({ length: slots }, () => []);
  }

  isFree(slot: number, start: number, end: number): boolean {
    const pairs = this.#reserved[slot] ?? [];
    for (let i = 0; i < pairs.length; i += 2) {
      if ((pairs[i] ?? 0) < end && start < (pairs[i + 1] ?? 0)) return false;
    }
    return true;
  }

  reserve(slot: number, start: number, end: number): void {
    this.#reserved[slot]?.push(start, end);
  }

  /** Frees a reservation (a trip dropped before its booking was sent). */
  release(slot: number, start: number, end: number): void {
    const pairs = this.#reserved[slot] ?? [];
    for (let i = 0; i < pairs.length; i += 2) {
      if (pairs[i] === start && pairs[i + 1] === end) {
        pairs.splice(i, 2);
        return;
      }
    }
  }

  /** Drops every reservation that ended by `time`. */
  prune(time: number): void {
    for (const pairs of this.#reserved) {
      let kept = 0;
      for (let i = 0; i < pairs.length; i += 2) {
        const start = pairs[i] ?? 0;
        const end = pairs[i + 1] ?? 0;
        if (end <= time) continue;
        pairs[kept++] = start;
        pairs[kept++] = end;
      }
      pairs.length = kept;
    }
  }

  /** Reservations held now, for the streaming test. */
  get size(): number {
    return this.#reserved.reduce((n, pairs) => n + pairs.length / 2, 0);
  }
}

/**
 * A slot of the district available for the whole stay and free in the book, scanning the
 * district's slots from a random position (`offset` in [0, 1)); undefined if none is.
 * Availability patterns are drawn per slot, so a scan from a random start picks among the
 * fitting slots nearly uniformly, and stops at the first fit: a few checks when the city
 * has room, one pass over the district when it has none.
 */
export function findSlot(
  cast: Cast,
  book: SlotBook,
  district: number,
  stay: { start: number; end: number },
  offset: number,
): number | undefined {
  const slots = cast.districts[district]?.slots ?? [];
  const n = slots.length;
  const first = Math.floor(offset * n);
  for (let k = 0; k < n; k++) {
    const slot = slots[(first + k) % n] ?? 0;
    const availability = cast.slots[slot]?.availability;
    if (availability === undefined || !coversStay(availability, stay.start, stay.end)) continue;
    if (book.isFree(slot, stay.start, stay.end)) return slot;
  }
  return undefined;
}
