/**
 * The reference model's pass over the trace, before the replay: it keeps the outcome of
 * each event that should not go through (few), so that every chain record can be checked
 * as it arrives, and the per-event figures the KPIs need.
 */
import { runModel } from "../model/run.js";
import { snapshotOf, type ModelState } from "../model/snapshot.js";
import type { ModelOptions } from "../model/types.js";
import type { ReferenceModel } from "../model/model.js";
import type { Expectation } from "../reconcile/outcomes.js";
import { OutcomeCollector } from "../report/outcome-collector.js";
import { readTrace } from "../scenario/load-trace.js";

export interface ModelPass {
  model: ReferenceModel;
  state: ModelState;
  /** By trace line, the events the model expects to revert or be rejected. */
  refusals: Map<number, Expectation>;
  outcomes: OutcomeCollector;
  seconds: number;
}

export async function runModelPass(tracePath: string, options: ModelOptions): Promise<ModelPass> {
  const started = performance.now();
  const refusals = new Map<number, Expectation>();
  const outcomes = new OutcomeCollector();
  const model = await runModel(readTrace(tracePath), options, (output) => {
    outcomes.add(output);
    const { outcome } = output;
    if (outcome.status !== "ok") {
      refusals.set(output.line, { status: outcome.status, reason: outcome.reason });
    }
  });
  return {
    model,
    state: snapshotOf(model),
    refusals,
    outcomes,
    seconds: (performance.now() - started) / 1000,
  };
}
