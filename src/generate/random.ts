/**
 * Seeded randomness on pure-rand's xoroshiro128+. Every concern (arrivals, slot choice,
 * fates, each citizen...) draws from its own stream, derived from the scenario seed and a
 * label, so that changing what one concern does never shifts the draws of another: the
 * common random numbers that make scheme comparisons paired (SPEC.md section 6).
 *
 * Each decision consumes a FIXED number of draws (an integer is `floor(u * n)`, not a
 * rejection loop; a normal always takes two uniforms), so that a parameter change alters
 * outcomes but never the alignment of the stream.
 */
import { hash } from "node:crypto";

import { xoroshiro128plus, type RandomGenerator } from "pure-rand";

import type { Skewed } from "../scenario/scenario-parts.js";

const TWO_POW_32 = 2 ** 32;

/**
 * A generator seeded from `seed` and `label` through SHA-256: distinct labels give
 * unrelated 128-bit states (a hash, not a PRNG of our own: the draws come from pure-rand).
 */
export function streamFor(seed: number, label: string): Random {
  const digest = hash("sha256", `${seed}/${label}`, "buffer");
  const state: number[] = [0, 4, 8, 12].map((offset) => digest.readInt32LE(offset));
  // xoroshiro's all-zero state is a fixed point; SHA-256 never gives it in practice.
  if (!state.some((word) => word !== 0)) state[0] = 1;
  return new Random(xoroshiro128plus.fromState(state));
}

/** Uniform draws and the few distributions the scenario speaks of. */
export class Random {
  readonly #rng: RandomGenerator;

  constructor(rng: RandomGenerator) {
    this.#rng = rng;
  }

  /** Uniform in (0, 1), 32 bits of resolution (never 0, so logs are safe). */
  uniform(): number {
    return ((this.#rng.unsafeNext() >>> 0) + 0.5) / TWO_POW_32;
  }

  /** Uniform integer in [0, n), one draw (bias below n / 2^32). */
  below(n: number): number {
    return Math.min(n - 1, Math.floor(this.uniform() * n));
  }

  /** Uniform integer in [min, max], inclusive. */
  intBetween(min: number, max: number): number {
    return min + this.below(max - min + 1);
  }

  /** Uniform real in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.uniform();
  }

  chance(odds: number): boolean {
    return this.uniform() < odds;
  }

  /** Standard normal by Box-Muller: always two draws. */
  normal(): number {
    const u1 = this.uniform();
    const u2 = this.uniform();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** A lognormal with the distribution's mean and sd, clipped to [min, max]; two draws. */
  skewed(d: Skewed): number {
    const z = this.normal();
    if (d.sd === 0) return d.mean;
    const sigma2 = Math.log(1 + (d.sd * d.sd) / (d.mean * d.mean));
    const mu = Math.log(d.mean) - sigma2 / 2;
    return Math.min(d.max, Math.max(d.min, Math.exp(mu + Math.sqrt(sigma2) * z)));
  }

  /** Index drawn with the weights whose running sums are `cumulative`; one draw. */
  pick(cumulative: readonly number[]): number {
    const total = cumulative[cumulative.length - 1] ?? 0;
    const target = this.uniform() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** A Poisson count with this mean from one uniform (see {@link poissonQuantile}). */
  poisson(mean: number): number {
    return poissonQuantile(mean, this.uniform());
  }

  /** A copy of this stream 2^64 draws ahead: non-overlapping with this one (xoroshiro jump). */
  jumped(): Random {
    const next = this.#rng.clone();
    next.unsafeJump?.();
    return new Random(next);
  }
}

/**
 * The Poisson quantile of `u`: the smallest k with P(X <= k) >= u. One uniform per count,
 * and monotone in the mean for a fixed `u`: a citizen who would deposit k times at one
 * reward level deposits at least k times at a higher one, with the same draws (the
 * coupling behind elasticity under common random numbers). The terms are built in log
 * space, so large means do not underflow; the work grows with the mean (a per-agent, per-day
 * mean is small).
 */
export function poissonQuantile(mean: number, u: number): number {
  if (!(mean > 0)) return 0;
  const logMean = Math.log(mean);
  let logTerm = -mean;
  let cdf = Math.exp(logTerm);
  let k = 0;
  // Rounding can leave the cdf a hair under u near 1: stop far out in the tail.
  const limit = Math.ceil(mean + 40 * Math.sqrt(mean) + 40);
  while (u > cdf && k < limit) {
    k += 1;
    logTerm += logMean - Math.log(k);
    cdf += Math.exp(logTerm);
  }
  return k;
}

/** Running sums of weights, for {@link Random.pick}. */
export function cumulative(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((w) => (sum += w));
}

/**
 * One stream per day for one agent: day d's stream is the agent's stream jumped d + 1
 * times, so a day that draws more (more deposits under a richer scheme) never shifts the
 * draws of the next day.
 */
export class DayStreams {
  #cursor: Random;

  constructor(agent: Random) {
    this.#cursor = agent.jumped();
  }

  /** The next day's stream. */
  next(): Random {
    const day = this.#cursor;
    this.#cursor = day.jumped();
    return day;
  }
}
