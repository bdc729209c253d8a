import { expect } from "chai";

import { replayTrace } from "../../src/replay/replay-trace.js";
import { readTrace, validateTraceFile } from "../../src/scenario/load-trace.js";
import { EXAMPLES, chainBalances, readAll, replayConnection } from "./helpers.js";

const PARKING = `${EXAMPLES}/parking.jsonl`;

describe("replayTrace: examples/parking.jsonl", () => {
  it("ends with the hand-worked balances of examples/README.md, streamed from the file", async () => {
    const summary = await validateTraceFile(PARKING);
    const connection = await replayConnection(summary.firstTime ?? 0);
    try {
      const result = await replayTrace(connection, readTrace(PARKING), {
        totalEvents: summary.events,
      });
      expect(result.records.map((r) => r.status)).to.deep.equal(
        Array.from({ length: summary.events }, () => "ok"),
      );
      const balances = await chainBalances(connection, result);
      expect(balances).to.deep.equal({
        "owner-1": { krw: 3_240n, credits: 0n },
        "driver-1": { krw: 17_000n, credits: 0n },
        "driver-2": { krw: 19_400n, credits: 0n },
        treasury: { krw: 360n, credits: 0n },
        "parking-escrow": { krw: 0n, credits: 0n },
      });
    } finally {
      await connection.close();
    }
  });

  it("records every event with its block, timestamp and gas, and the name maps", async () => {
    const events = await readAll(PARKING);
    const connection = await replayConnection(events[0]?.time ?? 0);
    try {
      const result = await replayTrace(connection, events);
      expect(result.records).to.have.length(events.length);
      for (const [i, record] of result.records.entries()) {
        const input = events[i];
        expect(record.line).to.equal(input?.line);
        expect(record.kind).to.equal(input?.event.kind);
        expect(record.timestamp).to.equal(input?.time);
        // An owner joining with no KRW needs no transaction.
        if (record.line === 1) {
          expect(record).to.include({ txCount: 0, gasUsed: 0 });
          continue;
        }
        expect(record.txHash).to.match(/^0x[0-9a-f]{64}$/);
        expect(record.gasUsed).to.be.greaterThan(20_000);
        const block = await connection.ethers.provider.getBlock(record.blockNumber ?? -1);
        expect(block?.timestamp).to.equal(input?.time);
      }
      expect([...result.slots]).to.deep.equal([["cheongna-1", 1n]]);
      expect([...result.bookings]).to.deep.equal([
        ["trip-1", 1n],
        ["trip-2", 2n],
      ]);
      expect([...result.actors.keys()]).to.deep.equal(["owner-1", "driver-1", "driver-2"]);
      expect(result.stats).to.include({ events: 9, reverted: 0, rejected: 0 });
      // The four joins and the slot share the block of 07:00; then one block per time.
      expect(result.stats.blocks).to.equal(6);
    } finally {
      await connection.close();
    }
  });
});
