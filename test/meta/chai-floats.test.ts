/**
 * Hardhat's chai matchers turn chai's `closeTo` into a whole-numbers-only matcher once any
 * test of the run has loaded them, so a float comparison with it passes when its file runs
 * alone and fails in the full suite. Float tolerances go through test/helpers/close-to.ts.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

import { expect } from "chai";

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}

describe("float comparisons in tests", () => {
  it("never use chai's closeTo or approximately", () => {
    const offenders = testFiles("test").filter((file) =>
      /\.(closeTo|approximately)\(/.test(readFileSync(file, "utf8")),
    );
    expect(offenders).to.deep.equal([]);
  });
});
