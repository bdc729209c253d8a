/**
 * Reading a trace (JSON Lines) as a stream: one line in memory at a time, each line parsed,
 * checked against its kind's schema and then against the trace so far (validate-trace.ts).
 * A trace of millions of events never sits in memory whole.
 */
import { open } from "node:fs/promises";

import { describeIoError, InputError, inputErrorsFromZod, oneInputError } from "./errors.js";
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
 * Validated events of trace lines (any source: a file, a generator's output), in order.
 * Throws an {@link InputError} at the first bad line, or with `maxErrors` > 1 at the end or
 * at the limit with all errors found (no event is yielded after the first error). A
 * trace without events is refused.
 */
export async function* validatedEvents(
  lines: AsyncIterable<string> | Iterable<string>,
  file: string,
  validator: TraceValidator = new TraceValidator(file),
  options: ReadTraceOptions = {},
): AsyncGenerator<TracedEvent, TraceSummary> {
  const maxErrors = Math.max(1, options.maxErrors ?? 1);
  const errors: InputError[] = [];
  const report = (found: readonly InputError[]): void => {
    errors.push(...found);
    if (errors.length >= maxErrors) throw oneInputError(errors.slice(0, maxErrors));
  };
  let line = 0;
  for await (const rawText of lines) {
    line += 1;
    const text = line === 1 ? rawText.replace(/^\uFEFF/, "") : rawText;
    if (text.trim() === "") continue;
    const parsed = parseTraceLine(text, line, file);
    if (!parsed.ok) {
      report(parsed.errors);
      continue;
    }
    const problems = validator.check(parsed.value.event, line);
    if (problems.length > 0) report(problems);
    else if (errors.length === 0) yield parsed.value;
  }
  if (errors.length > 0) throw oneInputError(errors);
  const summary = validator.summary();
  if (summary.events === 0) {
    throw new InputError({ code: "EMPTY_TRACE", file, reason: "the trace has no events" });
  }
  return summary;
}

/**
 * A trace file being read. Iterate it (once) for the validated events in file order (see
 * {@link validatedEvents} for errors); after a full iteration, `summary()` tells what the
 * trace held.
 */
export class TraceReader implements AsyncIterable<TracedEvent> {
  readonly file: string;
  readonly #options: ReadTraceOptions;
  #summary: TraceSummary | undefined;
  #started = false;

  constructor(file: string, options: ReadTraceOptions = {}) {
    this.file = file;
    this.#options = options;
  }

  summary(): TraceSummary {
    if (this.#summary === undefined) {
      throw new Error("summary() is known only after the whole trace was read");
    }
    return this.#summary;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<TracedEvent> {
    if (this.#started) throw new Error("a TraceReader can be iterated once");
    this.#started = true;
    let handle;
    try {
      handle = await open(this.file, "r");
    } catch (cause) {
      throw this.#unreadable(cause);
    }
    try {
      const lines = handle.readLines({ encoding: "utf8" });
      this.#summary = yield* validatedEvents(lines, this.file, undefined, this.#options);
    } catch (cause) {
      throw cause instanceof InputError ? cause : this.#unreadable(cause);
    } finally {
      await handle.close();
    }
  }

  #unreadable(cause: unknown): InputError {
    const reason = describeIoError(cause);
    return new InputError({ code: "UNREADABLE_FILE", file: this.file, reason, cause });
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

/**
 * Validates trace text held in memory (e.g. a generator's output in its tests): JSONL text
 * or its lines. Returns the summary or throws like {@link validateTraceFile}.
 */
export async function validateTraceText(
  text: string | Iterable<string> | AsyncIterable<string>,
  file = "<trace>",
  options: ReadTraceOptions = {},
): Promise<TraceSummary> {
  const lines = typeof text === "string" ? text.split(/\r?\n/) : text;
  const events = validatedEvents(lines, file, undefined, { maxErrors: options.maxErrors ?? 20 });
  for (;;) {
    const next = await events.next();
    if (next.done === true) return next.value;
  }
}
