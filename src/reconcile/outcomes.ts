/**
 * Event by event: did the chain do what the model expected? The model says ok, failed
 * (reverts) or rejected (a batch entry skipped); the replay says ok, reverted or rejected,
 * with the chain's error name.
 */
import type { Outcome } from "../model/types.js";
import type { EventRecord } from "../replay/types.js";
import { chainErrorMeans } from "./error-map.js";

/** An event whose chain outcome differs from the model's. */
export interface OutcomeMismatch {
  line: number;
  kind: string;
  expected: string;
  actual: string;
}

const CHAIN_STATUS_OF = { ok: "ok", failed: "reverted", rejected: "rejected" } as const;

function describeModel(outcome: Outcome): string {
  return outcome.status === "ok" ? "ok" : `${CHAIN_STATUS_OF[outcome.status]} (${outcome.reason})`;
}

function describeChain(record: EventRecord): string {
  return record.status === "ok" ? "ok" : `${record.status} (${record.error ?? "no reason"})`;
}

/** Undefined when they agree: same status and, where it failed, an error meaning the same rule. */
export function compareOutcome(outcome: Outcome, record: EventRecord): OutcomeMismatch | undefined {
  const agrees =
    outcome.status === "ok"
      ? record.status === "ok"
      : record.status === CHAIN_STATUS_OF[outcome.status] && chainErrorMeans(record.error, outcome.reason);
  if (agrees) return undefined;
  return {
    line: record.line,
    kind: record.kind,
    expected: describeModel(outcome),
    actual: describeChain(record),
  };
}

/** Counts of what the model expected to fail and what actually reverted or was rejected. */
export interface OutcomeTally {
  events: number;
  expectedToFail: number;
  reverted: number;
  expectedRejected: number;
  rejected: number;
  mismatches: number;
}

/**
 * Pairs model outcomes and chain records by trace line as they arrive, in any order, and
 * keeps only the unpaired ones, so a long run holds a small window, not every event.
 */
export class OutcomeMatcher {
  readonly mismatches: OutcomeMismatch[] = [];
  readonly tally: OutcomeTally = {
    events: 0,
    expectedToFail: 0,
    reverted: 0,
    expectedRejected: 0,
    rejected: 0,
    mismatches: 0,
  };
  private readonly pendingModel = new Map<number, Outcome>();
  private readonly pendingChain = new Map<number, EventRecord>();

  constructor(private readonly maxListed = 200) {}

  addModel(line: number, outcome: Outcome): void {
    if (outcome.status === "failed") this.tally.expectedToFail += 1;
    if (outcome.status === "rejected") this.tally.expectedRejected += 1;
    const record = this.pendingChain.get(line);
    if (record === undefined) this.pendingModel.set(line, outcome);
    else this.pair(line, outcome, record);
  }

  addChain(record: EventRecord): void {
    if (record.status === "reverted") this.tally.reverted += 1;
    if (record.status === "rejected") this.tally.rejected += 1;
    const outcome = this.pendingModel.get(record.line);
    if (outcome === undefined) this.pendingChain.set(record.line, record);
    else this.pair(record.line, outcome, record);
  }

  /** Lines one side saw and the other did not (empty once both have run to the end). */
  unpaired(): number[] {
    return [...this.pendingModel.keys(), ...this.pendingChain.keys()].sort((a, b) => a - b);
  }

  private pair(line: number, outcome: Outcome, record: EventRecord): void {
    this.pendingModel.delete(line);
    this.pendingChain.delete(line);
    this.tally.events += 1;
    const mismatch = compareOutcome(outcome, record);
    if (mismatch === undefined) return;
    this.tally.mismatches += 1;
    if (this.mismatches.length < this.maxListed) this.mismatches.push(mismatch);
  }
}
