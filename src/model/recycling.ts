/**
 * Recycling rewards (SPEC.md section 3): kiosk deposits and receipts, daily caps, epochs,
 * the active scheme and budgetPool claims.
 */
import {
  unixSeconds,
  type Material,
  type SchemeChoice,
  type TraceEventOf,
} from "../scenario/trace-schema.js";
import type { RecyclingParams } from "./config.js";
import {
  acceptedGramsUnderCap,
  acceptedItems,
  depositRejection,
  epochHasEnded,
  epochOf,
} from "./deposit-rules.js";
import { EpochMintLedger } from "./mint-cap.js";
import type { Ledger } from "./money.js";
import { createScheme } from "./schemes/index.js";
import type { RewardScheme } from "./schemes/scheme.js";
import { SECONDS_PER_DAY, kstDay } from "./time.js";
import { failed, ok, type Outcome } from "./types.js";

/** Recycling parameters once the run has started (epochStart fixed). */
export type RunRecyclingParams = RecyclingParams & { epochStart: number };

interface CitizenState {
  /** KST day of `gramsToday`. */
  day: number;
  gramsToday: number;
  /** Epoch of `gramsInEpoch`: accepted grams, all materials, any scheme (tiered's base). */
  epoch: number;
  gramsInEpoch: number;
  claimedEpochs: Set<number>;
}

interface KioskState {
  capacityGrams: number;
  /** KST day of `intakeToday`. */
  day: number;
  /** Every gram taken in today, over the citizen's cap included. */
  intakeToday: number;
}

interface DepositFields {
  kiosk: string;
  citizen: string;
  material: Material;
  grams: number;
  items: number;
}

export class RecyclingRewards {
  private readonly citizens = new Map<string, CitizenState>();
  private readonly kiosks = new Map<string, KioskState>();
  private readonly usedReceipts = new Set<string>();
  /** Every installed instance that pays at a claim (budgetPool), oldest first. */
  private readonly claimSchemes: RewardScheme[] = [];
  private active!: RewardScheme;
  private instances = 0;
  readonly mint: EpochMintLedger;

  constructor(
    private readonly ledger: Ledger,
    readonly params: RunRecyclingParams,
    initialScheme: SchemeChoice,
  ) {
    this.mint = new EpochMintLedger(params.epochMintCap);
    this.install(initialScheme);
  }

  get activeScheme(): RewardScheme {
    return this.active;
  }

  registerKiosk(kiosk: string, capacityGrams: number): void {
    this.kiosks.set(kiosk, { capacityGrams, day: Number.NEGATIVE_INFINITY, intakeToday: 0 });
  }

  /** `scheme.set`: a new instance with its own params; applies to later deposits. */
  setScheme(choice: SchemeChoice): Outcome {
    this.install(choice);
    return ok({ type: "schemeSet", scheme: choice.scheme, instance: this.instances - 1 });
  }

  /** A kiosk's batch entry: a broken rule rejects this entry only. */
  deposit(event: TraceEventOf<"recycle.deposit">, now: number): Outcome {
    return this.record(event, now, false);
  }

  /**
   * A citizen's receipt signed by the kiosk: one transaction for one deposit. Checks expiry
   * (usable while now < expires), then reuse; then the deposit rules of a batch entry. Any
   * broken rule reverts the transaction (a receipt is not a batch: there is nothing else to
   * keep), so the receipt stays unused and the citizen may submit it again.
   */
  receipt(event: TraceEventOf<"recycle.receipt">, now: number): Outcome {
    const expires =
      event.expires === undefined
        ? unixSeconds(event.t) + SECONDS_PER_DAY
        : unixSeconds(event.expires);
    if (now >= expires) return failed("ReceiptExpired");
    if (this.usedReceipts.has(event.receipt)) return failed("ReceiptAlreadyUsed");
    const outcome = this.record(event, now, true);
    if (outcome.status === "rejected") return { status: "failed", reason: outcome.reason };
    this.usedReceipts.add(event.receipt);
    return outcome;
  }

  /**
   * `recycle.claim`: for an ended epoch, collects from every budgetPool instance in which
   * the citizen earned points; cut by the epoch's mint cap; once per epoch. A claim that
   * finds no points succeeds with 0 credits and still counts as the epoch's claim.
   */
  claim(event: TraceEventOf<"recycle.claim">, now: number): Outcome {
    const { epochStart, epochSeconds } = this.params;
    if (!epochHasEnded(event.epoch, now, epochStart, epochSeconds)) return failed("EpochNotEnded");
    const citizen = this.citizenState(event.citizen);
    if (citizen.claimedEpochs.has(event.epoch)) return failed("AlreadyClaimed");
    let owed: bigint | undefined;
    for (const scheme of this.claimSchemes) {
      const payout = scheme.claim?.(event.citizen, event.epoch);
      if (payout !== undefined) owed = (owed ?? 0n) + payout;
    }
    citizen.claimedEpochs.add(event.epoch);
    owed ??= 0n;
    const reward = this.mint.take(event.epoch, owed);
    this.ledger.mintCredits(event.citizen, reward);
    return ok({
      type: "claimed",
      citizen: event.citizen,
      epoch: event.epoch,
      reward,
      cutByMintCap: owed - reward,
    });
  }

  private record(deposit: DepositFields, now: number, viaReceipt: boolean): Outcome {
    const kiosk = this.kioskState(deposit.kiosk, now);
    const rejection = depositRejection(
      deposit,
      now,
      kiosk.intakeToday,
      kiosk.capacityGrams,
      this.params,
    );
    const { citizen, material, grams, items } = deposit;
    if (rejection !== undefined) {
      const effect = {
        type: "depositRejected",
        citizen,
        kiosk: deposit.kiosk,
        material,
        grams,
        viaReceipt,
      } as const;
      return { status: "rejected", reason: rejection, effect };
    }
    kiosk.intakeToday += grams;

    const epoch = epochOf(now, this.params.epochStart, this.params.epochSeconds);
    const state = this.citizenToday(citizen, now, epoch);
    const accepted = acceptedGramsUnderCap(grams, state.gramsToday, this.params.dailyCapGrams);
    const counted = acceptedItems(items, accepted, grams);
    const epochGramsBefore = state.gramsInEpoch;
    state.gramsToday += accepted;
    state.gramsInEpoch += accepted;

    const owed =
      accepted > 0
        ? this.active.onDeposit({
            citizen,
            material,
            grams: accepted,
            items: counted,
            epoch,
            epochGramsBefore,
          })
        : { credits: 0n, points: 0n };
    const reward = this.mint.take(epoch, owed.credits);
    this.ledger.mintCredits(citizen, reward);
    return ok({
      type: "deposited",
      citizen,
      kiosk: deposit.kiosk,
      material,
      grams,
      items,
      acceptedGrams: accepted,
      acceptedItems: counted,
      epoch,
      scheme: this.active.name,
      reward,
      points: owed.points,
      cutByMintCap: owed.credits - reward,
      viaReceipt,
    });
  }

  private install(choice: SchemeChoice): void {
    this.active = createScheme(choice);
    this.instances += 1;
    if (this.active.claim !== undefined) this.claimSchemes.push(this.active);
  }

  private kioskState(name: string, now: number): KioskState {
    const kiosk = this.kiosks.get(name);
    if (kiosk === undefined) throw new Error(`kiosk ${name} has not joined (validate the trace)`);
    const day = kstDay(now);
    if (kiosk.day !== day) {
      kiosk.day = day;
      kiosk.intakeToday = 0;
    }
    return kiosk;
  }

  private citizenState(name: string): CitizenState {
    let state = this.citizens.get(name);
    if (state === undefined) {
      state = {
        day: Number.NEGATIVE_INFINITY,
        gramsToday: 0,
        epoch: -1,
        gramsInEpoch: 0,
        claimedEpochs: new Set(),
      };
      this.citizens.set(name, state);
    }
    return state;
  }

  /** The citizen's counters, rolled over to the KST day and epoch of `now`. */
  private citizenToday(name: string, now: number, epoch: number): CitizenState {
    const state = this.citizenState(name);
    const day = kstDay(now);
    if (state.day !== day) {
      state.day = day;
      state.gramsToday = 0;
    }
    if (state.epoch !== epoch) {
      state.epoch = epoch;
      state.gramsInEpoch = 0;
    }
    return state;
  }
}
