/**
 * The whole command on the mini scenario, 2 schemes x 2 seeds, 2 workers: each run a
 * simulate child that reconciles; two shards merged give the comparison.csv of one
 * unsharded compare, byte for byte; comparison.html needs nothing from the network.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { expect } from "chai";
import hre from "hardhat";

import compare from "../../tasks/compare.js";
import merge from "../../tasks/merge.js";
import { readShardManifest } from "../../src/compare/shard.js";
import { MINI, runTask } from "./helpers.js";

const OPTIONS = {
  scenario: MINI,
  schemes: "flat,material",
  runs: "2",
  workers: "2",
  noSweep: true,
};

describe("compare: shards merged equal one unsharded comparison", function () {
  this.timeout(600_000);
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), "compare-merge-"));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it("runs, reconciles and compares; merge of 1/2 and 2/2 gives the same comparison.csv", async () => {
    const whole = join(root, "whole");
    const unsharded = await runTask(compare, { ...OPTIONS, out: whole }, hre);
    expect(unsharded.err, unsharded.err.join("\n")).to.deep.equal([]);
    expect(unsharded.exitCode).to.equal(undefined);
    expect(unsharded.out.join("\n")).to.match(/\[4\/4\] .*: done/);
    const ids = readdirSync(join(whole, "runs")).sort();
    expect(ids).to.deep.equal([
      "flat-s20260406",
      "flat-s20260407",
      "material-s20260406",
      "material-s20260407",
    ]);
    for (const id of ids) {
      const manifest = JSON.parse(
        readFileSync(join(whole, "runs", id, "manifest.json"), "utf8"),
      ) as { reconciliation: { ok: boolean } };
      expect(manifest.reconciliation.ok, id).to.equal(true);
    }

    const shards = [join(root, "shard-1"), join(root, "shard-2")];
    for (const [i, out] of shards.entries()) {
      const run = await runTask(compare, { ...OPTIONS, out, shard: `${i + 1}/2` }, hre);
      expect(run.exitCode, run.err.join("\n")).to.equal(undefined);
      expect(existsSync(join(out, "comparison.csv"))).to.equal(false);
      const manifest = await readShardManifest(out);
      expect(manifest.shard).to.deep.equal({ index: i + 1, count: 2 });
      expect(manifest.runs.map((r) => r.id)).to.deep.equal(ids.filter((_, k) => k % 2 === i));
      expect(readdirSync(join(out, "runs")).sort()).to.deep.equal(
        ids.filter((_, k) => k % 2 === i),
      );
    }

    const merged = join(root, "merged");
    const run = await runTask(merge, { dirs: shards, out: merged }, hre);
    expect(run.exitCode, run.err.join("\n")).to.equal(undefined);
    const csv = readFileSync(join(whole, "comparison.csv"));
    expect(readFileSync(join(merged, "comparison.csv")).equals(csv)).to.equal(true);
    // The shards ran the same seeds: the figures are the same, not merely close.
    expect(csv.toString().split("\n")).to.have.length(1 + 2 + 1);

    const html = readFileSync(join(merged, "comparison.html"), "utf8");
    expect(html).to.include("Which scheme gives the most kilograms per won?");
    expect(html).to.include("Who gets the credits?");
    expect(html).to.match(/Chart\.js v4/);
    expect(html).not.to.match(/<(script|link|img)[^>]+(src|href)="?https?:/i);
    expect(html).to.include('href="../shard-1/runs/flat-s20260406/report.html"');
    expect(readdirSync(merged).filter((f) => f.includes(".partial"))).to.deep.equal([]);
  });
});
