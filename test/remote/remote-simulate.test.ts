/**
 * `simulate` on real local nodes (anvil and `hardhat node --network simNode`), in process:
 * small traces reconcile in trace time mode, end with the in-process run's balances (by actor
 * name: the accounts differ), and their blocks carry the trace's times. In node time mode, on
 * an anvil mining on its own clock, a trace whose outcomes do not depend on time reconciles
 * and the manifest records the offset between the chain's clock and the trace's.
 */
import { writeFile, rm } from "node:fs/promises";
import { join } from "node:path";

import { expect } from "chai";
import hre from "hardhat";

import {
  PROJECT_ROOT,
  rpc,
  startAnvil,
  startHardhatNode,
  stopAllNodes,
  type LocalNode,
} from "../../scripts/local-node.js";
import { simulate } from "../../src/run/simulate.js";
import { expectCloseTo } from "../helpers/close-to.js";
import {
  balancesText,
  freshDir,
  readBalances,
  readEvents,
  readManifest,
  readTraceEvents,
  removeRuns,
  startTraceAnvil,
  type BalanceRow,
} from "./helpers.js";

const TRACES = [
  join(PROJECT_ROOT, "examples", "parking.jsonl"),
  join(PROJECT_ROOT, "examples", "recycling.jsonl"),
  join(PROJECT_ROOT, "test", "run", "fixtures", "refusals.jsonl"),
];

const NODES = [
  { kind: "anvil", network: "anvil", start: () => startTraceAnvil() },
  { kind: "hardhat node", network: "hardhatNode", start: () => startHardhatNode() },
] as const;

const traceName = (path: string) => path.split("/").slice(-1)[0] as string;

describe("remote simulate: trace time mode", function () {
  this.timeout(120_000);
  let root: string;
  const runs: string[] = [];
  /** The in-process run's balances of each trace. */
  const reference = new Map<string, Map<string, BalanceRow>>();

  before(async () => {
    root = await freshDir();
    for (const trace of TRACES) {
      const out = join(root, `reference-${traceName(trace)}`);
      const result = await simulate(hre, { input: trace, out });
      expect(result.reconciled, `${trace} in process`).to.equal(true);
      reference.set(trace, await readBalances(out));
    }
  });

  after(async () => {
    await stopAllNodes();
    await removeRuns(runs);
    if (root !== undefined) await rm(root, { recursive: true, force: true });
  });

  for (const { kind, network, start } of NODES) {
    describe(kind, () => {
      for (const trace of TRACES) {
        it(`${traceName(trace)}: reconciles with the in-process balances at the trace's times`, async () => {
          // A fresh chain for each trace: every trace starts on the same morning.
          const node: LocalNode = await start();
          try {
            const out = join(root, `${network}-${traceName(trace)}`);
            runs.push(out);
            const result = await simulate(hre, { input: trace, out, network, rpcUrl: node.url });
            expect(result.differences).to.deep.equal([]);
            expect(result.mismatches).to.deep.equal([]);
            expect(result.reconciled).to.equal(true);

            const balances = await readBalances(out);
            expect(balancesText(balances)).to.deep.equal(balancesText(reference.get(trace)!));

            const manifest = await readManifest(out);
            expect(manifest.network.name).to.equal(network);
            const remote = manifest.network.remote;
            expect(remote?.url).to.equal(node.url);
            expect(remote?.timeMode).to.equal("trace");
            expect(remote?.drift?.maxSeconds).to.equal(0);
            expect(remote?.drift?.offsetSeconds).to.equal(0);
            expect(remote?.resumes).to.equal(0);

            // events.jsonl: the trace's times, no block time of its own; the blocks say so too.
            const traceEvents = await readTraceEvents(trace);
            const events = await readEvents(out);
            expect(events.map((e) => e.line)).to.deep.equal(traceEvents.map((_, i) => i + 1));
            for (const event of events) {
              const expected = Date.parse(traceEvents[event.line - 1]!.t) / 1000;
              expect(Date.parse(event.time) / 1000, `line ${event.line}`).to.equal(expected);
              expect(event.blockTime, `line ${event.line}`).to.equal(undefined);
              if (event.block === undefined) continue;
              const block = await rpc<{ timestamp: string }>(node.url, "eth_getBlockByNumber", [
                `0x${event.block.toString(16)}`,
                false,
              ]);
              expect(Number(block.timestamp), `block of line ${event.line}`).to.equal(expected);
            }
            expect(events.filter((e) => e.block !== undefined)).to.have.length.greaterThan(0);
          } finally {
            await node.stop();
          }
        });
      }
    });
  }
});

/** Events whose outcome does not depend on the block's time (2026-04-06 07:00 KST). */
const TIMELESS_TRACE = [
  { kind: "config", scheme: "flat", params: { ratePerKg: 300 } },
  { kind: "treasury.fund", krw: 250_000 },
  { kind: "actor.join", actor: "owner-1", role: "owner", district: "songdo" },
  { kind: "actor.join", actor: "driver-1", role: "driver", krw: 40_000 },
  { kind: "actor.join", actor: "driver-2", role: ["driver", "citizen"], krw: 12_500 },
  { kind: "actor.join", actor: "cafe-1", role: "merchant" },
  { kind: "actor.join", actor: "citizen-1", role: "citizen" },
  {
    kind: "slot.register",
    slot: "songdo-1",
    owner: "owner-1",
    district: "songdo",
    unitPrice: 300,
    availability: ["Mon-Sun 00:00-24:00"],
  },
  { kind: "treasury.fund", krw: 5_000 },
  { kind: "actor.join", actor: "driver-3", role: "driver", krw: 700 },
].map((event) => JSON.stringify({ t: "2026-04-06T07:00:00+09:00", ...event }));

describe("remote simulate: node time mode on anvil mining on its own clock", function () {
  this.timeout(120_000);
  let root: string;
  let node: LocalNode;
  let trace: string;
  const runs: string[] = [];

  before(async () => {
    root = await freshDir();
    trace = join(root, "timeless.jsonl");
    await writeFile(trace, `${TIMELESS_TRACE.join("\n")}\n`);
    // Started normally: automine, genesis at the wall clock's time.
    node = await startAnvil();
  });

  after(async () => {
    await stopAllNodes();
    await removeRuns(runs);
    if (root !== undefined) await rm(root, { recursive: true, force: true });
  });

  it("reconciles with the in-process balances and records the chain's offset", async () => {
    const referenceOut = join(root, "reference");
    expect((await simulate(hre, { input: trace, out: referenceOut })).reconciled).to.equal(true);

    const out = join(root, "node-time");
    runs.push(out);
    const result = await simulate(hre, {
      input: trace,
      out,
      network: "anvil",
      rpcUrl: node.url,
      timeMode: "node",
    });
    expect(result.differences).to.deep.equal([]);
    expect(result.mismatches).to.deep.equal([]);
    expect(result.reconciled).to.equal(true);
    expect(balancesText(await readBalances(out))).to.deep.equal(
      balancesText(await readBalances(referenceOut)),
    );

    const remote = (await readManifest(out)).network.remote;
    expect(remote?.timeMode).to.equal("node");
    expect(remote?.drift).to.not.equal(null);
    expect(remote?.drift?.offsetSeconds).to.not.equal(0);
    // The chain's clock: its blocks are not at the trace's time, and events.jsonl says when.
    const traceTime = Date.parse("2026-04-06T07:00:00+09:00") / 1000;
    const latest = await rpc<{ timestamp: string }>(node.url, "eth_getBlockByNumber", [
      "latest",
      false,
    ]);
    expect(Number(latest.timestamp)).to.not.equal(traceTime);
    const sent = (await readEvents(out)).filter((e) => e.txCount > 0);
    expect(sent).to.have.length.greaterThan(0);
    for (const event of sent) {
      expect(event.blockTime, `line ${event.line}`).to.be.a("string");
      expectCloseTo(
        Date.parse(event.blockTime!) / 1000 - traceTime,
        remote!.drift!.offsetSeconds,
        remote!.drift!.maxSeconds,
        `drift of line ${event.line}`,
      );
    }
  });
});
