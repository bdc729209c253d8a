import { actorAddress, openPilotChain } from "./chain.js";
import type { BenchConfig } from "./config.js";
import { explainFailures } from "./diagnose.js";
import { FastSender } from "./fast-sender.js";
import { GasContext } from "./gas-context.js";
import { measureBookingRounds } from "./gas-rounds.js";
import { measureSlotOps } from "./gas-slots.js";
import { GAS_OPS, GAS_OP_INFO, summarizeGas, type GasRow } from "./gas-stats.js";
import { fundDrivers } from "./pilot-setup.js";
import { failuresOf, type BenchFailure } from "./results.js";

/** Gas per parking operation: the table rows, and any transaction that failed. */
export interface GasResult {
  readonly rows: GasRow[];
  readonly transactions: number;
  readonly failures: BenchFailure[];
}

/**
 * Measures gas per parking operation on a fresh chain: slot operations, then
 * `config.gasRounds` booking rounds over `config.gasSlotsPerGroup` slots per group. Gas is
 * each receipt's `gasUsed` (intrinsic 21,000 and calldata included), which does not depend on
 * how the transactions were sent or batched into blocks.
 */
export async function measureGas(config: BenchConfig): Promise<GasResult> {
  const chain = await openPilotChain();
  try {
    const sender = await FastSender.open(chain.connection.provider);
    const ctx = new GasContext(chain, sender);
    const drivers = Array.from({ length: Math.max(4, 2 * config.gasSlotsPerGroup) }, (_, i) =>
      actorAddress(chain.ethers, "gas-driver", i),
    );
    await fundDrivers(chain, sender, drivers, {
      krwEach: 1_000_000_000n,
      creditsEach: 100_000_000n,
      treasuryKrw: 1_000_000_000_000n,
    });
    const groups = await measureSlotOps(ctx, config.gasSlotsPerGroup);
    await measureBookingRounds(ctx, groups, drivers, config.gasRounds);
    return {
      rows: summarizeGas(GAS_OPS, GAS_OP_INFO, ctx.samples),
      transactions: ctx.samples.length + ctx.failures.length,
      failures: await explainFailures(chain, failuresOf("gas", ctx.failures)),
    };
  } finally {
    await chain.connection.close();
  }
}
