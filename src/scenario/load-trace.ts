/**
 * Reading a trace (JSON Lines) as a stream: one line in memory at a time, each line parsed,
 * checked against its kind's schema and then against the trace so far (validate-trace.ts).
 * A trace of millions of events never sits in memory whole.
 */
import { open } from "node:fs/promises";

import {
  describeIoError,
  InputError,
  inputErrorsFromZod,
  oneInputError,
  type InputErrorCode,
} from "./errors.js";
import { EVENT_KINDS, parseEvent, unixSeconds, type TraceEvent } from "./trace-schema.js";
import { TraceValidator, type TraceSummary } from "./validate-trace.js";

/** One event of a trace, with where it came from. */
export interface TracedEvent {
  /** 1-based line in the file. */
  line: number;
  /** Unix seconds of `event.t`. */
  time: number;
  event: TraceEvent;
}

/**
 * Parses one line (JSON, then the schema of its kind). Pure: no trace context; see
 * {@link TraceValidator} for that. Returns the errors instead of throwing.
 */
export function parseTraceLine(
  text: string,
  line: number,
  file: string,
): { ok: true; value: TracedEvent } | { ok: false; errors: InputError[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    const reason = `invalid JSON: ${cause instanceof Error ? cause.message : String(cause)}`;
    return fail(new InputError({ code: "JSON_SYNTAX", file, line, reason, cause }));
  }
  const kind = (json as { kind?: unknown } | null)?.kind;
  if (typeof kind === "string" && !(EVENT_KINDS as readonly string[]).includes(kind)) {
    const reason = `unknown kind ${JSON.stringify(kind)} (expected one of ${EVENT_KINDS.join(", ")})`;
    return fail(new InputError({ code: "SCHEMA", file, line, fieldPath: "kind", reason }));
  }
  const parsed = parseEvent(json);
  if (!parsed.success) {
    const pathPrefix = typeof kind === "string" ? kind : "";
    return { ok: false, errors: inputErrorsFromZod(parsed.error, { file, line, pathPrefix }) };
  }
  return { ok: true, value: { line, time: unixSeconds(parsed.data.t), event: parsed.data } };
}

function fail(error: InputError): { ok: false; errors: InputError[] } {
  return { ok: false, errors: [error] };
}

export interface ReadTraceOptions {
  /** Stop after this many errors (default 1: the first bad line ends the read). */
  maxErrors?: number;
}

/**
 * A trace being read. Iterate it (once) for the validated events in file order; iteration
 * throws an {@link InputError} at the first bad line (or, with `maxErrors` > 1, at the end
 * or at the limit, with all errors found). After a full iteration, `summary()` tells what
 * the trace held.
 */
export class TraceReader implements AsyncIterable<TracedEvent> {
  readonly file: string;
  readonly #maxErrors: number;
  readonly #validator: TraceValidator;
  #done = false;
  #started = false;

  constructor(file: string, options: ReadTraceOptions = {}) {
    this.file = file;
    this.#maxErrors = Math.max(1, options.maxErrors ?? 1);
    this.#validator = new TraceValidator(file);
  }

  summary(): TraceSummary {
    if (!this.#done) throw new Error("summary() is known only after the whole trace was read");
    return this.#validator.summary();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<TracedEvent> {
    if (this.#started) throw new Error("a TraceReader can be iterated once");
    this.#started = true;
    const errors: InputError[] = [];
    const report = (found: readonly InputError[]): void => {
      errors.push(...found);
      if (errors.length >= this.#maxErrors) throw oneInputError(errors.slice(0, this.#maxErrors));
    };
    let handle;
    try {
      handle = await open(this.file, "r");
    } catch (cause) {
      throw this.#error("UNREADABLE_FILE", describeIoError(cause), cause);
    }
    try {
      let line = 0;
      for await (const rawText of handle.readLines({ encoding: "utf8" })) {
        line += 1;
        const text = line === 1 ? rawText.replace(/^\uFEFF/, "") : rawText;
        if (text.trim() === "") continue;
        const parsed = parseTraceLine(text, line, this.file);
        if (!parsed.ok) {
          report(parsed.errors);
          continue;
        }
        const problems = this.#validator.check(parsed.value.event, line);
        if (problems.length > 0) report(problems);
        else if (errors.length === 0) yield parsed.value;
      }
    } catch (cause) {
      if (cause instanceof InputError) throw cause;
      throw this.#error("UNREADABLE_FILE", describeIoError(cause), cause);
    } finally {
      await handle.close();
    }
    if (errors.length > 0) throw oneInputError(errors);
    if (this.#validator.summary().events === 0) {
      throw this.#error("EMPTY_TRACE", "the trace has no events");
    }
    this.#done = true;
  }

  #error(code: InputErrorCode, reason: string, cause?: unknown): InputError {
    return new InputError({ code, file: this.file, reason, cause });
  }
}

/** Streams the validated events of a trace file; see {@link TraceReader}. */
export function readTrace(file: string, options?: ReadTraceOptions): TraceReader {
  return new TraceReader(file, options);
}

/**
 * Reads a whole trace without keeping its events and returns its summary, or throws the
 * errors found (up to `maxErrors`, default 20). The run validates a trace this way before
 * it replays anything ("nothing is written" on bad input).
 */
export async function validateTraceFile(
  file: string,
  options: ReadTraceOptions = {},
): Promise<TraceSummary> {
  const reader = new TraceReader(file, { maxErrors: options.maxErrors ?? 20 });
  for await (const _ of reader);
  return reader.summary();
}
