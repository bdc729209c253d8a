/**
 * Gas per operation kind, gathered record by record as the replay reports them. Holds one
 * number per event (no record objects), and summarises with simple-statistics at the end.
 */
import { max, mean, medianSorted, min, quantileSorted } from "simple-statistics";

import type { RecordForReport } from "./types.js";

/**
 * A distribution of gas figures. `median` and `p90` interpolate linearly between ranks
 * (numpy's default, R's type 7), so they may fall between two observed values.
 */
export interface GasSummary {
  count: number;
  total: number;
  mean: number;
  median: number;
  p90: number;
  min: number;
  max: number;
}

/** Whole batch transactions of one kind, with how many entries they carried on average. */
export interface BatchGasSummary extends GasSummary {
  meanEntries: number;
}

export interface GasStats {
  /** Events that went through, by kind: each event's gas (its share, for a batch entry). */
  byKind: Record<string, GasSummary>;
  /** Reverted or rejected events by kind: gas paid for nothing. */
  failedByKind: Record<string, GasSummary>;
  /** Batch transactions (kiosk `depositBatch`), whole, by the kind of their entries. */
  batchesByKind: Record<string, BatchGasSummary>;
  /** Trace events seen. */
  events: number;
  /** Transactions mined for them (a batch counts once). */
  transactions: number;
  /** Distinct blocks holding those transactions. */
  blocks: number;
  totalGas: number;
}

export function summarize(values: readonly number[]): GasSummary {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    total: sorted.reduce((sum, v) => sum + v, 0),
    mean: mean(sorted),
    median: medianSorted(sorted),
    p90: quantileSorted(sorted, 0.9),
    min: min(sorted),
    max: max(sorted),
  };
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const values = map.get(key);
  if (values === undefined) map.set(key, [value]);
  else values.push(value);
}

function summaries(map: ReadonlyMap<string, number[]>): Record<string, GasSummary> {
  const keys = [...map.keys()].sort();
  return Object.fromEntries(keys.map((key) => [key, summarize(map.get(key) ?? [])]));
}

/** Feed it every record (`add`), in any order; read `stats()` at the end. */
export class GasCollector {
  private readonly ok = new Map<string, number[]>();
  private readonly failed = new Map<string, number[]>();
  private readonly batches = new Map<string, number[]>();
  private readonly batchEntries = new Map<string, number>();
  /** Batch transactions seen but not yet all their entries: hash -> entries still due. */
  private readonly openBatches = new Map<string, number>();
  private readonly blockNumbers = new Set<number>();
  private events = 0;
  private transactions = 0;
  private totalGas = 0;

  add(record: RecordForReport): void {
    this.events += 1;
    if (record.blockNumber !== undefined) this.blockNumbers.add(record.blockNumber);
    // A `config` line sends nothing: it is an event but not an operation on chain.
    if (record.txCount === 0) return;
    this.totalGas += record.gasUsed;
    push(record.status === "ok" ? this.ok : this.failed, record.kind, record.gasUsed);
    if (record.batchSize > 1 && record.txHash !== undefined)
      this.addBatchEntry(record, record.txHash);
    else this.transactions += record.txCount;
  }

  /** Every entry of a batch carries the batch's hash; the transaction counts once. */
  private addBatchEntry(record: RecordForReport, txHash: string): void {
    const due = this.openBatches.get(txHash);
    if (due === undefined) {
      this.transactions += 1;
      push(this.batches, record.kind, record.txGasUsed);
      this.batchEntries.set(
        record.kind,
        (this.batchEntries.get(record.kind) ?? 0) + record.batchSize,
      );
      this.openBatches.set(txHash, record.batchSize - 1);
    } else if (due <= 1) {
      this.openBatches.delete(txHash);
    } else {
      this.openBatches.set(txHash, due - 1);
    }
  }

  stats(): GasStats {
    const batchesByKind: Record<string, BatchGasSummary> = {};
    for (const [kind, summary] of Object.entries(summaries(this.batches))) {
      const entries = this.batchEntries.get(kind) ?? 0;
      batchesByKind[kind] = { ...summary, meanEntries: entries / summary.count };
    }
    return {
      byKind: summaries(this.ok),
      failedByKind: summaries(this.failed),
      batchesByKind,
      events: this.events,
      transactions: this.transactions,
      blocks: this.blockNumbers.size,
      totalGas: this.totalGas,
    };
  }
}
