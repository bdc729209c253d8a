/**
 * The process pool and what compare does with runs that fail: a stand-in for the Hardhat
 * CLI (a script that exits 1 without writing a manifest, or writes one that says the
 * reconciliation failed) takes the place of `hardhat simulate`, so no chain is started.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { expect } from "chai";

import { prepareCompare, runCompare } from "../../src/compare/compare.js";
import { runPool, simulateArguments } from "../../src/compare/runner.js";
import { MINI } from "./helpers.js";

/** Exits 1; for seed 20260407 first writes a manifest whose reconciliation failed. */
const STAND_IN = `
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
const args = process.argv.slice(2);
const value = (name) => args[args.indexOf(name) + 1];
console.log("stand-in for", args.join(" "));
if (value("--seed") === "20260407") {
  mkdirSync(value("--out"), { recursive: true });
  writeFileSync(join(value("--out"), "manifest.json"), JSON.stringify({
    seed: 20260407, scheme: { name: value("--scheme") },
    reconciliation: { ok: false, differences: 0, mismatches: 3, unpaired: 0 },
  }));
}
process.exit(1);
`;

describe("compare runner", function () {
  this.timeout(60_000);
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), "compare-runner-"));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it("runs at most `workers` jobs at once and keeps the results in order", async () => {
    let running = 0;
    let most = 0;
    const results = await runPool([30, 10, 20, 5, 15], 2, async (ms) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, ms));
      running -= 1;
      return ms * 2;
    });
    expect(results).to.deep.equal([60, 20, 40, 10, 30]);
    expect(most).to.equal(2);
  });

  it("asks simulate for the variant, scheme, seed and run folder", () => {
    const args = simulateArguments({
      id: "flat-s1",
      scenario: "/c/variants/flat.yaml",
      outDir: "/c/runs/flat-s1",
      logFile: "/c/logs/flat-s1.log",
      scheme: "flat",
      seed: 1,
    });
    expect(args).to.deep.equal([
      "simulate",
      "/c/variants/flat.yaml",
      "--scheme",
      "flat",
      "--seed",
      "1",
      "--out",
      "/c/runs/flat-s1",
    ]);
  });

  it("refuses runs that exit 1 or fail reconciliation, and names each", async () => {
    const cli = join(root, "stand-in.mjs");
    writeFileSync(cli, STAND_IN);
    const out = join(root, "compare");
    const prepared = await prepareCompare({
      scenario: MINI,
      schemes: "flat,material",
      runs: "2",
      workers: "2",
      noSweep: true,
      out,
    });
    const lines: string[] = [];
    const outcome = await runCompare(prepared, {
      root: process.cwd(),
      cli,
      log: (l) => lines.push(l),
    });
    expect(outcome.exits.map((e) => e.exitCode)).to.deep.equal([1, 1, 1, 1]);
    expect(outcome.refused).to.equal(4);
    const failed = lines.filter((l) => /^\[\d\/4\] \S+: failed \(exit code 1\) in /.test(l));
    expect(failed).to.have.length(4);
    expect(outcome.lines).to.include(
      "Refused flat-s20260406 (seed 20260406): no manifest.json: the run did not finish " +
        "(simulate exited with code 1)",
    );
    expect(outcome.lines).to.include(
      "Refused flat-s20260407 (seed 20260407): reconciliation failed: 0 balance difference(s), " +
        "3 event mismatch(es)",
    );
    const csv = readFileSync(join(out, "comparison.csv"), "utf8").split("\n");
    expect(csv[1]).to.match(/^flat,flat,,flat,0,,20260406 20260407,0,,,,/);
    const log = readFileSync(join(out, "logs", "flat-s20260406.log"), "utf8");
    expect(log).to.include("stand-in for simulate");
    expect(log).to.include(join(out, "variants", "flat.yaml"));
  });
});
