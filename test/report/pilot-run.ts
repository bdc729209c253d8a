/**
 * The small hand-written trace of fixtures/pilot.jsonl run through the reference model, with
 * what the report needs beside the model's state: the actors with their roles (as the
 * replay lists them), the slots, the run's days, the collected outcomes and series.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import {
  runModelSync,
  snapshotOf,
  type ModelInput,
  type ModelOutput,
  type ModelState,
} from "../../src/model/index.js";
import { parseEvent, rolesOf, unixSeconds } from "../../src/scenario/trace-schema.js";
import {
  OutcomeCollector,
  SeriesCollector,
  runDaysBetween,
  slotsOfModel,
  type ActorForReport,
  type KpiContext,
} from "../../src/report/index.js";

const FIXTURE = fileURLToPath(new URL("./fixtures/pilot.jsonl", import.meta.url));

export function pilotInputs(): ModelInput[] {
  const lines = readFileSync(FIXTURE, "utf8").trim().split("\n");
  return lines.map((text, i) => {
    const result = parseEvent(JSON.parse(text));
    if (!result.success) throw new Error(`pilot.jsonl:${i + 1}: ${result.error.message}`);
    return { line: i + 1, time: unixSeconds(result.data.t), event: result.data };
  });
}

/** The trace event of `line` (lines count from 1, as in the inputs). */
export function eventOf(inputs: readonly ModelInput[], line: number): ModelInput["event"] {
  const input = inputs[line - 1];
  if (input === undefined) throw new Error(`no input on line ${line}`);
  return input.event;
}

export interface PilotRun {
  state: ModelState;
  outputs: ModelOutput[];
  actors: ActorForReport[];
  context: KpiContext;
}

export function runPilot(): PilotRun {
  const inputs = pilotInputs();
  const outputs: ModelOutput[] = [];
  const collector = new OutcomeCollector();
  const series = new SeriesCollector();
  const model = runModelSync(inputs, {}, (output) => {
    outputs.push(output);
    collector.add(output);
    series.add(output, eventOf(inputs, output.line));
  });
  const actors: ActorForReport[] = [];
  for (const { event } of inputs) {
    if (event.kind !== "actor.join") continue;
    const address = `0x${(actors.length + 1).toString(16).padStart(40, "0")}`;
    actors.push({ name: event.actor, address, roles: rolesOf(event) });
  }
  const first = inputs[0]?.time ?? 0;
  const last = inputs.at(-1)?.time ?? 0;
  return {
    state: snapshotOf(model),
    outputs,
    actors,
    context: {
      actors,
      slots: slotsOfModel(model),
      runDays: runDaysBetween(first, last),
      outcomes: collector,
      series,
    },
  };
}
