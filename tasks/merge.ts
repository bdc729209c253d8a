/**
 * `npx hardhat merge <shard folder>... [--out DIR]`: the comparison of the shards of one
 * `compare --shard i/n` split, the same as one unsharded comparison. Bad folders (not a
 * shard, of another comparison, a shard missing or given twice): one line, exit code 2,
 * nothing written. A run refused: named, exit code 1.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { prepareMerge, runMerge } from "../src/compare/merge.js";
import { isUsageError } from "../src/compare/options.js";

export interface MergeTaskArguments {
  dirs: string[];
  out?: string | undefined;
}

export default async function merge(
  args: MergeTaskArguments,
  _hre: HardhatRuntimeEnvironment,
): Promise<void> {
  let prepared;
  try {
    prepared = await prepareMerge(args.dirs, args.out);
  } catch (error) {
    if (!isUsageError(error)) throw error;
    console.error(error.message);
    process.exitCode = error.exitCode;
    return;
  }
  const outcome = await runMerge(prepared);
  for (const line of outcome.lines) console.log(line);
  if (outcome.refused > 0) {
    console.error(`${outcome.refused} run(s) refused: left out of the comparison (see above)`);
    process.exitCode = 1;
  }
}
