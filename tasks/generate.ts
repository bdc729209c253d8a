/**
 * `npx hardhat generate <scenario.yaml> [--out trace.jsonl] [--seed N] [--scheme S]`: writes
 * the scenario's trace (SPEC.md section 6). Bad input or options: one line on stderr, exit
 * code 2, no file written.
 */
import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";

import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import {
  GenerateOptionError,
  parseSeedOption,
  resolveSchemeOption,
} from "../src/generate/cli-options.js";
import { writeTrace } from "../src/generate/write-trace.js";
import { InputError } from "../src/scenario/errors.js";
import { loadScenario } from "../src/scenario/load-scenario.js";

export interface GenerateTaskArguments {
  scenario: string;
  out?: string | undefined;
  seed?: string | undefined;
  scheme?: string | undefined;
}

export default async function generate(
  args: GenerateTaskArguments,
  _hre: HardhatRuntimeEnvironment,
): Promise<void> {
  try {
    const { scenario } = await loadScenario(args.scenario);
    const seed = parseSeedOption(args.seed);
    const scheme = resolveSchemeOption(scenario, args.scheme);
    const out = args.out ?? join("out", `${scenario.name}-${seed ?? scenario.seed}.jsonl`);
    await mkdir(dirname(out), { recursive: true });
    const { stats, seconds } = await writeTrace(scenario, out, { seed, scheme });
    const rate = Math.round(stats.events / Math.max(seconds, 1e-9));
    console.log(`${out}: ${stats.events} events in ${seconds.toFixed(1)} s (${rate} events/s)`);
  } catch (error) {
    if (error instanceof InputError || error instanceof GenerateOptionError) {
      console.error(error.message);
      process.exitCode = error.exitCode;
      return;
    }
    throw error;
  }
}
