/** The generator's public API: a scenario and a seed in, a streamed trace out. */
export { generateTrace, type GeneratedTrace } from "./generate-trace.js";
export type { GenerateOptions, GenerateStats, SchemeChange } from "./generate-trace.js";
export { partialPathOf, writeTrace, type WriteTraceResult } from "./write-trace.js";
export { GenerateOptionError, parseSeedOption, resolveSchemeOption } from "./cli-options.js";
export { frequencyFactor, MAX_FREQUENCY_FACTOR, schemeRewardLevel } from "./rewards.js";
