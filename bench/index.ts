/**
 * `npm run bench` (`hardhat run bench/index.ts`): gas per parking operation and replay
 * throughput on the in-process network. Sizes come from BENCH_* variables (see README.md).
 */
import { BenchConfigError, readBenchConfig } from "./config.js";
import { runBench } from "./run.js";

try {
  const results = await runBench(readBenchConfig());
  // Missed gas targets are reported, not asserted; failed transactions make the run invalid.
  if (!results.clean) process.exitCode = 1;
} catch (error) {
  if (!(error instanceof BenchConfigError)) throw error;
  console.error(`bench: ${error.message}`);
  process.exitCode = 2;
}
