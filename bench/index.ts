/**
 * `npm run bench` (`hardhat run bench/index.ts`): gas per parking and recycling operation,
 * replay throughput and the simulator's figures on the in-process network. Sections and
 * sizes come from BENCH_* variables (see README.md).
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
