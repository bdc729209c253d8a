/**
 * Helpers for the model's tests: events written as in a trace file (parsed by the trace
 * schema, so defaults and bigints are real), applied at their own time unless told.
 */
import {
  parseEvent,
  unixSeconds,
  type TraceEvent,
  type TraceEventInput,
} from "../../src/scenario/trace-schema.js";
import {
  ReferenceModel,
  brokenInvariants,
  type ModelOptions,
  type Outcome,
} from "../../src/model/index.js";

/** 2026-04-06 is a Monday. */
export const MONDAY = "2026-04-06";
export const TUESDAY = "2026-04-07";
export const SUNDAY = "2026-04-12";
export const NEXT_MONDAY = "2026-04-13";

/** ISO time in KST: `kst(MONDAY, "10:00")`, seconds optional. */
export function kst(day: string, clock: string, seconds = 0): string {
  return `${day}T${clock}:${String(seconds).padStart(2, "0")}+09:00`;
}

/** Unix seconds of a KST time. */
export function unix(day: string, clock: string, seconds = 0): number {
  return unixSeconds(kst(day, clock, seconds));
}

/** An ISO time (with +09:00) `seconds` after another. */
export function plus(iso: string, seconds: number): string {
  const kstDate = new Date((unixSeconds(iso) + 9 * 3600 + seconds) * 1000);
  return kstDate.toISOString().replace(/\.\d{3}Z$/, "+09:00");
}

export function parsed(raw: TraceEventInput): TraceEvent {
  const result = parseEvent(raw);
  if (!result.success) throw new Error(`bad test event: ${result.error.message}`);
  return result.data;
}

/** A model driven event by event, checking the invariants after each one. */
export class ModelDriver {
  readonly model: ReferenceModel;
  private line = 0;

  constructor(options: ModelOptions = {}) {
    this.model = new ReferenceModel(options);
  }

  /** Applies an event at its own `t` (or at `time`, the chain's, when given). */
  apply(raw: TraceEventInput, time?: number): Outcome {
    const event = parsed(raw);
    this.line += 1;
    const outcome = this.model.apply({
      line: this.line,
      time: time ?? unixSeconds(event.t),
      event,
    });
    const broken = brokenInvariants(this.model);
    if (broken.length > 0) throw new Error(`invariants broken: ${broken.join("; ")}`);
    return outcome;
  }

  krw(actor: string): bigint {
    return this.model.ledger.krwOf(actor);
  }

  credits(actor: string): bigint {
    return this.model.ledger.creditsOf(actor);
  }
}

/** The effect of an ok outcome, or a thrown error naming what happened instead. */
export function effectOf<T extends Outcome>(
  outcome: T,
): Extract<Outcome, { status: "ok" }>["effect"] {
  if (outcome.status !== "ok")
    throw new Error(`expected ok, got ${outcome.status} ${outcome.reason}`);
  return outcome.effect;
}

/** The reason of an outcome that is not ok. */
export function reasonOf(outcome: Outcome): string | undefined {
  return outcome.status === "ok" ? undefined : `${outcome.status}:${outcome.reason}`;
}
