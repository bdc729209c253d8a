import type { GasContext, MeasuredTx } from "./gas-context.js";
import type { GasOp } from "./gas-stats.js";
import { GAS_UNIT_PRICE, SLOT_GROUPS, type BenchSlot, type SlotGroup } from "./gas-slots.js";
import { bookTx, bookingIdOf, bookingOpTx } from "./pilot-setup.js";
import { HOUR, WORD_SECONDS, alignUp, reservationWord } from "./time.js";

/** Rounds are 4 hours apart, so 16 rounds fill one 64-hour reservation word exactly. */
const ROUND_SECONDS = 4 * HOUR;
/** Every booking is one hour (4 units). */
const BOOKING_SECONDS = HOUR;
const BOOKING_UNITS = BigInt(BOOKING_SECONDS / 900);

type BookingMethod = Parameters<typeof bookingOpTx>[1];

/** A live booking of a round. */
interface RoundBooking {
  readonly group: SlotGroup;
  readonly slot: BenchSlot;
  readonly driver: string;
  readonly id: bigint;
}

/** What the scenario knows of the chain's storage: enough to tell cold from warm. */
class StorageModel {
  /** Live reservations per (slot, reservation word): 0 means the word is empty on chain. */
  readonly #liveInWord = new Map<string, number>();
  /** Owners already paid once (their KRW balance is no longer zero). */
  readonly #paidOwners = new Set<string>();

  #key(slot: BenchSlot, start: number): string {
    return `${slot.id}:${reservationWord(start)}`;
  }

  wordEmpty(slot: BenchSlot, start: number): boolean {
    return (this.#liveInWord.get(this.#key(slot, start)) ?? 0) === 0;
  }

  reserve(slot: BenchSlot, start: number, delta: 1 | -1): void {
    const key = this.#key(slot, start);
    this.#liveInWord.set(key, (this.#liveInWord.get(key) ?? 0) + delta);
  }

  ownerPaid(slot: BenchSlot): boolean {
    return this.#paidOwners.has(slot.owner);
  }

  pay(slot: BenchSlot): void {
    this.#paidOwners.add(slot.owner);
  }
}

/** What a step does: whether it pays the owner, frees the units, and is sent by a keeper. */
interface StepKind {
  readonly op: GasOp;
  readonly method: BookingMethod;
  readonly payout: boolean;
  readonly releases: boolean;
  readonly byKeeper: boolean;
}

/** The steps of a round after booking: on which groups, when (seconds from the start). */
const ROUND_STEPS: readonly {
  readonly kind: StepKind;
  readonly groups: readonly SlotGroup[];
  readonly at: number;
}[] = [
  {
    kind: { op: "cancelFree", method: "cancel", payout: false, releases: true, byKeeper: false },
    groups: ["cancelFree"],
    at: -2 * HOUR + 60,
  },
  {
    kind: { op: "cancelLate", method: "cancel", payout: true, releases: true, byKeeper: false },
    groups: ["cancelLate"],
    at: -30 * 60,
  },
  {
    kind: { op: "checkIn", method: "checkIn", payout: false, releases: false, byKeeper: false },
    groups: ["out", "overstay"],
    at: -10 * 60,
  },
  {
    kind: { op: "checkOut", method: "checkOut", payout: true, releases: false, byKeeper: false },
    groups: ["out"],
    at: BOOKING_SECONDS - 5 * 60,
  },
  {
    // A no-show is settled by a keeper once the grace period (600 s) after the end is over.
    kind: { op: "settle", method: "settle", payout: true, releases: false, byKeeper: true },
    groups: ["noShow"],
    at: BOOKING_SECONDS + 700,
  },
  {
    // 30 minutes late: past the grace period, 2 units of overstay.
    kind: {
      op: "checkOutOverstay",
      method: "checkOut",
      payout: true,
      releases: false,
      byKeeper: false,
    },
    groups: ["overstay"],
    at: BOOKING_SECONDS + 30 * 60,
  },
];

/**
 * Replays `rounds` rounds on the groups' slots and records the gas of every booking
 * operation. In each round every slot is booked for [s, s + 1h), then, per group: cancelled
 * free (s - 1h59m), cancelled late (s - 30m), checked in (s - 10m) and out on time (e - 5m),
 * settled as a no-show (e + 11m40s), checked out with overstay (e + 30m); the credits group's
 * bookings stay live. Each block holds at most one transaction per slot and per owner, so
 * whether a transaction is cold is known before it is sent, whatever the order in the block.
 */
export async function measureBookingRounds(
  ctx: GasContext,
  groups: ReadonlyMap<SlotGroup, readonly BenchSlot[]>,
  drivers: readonly string[],
  rounds: number,
): Promise<void> {
  // Start on a reservation word boundary, so that no booking straddles two words.
  const base = alignUp(ctx.sender.now + 2 * 86_400, WORD_SECONDS);
  const model = new StorageModel();
  for (let round = 0; round < rounds; round++) {
    const start = base + round * ROUND_SECONDS;
    const live = await bookRound(ctx, model, groups, drivers, round, start);
    for (const step of ROUND_STEPS) {
      const bookings = live.filter((b) => step.groups.includes(b.group));
      await endBookings(ctx, model, step.kind, bookings, start, start + step.at);
    }
  }
}

/** Books every slot of every group for [start, start + 1h), two hours ahead, in one block. */
async function bookRound(
  ctx: GasContext,
  model: StorageModel,
  groups: ReadonlyMap<SlotGroup, readonly BenchSlot[]>,
  drivers: readonly string[],
  round: number,
  start: number,
): Promise<RoundBooking[]> {
  const end = start + BOOKING_SECONDS;
  const booked: Omit<RoundBooking, "id">[] = [];
  const txs: MeasuredTx[] = [];
  for (const group of SLOT_GROUPS) {
    for (const slot of groups.get(group) ?? []) {
      const driver = drivers[(round * 1_000 + booked.length) % drivers.length];
      if (driver === undefined) throw new Error("no drivers");
      const withCredits = group === "credits";
      const credits = withCredits ? (BOOKING_UNITS * GAS_UNIT_PRICE) / 2n : 0n;
      const label = `book slot ${slot.id} [${start}, ${end}) round ${round}`;
      txs.push({
        op: withCredits ? "bookCredits" : "bookKrw",
        cold: model.wordEmpty(slot, start),
        tx: bookTx(ctx.chain, driver, slot.id, start, end, credits, label),
      });
      booked.push({ group, slot, driver });
    }
  }
  const outcomes = await ctx.measureBlock(txs, start - 2 * HOUR);
  const live: RoundBooking[] = [];
  for (const [i, outcome] of outcomes.entries()) {
    const b = booked[i];
    if (b === undefined || !outcome.ok) continue;
    model.reserve(b.slot, start, 1);
    live.push({ ...b, id: await bookingIdOf(ctx.chain, outcome.hash) });
  }
  return live;
}

/** Sends `kind` for every booking of `bookings` in one block at `at`, and updates the model. */
async function endBookings(
  ctx: GasContext,
  model: StorageModel,
  kind: StepKind,
  bookings: readonly RoundBooking[],
  start: number,
  at: number,
): Promise<void> {
  const txs = bookings.map((b): MeasuredTx => ({
    op: kind.op,
    cold: kind.payout && !model.ownerPaid(b.slot),
    tx: bookingOpTx(
      ctx.chain,
      kind.method,
      kind.byKeeper ? ctx.chain.admin.address : b.driver,
      b.id,
      `${kind.op} booking ${b.id} slot ${b.slot.id}`,
    ),
  }));
  const outcomes = await ctx.measureBlock(txs, at);
  outcomes.forEach((outcome, i) => {
    const b = bookings[i];
    if (b === undefined || !outcome.ok) return;
    if (kind.payout) model.pay(b.slot);
    if (kind.releases) model.reserve(b.slot, start, -1);
  });
}
