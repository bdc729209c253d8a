import type { ContractTransactionResponse } from "ethers";

import type { BenchChain } from "./chain.js";
import { explainFailures } from "./diagnose.js";
import type { FastSender, FastTx } from "./fast-sender.js";
import {
  failuresOf,
  throughputFigure,
  type BenchFailure,
  type ThroughputFigure,
} from "./results.js";

/** How a fast replay is cut into blocks and spaced in simulated time. */
export interface FastReplayOptions {
  readonly section: string;
  readonly perBlock: number;
  /** Simulated seconds between two blocks (block timestamps follow this clock). */
  readonly blockSeconds: number;
  /** Operations the transactions carry (deposits of kiosk batches); default one per tx. */
  readonly operations?: number;
}

/**
 * Replays `txs` on the fast path, `perBlock` per block, and times it from the first send to
 * the last receipt checked. Failed transactions are explained after the clock stops.
 */
export async function timeFastReplay(
  chain: BenchChain,
  sender: FastSender,
  txs: readonly FastTx[],
  options: FastReplayOptions,
): Promise<ThroughputFigure> {
  const blocksBefore = sender.blockCounts;
  const phasesBefore = sender.phases;
  const failures: BenchFailure[] = [];
  let time = sender.now;
  const started = performance.now();
  for (let i = 0; i < txs.length; i += options.perBlock) {
    time += options.blockSeconds;
    const outcomes = await sender.runBlock(txs.slice(i, i + options.perBlock), time);
    failures.push(...failuresOf(`fast ${options.section}`, outcomes));
  }
  const elapsed = performance.now() - started;
  const blocksAfter = sender.blockCounts;
  const phases = sender.phases;
  return throughputFigure(
    {
      section: options.section,
      path: "fast",
      operations: options.operations ?? txs.length,
      transactions: txs.length,
      blocks: blocksAfter.blocks - blocksBefore.blocks,
      extraBlocks: blocksAfter.extraBlocks - blocksBefore.extraBlocks,
      phases: {
        sendMs: phases.sendMs - phasesBefore.sendMs,
        mineMs: phases.mineMs - phasesBefore.mineMs,
        receiptsMs: phases.receiptsMs - phasesBefore.receiptsMs,
      },
      failures: await explainFailures(chain, failures),
    },
    elapsed,
  );
}

/** One naive operation: its label and the ethers call that sends it. */
export interface NaiveCall {
  readonly label: string;
  readonly send: () => Promise<ContractTransactionResponse>;
}

/**
 * Runs `calls` the naive way (automine on): each ethers call awaited, then its receipt awaited
 * and checked, one after the other. Times the loop.
 */
export async function timeNaiveCalls(
  chain: BenchChain,
  section: string,
  calls: readonly NaiveCall[],
): Promise<ThroughputFigure> {
  const firstBlock = await chain.ethers.provider.getBlockNumber();
  const failures: BenchFailure[] = [];
  const started = performance.now();
  for (const call of calls) {
    try {
      const receipt = await (await call.send()).wait();
      if (receipt?.status !== 1) {
        failures.push({
          section: `naive ${section}`,
          label: call.label,
          detail: "receipt status 0",
        });
      }
    } catch (error) {
      const detail = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
      failures.push({ section: `naive ${section}`, label: call.label, detail });
    }
  }
  const elapsed = performance.now() - started;
  const lastBlock = await chain.ethers.provider.getBlockNumber();
  return throughputFigure(
    {
      section,
      path: "naive",
      operations: calls.length,
      transactions: calls.length,
      blocks: lastBlock - firstBlock,
      extraBlocks: 0,
      phases: null,
      failures,
    },
    elapsed,
  );
}
