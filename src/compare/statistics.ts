/**
 * Means and 95% confidence intervals over seeds (SPEC.md section 6). Each seed is one
 * independent draw of the city, so a KPI's values over n seeds are a sample of size n: the
 * interval is `mean ± t(0.975, n - 1) * sd / sqrt(n)` with the sample standard deviation
 * (n - 1 in the denominator). A paired difference is the same estimate over the per-seed
 * differences `scheme - baseline`: both runs of a seed saw the same draws (common random
 * numbers), so the noise they share cancels and the interval is narrower than comparing
 * two unpaired means.
 */
import { mean, sampleStandardDeviation } from "simple-statistics";

/** A mean over `n` values, with its 95% interval (null for n = 1: no spread to measure). */
export interface Estimate {
  n: number;
  mean: number;
  ci: readonly [low: number, high: number] | null;
}

/**
 * t(0.975, df) for df = 1..30, to six decimals (the standard table; scipy's
 * `t.ppf(0.975, df)` gives the same figures). simple-statistics has no t quantile.
 */
const T_975 = [
  12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157,
  2.228139, 2.200985, 2.178813, 2.160369, 2.144787, 2.13145, 2.119905, 2.109816, 2.100922, 2.093024,
  2.085963, 2.079614, 2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.04523,
  2.042272,
] as const;

/** The 97.5% quantile of the standard normal distribution. */
const Z_975 = 1.959963984540054;

/**
 * The 97.5% quantile of Student's t with `df` degrees of freedom: the table up to 30, then
 * the Cornish-Fisher expansion of t around the normal quantile (Abramowitz and Stegun
 * 26.7.5, four terms), within 3e-8 of the exact value from df = 31 on.
 */
export function tQuantile975(df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new RangeError(`degrees of freedom: ${df}`);
  const tabled = T_975[df - 1];
  if (tabled !== undefined) return tabled;
  const z = Z_975;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  const z9 = z ** 9;
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3) +
    (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * df ** 4)
  );
}

/** Mean and 95% t interval of a sample; null for an empty one. */
export function estimate(values: readonly number[]): Estimate | null {
  const n = values.length;
  if (n === 0) return null;
  const m = mean(values);
  if (n === 1) return { n, mean: m, ci: null };
  const half = (tQuantile975(n - 1) * sampleStandardDeviation(values)) / Math.sqrt(n);
  return { n, mean: m, ci: [m - half, m + half] };
}

/** One seed's value of a KPI under a scheme and under the baseline (null: undefined there). */
export interface Pair {
  value: number | null;
  baseline: number | null;
}

/**
 * The paired difference `value - baseline` over the seeds where both are defined: its mean
 * and 95% interval. Null when no seed has both.
 */
export function pairedDifference(pairs: readonly Pair[]): Estimate | null {
  const differences = pairs.flatMap(({ value, baseline }) =>
    value === null || baseline === null ? [] : [value - baseline],
  );
  return estimate(differences);
}

/** Whether an interval lies wholly on one side of zero (the difference is not noise). */
export function excludesZero(e: Estimate | null): boolean {
  return e?.ci != null && (e.ci[0] > 0 || e.ci[1] < 0);
}
