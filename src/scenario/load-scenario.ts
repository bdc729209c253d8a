/**
 * Reading a scenario file: YAML (errors with their line), then the scenario schema (errors
 * with the field path and the line of the field), then every swept value (each must make
 * a valid scenario on its own).
 */
import { readFile } from "node:fs/promises";

import { LineCounter, parseDocument, isNode, type Document } from "yaml";

import { describeIoError, InputError, inputErrorsFromZod, oneInputError } from "./errors.js";
import { scenarioSchema, type Scenario } from "./scenario-schema.js";
import { applySweepValue } from "./scenario-sweep.js";

export interface LoadedScenario {
  /** The file as the caller named it. */
  file: string;
  /** The validated scenario, defaults filled in. */
  scenario: Scenario;
  /** The scenario as written (plain JSON data), for sweeps: see `applySweepPoint`. */
  raw: unknown;
}

/**
 * Reads and validates a scenario file. Throws an {@link InputError}; when there are several,
 * an `AggregateInputError` reporting the first and listing all.
 */
export async function loadScenario(file: string): Promise<LoadedScenario> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (cause) {
    throw new InputError({ code: "UNREADABLE_FILE", file, reason: describeIoError(cause), cause });
  }
  return parseScenarioText(text, file);
}

/** Validates scenario YAML text; `file` names it in errors. */
export function parseScenarioText(text: string, file: string): LoadedScenario {
  const errors = scenarioTextErrors(text, file);
  if (errors.errors.length > 0) throw oneInputError(errors.errors);
  return { file, scenario: errors.scenario as Scenario, raw: errors.raw };
}

/** Every error of scenario text (empty when valid), with the parsed result when valid. */
export function scenarioTextErrors(
  text: string,
  file: string,
): { errors: InputError[]; scenario?: Scenario; raw?: unknown } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      errors: doc.errors.map(
        (e) =>
          new InputError({
            code: "YAML_SYNTAX",
            file,
            line: lineCounter.linePos(e.pos[0]).line,
            reason: firstLine(e.message),
          }),
      ),
    };
  }
  const raw: unknown = doc.toJS({ maxAliasCount: 100 });
  const lineOf = (path: readonly PropertyKey[]) => lineOfPath(doc, lineCounter, path);
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) return { errors: inputErrorsFromZod(parsed.error, { file, lineOf }) };
  const sweepErrors = sweptValueErrors(raw, parsed.data, file, lineOf);
  return { errors: sweepErrors, scenario: parsed.data, raw };
}

/** Each swept value, applied alone, must give a valid scenario. */
function sweptValueErrors(
  raw: unknown,
  scenario: Scenario,
  file: string,
  lineOf: (path: readonly PropertyKey[]) => number | undefined,
): InputError[] {
  const errors: InputError[] = [];
  for (const [key, values] of Object.entries(scenario.sweep ?? {})) {
    values.forEach((value, i) => {
      const result = scenarioSchema.safeParse(applySweepValue(raw, key, value));
      if (result.success) return;
      const issue = result.error.issues[0];
      errors.push(
        ...inputErrorsFromZod(
          { issues: issue === undefined ? [] : [{ ...issue, path: [] }] },
          {
            file,
            pathPrefix: `sweep[${JSON.stringify(key)}][${i}]`,
            line: lineOf(["sweep", key, i]),
          },
        ),
      );
    });
  }
  return errors;
}

/** The line of the deepest node along `path` that the document has (1-based). */
function lineOfPath(
  doc: Document,
  lineCounter: LineCounter,
  path: readonly PropertyKey[],
): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node: unknown = doc.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range !== undefined && node.range !== null) {
      return lineCounter.linePos(node.range[0]).line;
    }
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}
