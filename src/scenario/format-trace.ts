/**
 * Writing trace events as JSON Lines: money (bigint) as plain JSON numbers, keys in the
 * order the event object has them, no spaces. The same event always gives the same bytes,
 * which a seeded generator needs for byte-identical traces.
 */
import type { TraceEvent, TraceEventInput } from "./trace-schema.js";

function bigintAsNumber(_key: string, value: unknown): unknown {
  if (typeof value !== "bigint") return value;
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`amount ${value} is beyond what a trace line can carry exactly`);
  }
  return Number(value);
}

/** One trace line (without the newline) for a parsed or hand-built event. */
export function formatTraceEvent(event: TraceEvent | TraceEventInput): string {
  return JSON.stringify(event, bigintAsNumber);
}
