/**
 * `npx hardhat simulate <scenario.yaml|trace.jsonl> [--scheme S] [--seed N] [--out DIR]`
 * (SPEC.md section 6). Bad input: one line, exit code 2, nothing written. Chain and model
 * disagree: the differences, exit code 1. Other failures: one line (the stack trace with
 * Hardhat's --show-stack-traces), exit code 1.
 */
import { join } from "node:path";

import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { GenerateOptionError } from "../src/generate/cli-options.js";
import { formatDifferences } from "../src/reconcile/balances.js";
import { RUN_FILES } from "../src/report/write-run.js";
import { ResumableRunError, simulate, type SimulationResult } from "../src/run/simulate.js";
import { InputError } from "../src/scenario/errors.js";

export interface SimulateTaskArguments {
  input: string;
  out?: string | undefined;
  seed?: string | undefined;
  scheme?: string | undefined;
  gasPriceGwei?: string | undefined;
  krwPerEth?: string | undefined;
  rpcUrl?: string | undefined;
  timeMode?: string | undefined;
  confirmations?: string | undefined;
  deploymentId?: string | undefined;
  rpcRetries?: string | undefined;
  resume?: string | undefined;
}

function printDisagreement(result: SimulationResult): void {
  if (result.differences.length > 0) {
    console.error(`Chain and model disagree on ${result.differences.length} balance(s):`);
    console.error(formatDifferences(result.differences));
  }
  if (result.tally.mismatches > 0) {
    console.error(`Chain and model disagree on ${result.tally.mismatches} event(s), e.g.:`);
    for (const m of result.mismatches.slice(0, 20)) {
      console.error(`  line ${m.line} ${m.kind}: model ${m.expected}, chain ${m.actual}`);
    }
  }
}

function printSummary(result: SimulationResult): void {
  const { manifest, dir } = result.outputs;
  const { tally } = result;
  console.log(
    `${manifest.counts.events} events, ${manifest.counts.transactions} transactions in ` +
      `${manifest.timings.replay.toFixed(1)} s; ${tally.reverted} reverted and ${tally.rejected} ` +
      `rejected, as the model expected`,
  );
  console.log(`Reconciled: every balance and every event agrees with the model.`);
  console.log(`Report: ${join(dir, RUN_FILES.report)}`);
}

export default async function simulateTask(
  args: SimulateTaskArguments,
  hre: HardhatRuntimeEnvironment,
): Promise<void> {
  try {
    if (args.input === "" && args.resume === undefined) {
      throw new GenerateOptionError("simulate: give a scenario (.yaml) or a trace (.jsonl)");
    }
    const result = await simulate(hre, args);
    if (result.reconciled) {
      printSummary(result);
      return;
    }
    printDisagreement(result);
    console.error(`Outputs (marked not reconciled): ${result.outputs.dir}`);
    process.exitCode = 1;
  } catch (error) {
    if (error instanceof InputError || error instanceof GenerateOptionError) {
      console.error(error.message);
      process.exitCode = error.exitCode;
      return;
    }
    if (process.argv.includes("--show-stack-traces")) throw error;
    if (error instanceof ResumableRunError) {
      console.error(`simulate stopped: ${error.message}`);
      process.exitCode = 1;
      return;
    }
    console.error(`simulate failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
