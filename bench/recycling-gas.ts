import { SCHEME_KINDS } from "../ignition/rewardSchemes.js";
import { openPilotChain } from "./chain.js";
import type { BenchConfig } from "./config.js";
import { explainFailures } from "./diagnose.js";
import { FastSender } from "./fast-sender.js";
import { GasContext, type MeasuredTx } from "./gas-context.js";
import { summarizeGas, type GasRow } from "./gas-stats.js";
import {
  deploySchemes,
  measureClaims,
  measureSchemes,
  measureSpendAndRedeem,
  registerMerchants,
} from "./recycling-gas-credits.js";
import {
  BATCH_SIZES,
  RECYCLING_OPS,
  RECYCLING_OP_INFO,
  depositOp,
  schemeOp,
  schemeOpInfos,
  type SchemeGasRow,
} from "./recycling-ops.js";
import { COLD_THEN_WARM, RecyclingScenario } from "./recycling-scenario.js";
import { depositBatchTx, petKilo } from "./recycling-setup.js";
import { failuresOf, type BenchFailure } from "./results.js";

/** Gas of the recycling operations: the table rows, the scheme comparison, any failure. */
export interface RecyclingGasResult {
  readonly rows: GasRow[];
  readonly schemes: SchemeGasRow[];
  readonly transactions: number;
  readonly failures: BenchFailure[];
}

/**
 * Measures gas of the recycling operations on a fresh chain, all in one epoch under the
 * deployed flat scheme unless stated: kiosk batches of 1, 10, 50 and 100 deposits
 * (`config.gasBatches` batches of each size, first-time depositors on day 0, the same
 * citizens again on day 1), receipt claims (`config.gasReceipts` citizens, day 0 and day 1),
 * credit spends and merchant redemptions (day 2), then the same batches of 50 and receipts
 * under a new instance of each scheme (days 3 to 12), and budgetPool claims in the next epoch.
 * Gas per deposit is the batch's `gasUsed` divided by its deposits.
 */
export async function measureRecyclingGas(config: BenchConfig): Promise<RecyclingGasResult> {
  const chain = await openPilotChain();
  try {
    // Deployed while automine is on: the fast sender turns it off.
    const schemes = await deploySchemes(chain);
    const sender = await FastSender.open(chain.connection.provider);
    const ctx = new GasContext(chain, sender);
    const s = new RecyclingScenario(ctx, sender.now);

    const batchKiosks = await s.kiosks("gas-kiosk", config.gasBatches);
    const [warmUpKiosk] = await s.kiosks("warm-up-kiosk", 1);
    const [mainReceipts, ...schemeReceipts] = await s.receiptKiosks(0, 1 + SCHEME_KINDS.length);
    if (warmUpKiosk === undefined || mainReceipts === undefined) throw new Error("no kiosks");
    const receiptCitizens = await s.senders("receipt-citizen", config.gasReceipts);
    const merchants = await registerMerchants(s);
    await s.warmUp(warmUpKiosk, [mainReceipts, ...schemeReceipts]);

    for (const [day, cold] of COLD_THEN_WARM) {
      await batchBlocks(s, batchKiosks, day, cold);
      await s.receiptBlock(mainReceipts, receiptCitizens, "claimReceipt", day, cold);
    }
    await measureSpendAndRedeem(s, receiptCitizens, merchants, 2);
    const claimers = await measureSchemes(s, {
      schemes,
      batchKiosks,
      receiptKiosks: schemeReceipts,
      receiptCitizens: config.gasReceipts,
      warmUpKiosk,
      creditHolders: receiptCitizens,
      firstDay: 3,
    });
    await measureClaims(s, claimers);

    return {
      rows: summarizeGas(RECYCLING_OPS, RECYCLING_OP_INFO, ctx.samples),
      schemes: schemeRows(ctx),
      transactions: ctx.samples.length + ctx.failures.length,
      failures: await explainFailures(chain, failuresOf("recycling gas", ctx.failures)),
    };
  } finally {
    await chain.connection.close();
  }
}

/**
 * One block per batch size on `day`: a batch of that size by each of `kiosks`, each batch of
 * its own citizens (`cold`: they never deposited; warm: the same citizens the day after).
 */
async function batchBlocks(
  s: RecyclingScenario,
  kiosks: readonly string[],
  day: number,
  cold: boolean,
): Promise<void> {
  for (const size of BATCH_SIZES) {
    const txs = kiosks.map((kiosk, k): MeasuredTx => ({
      op: depositOp(size),
      cold,
      operations: size,
      tx: depositBatchTx(
        s.chain,
        kiosk,
        s.actors(`citizen-b${size}-k${k}`, size).map(petKilo),
        `batch of ${size} by ${kiosk} day ${day}`,
      ),
    }));
    await s.measureBlock(txs, day);
  }
}

/** The scheme comparison: a batch row and a receipt row per scheme kind. */
function schemeRows(ctx: GasContext): SchemeGasRow[] {
  const { ops, infos } = schemeOpInfos();
  const rows = new Map(summarizeGas(ops, infos, ctx.samples).map((row) => [row.op, row]));
  return SCHEME_KINDS.map((kind) => {
    const batch = rows.get(schemeOp(kind, "batch"));
    const receipt = rows.get(schemeOp(kind, "receipt"));
    if (batch === undefined || receipt === undefined) throw new Error(`no rows for ${kind}`);
    return { kind, batch, receipt };
  });
}
