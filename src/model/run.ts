/**
 * Runs the model over a whole trace, sync or async, streaming each outcome to a callback
 * so that nothing per event is kept.
 */
import { ReferenceModel } from "./model.js";
import type { ModelInput, ModelOptions, ModelOutput } from "./types.js";

export type OutputListener = (output: ModelOutput) => void;

function outputOf(model: ReferenceModel, input: ModelInput): ModelOutput {
  const outcome = model.apply(input);
  return { line: input.line, time: input.time, kind: input.event.kind, outcome };
}

/** Applies every input in order; returns the model in its final state. */
export function runModelSync(
  inputs: Iterable<ModelInput>,
  options: ModelOptions = {},
  onOutput?: OutputListener,
): ReferenceModel {
  const model = new ReferenceModel(options);
  for (const input of inputs) {
    const output = outputOf(model, input);
    onOutput?.(output);
  }
  return model;
}

/** The same over an async source (a trace streamed from a file or from the replay). */
export async function runModel(
  inputs: Iterable<ModelInput> | AsyncIterable<ModelInput>,
  options: ModelOptions = {},
  onOutput?: OutputListener,
): Promise<ReferenceModel> {
  const model = new ReferenceModel(options);
  for await (const input of inputs) {
    const output = outputOf(model, input);
    onOutput?.(output);
  }
  return model;
}
