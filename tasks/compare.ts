/**
 * `npx hardhat compare <scenario.yaml> [--schemes a,b] [--runs N] [--workers W] [--out DIR]
 * [--shard i/n] [--baseline S] [--no-sweep]` (SPEC.md section 6): every scheme on the same
 * seeds (common random numbers), each run replayed and reconciled in its own process, then
 * comparison.csv and comparison.html. Bad options or input: one line, exit code 2, nothing
 * written. A run refused (not reconciled, failed, unfinished): named, exit code 1.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { prepareCompare, runCompare, type CompareRequest } from "../src/compare/compare.js";
import { isUsageError } from "../src/compare/options.js";

export interface CompareTaskArguments extends CompareRequest {
  scenario: string;
}

export default async function compare(
  args: CompareTaskArguments,
  hre: HardhatRuntimeEnvironment,
): Promise<void> {
  let prepared;
  try {
    prepared = await prepareCompare(args);
  } catch (error) {
    if (!isUsageError(error)) throw error;
    console.error(error.message);
    process.exitCode = error.exitCode;
    return;
  }
  // The runs load the compiled contracts: build them once here, not in every child.
  await hre.tasks.getTask("build").run({ quiet: true, noTests: true });
  const outcome = await runCompare(prepared, { root: hre.config.paths.root });
  for (const line of outcome.lines) console.log(line);
  if (outcome.refused > 0) {
    console.error(`${outcome.refused} run(s) refused: left out of the comparison (see above)`);
    process.exitCode = 1;
  }
}
