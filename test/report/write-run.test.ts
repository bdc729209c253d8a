import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { expect } from "chai";

import {
  AtomicLineWriter,
  GasCollector,
  computeKpis,
  formatEventLine,
  writeRunOutputs,
  type RunManifest,
  type RunOutputParts,
} from "../../src/report/index.js";
import { manifestParameters } from "./fixture-manifest.js";
import { runPilot } from "./pilot-run.js";

function parts(events?: AtomicLineWriter): RunOutputParts {
  const run = runPilot();
  const { write: _write, ...timings } = manifestParameters().timings;
  return {
    manifest: { ...manifestParameters(), timings },
    kpis: computeKpis(run.state, new GasCollector().stats(), run.context),
    balances: {
      actors: run.actors,
      contracts: { treasury: "0xtreasury", market: "0xmarket" },
      chain: {
        actors: run.state.balances,
        treasury: { krw: run.state.treasuryKrw, credits: 0n },
        escrow: { krw: run.state.escrowKrw, credits: 0n },
      },
    },
    differences: [],
    mismatches: [],
    events,
  };
}

async function streamEvents(dir: string): Promise<AtomicLineWriter> {
  const writer = await AtomicLineWriter.open(join(dir, "events.jsonl"));
  const base = {
    kind: "parking.book",
    time: 0,
    status: "ok" as const,
    gasUsed: 1,
    txGasUsed: 1,
    txCount: 1,
    batchSize: 1,
    timestamp: 0,
  };
  for (const line of [1, 2, 3]) await writer.write(formatEventLine({ ...base, line }));
  return writer;
}

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

describe("report: writeRunOutputs", () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), "report-run-"));
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("writes the five files, the manifest listing the other four with their hashes", async () => {
    const dir = join(root, "week");
    // The caller streams events.jsonl into the folder while the replay runs.
    await mkdir(dir);
    const events = await streamEvents(dir);
    const { manifest } = await writeRunOutputs(dir, parts(events));
    expect((await readdir(dir)).sort()).to.deep.equal([
      "balances.csv",
      "events.jsonl",
      "kpis.json",
      "manifest.json",
      "report.html",
    ]);
    const onDisk = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as RunManifest;
    expect(onDisk).to.deep.equal(manifest);
    expect(Object.keys(onDisk.files).sort()).to.deep.equal([
      "balances.csv",
      "events.jsonl",
      "kpis.json",
      "report.html",
    ]);
    for (const [name, file] of Object.entries(onDisk.files)) {
      expect(file.sha256, name).to.equal(sha256(await readFile(join(dir, name), "utf8")));
    }
    expect(onDisk.files["events.jsonl"]?.lines).to.equal(3);
    expect(onDisk.timings.write).to.be.a("number").and.at.least(0);
    expect(await readFile(join(dir, "balances.csv"), "utf8")).to.match(
      /^actor,role,address,krw,credits\no1,owner,/,
    );
  });

  it("creates the folder; without an events writer, events.jsonl is left to the caller", async () => {
    const dir = join(root, "runs", "week");
    await writeRunOutputs(dir, parts());
    expect(existsSync(join(dir, "manifest.json"))).to.equal(true);
    expect(existsSync(join(dir, "events.jsonl"))).to.equal(false);
  });

  it("a bad input leaves the earlier complete run untouched", async () => {
    await writeRunOutputs(root, parts(await streamEvents(root)));
    const before = await readFile(join(root, "manifest.json"), "utf8");
    const bad = parts(await streamEvents(root));
    bad.balances.actors = [{ name: "ghost", address: "0x0", roles: ["citizen"] }];
    let failure: unknown;
    await writeRunOutputs(root, bad).catch((error: unknown) => (failure = error));
    expect(failure).to.be.instanceOf(Error);
    expect(await readFile(join(root, "manifest.json"), "utf8")).to.equal(before);
    expect(bad.events?.state).to.equal("aborted");
    expect((await readdir(root)).filter((f) => f.endsWith(".partial"))).to.deep.equal([]);
  });

  it("a failure while writing leaves no manifest, so the folder does not look complete", async () => {
    await writeRunOutputs(root, parts(await streamEvents(root)));
    // A folder in the way of report.html makes its rename fail after events.jsonl is committed.
    await rm(join(root, "report.html"));
    await mkdir(join(root, "report.html"));
    await writeFile(join(root, "report.html", "x"), "");
    const events = await streamEvents(root);
    let failure: unknown;
    await writeRunOutputs(root, parts(events)).catch((error: unknown) => (failure = error));
    expect(failure).to.be.instanceOf(Error);
    expect(existsSync(join(root, "manifest.json"))).to.equal(false);
    expect((await readdir(root)).filter((f) => f.endsWith(".partial"))).to.deep.equal([]);
  });

  it("refuses an events writer for another folder", async () => {
    const other = join(root, "other");
    await mkdir(other);
    const events = await streamEvents(other);
    let failure: unknown;
    await writeRunOutputs(join(root, "run"), parts(events)).catch(
      (error: unknown) => (failure = error),
    );
    expect(String(failure)).to.match(/is not events\.jsonl/);
    expect(events.state).to.equal("aborted");
  });
});
