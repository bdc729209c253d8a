import { expect } from "chai";

import { GasCollector, summarize, type RecordForReport } from "../../src/report/index.js";

let nextLine = 1;

function record(fields: Partial<RecordForReport> & Pick<RecordForReport, "kind">): RecordForReport {
  const gasUsed = fields.gasUsed ?? 0;
  return {
    line: nextLine++,
    time: 0,
    status: "ok",
    gasUsed,
    txGasUsed: gasUsed,
    txCount: 1,
    batchSize: 1,
    timestamp: 0,
    ...fields,
  };
}

/** The entries of one kiosk batch: `gas` split evenly, one hash, one block. */
function batch(hash: string, block: number, gas: number, entries: number): RecordForReport[] {
  return Array.from({ length: entries }, () =>
    record({
      kind: "recycle.deposit",
      gasUsed: gas / entries,
      txGasUsed: gas,
      batchSize: entries,
      txHash: hash,
      blockNumber: block,
    }),
  );
}

describe("report: gas statistics", () => {
  it("summarises with linear interpolation between ranks", () => {
    expect(summarize([10, 20, 30, 40, 50, 60, 70, 80, 90, 100])).to.deep.equal({
      count: 10,
      total: 550,
      mean: 55,
      median: 55,
      p90: 91,
      min: 10,
      max: 100,
    });
  });

  it("gathers ok events by kind and failed ones apart", () => {
    const gas = new GasCollector();
    for (const g of [100, 300, 200])
      gas.add(record({ kind: "parking.book", gasUsed: g, blockNumber: 1 }));
    gas.add(
      record({
        kind: "parking.book",
        status: "reverted",
        error: "ParkingSlotAlreadyBooked",
        gasUsed: 40,
        blockNumber: 2,
      }),
    );
    const stats = gas.stats();
    expect(stats.byKind["parking.book"]).to.include({
      count: 3,
      median: 200,
      mean: 200,
      total: 600,
    });
    expect(stats.failedByKind["parking.book"]).to.include({ count: 1, total: 40 });
    expect([stats.events, stats.transactions, stats.blocks, stats.totalGas]).to.deep.equal([
      4, 4, 2, 640,
    ]);
  });

  it("counts a batch transaction once, whatever the order of its entries", () => {
    const gas = new GasCollector();
    const a = batch("0xa", 5, 300_000, 3);
    const b = batch("0xb", 5, 100_000, 2);
    for (const r of [a[0], b[0], a[1], b[1], a[2]]) gas.add(r as RecordForReport);
    const stats = gas.stats();
    expect(stats.transactions).to.equal(2);
    expect(stats.blocks).to.equal(1);
    expect(stats.byKind["recycle.deposit"]?.count).to.equal(5);
    expect(stats.batchesByKind["recycle.deposit"]).to.include({
      count: 2,
      total: 400_000,
      meanEntries: 2.5,
    });
    expect(stats.totalGas).to.equal(400_000);
  });

  it("counts an event's several transactions (an actor.join), and none for a config line", () => {
    const gas = new GasCollector();
    gas.add(record({ kind: "config", txCount: 0 }));
    gas.add(record({ kind: "actor.join", txCount: 3, gasUsed: 150_000, blockNumber: 1 }));
    const stats = gas.stats();
    expect([stats.events, stats.transactions]).to.deep.equal([2, 3]);
    expect(stats.byKind).to.have.keys(["actor.join"]);
  });

  it("an empty run has no kinds and zero counts", () => {
    expect(new GasCollector().stats()).to.deep.equal({
      byKind: {},
      failedByKind: {},
      batchesByKind: {},
      events: 0,
      transactions: 0,
      blocks: 0,
      totalGas: 0,
    });
  });
});
