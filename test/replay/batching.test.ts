/**
 * Kiosk batches, through the block builder with a scripted sender: which deposits share a
 * transaction, and how a batch's outcome and gas become per-event records. (The same on
 * chain needs the recycling contracts: see recycling-example.test.ts.)
 */
import { readFileSync } from "node:fs";

import { expect } from "chai";
import { ZeroAddress } from "ethers";

import { ActorBook } from "../../src/replay/actors.js";
import { BlockBuilder } from "../../src/replay/internal/block-builder.js";
import { depositBatchGas } from "../../src/replay/internal/gas.js";
import type { PlanContext } from "../../src/replay/internal/plan-types.js";
import { REJECT_REASONS, recyclingInterface } from "../../src/replay/internal/recycling-abi.js";
import { revertDecoder } from "../../src/replay/internal/revert-decoder.js";
import type { MinedTx, TxRequest, TxSender } from "../../src/replay/internal/sender.js";
import { systemInterfaces } from "../../src/replay/replay-trace.js";
import type { EventRecord } from "../../src/replay/types.js";
import type { TraceEventInput } from "../../src/scenario/trace-schema.js";
import { trace } from "./helpers.js";

const REWARDS = "0x00000000000000000000000000000000000000aa";

/** Mines nothing: answers each block with scripted outcomes and remembers what it got. */
class ScriptedSender implements TxSender {
  readonly blockGasLimit = 60_000_000;
  readonly setsTimestamps = true;
  readonly blocks: { time: number; txs: TxRequest[] }[] = [];
  /** Per transaction sent: revert data (failed) or rejected entries (index, reason). */
  script: ({ revert: string } | { rejected: [number, number][] })[] = [];

  async start(): Promise<void> {}
  async stop(): Promise<void> {}
  async addAccount(): Promise<void> {}
  async nextNonce(): Promise<number> {
    return 0;
  }

  async executeBlock(time: number, txs: readonly TxRequest[]): Promise<MinedTx[]> {
    this.blocks.push({ time, txs: [...txs] });
    return txs.map((tx, i) => {
      const step = this.script.shift() ?? { rejected: [] };
      const base = {
        hash: `0x${i}`,
        gasUsed: 100_001,
        gasLimit: tx.gas,
        blockNumber: 1,
        timestamp: time,
      };
      if ("revert" in step) return { ...base, ok: false, logs: [], revertData: step.revert };
      const logs = step.rejected.map(([index, reason]) => ({
        address: REWARDS,
        ...recyclingInterface.encodeEventLog("DepositRejected", [
          tx.from,
          ZeroAddress,
          index,
          reason,
        ]),
      }));
      return { ...base, ok: true, logs };
    });
  }
}

function context(sender: TxSender): PlanContext {
  const actors = new ActorBook();
  for (const name of ["k1", "k2", "c1", "c2"])
    actors.join(name, [name.startsWith("k") ? "kiosk" : "citizen"]);
  return {
    contracts: {
      admin: ZeroAddress,
      krw: ZeroAddress,
      credit: ZeroAddress,
      treasury: ZeroAddress,
      market: ZeroAddress,
      recycling: REWARDS,
    },
    chainId: 31337n,
    abi: systemInterfaces(),
    actors,
    sender,
    keeper: ZeroAddress,
    slots: new Map(),
    bookings: new Map(),
    slotOwners: new Map(),
    bookingDrivers: new Map(),
    schemes: [],
  };
}

const deposit = (t: string, kiosk: string, citizen: string, grams: number): TraceEventInput => ({
  t: `2026-04-06T${t}:00+09:00`,
  kind: "recycle.deposit",
  kiosk,
  citizen,
  material: "PET",
  grams,
  items: 1,
});

async function run(sender: ScriptedSender, events: TraceEventInput[], maxBatchSize = 100) {
  const records: EventRecord[] = [];
  const ctx = context(sender);
  const abi = ctx.abi;
  const builder = new BlockBuilder(ctx, {
    decode: revertDecoder([abi.recycling]),
    emit: (r) => records.push(r),
    maxBatchSize,
  });
  for (const input of trace(...events)) await builder.add(input);
  await builder.finish();
  return records;
}

/** The citizens' grams of each batch sent, decoded from the calldata. */
function batches(sender: ScriptedSender): number[][] {
  return sender.blocks.flatMap((block) =>
    block.txs.map((tx) => {
      const [entries] = recyclingInterface.decodeFunctionData("depositBatch", tx.data);
      return (entries as { grams: bigint }[]).map((e) => Number(e.grams));
    }),
  );
}

describe("replay: kiosk batches", () => {
  it("batches consecutive deposits of one kiosk at one time, and only those", async () => {
    const sender = new ScriptedSender();
    await run(sender, [
      deposit("09:00", "k1", "c1", 1),
      deposit("09:00", "k1", "c2", 2),
      deposit("09:00", "k2", "c1", 3),
      deposit("09:00", "k1", "c1", 4),
      deposit("09:00", "k1", "c2", 5),
      deposit("10:00", "k1", "c2", 6),
    ]);
    expect(batches(sender)).to.deep.equal([[1, 2], [3], [4, 5], [6]]);
    expect(sender.blocks.map((b) => b.txs.length)).to.deep.equal([3, 1]);
    const [first] = sender.blocks[0]?.txs ?? [];
    expect(first?.gas).to.equal(depositBatchGas(2));
  });

  it("closes a batch at any other event between deposits", async () => {
    const sender = new ScriptedSender();
    sender.script = [{ rejected: [] }, { rejected: [] }, { rejected: [] }];
    await run(sender, [
      deposit("09:00", "k1", "c1", 1),
      {
        t: "2026-04-06T09:00:00+09:00",
        kind: "credit.spend",
        citizen: "c1",
        merchant: "c2",
        credits: 1,
      },
      deposit("09:00", "k1", "c1", 2),
    ]);
    expect(sender.blocks[0]?.txs).to.have.length(3);
  });

  it("keeps the reject reasons in the order of the Solidity enum", () => {
    const source = readFileSync("contracts/interfaces/IRecyclingRewards.sol", "utf8");
    const body = /enum RejectReason \{([^}]*)\}/.exec(source)?.[1] ?? "";
    const names = body.split(",").map((n) => n.replace(/\/\/.*$/gm, "").trim());
    expect(names).to.deep.equal([...REJECT_REASONS]);
  });

  it("caps a batch at maxBatchSize", async () => {
    const sender = new ScriptedSender();
    await run(
      sender,
      [1, 2, 3, 4, 5].map((g) => deposit("09:00", "k1", "c1", g)),
      2,
    );
    expect(batches(sender)).to.deep.equal([[1, 2], [3, 4], [5]]);
  });

  it("records a rejected entry with its reason and shares the gas", async () => {
    const sender = new ScriptedSender();
    // Entry 1 over the kiosk's capacity (reason 7).
    sender.script = [{ rejected: [[1, 7]] }];
    const records = await run(sender, [
      deposit("09:00", "k1", "c1", 1_000),
      deposit("09:00", "k1", "c2", 60_000),
      deposit("09:00", "k1", "c1", 500),
    ]);
    expect(records.map((r) => [r.line, r.status, r.error])).to.deep.equal([
      [1, "ok", undefined],
      [2, "rejected", "OverKioskCapacity"],
      [3, "ok", undefined],
    ]);
    expect(records.map((r) => r.gasUsed)).to.deep.equal([33_334, 33_334, 33_333]);
    expect(records.every((r) => r.txGasUsed === 100_001 && r.batchSize === 3)).to.equal(true);
  });

  it("records every entry reverted when the batch itself reverts", async () => {
    const sender = new ScriptedSender();
    const revert = recyclingInterface.encodeErrorResult("RecyclingUnknownKiosk", [REWARDS]);
    sender.script = [{ revert }];
    const records = await run(sender, [
      deposit("09:00", "k1", "c1", 1),
      deposit("09:00", "k1", "c2", 2),
    ]);
    expect(records.map((r) => `${r.status} ${r.error}`)).to.deep.equal([
      "reverted RecyclingUnknownKiosk",
      "reverted RecyclingUnknownKiosk",
    ]);
  });
});
