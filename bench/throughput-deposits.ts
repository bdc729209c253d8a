import { DEFAULT_FLAT_RATE_PER_KG } from "../ignition/rewardSchemes.js";
import { actorAddress, openPilotChain, type BenchChain } from "./chain.js";
import type { BenchConfig } from "./config.js";
import { FastSender, type FastTx } from "./fast-sender.js";
import {
  DAILY_CAP_GRAMS,
  depositBatchTx,
  kstDay,
  nextEpochStart,
  registerKiosks,
  type BenchDeposit,
} from "./recycling-setup.js";
import type { BenchFailure, ThroughputFigure } from "./results.js";
import { HOUR } from "./time.js";
import { timeFastReplay } from "./timing.js";

/** Simulated time between two blocks of the replay. */
const BLOCK_SECONDS = HOUR;
/** Materials of the replay: CLEAR_PET to PS in turn (the flat scheme pays them all alike). */
const MATERIALS = 5;

/**
 * The replay's deposits: deposit `j` by citizen `j % citizens`, 200 g to 2,000 g in steps of
 * 10 g (so every reward, cut or not, is an exact 0.3 credit a gram), 25 g an item.
 */
export function planDeposits(citizens: readonly string[], count: number): BenchDeposit[] {
  return Array.from({ length: count }, (_, j): BenchDeposit => {
    const citizen = citizens[j % citizens.length];
    if (citizen === undefined) throw new Error("no citizens");
    const grams = 200 + ((j * 37) % 181) * 10;
    return {
      citizen,
      material: j % MATERIALS,
      grams: BigInt(grams),
      items: BigInt(Math.floor(grams / 25)),
    };
  });
}

/** The layout of the replay: batch `b` is in block `floor(b / batchesPerBlock)`. */
interface Layout {
  readonly perBatch: number;
  readonly batchesPerBlock: number;
  /** Time of the replay's first block. */
  readonly firstBlock: number;
}

/**
 * Credits the replay must mint under the deployed flat scheme: per citizen and KST day, only
 * the grams under the daily cap earn (SPEC section 3).
 */
function expectedCredits(deposits: readonly BenchDeposit[], layout: Layout): bigint {
  const dayGrams = new Map<string, number>();
  let grams = 0n;
  deposits.forEach((d, j) => {
    const block = Math.floor(Math.floor(j / layout.perBatch) / layout.batchesPerBlock);
    const key = `${d.citizen}:${kstDay(layout.firstBlock + block * BLOCK_SECONDS)}`;
    const before = dayGrams.get(key) ?? 0;
    const accepted = Math.min(Number(d.grams), DAILY_CAP_GRAMS - before);
    dayGrams.set(key, before + accepted);
    grams += BigInt(accepted);
  });
  return (grams * DEFAULT_FLAT_RATE_PER_KG) / 1_000n;
}

/**
 * After the clock stopped: no deposit was rejected (no `DepositRejected` log) and the credits
 * minted are what the rules give. A successful batch can still skip entries, so this is what
 * tells that every deposit counted.
 */
async function checkDeposits(
  chain: BenchChain,
  fromBlock: number,
  expected: bigint,
): Promise<BenchFailure[]> {
  const { rewards, credit } = chain.contracts;
  const failures: BenchFailure[] = [];
  const rejected = await chain.ethers.provider.getLogs({
    address: chain.addresses.rewards,
    topics: [rewards.interface.getEvent("DepositRejected").topicHash],
    fromBlock,
    toBlock: "latest",
  });
  if (rejected.length > 0) {
    const detail = `${rejected.length} DepositRejected event(s), none expected`;
    failures.push({ section: "fast deposits", label: "rejected deposits", detail });
  }
  const minted = await credit.totalSupply();
  if (minted !== expected) {
    const detail = `credits minted ${minted}, expected ${expected}`;
    failures.push({ section: "fast deposits", label: "credits minted", detail });
  }
  return failures;
}

/**
 * Replays `config.deposits` deposits in kiosk batches of `config.depositsPerBatch` on the fast
 * path, `config.batchesPerBlock` batches a block, blocks an hour apart from the start of an
 * epoch. Kiosks (`config.kiosks`, impersonated) send the batches in turn; `config.citizens`
 * citizens deposit in turn, so the first `citizens` deposits are first-time deposits and the
 * rest are warm. Setup (kiosk registration, calldata) is not timed.
 */
export async function replayDepositsFast(config: BenchConfig): Promise<ThroughputFigure> {
  const chain = await openPilotChain();
  try {
    const sender = await FastSender.open(chain.connection.provider);
    const kiosks = Array.from({ length: config.kiosks }, (_, i) =>
      actorAddress(chain.ethers, "kiosk", i),
    );
    await sender.prepareSenders(kiosks);
    await registerKiosks(chain, sender, kiosks);
    const citizens = Array.from({ length: config.citizens }, (_, i) =>
      actorAddress(chain.ethers, "depositor", i),
    );
    const deposits = planDeposits(citizens, config.deposits);
    const txs: FastTx[] = [];
    for (let from = 0, b = 0; from < deposits.length; from += config.depositsPerBatch, b++) {
      const batch = deposits.slice(from, from + config.depositsPerBatch);
      const kiosk = kiosks[b % kiosks.length];
      if (kiosk === undefined) throw new Error("no kiosks");
      const label = `batch #${b} (deposits ${from} to ${from + batch.length - 1})`;
      txs.push(depositBatchTx(chain, kiosk, batch, label));
    }

    // An empty block sets the clock: the first batch block is at 10:00 KST of an epoch's first day.
    const firstBlock = nextEpochStart(sender.now) + HOUR;
    await sender.mine(firstBlock - BLOCK_SECONDS);
    const fromBlock = await chain.ethers.provider.getBlockNumber();
    const figure = await timeFastReplay(chain, sender, txs, {
      section: "deposits",
      perBlock: config.batchesPerBlock,
      blockSeconds: BLOCK_SECONDS,
      operations: deposits.length,
    });
    const layout = {
      perBatch: config.depositsPerBatch,
      batchesPerBlock: config.batchesPerBlock,
      firstBlock,
    };
    // A failed batch is listed already; the totals would only repeat it.
    if (figure.failures.length > 0) return figure;
    const checks = await checkDeposits(chain, fromBlock, expectedCredits(deposits, layout));
    return { ...figure, failures: checks };
  } finally {
    await chain.connection.close();
  }
}
