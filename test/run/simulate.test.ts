/**
 * The whole simulation on real inputs: generated traces reconcile under every scheme and
 * several seeds; a hand-written trace full of refusals reconciles with the balances worked
 * by hand from the spec; bad input writes nothing.
 */
import { existsSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { expect } from "chai";
import hre from "hardhat";

import { GenerateOptionError } from "../../src/generate/cli-options.js";
import { simulate } from "../../src/run/simulate.js";
import { InputError } from "../../src/scenario/errors.js";
import { SCHEMES } from "../../src/scenario/trace-schema.js";

const FIXTURES = join(import.meta.dirname, "fixtures");
const MINI = join(FIXTURES, "mini-pilot.yaml");

async function freshDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), "city-pilot-run-"));
}

function csvBalances(csv: string): Map<string, { krw: bigint; credits: bigint }> {
  const rows = csv.trim().split("\n").slice(1);
  return new Map(
    rows.map((row) => {
      const [actor = "", , , krw = "0", credits = "0"] = row.split(",");
      return [actor, { krw: BigInt(krw), credits: BigInt(credits) }];
    }),
  );
}

describe("simulate: generated traces reconcile", function () {
  this.timeout(300_000);

  for (const scheme of SCHEMES) {
    for (const seed of ["1", "2"]) {
      it(`${scheme}, seed ${seed}: every balance and event agrees with the model`, async () => {
        const out = join(await freshDir(), "run");
        const result = await simulate(hre, { input: MINI, scheme, seed, out });
        expect(result.differences).to.deep.equal([]);
        expect(result.mismatches).to.deep.equal([]);
        expect(result.reconciled).to.equal(true);
        expect(result.tally.events).to.be.greaterThan(300);
        const manifest = JSON.parse(await readFile(join(out, "manifest.json"), "utf8")) as {
          reconciliation: { ok: boolean };
          seed: number;
          scheme: { name: string };
        };
        expect(manifest.reconciliation.ok).to.equal(true);
        expect(manifest.seed).to.equal(Number(seed));
        expect(manifest.scheme.name).to.equal(scheme);
        for (const file of [
          "events.jsonl",
          "balances.csv",
          "kpis.json",
          "report.html",
          "trace.jsonl",
        ]) {
          expect(existsSync(join(out, file)), file).to.equal(true);
        }
      });
    }
  }
});

describe("simulate: a trace of refusals", function () {
  this.timeout(120_000);

  it("records each refusal as the model expects and ends with the hand-worked balances", async () => {
    const out = join(await freshDir(), "run");
    const result = await simulate(hre, { input: join(FIXTURES, "refusals.jsonl"), out });
    expect(result.mismatches).to.deep.equal([]);
    expect(result.differences).to.deep.equal([]);
    // b2 overlap, b3 outside availability, b4 short of KRW, b5 credits > fee, early check-in,
    // cancel and settle of bookings never made, claim before the epoch ended, second claim.
    expect(result.tally.reverted).to.equal(9);
    // Items > grams, then the kiosk's daily capacity (6,000 g).
    expect(result.tally.rejected).to.equal(2);

    const balances = csvBalances(await readFile(join(out, "balances.csv"), "utf8"));
    const unitPrice = 300n;
    const fee = 4n * unitPrice;
    const deposit = 4n * unitPrice;
    // Checked out 30 min after the end: past the 600 s grace, ceil(1800 / 900) = 2 units.
    const penalty = [deposit, (2n * unitPrice * 15_000n) / 10_000n].reduce((a, b) =>
      a < b ? a : b,
    );
    const platformCut = ((fee + penalty) * 1000n) / 10_000n;
    expect(balances.get("driver-1")?.krw).to.equal(20_000n - fee - deposit + (deposit - penalty));
    expect(balances.get("owner-1")?.krw).to.equal(fee + penalty - platformCut);
    expect(balances.get("treasury")?.krw).to.equal(1000n + platformCut);
    expect(balances.get("parking-escrow")?.krw).to.equal(0n);
    // budgetPool: points = floor(grams * weight / 1000); 1,500 points for a budget of 1,000.
    const citizenPoints = (4000n * 300n) / 1000n;
    const driverPoints = (1500n * 200n) / 1000n;
    const total = citizenPoints + driverPoints;
    expect(balances.get("citizen-1")?.credits).to.equal((citizenPoints * 1000n) / total);
    expect(balances.get("driver-1")?.credits).to.equal((driverPoints * 1000n) / total);
  });
});

describe("simulate: bad input", () => {
  it("refuses a trace naming an unknown actor, and creates no output folder", async () => {
    const dir = await freshDir();
    const trace = join(dir, "bad.jsonl");
    await writeFile(
      trace,
      '{"t":"2026-04-06T07:00:00+09:00","kind":"parking.checkIn","booking":"b1"}\n',
    );
    const out = join(dir, "run");
    let caught: unknown;
    try {
      await simulate(hre, { input: trace, out });
    } catch (error) {
      caught = error;
    }
    expect(caught).to.be.instanceOf(InputError);
    expect((caught as InputError).exitCode).to.equal(2);
    expect((caught as InputError).message).to.match(/bad\.jsonl:1: .*b1/);
    expect(existsSync(out)).to.equal(false);
  });

  it("refuses --seed for a trace and an unknown --scheme, writing nothing", async () => {
    const dir = await freshDir();
    const out = join(dir, "run");
    const input = join(FIXTURES, "refusals.jsonl");
    for (const request of [
      { input, out, seed: "7" },
      { input, out, scheme: "lottery" },
      { input: MINI, out, scheme: "lottery" },
    ]) {
      let caught: unknown;
      try {
        await simulate(hre, request);
      } catch (error) {
        caught = error;
      }
      expect(caught, JSON.stringify(request)).to.be.instanceOf(GenerateOptionError);
      expect(existsSync(out)).to.equal(false);
    }
  });
});
