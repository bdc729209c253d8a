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

/** A point of the Lorenz curve: the poorest `population` share holds the `credits` share. */
export interface LorenzCurvePoint {
  population: number;
  credits: number;
}

/**
 * The Lorenz curve of `values`: for the poorest k of n, the share of the total they hold,
 * from (0, 0) to (1, 1). With more than `maxPoints - 1` people, only the k nearest to evenly
 * spaced population shares are listed, so the curve stays small for any population. Empty
 * when the total is 0 (no curve of nothing, as the Gini is null).
 */
export function lorenzOf(values: readonly bigint[], maxPoints = 101): LorenzCurvePoint[] {
  const n = values.length;
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const cumulative: bigint[] = [0n];
  for (const value of sorted) cumulative.push((cumulative.at(-1) ?? 0n) + value);
  const total = cumulative.at(-1) ?? 0n;
  if (n === 0 || total === 0n) return [];
  const steps = Math.min(n, Math.max(1, maxPoints - 1));
  const points: LorenzCurvePoint[] = [];
  for (let step = 0; step <= steps; step++) {
    const k = Math.round((step * n) / steps);
    points.push({ population: k / n, credits: Number(cumulative[k] ?? 0n) / Number(total) });
  }
  return points;
}
