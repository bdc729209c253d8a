/**
 * Semantic validation of a trace, one event at a time (SPEC.md section 4): what the schema of
 * a single line cannot see. Names are declared before use and only once, actors hold the
 * roles their events need, events come in time order, bookings lie on 15-minute boundaries.
 *
 * What the chain decides (overlapping bookings, second claims, grams over the daily cap,
 * 97-unit bookings, expired receipts) is NOT refused here: the replay records it as reverted.
 */
import { InputError, type InputErrorCode } from "./errors.js";
import {
  rolesOf,
  unixSeconds,
  type EventKind,
  type Role,
  type TraceEvent,
  type TraceEventOf,
} from "./trace-schema.js";

/** Booking times are whole 15-minute units (SPEC.md section 2). */
export const BOOKING_UNIT_SECONDS = 900;

export interface ActorInfo {
  roles: readonly Role[];
  district: string | undefined;
  krw: bigint;
  capacityGrams: number | undefined;
  line: number;
}

export interface SlotInfo {
  owner: string;
  district: string;
  line: number;
}

/** What a validated trace holds, for the replay and reports. */
export interface TraceSummary {
  actors: ReadonlyMap<string, ActorInfo>;
  slots: ReadonlyMap<string, SlotInfo>;
  bookings: number;
  receipts: number;
  /** Events by kind (kinds that do not occur are absent). */
  counts: Readonly<Partial<Record<EventKind, number>>>;
  events: number;
  /** The `config` event, when the trace starts with one. */
  config: TraceEventOf<"config"> | undefined;
  /** Unix seconds of the first and last event (undefined when empty). */
  firstTime: number | undefined;
  lastTime: number | undefined;
}

type Problem = { code: InputErrorCode; field?: string; reason: string };

/**
 * Checks events in file order and remembers the declarations. `check` returns the
 * problems of one event (empty when it is fine); the event's declarations are recorded
 * either way, where its name was new, so one bad line does not cascade into many.
 */
export class TraceValidator {
  readonly #file: string;
  readonly #actors = new Map<string, ActorInfo>();
  readonly #slots = new Map<string, SlotInfo>();
  readonly #bookings = new Map<string, number>();
  readonly #receipts = new Map<string, number>();
  readonly #counts: Partial<Record<EventKind, number>> = {};
  #events = 0;
  #config: TraceEventOf<"config"> | undefined;
  #firstTime: number | undefined;
  #lastTime: number | undefined;

  constructor(file: string) {
    this.#file = file;
  }

  /** Problems of the event on `line` (1-based), given every event before it was checked. */
  check(event: TraceEvent, line: number): InputError[] {
    const time = unixSeconds(event.t);
    const problems = [...this.#orderProblems(event, time), ...this.#eventProblems(event, line)];
    this.#events += 1;
    this.#counts[event.kind] = (this.#counts[event.kind] ?? 0) + 1;
    this.#firstTime ??= time;
    this.#lastTime = Math.max(this.#lastTime ?? time, time);
    return problems.map(
      (p) =>
        new InputError({
          code: p.code,
          file: this.#file,
          line,
          fieldPath: p.field === undefined ? event.kind : `${event.kind}.${p.field}`,
          reason: p.reason,
        }),
    );
  }

  summary(): TraceSummary {
    return {
      actors: this.#actors,
      slots: this.#slots,
      bookings: this.#bookings.size,
      receipts: this.#receipts.size,
      counts: { ...this.#counts },
      events: this.#events,
      config: this.#config,
      firstTime: this.#firstTime,
      lastTime: this.#lastTime,
    };
  }

  #orderProblems(event: TraceEvent, time: number): Problem[] {
    const problems: Problem[] = [];
    if (event.kind === "config" && this.#events > 0) {
      problems.push({ code: "CONFIG_NOT_FIRST", reason: "config must be the first event" });
    }
    if (this.#lastTime !== undefined && time < this.#lastTime) {
      const previous = new Date(this.#lastTime * 1000).toISOString();
      problems.push({
        code: "TIME_ORDER",
        field: "t",
        reason: `earlier than the event before it (${previous}); events must be in time order`,
      });
    }
    return problems;
  }

  #eventProblems(event: TraceEvent, line: number): Problem[] {
    switch (event.kind) {
      case "config":
        this.#config ??= event;
        return [];
      case "actor.join":
        return this.#join(event, line);
      case "slot.register":
        return [
          ...this.#needsRole(event.owner, "owner", "owner"),
          ...this.#declare(this.#slots, "slot", event.slot, "slot", {
            owner: event.owner,
            district: event.district,
            line,
          }),
        ];
      case "slot.price":
        return this.#needsSlot(event.slot);
      case "parking.book":
        return this.#book(event, line);
      case "parking.checkIn":
      case "parking.checkOut":
      case "parking.cancel":
      case "parking.settle":
        return this.#needsBooking(event.booking);
      case "recycle.deposit":
        return this.#deposit(event);
      case "recycle.receipt":
        return [
          ...this.#deposit(event),
          ...this.#declare(this.#receipts, "receipt", event.receipt, "receipt", line),
        ];
      case "recycle.claim":
        return this.#needsRole(event.citizen, "citizen", "citizen");
      case "credit.spend":
        return [
          ...this.#needsRole(event.citizen, "citizen", "citizen"),
          ...this.#needsRole(event.merchant, "merchant", "merchant"),
        ];
      case "merchant.redeem":
        return this.#needsRole(event.merchant, "merchant", "merchant");
      case "treasury.fund":
      case "scheme.set":
        return [];
    }
  }

  #join(event: TraceEventOf<"actor.join">, line: number): Problem[] {
    const roles = rolesOf(event);
    const problems: Problem[] = [];
    const repeated = roles.find((r, i) => roles.indexOf(r) !== i);
    if (repeated !== undefined) {
      problems.push({ code: "SCHEMA", field: "role", reason: `role ${repeated} listed twice` });
    }
    const isKiosk = roles.includes("kiosk");
    if (isKiosk && event.capacityGrams === undefined) {
      problems.push({
        code: "MISSING_CAPACITY",
        field: "capacityGrams",
        reason: "a kiosk needs capacityGrams (its daily intake in grams)",
      });
    }
    if (!isKiosk && event.capacityGrams !== undefined) {
      problems.push({
        code: "SCHEMA",
        field: "capacityGrams",
        reason: "only a kiosk has capacityGrams",
      });
    }
    const info: ActorInfo = {
      roles,
      district: event.district,
      krw: event.krw,
      capacityGrams: event.capacityGrams,
      line,
    };
    return [...problems, ...this.#declare(this.#actors, "actor", event.actor, "actor", info)];
  }

  #book(event: TraceEventOf<"parking.book">, line: number): Problem[] {
    const problems = [
      ...this.#needsRole(event.driver, "driver", "driver"),
      ...this.#needsSlot(event.slot),
    ];
    const start = unixSeconds(event.start);
    const end = unixSeconds(event.end);
    for (const [field, time] of [
      ["start", start],
      ["end", end],
    ] as const) {
      if (time % BOOKING_UNIT_SECONDS !== 0) {
        problems.push({ code: "UNALIGNED_TIME", field, reason: "not aligned to 15 minutes" });
      }
    }
    if (end <= start) {
      problems.push({ code: "END_NOT_AFTER_START", field: "end", reason: "must be after start" });
    }
    return [
      ...problems,
      ...this.#declare(this.#bookings, "booking", event.booking, "booking", line),
    ];
  }

  #deposit(event: TraceEventOf<"recycle.deposit" | "recycle.receipt">): Problem[] {
    return [
      ...this.#needsRole(event.kiosk, "kiosk", "kiosk"),
      ...this.#needsRole(event.citizen, "citizen", "citizen"),
    ];
  }

  #declare<V>(
    names: Map<string, V>,
    field: string,
    name: string,
    what: string,
    value: V,
  ): Problem[] {
    const earlier = names.get(name);
    if (earlier !== undefined) {
      const where = lineOf(earlier);
      return [
        {
          code: "DUPLICATE_NAME",
          field,
          reason: `${what} ${JSON.stringify(name)} is already declared${where}`,
        },
      ];
    }
    names.set(name, value);
    return [];
  }

  #needsRole(name: string, field: string, role: Role): Problem[] {
    const actor = this.#actors.get(name);
    if (actor === undefined) {
      return [
        {
          code: "UNKNOWN_NAME",
          field,
          reason: `unknown actor ${JSON.stringify(name)} (no earlier actor.join)`,
        },
      ];
    }
    if (actor.roles.includes(role)) return [];
    return [
      {
        code: "WRONG_ROLE",
        field,
        reason: `actor ${JSON.stringify(name)} is not a ${role} (roles: ${actor.roles.join(", ")})`,
      },
    ];
  }

  #needsSlot(slot: string): Problem[] {
    if (this.#slots.has(slot)) return [];
    return [
      {
        code: "UNKNOWN_NAME",
        field: "slot",
        reason: `unknown slot ${JSON.stringify(slot)} (no earlier slot.register)`,
      },
    ];
  }

  #needsBooking(booking: string): Problem[] {
    if (this.#bookings.has(booking)) return [];
    return [
      {
        code: "UNKNOWN_NAME",
        field: "booking",
        reason: `unknown booking ${JSON.stringify(booking)} (no earlier parking.book)`,
      },
    ];
  }
}

function lineOf(declared: unknown): string {
  const line =
    typeof declared === "number" ? declared : (declared as { line?: unknown } | null)?.line;
  return typeof line === "number" ? ` on line ${line}` : "";
}
