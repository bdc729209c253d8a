/**
 * `|actual - expected| <= tolerance` for plain numbers. Hardhat's chai matchers replace
 * chai's `closeTo` with a bigint version once any test loads them, so float comparisons
 * go through this helper instead.
 */
import { expect } from "chai";

export function expectCloseTo(
  actual: number | null,
  expected: number,
  tolerance: number,
  what = "value",
): void {
  expect(actual, `${what}: expected a number`).to.be.a("number");
  const distance = Math.abs((actual as number) - expected);
  expect(
    distance <= tolerance,
    `${what}: expected ${actual} to be within ${tolerance} of ${expected}`,
  ).to.equal(true);
}
