/**
 * A remote run of the mini-pilot trace (about 500 events) on anvil that is interrupted and
 * continued, with the CLI run as a child process:
 *
 * - the simulator killed (SIGKILL) a third of the way, then `simulate --resume DIR`;
 * - the node stopped (SIGTERM, anvil saves its state) with `--rpc-retries 2`: the run stops
 *   with the `--resume` hint; the node restarts from its state, then `--resume DIR`;
 * - the node stopped and restarted within a second or two: the run's retries carry it through;
 * - the connection dropped for two seconds (the node up): the run's retries carry it through.
 *
 * Each ends with the balances of the in-process run (by actor name), one events.jsonl line
 * per trace event, and as many transactions on the chain as an uninterrupted run sends: no
 * event sent twice, none lost.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";

import { expect } from "chai";
import hre from "hardhat";

import { PROJECT_ROOT, freePort, stopAllNodes, type LocalNode } from "../../scripts/local-node.js";
import { simulate } from "../../src/run/simulate.js";
import { startDroppingProxy } from "./dropping-proxy.js";
import {
  balancesText,
  chainTransactionCount,
  eventsDone,
  explain,
  historyMatchesState,
  LOST_BLOCK_REFUSAL,
  freshDir,
  killAllCli,
  readBalances,
  readEvents,
  readManifest,
  removeRuns,
  runCli,
  startCli,
  startTraceAnvil,
  waitFor,
  type CliRun,
  type CliResult,
} from "./helpers.js";

const MINI = join(PROJECT_ROOT, "test", "run", "fixtures", "mini-pilot.yaml");
/** Interrupt once the checkpoint holds more than this share of the events. */
const INTERRUPT_AT = 0.3;
const RESUME_HINT = /Progress is saved in (.+); continue with: npx hardhat simulate --resume \1/;

describe("remote simulate: interrupted runs on anvil", function () {
  this.timeout(180_000);
  let root: string;
  let trace: string;
  let totalEvents: number;
  let reference: string[];
  /** Transactions on a fresh anvil after an uninterrupted run of the trace. */
  let uninterruptedTxs: number;
  const runs: string[] = [];

  before(async () => {
    root = await freshDir();
    trace = join(root, "mini-pilot.jsonl");
    const generated = await runCli(["generate", MINI, "--out", trace]);
    expect(generated.code, explain(generated)).to.equal(0);
    totalEvents = (await readFile(trace, "utf8")).split("\n").filter((l) => l !== "").length;
    expect(totalEvents).to.be.greaterThan(300);

    const inProcess = join(root, "in-process");
    expect((await simulate(hre, { input: trace, out: inProcess })).reconciled).to.equal(true);
    reference = balancesText(await readBalances(inProcess));

    const node = await startTraceAnvil();
    try {
      const out = join(root, "uninterrupted");
      runs.push(out);
      const result = await simulate(hre, {
        input: trace,
        out,
        network: "anvil",
        rpcUrl: node.url,
      });
      expect(result.reconciled).to.equal(true);
      expect(balancesText(await readBalances(out))).to.deep.equal(reference);
      uninterruptedTxs = await chainTransactionCount(node.url);
      // The deployment, gas money and the events' transactions.
      expect(uninterruptedTxs).to.be.greaterThan((await readManifest(out)).counts.transactions);
    } finally {
      await node.stop();
    }
  });

  afterEach(() => killAllCli());

  after(async () => {
    killAllCli();
    await stopAllNodes();
    await removeRuns(runs);
    if (root !== undefined) await rm(root, { recursive: true, force: true });
  });

  /** `simulate TRACE` on anvil at `url` into a new folder, as a child process. */
  function startRun(name: string, url: string, extra: string[] = []): { out: string; run: CliRun } {
    const out = join(root, name);
    runs.push(out);
    const args = ["simulate", trace, "--network", "anvil", "--rpc-url", url, "--out", out];
    return { out, run: startCli([...args, ...extra]) };
  }

  /** Waits until the run's checkpoint holds more than INTERRUPT_AT of the events. */
  async function waitForProgress(out: string, run: CliRun): Promise<number> {
    let finished: CliResult | undefined;
    void run.done.then((result) => (finished = result));
    return waitFor(
      async () => {
        if (finished !== undefined) {
          throw new Error(`the run ended before ${INTERRUPT_AT * 100}%: ${explain(finished)}`);
        }
        const done = await eventsDone(out);
        return done !== undefined && done > INTERRUPT_AT * totalEvents ? done : undefined;
      },
      `${INTERRUPT_AT * 100}% of the events in ${out}/checkpoint/state.json`,
    );
  }

  /** What every finished run must show, however it got there. */
  async function expectComplete(out: string, url: string, resumes: number): Promise<void> {
    const manifest = await readManifest(out);
    expect(manifest.reconciliation.ok).to.equal(true);
    expect(manifest.network.remote?.resumes).to.equal(resumes);
    expect(balancesText(await readBalances(out))).to.deep.equal(reference);

    const lines = (await readEvents(out)).map((event) => event.line);
    expect(lines).to.have.length(totalEvents);
    expect([...lines].sort((a, b) => a - b)).to.deep.equal(
      Array.from({ length: totalEvents }, (_, i) => i + 1),
    );
    expect(existsSync(join(out, "checkpoint")), "checkpoint left behind").to.equal(false);
    // Nothing sent twice, nothing lost.
    expect(await chainTransactionCount(url)).to.equal(uninterruptedTxs);
  }

  it("b. the simulator killed: --resume finishes without sending anything twice", async () => {
    const node = await startTraceAnvil();
    const { out, run } = startRun("killed-simulator", node.url);
    const doneAtKill = await waitForProgress(out, run);
    run.kill();
    const killed = await run.done;
    expect(killed.signal, explain(killed)).to.equal("SIGKILL");
    expect(existsSync(join(out, "checkpoint", "run.json"))).to.equal(true);
    expect(await chainTransactionCount(node.url), "nothing left to resume").to.be.lessThan(
      uninterruptedTxs,
    );

    const resumed = await runCli(["simulate", "--resume", out, "--rpc-url", node.url]);
    expect(resumed.code, explain(resumed)).to.equal(0);
    expect(resumed.stdout).to.match(/Reconciled/);
    await expectComplete(out, node.url, 1);
    expect(doneAtKill).to.be.lessThan(totalEvents);
  });

  /** A fresh folder for an anvil state file, and a port to restart the node on. */
  async function stateFile(name: string): Promise<{ statePath: string; port: number }> {
    const stateDir = join(root, name);
    await mkdir(stateDir);
    return { statePath: join(stateDir, "state.json"), port: await freePort() };
  }

  /**
   * Interrupts runs with `attempt` until one ends on a node whose saved state matches its
   * history (see historyMatchesState), checking on the way that every attempt on a node that
   * lost a block was refused with a clear error and sent nothing twice.
   */
  async function untilConsistent(
    attempt: (
      i: number,
    ) => Promise<{ node: LocalNode; finish: () => Promise<CliResult & { out: string }> }>,
    resumes: number,
  ): Promise<void> {
    for (let i = 0; i < 5; i += 1) {
      const { node, finish } = await attempt(i);
      const result = await finish();
      // A lost block stays lost: its effects stay ahead of the history whatever follows.
      const consistent = await historyMatchesState(node.url);
      if (consistent) {
        expect(result.code, explain(result)).to.equal(0);
        await expectComplete(result.out, node.url, resumes);
        return;
      }
      expect(result.code, explain(result)).to.equal(1);
      expect(result.stderr, explain(result)).to.match(LOST_BLOCK_REFUSAL);
      expect(await chainTransactionCount(node.url)).to.be.at.most(uninterruptedTxs);
    }
    expect.fail("anvil lost a block on every one of 5 stops");
  }

  it("c. the node stopped: the run stops with the --resume hint; --resume finishes", async () => {
    await untilConsistent(async (i) => {
      const { statePath, port } = await stateFile(`anvil-c-${i}`);
      let node: LocalNode = await startTraceAnvil({ statePath, port });
      const { out, run } = startRun(`killed-node-${i}`, node.url, ["--rpc-retries", "2"]);
      await waitForProgress(out, run);
      await node.stop("SIGTERM");
      const stopped = await run.done;
      expect(stopped.code, explain(stopped)).to.equal(1);
      const hint = RESUME_HINT.exec(stopped.stderr);
      expect(hint, explain(stopped)).to.not.equal(null);
      expect(hint?.[1]).to.equal(out);
      expect(existsSync(statePath), "anvil saved no state").to.equal(true);

      node = await startTraceAnvil({ statePath, port });
      expect(await chainTransactionCount(node.url), "nothing left to resume").to.be.lessThan(
        uninterruptedTxs,
      );
      const finish = async () => ({
        ...(await runCli(["simulate", "--resume", out])),
        out,
      });
      return { node, finish };
    }, 1);
  });

  it("d. the node restarted within ~2 s: the run retries and finishes by itself", async () => {
    await untilConsistent(async (i) => {
      const { statePath, port } = await stateFile(`anvil-d-${i}`);
      let node: LocalNode = await startTraceAnvil({ statePath, port });
      const { out, run } = startRun(`restarted-node-${i}`, node.url);
      await waitForProgress(out, run);
      const stoppedAt = performance.now();
      await node.stop("SIGTERM");
      node = await startTraceAnvil({ statePath, port });
      const downSeconds = (performance.now() - stoppedAt) / 1000;
      expect(downSeconds, "the node took too long to restart").to.be.lessThan(4);
      const finish = async () => {
        const finished = { ...(await run.done), out };
        if (finished.code === 0) {
          expect((await readManifest(out)).network.remote?.rpcRetries).to.be.greaterThan(0);
        }
        return finished;
      };
      return { node, finish };
    }, 0);
  });

  it("e. the connection dropped for 2 s, the node up: the run retries and finishes", async () => {
    const node = await startTraceAnvil();
    const proxy = await startDroppingProxy(node.port);
    try {
      const { out, run } = startRun("dropped-connection", proxy.url);
      await waitForProgress(out, run);
      await proxy.drop(2_000);
      const finished = await run.done;
      expect(finished.code, explain(finished)).to.equal(0);
      const remote = (await readManifest(out)).network.remote;
      expect(remote?.rpcRetries).to.be.greaterThan(0);
      await expectComplete(out, node.url, 0);
    } finally {
      await proxy.close();
    }
  });
});
