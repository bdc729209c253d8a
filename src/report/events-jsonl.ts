/**
 * events.jsonl: one JSON object per trace event, in the order the replay reports them, so
 * that a reader can follow a run line by line or load it into a data frame.
 */
import type { RecordForReport } from "./types.js";

const KST_OFFSET_SECONDS = 9 * 3600;

/** ISO 8601 in Korea Standard Time, as the trace writes times: `2026-04-06T10:00:00+09:00`. */
export function kstIso(unixSeconds: number): string {
  const shifted = new Date((unixSeconds + KST_OFFSET_SECONDS) * 1000).toISOString();
  // toISOString always prints milliseconds; trace times are whole seconds.
  const millis = shifted.slice(19, 23);
  return shifted.slice(0, 19) + (millis === ".000" ? "" : millis) + "+09:00";
}

/** One line of events.jsonl. Optional fields are left out rather than written as null. */
export interface EventLine {
  line: number;
  kind: string;
  /** The trace's time, KST. */
  time: string;
  /** The block's time where it differs from the trace's (a remote network). */
  blockTime?: string;
  status: RecordForReport["status"];
  /** The chain's error name for `reverted`, the batch's reject reason for `rejected`. */
  error?: string;
  /** What the reference model expected, only where the chain did something else. */
  expected?: string;
  gasUsed: number;
  /** Transactions the event sent (a batch entry rides in one shared transaction). */
  txCount: number;
  /** Entries of the kiosk batch and the batch transaction's whole gas, when batched. */
  batchSize?: number;
  txGasUsed?: number;
  txHash?: string;
  block?: number;
}

/** The model's expectation for a mismatched event (the reconciler's `OutcomeMismatch`). */
export interface ExpectationForReport {
  expected: string;
}

/**
 * The fields of one event, in reading order (JSON keeps insertion order): what happened,
 * then its cost, then where to find it on chain.
 */
export function eventLineOf(record: RecordForReport, mismatch?: ExpectationForReport): EventLine {
  const batched = record.batchSize > 1;
  return {
    line: record.line,
    kind: record.kind,
    time: kstIso(record.time),
    ...(record.timestamp !== record.time ? { blockTime: kstIso(record.timestamp) } : {}),
    status: record.status,
    ...(record.error !== undefined ? { error: record.error } : {}),
    ...(mismatch !== undefined ? { expected: mismatch.expected } : {}),
    gasUsed: record.gasUsed,
    txCount: record.txCount,
    ...(batched ? { batchSize: record.batchSize, txGasUsed: record.txGasUsed } : {}),
    ...(record.txHash !== undefined ? { txHash: record.txHash } : {}),
    ...(record.blockNumber !== undefined ? { block: record.blockNumber } : {}),
  };
}

/** The text of one events.jsonl line (no newline; JSON escapes any inside strings). */
export function formatEventLine(record: RecordForReport, mismatch?: ExpectationForReport): string {
  return JSON.stringify(eventLineOf(record, mismatch));
}
