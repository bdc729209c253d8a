/**
 * What the generator's parts share while a trace is produced: the cast, the rules, the
 * queue of pending work, the estimates (credits, driver budgets, reservations) and the
 * counters a caller can read afterwards.
 */
import type { Scenario } from "../scenario/scenario-schema.js";
import type { Material, SchemeChoice, TraceEvent } from "../scenario/trace-schema.js";
import type { Cast } from "./cast.js";
import type { CreditLedger } from "./credit-ledger.js";
import type { EventQueue } from "./event-queue.js";
import type { SlotBook } from "./slot-book.js";
import type { MarketRules, RecyclingRules } from "./spec-rules.js";

/** A planned trip: its slot and fate are drawn when planned, sent step by step. */
export interface Trip {
  driver: number;
  slot: number;
  bookTime: number;
  start: number;
  end: number;
  /** When the driver cancels; undefined if the trip is not cancelled. */
  cancelAt: number | undefined;
  /** Never checked in: settled by a keeper once `end + graceSeconds` has passed. */
  noShow: boolean;
  checkInAt: number;
  checkOutAt: number;
  /** The driver would pay with credits (if also a citizen holding some). */
  wantsCredits: boolean;
  /** Set when the booking is sent: its name and the amounts at its price. */
  booking: string | undefined;
  fee: bigint;
  deposit: bigint;
  unitPrice: bigint;
}

export type TripStep = "book" | "checkIn" | "checkOut" | "cancel" | "settle";

/** One deposit at a kiosk, sent in a kiosk batch or by the citizen as a receipt. */
export interface PlannedDeposit {
  /** When the plastic went into the kiosk. */
  time: number;
  /** When it reaches the trace: the batch window's last second, or the receipt's sending. */
  sendAt: number;
  kiosk: number;
  citizen: number;
  material: Material;
  grams: number;
  items: number;
  receipt: boolean;
}

export interface SpendIntent {
  citizen: number;
  merchant: number;
  /** Share of the balance to spend, if the citizen holds `minBalance`. */
  share: number;
}

/** Work waiting in the queue for its time. */
export type Pending =
  | { type: "trip"; trip: Trip; step: TripStep }
  | { type: "batch"; key: string }
  | { type: "receipt"; deposit: PlannedDeposit }
  | { type: "spend"; intent: SpendIntent }
  | { type: "redeem" }
  | { type: "price"; slot: number; unitPrice: bigint }
  | { type: "scheme"; choice: SchemeChoice }
  | { type: "claims"; epoch: number };

/** Counters of one generation, readable after (or during) the iteration. */
export interface GenerateStats {
  /** Lines written, and lines per kind. */
  events: number;
  byKind: Partial<Record<TraceEvent["kind"], number>>;
  /** Most items ever pending in the queue, and most deposits ever held in open batches. */
  queuePeak: number;
  openDepositsPeak: number;
  /** Most slot reservations held at a day's start. */
  reservationsPeak: number;
  tripsPlanned: number;
  /** Trips for which no slot of the chosen district was available and free. */
  tripsWithoutSlot: number;
  /** Trips dropped because the driver's KRW could not cover fee and deposit. */
  tripsUnaffordable: number;
  /** Deposits sent to a kiosk whose planned intake was already full. */
  depositsToFullKiosk: number;
  /** Recycling frequency factor of each day (1 without elasticity), first day first. */
  frequencyFactors: number[];
}

export function emptyStats(): GenerateStats {
  return {
    events: 0,
    byKind: {},
    queuePeak: 0,
    openDepositsPeak: 0,
    reservationsPeak: 0,
    tripsPlanned: 0,
    tripsWithoutSlot: 0,
    tripsUnaffordable: 0,
    depositsToFullKiosk: 0,
    frequencyFactors: [],
  };
}

export interface Context {
  scenario: Scenario;
  cast: Cast;
  market: MarketRules;
  recycling: RecyclingRules;
  /** The run: `[start, end)` in Unix seconds. */
  start: number;
  end: number;
  queue: EventQueue<Pending>;
  ledger: CreditLedger;
  slots: SlotBook;
  /** Per driver: starting KRW minus fees and deposits paid (in KRW or credits) plus refunds. */
  budgets: bigint[];
  /** Open kiosk batches: `kiosk@time` -> deposits. */
  batches: Map<string, PlannedDeposit[]>;
  stats: GenerateStats;
  emit: (event: TraceEvent) => void;
  /** Last booking and receipt numbers given (names in file order). */
  counters: { booking: number; receipt: number };
  /** Time of the last item sent: nothing may be queued before it. */
  now: number;
}
