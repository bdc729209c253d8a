/**
 * Bad arguments of `compare` and `merge`: one line on stderr, exit code 2, nothing written.
 * Every check runs before the first run, so these tests start no process.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { expect } from "chai";

import compare, { type CompareTaskArguments } from "../../tasks/compare.js";
import merge from "../../tasks/merge.js";
import { formatShardManifest, SHARD_FORMAT } from "../../src/compare/shard.js";
import { loadMini, MINI, planOf, runTask } from "./helpers.js";

describe("compare and merge: bad arguments", function () {
  this.timeout(30_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "compare-args-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const cases: [string, Partial<CompareTaskArguments>, RegExp][] = [
    ["an unknown scheme", { schemes: "flat,gold" }, /^--schemes: unknown scheme "gold"/],
    ["a scheme listed twice", { schemes: "flat,flat" }, /^--schemes: flat is listed twice/],
    ["an unknown baseline", { baseline: "gold" }, /^--baseline: unknown scheme "gold"/],
    [
      "a baseline not compared",
      { schemes: "flat,material", baseline: "tiered" },
      /^--baseline: tiered is not among/,
    ],
    ["--runs 0", { runs: "0" }, /^--runs: expected a whole number of at least 1/],
    ["--runs -1", { runs: "-1" }, /^--runs: expected a whole number/],
    ["--runs 2.5", { runs: "2.5" }, /^--runs: expected a whole number/],
    ["--workers 0", { workers: "0" }, /^--workers: expected a whole number/],
    ["--shard 0/2", { shard: "0/2" }, /^--shard: expected i\/n/],
    ["--shard 3/2", { shard: "3/2" }, /^--shard: expected i\/n/],
    ["--shard 1/0", { shard: "1/0" }, /^--shard: expected i\/n/],
    ["--shard half", { shard: "half" }, /^--shard: expected i\/n/],
    ["a missing scenario", { scenario: "missing.yaml" }, /missing\.yaml: /],
  ];

  for (const [title, args, message] of cases) {
    it(`compare refuses ${title}`, async () => {
      const out = join(dir, title.replace(/\W+/g, "-"));
      const run = await runTask(compare, { scenario: MINI, out, ...args });
      expect(run.exitCode).to.equal(2);
      expect(run.err).to.have.length(1);
      expect(run.err[0]).to.match(message);
      expect(run.out).to.deep.equal([]);
      expect(existsSync(out)).to.equal(false);
    });
  }

  /** A shard folder holding only its shard.json. */
  function shardFolder(name: string, shard: { index: number; count: number }, runs = 2): string {
    const folder = join(dir, name);
    mkdirSync(folder, { recursive: true });
    const { plan } = planOf(loadMini(), { schemes: "flat,material", sweep: false, runs });
    writeFileSync(
      join(folder, "shard.json"),
      formatShardManifest({ format: SHARD_FORMAT, createdAt: "", shard, plan, runs: [] }),
    );
    return folder;
  }

  const mergeCases: [string, () => string[], RegExp][] = [
    ["no folder", () => [], /^merge: name at least one compare folder/],
    ["a folder without shard.json", () => [dir], /shard\.json: no shard manifest/],
    [
      "shards of two comparisons",
      () => [
        shardFolder("a1", { index: 1, count: 2 }),
        shardFolder("b2", { index: 2, count: 2 }, 3),
      ],
      /is a shard of another comparison/,
    ],
    [
      "a shard given twice",
      () => [shardFolder("c1", { index: 1, count: 2 }), shardFolder("d1", { index: 1, count: 2 })],
      /shard 1\/2 given twice/,
    ],
    [
      "a missing shard",
      () => [shardFolder("e1", { index: 1, count: 3 })],
      /shard\(s\) 2\/3, 3\/3 missing/,
    ],
    [
      "shards of different splits",
      () => [shardFolder("f1", { index: 1, count: 2 }), shardFolder("g1", { index: 2, count: 3 })],
      /is shard 2\/3, the others are of 2/,
    ],
  ];

  for (const [title, dirs, message] of mergeCases) {
    it(`merge refuses ${title}`, async () => {
      const out = join(dir, `merged-${title.replace(/\W+/g, "-")}`);
      const run = await runTask(merge, { dirs: dirs(), out });
      expect(run.exitCode).to.equal(2);
      expect(run.err).to.have.length(1);
      expect(run.err[0]).to.match(message);
      expect(existsSync(out)).to.equal(false);
    });
  }
});
