/** Same scenario and seed: byte-identical traces; another seed: another trace. */
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { expect } from "chai";

import { generateTrace } from "../../src/generate/generate-trace.js";
import { partialPathOf, writeTrace } from "../../src/generate/write-trace.js";
import { songdoWeek } from "./helpers.js";

function digest(lines: Iterable<string>): string {
  const hash = createHash("sha256");
  for (const line of lines) hash.update(`${line}\n`);
  return hash.digest("hex");
}

describe("generateTrace: determinism", function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "generate-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("gives byte-identical traces for one scenario and seed", async () => {
    const scenario = await songdoWeek();
    const first = digest(generateTrace(scenario));
    expect(digest(generateTrace(scenario))).to.equal(first);
    expect(digest(generateTrace(scenario, { seed: scenario.seed }))).to.equal(first);
  });

  it("gives another trace for another seed", async () => {
    const scenario = await songdoWeek();
    expect(digest(generateTrace(scenario, { seed: 1 }))).to.not.equal(
      digest(generateTrace(scenario)),
    );
  });

  it("writes the same bytes it yields, and leaves no partial file", async () => {
    const scenario = await songdoWeek();
    const path = join(dir, "week.jsonl");
    const result = await writeTrace(scenario, path);
    const text = readFileSync(path, "utf8");
    expect(createHash("sha256").update(text).digest("hex")).to.equal(
      digest(generateTrace(scenario)),
    );
    expect(text.split("\n").length - 1).to.equal(result.stats.events);
    expect(existsSync(partialPathOf(path))).to.equal(false);
  });

  it("removes the partial file and writes nothing when generation fails", async () => {
    const scenario = await songdoWeek();
    const path = join(dir, "failed.jsonl");
    const outside = {
      at: "2027-01-01T00:00:00+09:00",
      scheme: { scheme: "flat" as const, params: {} },
    };
    let error: unknown;
    try {
      await writeTrace(scenario, path, { schemeChanges: [outside] });
    } catch (e) {
      error = e;
    }
    expect(String(error)).to.include("outside the run");
    expect(existsSync(path)).to.equal(false);
    expect(existsSync(partialPathOf(path))).to.equal(false);
  });
});
