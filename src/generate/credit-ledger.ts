/**
 * The generator's estimate of every credit balance, kept by applying SPEC.md section 3's
 * deposit checks and caps in trace order (kiosk daily capacity, the citizen's daily cap,
 * epochs, the epoch mint cap, budgetPool points and claims). With it a citizen spends only
 * credits held, pays parking only with credits held, and gets a `recycle.claim` exactly for
 * the epochs in which the citizen earned budgetPool points.
 */
import type { Material } from "../scenario/trace-schema.js";
import { kstDay } from "./kst-time.js";
import { depositEarning, type ResolvedScheme } from "./rewards.js";
import { epochOf, type RecyclingRules } from "./spec-rules.js";

export interface LedgerDeposit {
  time: number;
  kiosk: number;
  citizen: number;
  material: Material;
  grams: number;
  items: number;
  /** A receipt's expiry (Unix seconds); undefined for a kiosk batch entry. */
  expires: number | undefined;
}

/** Points of one budgetPool instance in one epoch. */
interface Pool {
  budget: bigint;
  total: bigint;
  points: Map<number, bigint>;
}

export class CreditLedger {
  readonly #rules: RecyclingRules;
  readonly #capacity: readonly number[];
  /** Credits each citizen holds (estimate). */
  readonly credits: bigint[];
  /** Credits each merchant holds. */
  readonly merchantCredits: bigint[];
  readonly #kioskDay: Int32Array;
  readonly #kioskIntake: Float64Array;
  readonly #citizenDay: Int32Array;
  readonly #citizenDayGrams: Float64Array;
  readonly #citizenEpoch: Int32Array;
  readonly #citizenEpochGrams: Float64Array;
  readonly #minted = new Map<number, bigint>();
  /** epoch -> budgetPool instance -> points. Dropped once the epoch's claims are out. */
  readonly #pools = new Map<number, Map<number, Pool>>();
  #scheme: ResolvedScheme;
  #instance = 0;

  constructor(
    rules: RecyclingRules,
    sizes: { citizens: number; merchants: number; kioskCapacity: readonly number[] },
    scheme: ResolvedScheme,
  ) {
    this.#rules = rules;
    this.#capacity = sizes.kioskCapacity;
    this.credits = new Array<bigint>(sizes.citizens).fill(0n);
    this.merchantCredits = new Array<bigint>(sizes.merchants).fill(0n);
    this.#kioskDay = new Int32Array(sizes.kioskCapacity.length).fill(-1);
    this.#kioskIntake = new Float64Array(sizes.kioskCapacity.length);
    this.#citizenDay = new Int32Array(sizes.citizens).fill(-1);
    this.#citizenDayGrams = new Float64Array(sizes.citizens);
    this.#citizenEpoch = new Int32Array(sizes.citizens).fill(-1);
    this.#citizenEpochGrams = new Float64Array(sizes.citizens);
    this.#scheme = scheme;
  }

  get scheme(): ResolvedScheme {
    return this.#scheme;
  }

  /** A `scheme.set`: a new instance (its own budgetPool points), for later deposits. */
  setScheme(scheme: ResolvedScheme): void {
    this.#scheme = scheme;
    this.#instance += 1;
  }

  /**
   * Applies a deposit as the chain would. Returns the epoch in which it earned the first
   * budgetPool points of that epoch (the caller then schedules the epoch's claims).
   */
  deposit(d: LedgerDeposit): { firstPointsOfEpoch: number | undefined } {
    const none = { firstPointsOfEpoch: undefined };
    if (!this.#admissible(d)) return none;
    const day = kstDay(d.time);
    if (this.#kioskDay[d.kiosk] !== day) {
      this.#kioskDay[d.kiosk] = day;
      this.#kioskIntake[d.kiosk] = 0;
    }
    const intake = this.#kioskIntake[d.kiosk] ?? 0;
    if (intake + d.grams > (this.#capacity[d.kiosk] ?? 0)) return none;
    this.#kioskIntake[d.kiosk] = intake + d.grams;
    const accepted = this.#underDailyCap(d.citizen, day, d.grams);
    const items = accepted === d.grams ? d.items : Math.floor((d.items * accepted) / d.grams);
    const epoch = epochOf(d.time, this.#rules);
    if (this.#citizenEpoch[d.citizen] !== epoch) {
      this.#citizenEpoch[d.citizen] = epoch;
      this.#citizenEpochGrams[d.citizen] = 0;
    }
    const before = this.#citizenEpochGrams[d.citizen] ?? 0;
    this.#citizenEpochGrams[d.citizen] = before + accepted;
    const earning = depositEarning(this.#scheme, {
      material: d.material,
      grams: accepted,
      items,
      epochGramsBefore: before,
    });
    this.credits[d.citizen] = (this.credits[d.citizen] ?? 0n) + this.#mint(epoch, earning.credits);
    if (earning.points === 0n || this.#scheme.scheme !== "budgetPool") return none;
    const first = !this.#pools.has(epoch);
    this.#addPoints(epoch, d.citizen, earning.points, this.#scheme.budget);
    return { firstPointsOfEpoch: first ? epoch : undefined };
  }

  /** The checks that refuse a deposit whole, before the kiosk's capacity. */
  #admissible(d: LedgerDeposit): boolean {
    if (d.grams <= 0 || d.grams > this.#rules.maxDepositGrams || d.items > d.grams) return false;
    if (d.time < this.#rules.epochStart) return false;
    return d.expires === undefined || d.time < d.expires;
  }

  /** The grams of a deposit under the citizen's daily cap, counted against it. */
  #underDailyCap(citizen: number, day: number, grams: number): number {
    if (this.#citizenDay[citizen] !== day) {
      this.#citizenDay[citizen] = day;
      this.#citizenDayGrams[citizen] = 0;
    }
    const used = this.#citizenDayGrams[citizen] ?? 0;
    const accepted = Math.min(grams, Math.max(0, this.#rules.dailyCapGrams - used));
    this.#citizenDayGrams[citizen] = used + accepted;
    return accepted;
  }

  #addPoints(epoch: number, citizen: number, points: bigint, budget: bigint): void {
    let pools = this.#pools.get(epoch);
    if (pools === undefined) this.#pools.set(epoch, (pools = new Map()));
    let pool = pools.get(this.#instance);
    if (pool === undefined)
      pools.set(this.#instance, (pool = { budget, total: 0n, points: new Map() }));
    pool.total += points;
    pool.points.set(citizen, (pool.points.get(citizen) ?? 0n) + points);
  }

  /** Credits minted for `epoch`, cut to what its mint cap leaves (first come first served). */
  #mint(epoch: number, amount: bigint): bigint {
    const cap = this.#rules.epochMintCap;
    if (amount === 0n) return 0n;
    const minted = this.#minted.get(epoch) ?? 0n;
    const granted = cap === undefined ? amount : amount < cap - minted ? amount : cap - minted;
    this.#minted.set(epoch, minted + (granted > 0n ? granted : 0n));
    return granted > 0n ? granted : 0n;
  }

  /** Citizens with budgetPool points in `epoch`, in cast order. */
  claimants(epoch: number): number[] {
    const citizens = new Set<number>();
    for (const pool of this.#pools.get(epoch)?.values() ?? []) {
      for (const citizen of pool.points.keys()) citizens.add(citizen);
    }
    return [...citizens].sort((a, b) => a - b);
  }

  /** A claim: every instance's share `floor(points * min(budget, total) / total)`, then the cap. */
  claim(citizen: number, epoch: number): bigint {
    let owed = 0n;
    for (const pool of this.#pools.get(epoch)?.values() ?? []) {
      const points = pool.points.get(citizen) ?? 0n;
      const paid = pool.budget < pool.total ? pool.budget : pool.total;
      if (points > 0n) owed += (points * paid) / pool.total;
    }
    const granted = this.#mint(epoch, owed);
    this.credits[citizen] = (this.credits[citizen] ?? 0n) + granted;
    return granted;
  }

  /** Forgets an epoch whose claims are all out (memory stays bounded on long runs). */
  closeEpoch(epoch: number): void {
    this.#pools.delete(epoch);
    this.#minted.delete(epoch);
  }

  /** A citizen pays a merchant (credit.spend) or escrow (parking.book credits). */
  spend(citizen: number, amount: bigint, merchant?: number): void {
    this.credits[citizen] = (this.credits[citizen] ?? 0n) - amount;
    if (merchant !== undefined) {
      this.merchantCredits[merchant] = (this.merchantCredits[merchant] ?? 0n) + amount;
    }
  }

  /** A merchant redeems everything held; returns the amount. */
  redeemAll(merchant: number): bigint {
    const amount = this.merchantCredits[merchant] ?? 0n;
    this.merchantCredits[merchant] = 0n;
    return amount;
  }
}
