/**
 * The Gini coefficient of a distribution of credits: 0 when everyone earned the same, near
 * 1 when one person earned everything. Exact in bigint up to the final division.
 */

/**
 * `G = sum_i sum_j |x_i - x_j| / (2 n^2 mean)`, computed on the sorted values as
 * `(2 * sum_i i * x_(i) - (n + 1) * sum x) / (n * sum x)` with ranks i from 1. Undefined
 * (null) for no one or when nobody earned anything: there is no inequality of nothing.
 */
export function giniOf(values: readonly bigint[]): number | null {
  const n = BigInt(values.length);
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let total = 0n;
  let weighted = 0n;
  sorted.forEach((value, index) => {
    total += value;
    weighted += BigInt(index + 1) * value;
  });
  if (n === 0n || total === 0n) return null;
  return Number(2n * weighted - (n + 1n) * total) / Number(n * total);
}
