/**
 * Event by event: did the chain do what the model expected? The model says ok, failed
 * (reverts) or rejected (a batch entry skipped); the replay says ok, reverted or rejected,
 * with the chain's error name.
 */
import type { ReasonCode } from "../model/reasons.js";
import type { EventRecord } from "../replay/types.js";
import { chainErrorMeans } from "./error-map.js";

/** What the model expected of one event (its `Outcome` fits). */
export type Expectation = { status: "ok" } | { status: "failed" | "rejected"; reason: ReasonCode };

export const EXPECT_OK: Expectation = { status: "ok" };

/** An event whose chain outcome differs from the model's. */
export interface OutcomeMismatch {
  line: number;
  kind: string;
  expected: string;
  actual: string;
}

const CHAIN_STATUS_OF = { ok: "ok", failed: "reverted", rejected: "rejected" } as const;

function describeExpectation(expected: Expectation): string {
  return expected.status === "ok"
    ? "ok"
    : `${CHAIN_STATUS_OF[expected.status]} (${expected.reason})`;
}

function describeChain(record: Pick<EventRecord, "status" | "error">): string {
  return record.status === "ok" ? "ok" : `${record.status} (${record.error ?? "no reason"})`;
}

/** Undefined when they agree: same status and, where it failed, an error meaning the same rule. */
export function compareOutcome(
  expected: Expectation,
  record: Pick<EventRecord, "line" | "kind" | "status" | "error">,
): OutcomeMismatch | undefined {
  const agrees =
    expected.status === "ok"
      ? record.status === "ok"
      : record.status === CHAIN_STATUS_OF[expected.status] &&
        chainErrorMeans(record.error, expected.reason);
  if (agrees) return undefined;
  return {
    line: record.line,
    kind: record.kind,
    expected: describeExpectation(expected),
    actual: describeChain(record),
  };
}

/** What the model expected to fail and what the chain actually refused. */
export interface OutcomeTally {
  events: number;
  expectedToFail: number;
  expectedRejected: number;
  reverted: number;
  rejected: number;
  mismatches: number;
}

export function emptyTally(): OutcomeTally {
  return {
    events: 0,
    expectedToFail: 0,
    expectedRejected: 0,
    reverted: 0,
    rejected: 0,
    mismatches: 0,
  };
}

/** Counts one event into the tally; returns its mismatch, if any. */
export function tallyOutcome(
  tally: OutcomeTally,
  expected: Expectation,
  record: Pick<EventRecord, "line" | "kind" | "status" | "error">,
): OutcomeMismatch | undefined {
  tally.events += 1;
  if (expected.status === "failed") tally.expectedToFail += 1;
  if (expected.status === "rejected") tally.expectedRejected += 1;
  if (record.status === "reverted") tally.reverted += 1;
  if (record.status === "rejected") tally.rejected += 1;
  const mismatch = compareOutcome(expected, record);
  if (mismatch !== undefined) tally.mismatches += 1;
  return mismatch;
}
