/**
 * The units a slot has promised to live bookings, for the overlap check of `book`.
 *
 * A booking reserves `[start, end)`. A cancel frees it; an early check-out does not (its
 * units stay reserved until `end`). Since a new booking starts at or after now, a
 * reservation that ended before now can never overlap again and is dropped, so the list
 * holds only the slot's bookings that have not ended yet.
 */

interface Reservation {
  start: number;
  end: number;
  booking: string;
}

export class SlotReservations {
  private live: Reservation[] = [];

  /** Whether `[start, end)` overlaps a reservation, after dropping those ended by `now`. */
  overlaps(start: number, end: number, now: number): boolean {
    if (this.live.some((r) => r.end <= now)) this.live = this.live.filter((r) => r.end > now);
    return this.live.some((r) => r.start < end && start < r.end);
  }

  reserve(booking: string, start: number, end: number): void {
    this.live.push({ start, end, booking });
  }

  release(booking: string): void {
    this.live = this.live.filter((r) => r.booking !== booking);
  }

  get size(): number {
    return this.live.length;
  }
}
