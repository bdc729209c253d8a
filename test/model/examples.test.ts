import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { expect } from "chai";

import { parseEvent, unixSeconds } from "../../src/scenario/trace-schema.js";
import {
  brokenInvariants,
  runModel,
  snapshotOf,
  type ModelInput,
  type ModelOutput,
} from "../../src/model/index.js";

/** The worked examples' traces, copied verbatim; their balances are in the test names' tables. */
const EXAMPLES = fileURLToPath(new URL("../../examples", import.meta.url));

function traceOf(file: string): ModelInput[] {
  const lines = readFileSync(`${EXAMPLES}/${file}`, "utf8").trim().split("\n");
  return lines.map((text, i) => {
    const result = parseEvent(JSON.parse(text));
    if (!result.success) throw new Error(`${file}:${i + 1}: ${result.error.message}`);
    return { line: i + 1, time: unixSeconds(result.data.t), event: result.data };
  });
}

/** The example traces streamed as an async source, as the replay will feed them. */
async function* streamed(inputs: ModelInput[]): AsyncGenerator<ModelInput> {
  for (const input of inputs) yield await Promise.resolve(input);
}

describe("model: the worked examples of examples/README.md", () => {
  it("parking.jsonl gives the hand-worked balances", async () => {
    const outputs: ModelOutput[] = [];
    const model = await runModel(streamed(traceOf("parking.jsonl")), {}, (o) => outputs.push(o));
    const state = snapshotOf(model);

    expect(outputs.map((o) => o.outcome.status)).to.deep.equal(Array(9).fill("ok"));
    expect(state.balances.get("owner-1")).to.deep.equal({ krw: 3240n, credits: 0n });
    expect(state.balances.get("driver-1")).to.deep.equal({ krw: 17_000n, credits: 0n });
    expect(state.balances.get("driver-2")).to.deep.equal({ krw: 19_400n, credits: 0n });
    expect(state.treasuryKrw).to.equal(360n);
    expect(state.escrowKrw).to.equal(0n);
    expect(state.creditSupply).to.equal(0n);
    expect(brokenInvariants(model)).to.deep.equal([]);
  });

  it("parking.jsonl: trip-1 pays no penalty inside the grace, trip-2 is a late cancel", async () => {
    const model = await runModel(traceOf("parking.jsonl"));
    const { parking } = model.counters;
    expect(parking.bookings).to.equal(2);
    expect(parking.checkOuts).to.equal(1);
    expect(parking.overstays).to.equal(0);
    expect(parking.lateCancels).to.equal(1);
    expect(parking.freeCancels).to.equal(0);
    // 300 + 60 to the treasury; 2,700 + 540 to owner-1.
    expect(parking.platformCuts).to.equal(360n);
    expect(parking.ownerRevenue.get("owner-1")).to.equal(3240n);
    expect(parking.cancelFees).to.equal(600n);
  });

  it("recycling.jsonl gives the hand-worked balances and a credit supply of 300", async () => {
    const model = await runModel(traceOf("recycling.jsonl"));
    const state = snapshotOf(model);

    expect(state.balances.get("citizen-1")).to.deep.equal({ krw: 0n, credits: 300n });
    expect(state.balances.get("cafe-1")).to.deep.equal({ krw: 1200n, credits: 0n });
    expect(state.treasuryKrw).to.equal(498_800n);
    expect(state.escrowKrw).to.equal(0n);
    expect(state.creditsMinted).to.equal(1500n);
    expect(state.creditsRedeemed).to.equal(1200n);
    expect(state.creditSupply).to.equal(300n);
    expect(brokenInvariants(model)).to.deep.equal([]);
  });

  it("recycling.jsonl: the second deposit crosses the daily cap and earns on 2,500 g", async () => {
    const model = await runModel(traceOf("recycling.jsonl"));
    const { recycling } = model.counters;
    expect(recycling.deposits).to.equal(2);
    expect(recycling.gramsCollected.PET).to.equal(5500);
    expect(recycling.gramsAccepted.PET).to.equal(5000);
    expect(recycling.creditsMintedAtDeposits).to.equal(1500n);
    expect(model.mintedByEpoch.get(0)).to.equal(1500n);
    // epochStart: KST midnight of the day of the first event (2026-04-06).
    expect(model.recyclingParams.epochStart).to.equal(unixSeconds("2026-04-06T00:00:00+09:00"));
  });
});
