/**
 * How far a run's block times strayed from its trace's times. On a node that mines on its
 * own clock the chain cannot follow the trace: the first transaction fixes an offset, and
 * every later one's difference from it is the drift the manifest reports.
 */
import type { EventRecord } from "../replay/types.js";

export interface DriftSummary {
  offsetSeconds: number;
  maxSeconds: number;
  meanSeconds: number;
}

export class DriftCollector {
  #offset: number | undefined;
  #max = 0;
  #sum = 0;
  #count = 0;

  add(record: EventRecord): void {
    if (record.txCount === 0) return;
    const difference = record.timestamp - record.time;
    this.#offset ??= difference;
    const drift = Math.abs(difference - this.#offset);
    this.#max = Math.max(this.#max, drift);
    this.#sum += drift;
    this.#count += 1;
  }

  /** Null when no event sent a transaction. */
  summary(): DriftSummary | null {
    if (this.#offset === undefined) return null;
    return {
      offsetSeconds: this.#offset,
      maxSeconds: this.#max,
      meanSeconds: this.#count === 0 ? 0 : this.#sum / this.#count,
    };
  }
}
