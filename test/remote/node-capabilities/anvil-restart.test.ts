/** anvil restarted from its --state file: what survives a SIGTERM and what does not. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { expect } from "chai";

import { rpc, startAnvil, stopAllNodes, type LocalNode } from "../../../scripts/local-node.js";
import {
  GENESIS_TIME,
  RpcBlock,
  account,
  recipient,
  signAll,
  minedNonce,
  hashOf,
  send,
  mine,
  latestBlock,
  balance,
  minedReceipt,
  answers,
} from "./shared.js";

describe("anvil: restart from a state file (--state)", function () {
  this.timeout(30_000);
  let directory: string;
  let node: LocalNode;
  let beforeStop: RpcBlock;
  let balancesBeforeStop: string[];
  let pendingRaw: string;
  let answeredWhileStopped: boolean;
  const addresses = [account(1).address, recipient(0), recipient(1)];

  before(async () => {
    directory = await mkdtemp(join(tmpdir(), "anvil-state-"));
    const statePath = join(directory, "state.json");
    node = await startAnvil({ statePath, timestamp: GENESIS_TIME });
    const url = node.url;
    // Automine is on: each transfer is a block; then two empty blocks.
    const raws = await signAll(
      url,
      [0, 1, 0].map((k) => ({ sender: 1, to: recipient(k) })),
    );
    for (const raw of raws) await minedReceipt(url, await send(url, raw));
    await mine(url);
    await mine(url);
    beforeStop = await latestBlock(url);
    balancesBeforeStop = await Promise.all(addresses.map((address) => balance(url, address)));

    await rpc(url, "evm_setAutomine", [false]);
    [pendingRaw] = (await signAll(url, [{ sender: 2, to: recipient(2) }])) as [string];
    await send(url, pendingRaw);

    await node.stop("SIGTERM");
    answeredWhileStopped = await answers(url);
    node = await startAnvil({ statePath, port: node.port, timestamp: GENESIS_TIME });
  });

  after(async () => {
    await stopAllNodes();
    if (directory !== undefined) await rm(directory, { recursive: true, force: true });
  });

  it("stops: nothing answers on its port", () => {
    expect(answeredWhileStopped).to.equal(false);
  });

  it("has the same latest block and balances after the restart", async () => {
    const latest = await latestBlock(node.url);
    expect([latest.number, latest.hash]).to.deep.equal([beforeStop.number, beforeStop.hash]);
    expect(Number(latest.number)).to.equal(5);
    const balances = await Promise.all(addresses.map((address) => balance(node.url, address)));
    expect(balances).to.deep.equal(balancesBeforeStop);
  });

  it("has automine on again", async () => {
    expect(await rpc(node.url, "anvil_getAutomine")).to.equal(true);
  });

  it("has lost the transaction pending at SIGTERM; sending it again mines it", async () => {
    const hash = hashOf(pendingRaw);
    expect(await rpc(node.url, "eth_getTransactionByHash", [hash])).to.equal(null);
    expect(await rpc(node.url, "txpool_status")).to.deep.equal({ pending: "0x0", queued: "0x0" });
    expect(await minedNonce(node.url, 2)).to.equal(0);

    expect(await send(node.url, pendingRaw)).to.equal(hash);
    const mined = await minedReceipt(node.url, hash);
    expect(mined.status).to.equal("0x1");
    expect(Number(mined.blockNumber)).to.equal(Number(beforeStop.number) + 1);
  });
});
