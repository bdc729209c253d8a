/**
 * Every custom error a contract declares must be asserted by name by at least one test:
 * `revertedWithCustomError(x, "Name")` in TypeScript or `Name.selector` in a Solidity test.
 * Coverage here counts lines, not branches; this check stands in for the revert branches.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

import { expect } from "chai";

function filesUnder(dir: string, suffixes: string[]): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, suffixes);
    return suffixes.some((s) => name.endsWith(s)) ? [path] : [];
  });
}

function declaredErrors(): Map<string, string> {
  const declared = new Map<string, string>();
  for (const file of filesUnder("contracts", [".sol"])) {
    if (file.startsWith(join("contracts", "test"))) continue;
    for (const match of readFileSync(file, "utf8").matchAll(/^\s*error\s+([A-Za-z0-9_]+)\s*\(/gm)) {
      declared.set(match[1] as string, file);
    }
  }
  return declared;
}

function testSources(): string {
  const ts = filesUnder("test", [".ts"]).filter((f) => !f.includes(join("test", "meta")));
  const sol = filesUnder(join("contracts", "test"), [".sol"]);
  return [...ts, ...sol].map((f) => readFileSync(f, "utf8")).join("\n");
}

describe("custom errors", () => {
  it("are each asserted by name in some test", () => {
    const declared = declaredErrors();
    const sources = testSources();
    const unasserted = [...declared.entries()]
      .filter(([name]) => {
        const byName = new RegExp(`["'\`]${name}["'\`]`);
        const bySelector = new RegExp(`\\b${name}\\.selector\\b`);
        return !byName.test(sources) && !bySelector.test(sources);
      })
      .map(([name, file]) => `${name} (${file})`);
    expect(declared.size).to.be.greaterThan(0);
    expect(unasserted, `custom errors no test asserts:\n${unasserted.join("\n")}`).to.deep.equal(
      [],
    );
  });
});
