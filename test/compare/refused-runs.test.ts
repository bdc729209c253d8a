/**
 * A run whose reconciliation failed, that exited non-zero or that never finished is refused:
 * left out of every figure, named in comparison.csv, comparison.html and on stdout, and the
 * command exits 1. The run folders are written by hand (manifest.json and kpis.json with
 * figures chosen so that the statistics can be checked by hand), then given to merge.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { expect } from "chai";

import merge from "../../tasks/merge.js";
import type { ComparisonPlan } from "../../src/compare/plan.js";
import { formatShardManifest, SHARD_FORMAT, type RunExit } from "../../src/compare/shard.js";
import { loadMini, planOf, runTask } from "./helpers.js";

const [SEED_1, SEED_2] = [20260406, 20260407];

/** kpis.json with the fields a comparison reads. */
function kpis(kg: number, minted: number, redeemed: number): unknown {
  return {
    parking: { occupancy: { rate: 0.25 }, charged: "50000" },
    recycling: {
      kgCollected: kg,
      creditsMinted: { total: String(minted) },
      creditsPerKg: minted / kg,
      participation: { rate: 0.5 },
      giniOfCreditsEarned: 0.4,
    },
    city: {
      creditsRedeemed: String(redeemed),
      platformFees: "10000",
      netCost: String(redeemed - 10000),
      krwPaidOutPerKg: redeemed / kg,
    },
  };
}

interface FakeRun {
  kg: number;
  minted: number;
  redeemed: number;
  /** reconciliation.ok (default true); undefined manifest: the run never finished. */
  ok?: boolean;
  noManifest?: boolean;
}

function writeRun(folder: string, plan: ComparisonPlan, id: string, run: FakeRun): void {
  const planned = plan.runs.find((r) => r.id === id);
  if (planned === undefined) throw new Error(`no run ${id}`);
  const dir = join(folder, "runs", id);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "kpis.json"), JSON.stringify(kpis(run.kg, run.minted, run.redeemed)));
  if (run.noManifest === true) return;
  const ok = run.ok ?? true;
  const manifest = {
    seed: planned.seed,
    scheme: { name: planned.scheme, params: {} },
    reconciliation: { ok, differences: ok ? 0 : 2, mismatches: 0, unpaired: 0 },
  };
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest));
}

/** An unsharded compare folder (shard 1/1) of flat and material on two seeds. */
function fakeCompare(
  root: string,
  runs: Record<string, FakeRun>,
  exitCodes: Record<string, number> = {},
): string {
  const folder = join(root, `compare-${Object.keys(exitCodes).length}-${Math.random()}`);
  const { plan } = planOf(loadMini(), { schemes: "flat,material", sweep: false, runs: 2 });
  for (const [id, run] of Object.entries(runs)) writeRun(folder, plan, id, run);
  const exits: RunExit[] = plan.runs.map((r) => ({
    id: r.id,
    exitCode: exitCodes[r.id] ?? 0,
    seconds: 1,
  }));
  writeFileSync(
    join(folder, "shard.json"),
    formatShardManifest({
      format: SHARD_FORMAT,
      createdAt: "",
      shard: { index: 1, count: 1 },
      plan,
      runs: exits,
    }),
  );
  return folder;
}

function csvRows(path: string): Record<string, string>[] {
  const [header = "", ...lines] = readFileSync(path, "utf8").trim().split("\n");
  const names = header.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((v, i) => [names[i], v])));
}

const GOOD: Record<string, FakeRun> = {
  [`flat-s${SEED_1}`]: { kg: 10, minted: 3000, redeemed: 1000 },
  [`flat-s${SEED_2}`]: { kg: 12, minted: 3600, redeemed: 1500 },
  [`material-s${SEED_1}`]: { kg: 10, minted: 4000, redeemed: 2000 },
  [`material-s${SEED_2}`]: { kg: 12, minted: 4400, redeemed: 2400 },
};

function good(id: string): FakeRun {
  const run = GOOD[id];
  if (run === undefined) throw new Error(`no run ${id}`);
  return run;
}

describe("compare: refused runs", function () {
  this.timeout(30_000);
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), "compare-refused-"));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it("with every run reconciled: means, intervals and paired differences by hand", async () => {
    const folder = fakeCompare(root, GOOD);
    const out = join(folder, "merged");
    const run = await runTask(merge, { dirs: [folder], out });
    expect(run.exitCode).to.equal(undefined);
    const [flat, material] = csvRows(join(out, "comparison.csv"));
    // kg 10 and 12: mean 11, sd sqrt(2), half = t(1) * sqrt(2) / sqrt(2) = 12.706205.
    expect(flat?.["kg_collected_mean"]).to.equal("11");
    expect(flat?.["kg_collected_ci_low"]).to.equal("-1.706205");
    expect(flat?.["kg_collected_ci_high"]).to.equal("23.706205");
    expect(flat?.["credits_minted_diff_mean"]).to.equal("");
    // Paired by seed: 4000 - 3000 = 1000, 4400 - 3600 = 800; mean 900, sd 100 sqrt(2),
    // half = 12.706205 * 100 sqrt(2) / sqrt(2) = 1270.6205.
    expect(material?.["credits_minted_diff_n"]).to.equal("2");
    expect(material?.["credits_minted_diff_mean"]).to.equal("900");
    expect(material?.["credits_minted_diff_ci_low"]).to.equal("-370.6205");
    expect(material?.["credits_minted_diff_ci_high"]).to.equal("2170.6205");
    // Same kg on both seeds under both schemes: a difference of exactly 0.
    expect(material?.["kg_collected_diff_ci_low"]).to.equal("0");
    // kg per 1,000 KRW paid out: 10000 / 1000 = 10 and 12000 / 1500 = 8.
    expect(flat?.["kg_per_1000_krw_paid_out_mean"]).to.equal("9");
    expect(material?.["seeds_refused"]).to.equal("");
  });

  it("leaves out a run whose reconciliation failed, says so, and exits 1", async () => {
    const failed = `material-s${SEED_2}`;
    const folder = fakeCompare(root, { ...GOOD, [failed]: { ...good(failed), ok: false } });
    const out = join(folder, "merged");
    const run = await runTask(merge, { dirs: [folder], out });
    expect(run.exitCode).to.equal(1);
    expect(run.out).to.include(
      `Refused ${failed} (seed ${SEED_2}): reconciliation failed: 2 balance difference(s), ` +
        "0 event mismatch(es)",
    );
    expect(run.err.join("\n")).to.match(/1 run\(s\) refused/);
    const [flat, material] = csvRows(join(out, "comparison.csv"));
    expect(material?.["seeds"]).to.equal("1");
    expect(material?.["seeds_included"]).to.equal(String(SEED_1));
    expect(material?.["seeds_refused"]).to.equal(String(SEED_2));
    // Only seed 1 counts: a mean without an interval, and one pair.
    expect(material?.["credits_minted_n"]).to.equal("1");
    expect(material?.["credits_minted_mean"]).to.equal("4000");
    expect(material?.["credits_minted_ci_low"]).to.equal("");
    expect(material?.["credits_minted_diff_n"]).to.equal("1");
    expect(material?.["credits_minted_diff_mean"]).to.equal("1000");
    expect(flat?.["seeds"]).to.equal("2");
    const html = readFileSync(join(out, "comparison.html"), "utf8");
    expect(html).to.include("1 of 4 runs were refused");
    expect(html).to.include(`${failed} (seed ${SEED_2}): reconciliation failed`);
  });

  it("refuses a run that exited 1 and a run that never wrote its manifest", async () => {
    const exited = `flat-s${SEED_1}`;
    const unfinished = `material-s${SEED_1}`;
    const folder = fakeCompare(
      root,
      { ...GOOD, [unfinished]: { ...good(unfinished), noManifest: true } },
      { [exited]: 1, [unfinished]: 1 },
    );
    const out = join(folder, "merged");
    const run = await runTask(merge, { dirs: [folder], out });
    expect(run.exitCode).to.equal(1);
    expect(run.out).to.include(`Refused ${exited} (seed ${SEED_1}): simulate exited with code 1`);
    expect(run.out).to.include(
      `Refused ${unfinished} (seed ${SEED_1}): no manifest.json: the run did not finish ` +
        "(simulate exited with code 1)",
    );
    const [flat, material] = csvRows(join(out, "comparison.csv"));
    expect(flat?.["seeds_refused"]).to.equal(String(SEED_1));
    expect(material?.["seeds_refused"]).to.equal(String(SEED_1));
    // Seed 1 is refused on both sides, so seed 2 is the only pair.
    expect(material?.["credits_minted_diff_n"]).to.equal("1");
    expect(material?.["credits_minted_diff_mean"]).to.equal("800");
  });

  it("refuses a folder that holds another run than the one planned", async () => {
    const folder = fakeCompare(root, GOOD);
    const manifest = join(folder, "runs", `flat-s${SEED_2}`, "manifest.json");
    const swapped = JSON.parse(readFileSync(manifest, "utf8")) as { seed: number };
    writeFileSync(manifest, JSON.stringify({ ...swapped, seed: 7 }));
    const run = await runTask(merge, { dirs: [folder], out: join(folder, "merged") });
    expect(run.exitCode).to.equal(1);
    expect(run.out.join("\n")).to.match(/flat-s20260407 .*holds another run \(seed 7/);
  });
});
