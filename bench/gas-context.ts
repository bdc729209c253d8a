import type { BenchChain } from "./chain.js";
import type { FastSender, FastTx, TxOutcome } from "./fast-sender.js";
import type { GasSample } from "./gas-stats.js";

/** A measured transaction: what it is, and whether it is cold (decided before it is sent). */
export interface MeasuredTx {
  readonly op: string;
  readonly tx: FastTx;
  readonly cold: boolean;
  /** Operations in the transaction (the deposits of a kiosk batch): gas is divided by it. */
  readonly operations?: number;
}

/** State shared by the steps of the gas scenario. */
export class GasContext {
  readonly samples: GasSample[] = [];
  readonly failures: TxOutcome[] = [];

  constructor(
    readonly chain: BenchChain,
    readonly sender: FastSender,
  ) {}

  /**
   * Mines `measured` in one block at `timestamp` and records the gas of each success (per
   * operation for a batch) as a sample of its operation; failures are kept for the report.
   * Returns the outcomes in order.
   */
  async measureBlock(measured: readonly MeasuredTx[], timestamp: number): Promise<TxOutcome[]> {
    if (measured.length === 0) return [];
    const outcomes = await this.sender.runBlock(
      measured.map((m) => m.tx),
      timestamp,
    );
    outcomes.forEach((outcome, i) => {
      const m = measured[i];
      if (m === undefined) return;
      const gas = outcome.gasUsed / (m.operations ?? 1);
      if (outcome.ok) this.samples.push({ op: m.op, gas, cold: m.cold });
      else this.failures.push(outcome);
    });
    return outcomes;
  }
}
