/**
 * A second run on a remote network reuses the first run's Ignition deployment: no contract
 * is deployed again, its actors are new accounts, and reconciliation takes off what the
 * first run left in the contracts.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { expect } from "chai";
import hre from "hardhat";

import { simulate } from "../../src/run/simulate.js";
import { startAnvil, stopAllNodes, type LocalNode } from "../../scripts/local-node.js";

const EXAMPLE = join(import.meta.dirname, "..", "..", "examples", "parking.jsonl");

interface Manifest {
  network: { remote?: { deploymentId: string } };
  files: Record<string, unknown>;
}

/** The example a day later, epochs pinned to its first day (the deployment's parameter). */
async function dayLaterCopy(dir: string): Promise<string> {
  const lines = (await readFile(EXAMPLE, "utf8")).trim().split("\n");
  const later = lines.map((line) => line.replaceAll("2026-04-06T", "2026-04-07T"));
  const first = JSON.parse(later[0] ?? "{}") as { t: string };
  const config = {
    t: first.t,
    kind: "config",
    recycling: { epochStart: "2026-04-06T00:00:00+09:00" },
  };
  const path = join(dir, "parking-day-2.jsonl");
  await writeFile(path, [JSON.stringify(config), ...later].join("\n") + "\n");
  return path;
}

function rows(csv: string): Map<string, string[]> {
  return new Map(
    csv
      .trim()
      .split("\n")
      .slice(1)
      .map((row) => row.split(","))
      .map((cells) => [cells[0] ?? "", cells]),
  );
}

describe("remote: reusing a deployment", function () {
  this.timeout(120_000);
  let node: LocalNode;
  const deploymentId = `city-pilot-reuse-test-${process.pid}`;

  before(async () => {
    node = await startAnvil({ timestamp: 1_767_225_600, extraArgs: ["--prune-history", "64"] });
  });

  after(async () => {
    await stopAllNodes();
    await rm(join(hre.config.paths.ignition, "deployments", deploymentId), {
      recursive: true,
      force: true,
    });
  });

  it("deploys nothing again, uses new accounts, and reconciles the run's own change", async () => {
    const dir = await mkdtemp(join(tmpdir(), "city-pilot-reuse-"));
    const common = { network: "anvil", rpcUrl: node.url, deploymentId };
    const first = await simulate(hre, { ...common, input: EXAMPLE, out: join(dir, "one") });
    expect(first.reconciled).to.equal(true);
    const codeCountBefore = await contractCreations(node.url);

    const second = await simulate(hre, {
      ...common,
      input: await dayLaterCopy(dir),
      out: join(dir, "two"),
    });
    expect(second.differences).to.deep.equal([]);
    expect(second.reconciled).to.equal(true);
    expect(await contractCreations(node.url)).to.equal(codeCountBefore);

    const one = rows(await readFile(join(dir, "one", "balances.csv"), "utf8"));
    const two = rows(await readFile(join(dir, "two", "balances.csv"), "utf8"));
    // Same contracts; the same trace names are new accounts with the same balances.
    expect(two.get("treasury")?.[2]).to.equal(one.get("treasury")?.[2]);
    expect(two.get("driver-1")?.[2]).to.not.equal(one.get("driver-1")?.[2]);
    for (const name of ["owner-1", "driver-1", "driver-2", "treasury", "parking-escrow"]) {
      expect(two.get(name)?.slice(3), name).to.deep.equal(one.get(name)?.slice(3));
    }
    // The chain holds both runs' platform fees; the second run's row shows its own.
    const manifest = JSON.parse(
      await readFile(join(dir, "two", "manifest.json"), "utf8"),
    ) as Manifest;
    expect(manifest.network.remote?.deploymentId).to.equal(deploymentId);
  });
});

/** Contract creations on the chain so far (transactions without a recipient). */
async function contractCreations(url: string): Promise<number> {
  const call = async (method: string, params: unknown[]) => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
    });
    return ((await response.json()) as { result: unknown }).result;
  };
  const latest = Number(await call("eth_blockNumber", []));
  let creations = 0;
  for (let n = 0; n <= latest; n += 1) {
    const block = (await call("eth_getBlockByNumber", [`0x${n.toString(16)}`, true])) as {
      transactions: { to: string | null }[];
    };
    creations += block.transactions.filter((tx) => tx.to === null).length;
  }
  return creations;
}
