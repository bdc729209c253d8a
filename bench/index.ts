/**
 * `npm run bench` (`hardhat run bench/index.ts`): gas per parking and recycling operation,
 * replay throughput and the simulator's figures on the in-process network, then the
 * parallel speed-up of `compare`. Sections and sizes come from BENCH_* variables (see
 * README.md).
 */
import hre from "hardhat";

import {
  compareSpeedupClean,
  formatCompareSpeedup,
  measureCompareSpeedup,
  readCompareSpeedupConfig,
} from "./compare-speedup.js";
import { BenchConfigError, readBenchConfig } from "./config.js";
import {
  formatRemote,
  measureRemote,
  readRemoteBenchConfig,
  remoteClean,
} from "./remote-networks.js";
import { runBench } from "./run.js";

try {
  const config = readBenchConfig();
  const compareConfig = readCompareSpeedupConfig();
  const remoteConfig = readRemoteBenchConfig();
  const results = await runBench(config);
  const speedup = await measureCompareSpeedup(hre.config.paths.root, compareConfig, (message) =>
    process.stderr.write(`bench: ${message}\n`),
  );
  console.log(["", ...formatCompareSpeedup(speedup)].join("\n"));
  const remote = await measureRemote(hre, remoteConfig, (message) =>
    process.stderr.write(`bench: ${message}\n`),
  );
  console.log(["", ...formatRemote(remote)].join("\n"));
  // Missed gas and speed targets are reported, not asserted; failed transactions or refused
  // compare runs make the run invalid.
  if (!results.clean || !compareSpeedupClean(speedup) || !remoteClean(remote)) {
    process.exitCode = 1;
  }
} catch (error) {
  if (!(error instanceof BenchConfigError)) throw error;
  console.error(`bench: ${error.message}`);
  process.exitCode = 2;
}
