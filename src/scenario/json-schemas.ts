/**
 * JSON Schemas of the two input forms, for editors (YAML language server, JSON validation).
 * Exported from the zod schemas as the files are written (`io: "input"`: before defaults
 * and the bigint conversion of money). Regenerate with `tsx scripts/export-schemas.ts`.
 */
import { z } from "zod";

import { scenarioSchema } from "./scenario-schema.js";
import { eventSchemas, schemeParamsFieldSchema, schemeParamsSchemas } from "./trace-schema.js";

/** The parameter forms of every scheme, for editors (zod checks them by the scheme named). */
function describeSchemeParams(ctx: {
  zodSchema: unknown;
  jsonSchema: Record<string, unknown>;
}): void {
  if (ctx.zodSchema !== schemeParamsFieldSchema) return;
  ctx.jsonSchema["anyOf"] = Object.entries(schemeParamsSchemas).map(([scheme, schema]) => {
    const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io: "input" });
    return { title: scheme, ...json };
  });
}

const EXPORT_OPTIONS = {
  io: "input",
  unrepresentable: "any",
  override: describeSchemeParams,
} as const;

/** JSON Schema of a scenario file (schemas/scenario.schema.json). */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(scenarioSchema, EXPORT_OPTIONS),
    title: "City pilot scenario",
  };
}

/** JSON Schema of one trace line (schemas/trace-event.schema.json). */
export function traceEventJsonSchema(): Record<string, unknown> {
  // z.union wants a non-empty tuple; eventSchemas has one entry per kind (16).
  const kinds = Object.values(eventSchemas) as unknown as [z.ZodType, ...z.ZodType[]];
  const anyEvent = z
    .union(kinds)
    .describe("One line of a trace (JSON Lines): an event with its time `t` and `kind`.");
  return {
    ...z.toJSONSchema(anyEvent, EXPORT_OPTIONS),
    title: "City pilot trace event",
  };
}

/** Every exported schema, by its path under the repository root. */
export function jsonSchemaFiles(): Record<string, Record<string, unknown>> {
  return {
    "schemas/scenario.schema.json": scenarioJsonSchema(),
    "schemas/trace-event.schema.json": traceEventJsonSchema(),
  };
}
