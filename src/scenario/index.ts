/** The scenario stage's public API: input loading, validation, schemas and their types. */
export * from "./errors.js";
export * from "./format-trace.js";
export * from "./json-schemas.js";
export * from "./load-input.js";
export * from "./load-scenario.js";
export * from "./load-trace.js";
export * from "./scenario-behaviour.js";
export * from "./scenario-parts.js";
export * from "./scenario-schema.js";
export * from "./scenario-sweep.js";
export * from "./trace-schema.js";
export * from "./validate-trace.js";
