/**
 * Benchmark sizes, read from the environment so that a development run can stay small
 * (`BENCH_BOOKINGS=1000 npm run bench`) while the default run measures the full figures.
 */
/** The parts of `npm run bench`, selectable with BENCH_SECTIONS (comma-separated). */
export const BENCH_SECTIONS = ["gas", "recycling", "throughput", "simulator"] as const;
export type BenchSection = (typeof BENCH_SECTIONS)[number];

export interface BenchConfig {
  /** Sections to run (default: all). The raw transfer limit runs with throughput or simulator. */
  readonly sections: readonly BenchSection[];
  /** Bookings replayed on the fast path (and on the naive path unless overridden). */
  readonly bookings: number;
  /** Bookings sent per mined block on the fast path. */
  readonly bookingsPerBlock: number;
  /** Slots the throughput bookings are spread over. */
  readonly slots: number;
  /** Drivers making the throughput bookings. */
  readonly drivers: number;
  /** Bookings replayed as awaited ethers calls (naive path). 0 skips it. */
  readonly naiveBookings: number;
  /** Plain KRW transfers of the raw in-process limit. */
  readonly transfers: number;
  /** Impersonated senders of those transfers. */
  readonly transferSenders: number;
  /** Transfers per mined block. */
  readonly transfersPerBlock: number;
  /** Transfers sent as awaited ethers calls (naive path). 0 skips it. */
  readonly naiveTransfers: number;
  /** Rounds of the gas scenario (each round books, checks in, out, cancels and settles). */
  readonly gasRounds: number;
  /** Slots per operation group in the gas scenario. */
  readonly gasSlotsPerGroup: number;
  /** Deposits replayed on the fast path, in kiosk batches. */
  readonly deposits: number;
  /** Deposits per kiosk batch (one transaction) in that replay. */
  readonly depositsPerBatch: number;
  /** Kiosk batches per mined block in that replay. */
  readonly batchesPerBlock: number;
  /** Kiosks sending the batches, and citizens depositing, in that replay. */
  readonly kiosks: number;
  readonly citizens: number;
  /** Kiosk batches of each size (and phase) in the recycling gas scenario. */
  readonly gasBatches: number;
  /** Receipt claims per phase (cold, warm) and scheme in the recycling gas scenario. */
  readonly gasReceipts: number;
  /** Scenario of the simulator's week replays (fast and naive). */
  readonly weekScenario: string;
  /** Whether the week trace is also replayed the naive way (the simulator's reference). */
  readonly naiveWeek: boolean;
  /** Whether the month simulation runs (a child `hardhat simulate`, the longest part). */
  readonly month: boolean;
  /** Scenario of the month simulation. */
  readonly monthScenario: string;
  /**
   * Limits at which the month simulation stops itself and reports how far it got (0: none):
   * wall seconds, and resident memory in MiB.
   */
  readonly monthMaxSeconds: number;
  readonly monthMaxRssMib: number;
  /** Where to write the JSON results, if anywhere. */
  readonly out: string | undefined;
}

/** Error for a malformed benchmark setting; the message names the variable. */
export class BenchConfigError extends Error {
  override readonly name = "BenchConfigError";
}

function readCount(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw.replaceAll("_", ""));
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max}`;
    throw new BenchConfigError(`${name} must be an integer ${range}, got "${raw}"`);
  }
  return value;
}

function readSections(env: NodeJS.ProcessEnv): BenchSection[] {
  const raw = env.BENCH_SECTIONS;
  if (raw === undefined || raw.trim() === "") return [...BENCH_SECTIONS];
  const names = raw
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
  for (const name of names) {
    if (!(BENCH_SECTIONS as readonly string[]).includes(name)) {
      throw new BenchConfigError(
        `BENCH_SECTIONS: unknown section "${name}" (expected some of ${BENCH_SECTIONS.join(", ")})`,
      );
    }
  }
  return BENCH_SECTIONS.filter((section) => names.includes(section));
}

function readPath(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = env[name];
  return raw === undefined || raw.trim() === "" ? fallback : raw;
}

/** The longest kiosk batch the rewards contract takes (`MAX_BATCH_SIZE`). */
const MAX_BATCH_SIZE = 256;

/** Reads the benchmark configuration from `env` (defaults: the full run). */
export function readBenchConfig(env: NodeJS.ProcessEnv = process.env): BenchConfig {
  const bookings = readCount(env, "BENCH_BOOKINGS", 10_000, 1);
  const transfers = readCount(env, "BENCH_TRANSFERS", 10_000, 1);
  const out = env.BENCH_OUT;
  return {
    sections: readSections(env),
    bookings,
    bookingsPerBlock: readCount(env, "BENCH_BOOKINGS_PER_BLOCK", 250, 1),
    slots: readCount(env, "BENCH_SLOTS", 200, 1),
    drivers: readCount(env, "BENCH_DRIVERS", 100, 1),
    naiveBookings: readCount(env, "BENCH_NAIVE_BOOKINGS", bookings, 0),
    transfers,
    transferSenders: readCount(env, "BENCH_TRANSFER_SENDERS", 100, 2),
    transfersPerBlock: readCount(env, "BENCH_TRANSFERS_PER_BLOCK", 1_000, 1),
    naiveTransfers: readCount(env, "BENCH_NAIVE_TRANSFERS", transfers, 0),
    gasRounds: readCount(env, "BENCH_GAS_ROUNDS", 24, 1),
    gasSlotsPerGroup: readCount(env, "BENCH_GAS_SLOTS", 8, 1),
    deposits: readCount(env, "BENCH_DEPOSITS", 100_000, 1),
    depositsPerBatch: readCount(env, "BENCH_DEPOSITS_PER_BATCH", 50, 1, MAX_BATCH_SIZE),
    batchesPerBlock: readCount(env, "BENCH_BATCHES_PER_BLOCK", 10, 1),
    kiosks: readCount(env, "BENCH_KIOSKS", 20, 1),
    citizens: readCount(env, "BENCH_CITIZENS", 10_000, 1),
    gasBatches: readCount(env, "BENCH_GAS_BATCHES", 5, 1, 20),
    // At least one citizen per merchant (5) and at most one 256-id word of receipts per kiosk.
    gasReceipts: readCount(env, "BENCH_GAS_RECEIPTS", 20, 5, 100),
    weekScenario: readPath(env, "BENCH_WEEK_SCENARIO", "scenarios/songdo-week.yaml"),
    naiveWeek: readCount(env, "BENCH_NAIVE_WEEK", 1, 0, 1) === 1,
    month: readCount(env, "BENCH_MONTH", 1, 0, 1) === 1,
    monthScenario: readPath(env, "BENCH_MONTH_SCENARIO", "scenarios/incheon-month.yaml"),
    monthMaxSeconds: readCount(env, "BENCH_MONTH_MAX_SECONDS", 360, 0),
    monthMaxRssMib: readCount(env, "BENCH_MONTH_MAX_RSS_MIB", 4_096, 0),
    out: out === undefined || out.trim() === "" ? undefined : out,
  };
}
