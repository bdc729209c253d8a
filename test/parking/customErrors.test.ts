/**
 * Keeps the error tests complete: every custom error declared in IParkingMarket and
 * ICityTreasury must be asserted by name (`revertedWithCustomError(..., "Name")`) in the
 * tests of test/parking or test/token, with `.withArgs(...)` when the error has arguments.
 * A new error without a test fails here, listed by name.
 */
import { readFileSync, readdirSync } from "node:fs";

import { expect } from "chai";
import { artifacts } from "hardhat";

const TEST_DIRS = [new URL("./", import.meta.url), new URL("../token/", import.meta.url)];
const INTERFACES = ["IParkingMarket", "ICityTreasury"];

interface AbiError {
  type: string;
  name?: string;
  inputs?: readonly unknown[];
}

/** Source of every TypeScript test file of the parking and token tests. */
function testSources(): string[] {
  return TEST_DIRS.flatMap((dir) =>
    readdirSync(dir)
      .filter((file) => file.endsWith(".test.ts"))
      .map((file) => readFileSync(new URL(file, dir), "utf8")),
  );
}

/** Error name -> whether some assertion of it continues with `.withArgs(`. */
function assertedErrors(sources: readonly string[]): Map<string, boolean> {
  const asserted = new Map<string, boolean>();
  const pattern = /revertedWithCustomError\(\s*[\w.]+,\s*"(\w+)",?\s*\)(\s*\.withArgs\()?/g;
  for (const source of sources) {
    for (const match of source.matchAll(pattern)) {
      const name = match[1];
      if (name === undefined) continue;
      asserted.set(name, (asserted.get(name) ?? false) || match[2] !== undefined);
    }
  }
  return asserted;
}

describe("custom errors of the parking market and the treasury", () => {
  it("are each asserted by name, with their arguments, in some test", async () => {
    const asserted = assertedErrors(testSources());
    const missing: string[] = [];
    const withoutArgs: string[] = [];
    let declared = 0;
    for (const name of INTERFACES) {
      const { abi } = await artifacts.readArtifact(name);
      for (const item of abi as readonly AbiError[]) {
        if (item.type !== "error" || item.name === undefined) continue;
        declared++;
        const hasArgs = (item.inputs ?? []).length > 0;
        if (!asserted.has(item.name)) missing.push(`${name}.${item.name}`);
        else if (hasArgs && asserted.get(item.name) !== true) withoutArgs.push(item.name);
      }
    }
    expect(declared, "errors found in the interfaces").to.be.greaterThan(20);
    expect(missing, "errors no test asserts").to.deep.equal([]);
    expect(withoutArgs, "errors never asserted with .withArgs").to.deep.equal([]);
  });
});
