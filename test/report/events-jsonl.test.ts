import { expect } from "chai";

import { formatEventLine, kstIso, type RecordForReport } from "../../src/report/index.js";

const MONDAY_10 = Date.parse("2026-04-06T10:00:00+09:00") / 1000;

function record(fields: Partial<RecordForReport> = {}): RecordForReport {
  return {
    line: 14,
    kind: "parking.book",
    time: MONDAY_10,
    status: "ok",
    gasUsed: 151_234,
    txGasUsed: 151_234,
    txCount: 1,
    batchSize: 1,
    txHash: "0xabc",
    blockNumber: 7,
    timestamp: MONDAY_10,
    ...fields,
  };
}

describe("report: events.jsonl lines", () => {
  it("writes times in KST as the trace does", () => {
    expect(kstIso(MONDAY_10)).to.equal("2026-04-06T10:00:00+09:00");
    expect(kstIso(Date.parse("2026-04-06T23:30:00Z") / 1000)).to.equal("2026-04-07T08:30:00+09:00");
  });

  it("an ok event: line, kind, time, status, gas, tx hash, block, in that order", () => {
    expect(formatEventLine(record())).to.equal(
      '{"line":14,"kind":"parking.book","time":"2026-04-06T10:00:00+09:00","status":"ok",' +
        '"gasUsed":151234,"txCount":1,"txHash":"0xabc","block":7}',
    );
  });

  it("a reverted event carries the chain's error and, if mismatched, the model's expectation", () => {
    const line = JSON.parse(
      formatEventLine(record({ status: "reverted", error: "ParkingSlotAlreadyBooked" }), {
        expected: "ok",
      }),
    ) as Record<string, unknown>;
    expect(line.status).to.equal("reverted");
    expect(line.error).to.equal("ParkingSlotAlreadyBooked");
    expect(line.expected).to.equal("ok");
    expect(Object.keys(line).slice(0, 7)).to.deep.equal([
      "line",
      "kind",
      "time",
      "status",
      "error",
      "expected",
      "gasUsed",
    ]);
  });

  it("a batch entry shows its share, the batch size and the whole transaction's gas", () => {
    const line = JSON.parse(
      formatEventLine(
        record({
          kind: "recycle.deposit",
          status: "rejected",
          error: "OverKioskCapacity",
          gasUsed: 30_000,
          txGasUsed: 300_000,
          batchSize: 10,
        }),
      ),
    ) as Record<string, unknown>;
    expect(line).to.include({
      gasUsed: 30_000,
      batchSize: 10,
      txGasUsed: 300_000,
      error: "OverKioskCapacity",
    });
    expect(line).to.not.have.property("expected");
  });

  it("shows the block time only where the chain could not follow the trace", () => {
    expect(JSON.parse(formatEventLine(record()))).to.not.have.property("blockTime");
    const remote = JSON.parse(formatEventLine(record({ timestamp: MONDAY_10 + 7 }))) as Record<
      string,
      unknown
    >;
    expect(remote.blockTime).to.equal("2026-04-06T10:00:07+09:00");
  });

  it("an event with no transaction (config) has no hash or block", () => {
    const line = JSON.parse(
      formatEventLine(
        record({
          kind: "config",
          txCount: 0,
          gasUsed: 0,
          txHash: undefined,
          blockNumber: undefined,
        }),
      ),
    ) as Record<string, unknown>;
    expect(line).to.not.have.property("txHash");
    expect(line).to.not.have.property("block");
  });

  it("never breaks a line, whatever the error text", () => {
    expect(
      formatEventLine(record({ status: "reverted", error: "Error: two\nlines" })),
    ).to.not.include("\n");
  });
});
