/**
 * The reference model's pass over the trace, before the replay: it keeps the outcome of
 * each event that should not go through (few), so that every chain record can be checked
 * as it arrives, and the per-event figures the KPIs and the report's charts need.
 */
import { runModel } from "../model/run.js";
import { snapshotOf, type ModelState } from "../model/snapshot.js";
import type { ModelInput, ModelOptions } from "../model/types.js";
import type { ReferenceModel } from "../model/model.js";
import type { Expectation } from "../reconcile/outcomes.js";
import { OutcomeCollector } from "../report/outcome-collector.js";
import { SeriesCollector } from "../report/series-collector.js";
import { readTrace } from "../scenario/load-trace.js";

export interface ModelPass {
  model: ReferenceModel;
  state: ModelState;
  /** By trace line, the events the model expects to revert or be rejected. */
  refusals: Map<number, Expectation>;
  outcomes: OutcomeCollector;
  series: SeriesCollector;
  seconds: number;
}

/** Passes `inputs` through, telling `see` of each one before it goes on. */
async function* seeing(
  inputs: AsyncIterable<ModelInput>,
  see: (input: ModelInput) => void,
): AsyncGenerator<ModelInput> {
  for await (const input of inputs) {
    see(input);
    yield input;
  }
}

export async function runModelPass(tracePath: string, options: ModelOptions): Promise<ModelPass> {
  const started = performance.now();
  const refusals = new Map<number, Expectation>();
  const outcomes = new OutcomeCollector();
  const series = new SeriesCollector();
  // The model reports each output right after applying its input, so the input seen last
  // is the output's event (the series need a booking's start, which outputs do not carry).
  let current: ModelInput | undefined;
  const inputs = seeing(readTrace(tracePath), (input) => (current = input));
  const model = await runModel(inputs, options, (output) => {
    outcomes.add(output);
    if (current !== undefined) series.add(output, current.event);
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
    series,
    seconds: (performance.now() - started) / 1000,
  };
}
