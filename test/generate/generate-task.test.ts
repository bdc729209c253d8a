/** The `generate` task's action: writes a trace, or refuses bad input in one line (exit 2). */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { expect } from "chai";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import generate, { type GenerateTaskArguments } from "../../tasks/generate.js";
import { parseSeedOption, resolveSchemeOption } from "../../src/generate/cli-options.js";
import { validateTraceFile } from "../../src/scenario/load-trace.js";
import { songdoWeek } from "./helpers.js";

// The action does not use the runtime environment.
const hre = {} as HardhatRuntimeEnvironment;

/** Runs the action, capturing console output and the exit code it sets. */
async function runTask(args: GenerateTaskArguments) {
  const saved = { exitCode: process.exitCode, log: console.log, error: console.error };
  const out: string[] = [];
  const err: string[] = [];
  console.log = (...m: unknown[]) => out.push(m.join(" "));
  console.error = (...m: unknown[]) => err.push(m.join(" "));
  try {
    await generate(args, hre);
    return { exitCode: process.exitCode, out, err };
  } finally {
    process.exitCode = saved.exitCode;
    console.log = saved.log;
    console.error = saved.error;
  }
}

describe("generate task", function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "generate-task-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("writes a valid trace with the scheme and seed asked for", async () => {
    const out = join(dir, "week.jsonl");
    const run = await runTask({
      scenario: "scenarios/songdo-week.yaml",
      out,
      seed: "5",
      scheme: "budgetPool",
    });
    expect(run.exitCode).to.equal(undefined);
    expect(run.out.join("\n")).to.match(/week\.jsonl: \d+ events/);
    const summary = await validateTraceFile(out);
    expect(summary.config?.scheme).to.equal("budgetPool");
    expect(summary.config?.params).to.deep.equal({ budget: 100_000 });
    expect(readFileSync(out, "utf8")).to.include('"recycle.claim"');
  });

  for (const [title, args, message] of [
    ["a bad scenario", { scenario: "bad.yaml" }, "bad.yaml:1: days: must be at least 1"],
    ["a missing scenario", { scenario: "missing.yaml" }, "missing.yaml: no such file"],
    [
      "a bad seed",
      { scenario: "scenarios/songdo-week.yaml", seed: "-1" },
      "--seed: expected a whole number",
    ],
    [
      "an unknown scheme",
      { scenario: "scenarios/songdo-week.yaml", scheme: "gold" },
      "--scheme: unknown scheme",
    ],
  ] as const) {
    it(`refuses ${title} in one line with exit code 2 and writes nothing`, async () => {
      writeFileSync(
        join(dir, "bad.yaml"),
        "days: 0\nname: x\nstart: '2026-04-06T00:00:00+09:00'\ndistricts: [{name: a}]\n",
      );
      const out = join(dir, `${title.replace(/ /g, "-")}.jsonl`);
      const run = await runTask({
        ...args,
        scenario: args.scenario.startsWith("scenarios") ? args.scenario : join(dir, args.scenario),
        out,
      });
      expect(run.exitCode).to.equal(2);
      expect(run.err).to.have.length(1);
      expect(run.err[0]).to.include(message);
      expect(existsSync(out)).to.equal(false);
    });
  }

  it("resolves --scheme by the scenario's label, its scheme name, or a bare scheme", async () => {
    const week = await songdoWeek();
    expect(resolveSchemeOption(week, "tiered")?.params).to.deep.equal({
      bands: [
        [0, 400],
        [2000, 250],
        [5000, 100],
      ],
    });
    expect(resolveSchemeOption({ ...week, schemes: [] }, "perItem")).to.deep.equal({
      scheme: "perItem",
      params: {},
    });
    expect(resolveSchemeOption(week, undefined)).to.equal(undefined);
    expect(parseSeedOption("4294967295")).to.equal(2 ** 32 - 1);
    expect(() => parseSeedOption("4294967296")).to.throw("--seed");
  });
});
