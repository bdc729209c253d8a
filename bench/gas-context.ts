import type { BenchChain } from "./chain.js";
import type { FastSender, FastTx, TxOutcome } from "./fast-sender.js";
import type { GasOp, GasSample } from "./gas-stats.js";

/** A measured transaction: what it is, and whether it is cold (decided before it is sent). */
export interface MeasuredTx {
  readonly op: GasOp;
  readonly tx: FastTx;
  readonly cold: boolean;
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
   * Mines `measured` in one block at `timestamp` and records the gas of each success as a
   * sample of its operation; failures are kept for the report. Returns the outcomes in order.
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
      if (outcome.ok) this.samples.push({ op: m.op, gas: outcome.gasUsed, cold: m.cold });
      else this.failures.push(outcome);
    });
    return outcomes;
  }
}
