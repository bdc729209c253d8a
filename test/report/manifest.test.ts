import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { expect } from "chai";
import hre from "hardhat";

import {
  MANIFEST_FORMAT,
  buildManifest,
  compilerOf,
  formatManifest,
  jsonSafe,
  readCodeVersion,
  sha256File,
} from "../../src/report/index.js";
import { manifestParameters } from "./fixture-manifest.js";

describe("report: manifest.json", () => {
  it("records input, seed, scheme, network, compiler, code, timings and counts", () => {
    const manifest = buildManifest(manifestParameters());
    expect(manifest).to.deep.equal({
      format: MANIFEST_FORMAT,
      createdAt: "2026-04-08T01:02:03.000Z",
      input: { file: "scenarios/week.yaml", kind: "scenario", sha256: "ab".repeat(32) },
      seed: 42,
      scheme: { name: "budgetPool", params: { budget: "1000000" } },
      network: { name: "hardhat", chainId: "31337" },
      compiler: {
        versions: ["0.8.30"],
        optimizer: { enabled: true, runs: 10_000 },
        evmVersion: "cancun",
      },
      code: { name: "city-pilot-sim", version: "0.1.0", commit: "f".repeat(40), dirty: false },
      timings: { generate: 0.5, replay: 12.25, model: 0.75, reconcile: 1.5, write: 0.1 },
      counts: { events: 33, transactions: 40, blocks: 20, actors: 9, slots: 2 },
      reconciliation: { ok: true, differences: 0, mismatches: 0, unpaired: 0 },
      files: {},
    });
  });

  it("a trace input has no seed; any difference, mismatch or unpaired event fails", () => {
    const failed = (reconciliation: {
      differences: number;
      mismatches: number;
      unpaired?: number;
    }) => buildManifest(manifestParameters({ reconciliation })).reconciliation.ok;
    expect(buildManifest(manifestParameters({ seed: undefined })).seed).to.equal(null);
    expect(failed({ differences: 1, mismatches: 0 })).to.equal(false);
    expect(failed({ differences: 0, mismatches: 2 })).to.equal(false);
    expect(failed({ differences: 0, mismatches: 0, unpaired: 1 })).to.equal(false);
  });

  it("lists the run's files with size, hash and lines", () => {
    const manifest = buildManifest(
      manifestParameters({
        files: {
          "events.jsonl": { path: "/x/events.jsonl", bytes: 10, lines: 2, sha256: "aa" },
          "kpis.json": { path: "/x/kpis.json", bytes: 5, sha256: "bb" },
        },
      }),
    );
    expect(manifest.files).to.deep.equal({
      "events.jsonl": { bytes: 10, sha256: "aa", lines: 2 },
      "kpis.json": { bytes: 5, sha256: "bb" },
    });
  });

  it("is JSON-safe: bigints anywhere become decimal strings", () => {
    expect(jsonSafe({ a: [1n, { b: 2n }], c: "x", d: null })).to.deep.equal({
      a: ["1", { b: "2" }],
      c: "x",
      d: null,
    });
    const text = formatManifest(buildManifest(manifestParameters()));
    expect(JSON.parse(text)).to.have.nested.property("network.chainId", "31337");
  });
});

describe("report: provenance", () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "report-provenance-"));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("reads the compiler from this project's Hardhat config", () => {
    expect(compilerOf(hre.config)).to.deep.equal({
      versions: ["0.8.30"],
      optimizer: { enabled: true, runs: 10_000 },
      evmVersion: "cancun",
    });
  });

  it("reads several compilers and tolerates missing settings", () => {
    const config = {
      solidity: {
        profiles: {
          default: { compilers: [{ version: "0.8.30" }, { version: "0.8.24", settings: {} }] },
        },
      },
    };
    expect(compilerOf(config)).to.deep.equal({
      versions: ["0.8.24", "0.8.30"],
      optimizer: null,
      evmVersion: null,
    });
    expect(compilerOf(config, "production").versions).to.deep.equal([]);
  });

  it("hashes a file as sha256sum does", async () => {
    const path = join(dir, "trace.jsonl");
    await writeFile(path, "abc");
    expect(await sha256File(path)).to.equal(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });

  it("reads package name and version; commit is null outside a git checkout", async () => {
    await writeFile(join(dir, "package.json"), JSON.stringify({ name: "x", version: "1.2.3" }));
    expect(await readCodeVersion(dir)).to.deep.equal({
      name: "x",
      version: "1.2.3",
      commit: null,
      dirty: null,
    });
  });

  it("reads this checkout's commit", async () => {
    const code = await readCodeVersion(process.cwd());
    expect(code.name).to.equal("city-pilot-sim");
    expect(code.commit).to.match(/^[0-9a-f]{40}$/);
    expect(code.dirty).to.be.a("boolean");
  });
});
