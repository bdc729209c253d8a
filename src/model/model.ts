/**
 * The reference model: applies SPEC.md's rules to a trace, one event at a time, with no
 * chain involved. The dispatcher below routes each event to the concern that owns it.
 */
import {
  rolesOf,
  schemeChoiceOf,
  unixSeconds,
  type SchemeChoice,
  type TraceEvent,
  type TraceEventOf,
} from "../scenario/trace-schema.js";
import {
  defaultEpochStart,
  marketParamsOf,
  recyclingParamsOf,
  type MarketParams,
  type RecyclingParams,
} from "./config.js";
import { countOutcome, newCounters, type ModelCounters } from "./counters.js";
import { Ledger } from "./money.js";
import { ParkingMarket } from "./parking.js";
import { RecyclingRewards, type RunRecyclingParams } from "./recycling.js";
import { FLAT_DEFAULT_CHOICE } from "./schemes/index.js";
import { failed, ok, type ModelInput, type ModelOptions, type Outcome } from "./types.js";

/** The two services, created at the run's first event (which fixes the default epochStart). */
interface Services {
  parking: ParkingMarket;
  recycling: RecyclingRewards;
}

export class ReferenceModel {
  readonly ledger = new Ledger();
  readonly counters: ModelCounters = newCounters();
  private services: Services | undefined;

  constructor(private readonly options: ModelOptions = {}) {}

  /** Applies one event at the time the chain used, and returns what happened. */
  apply(input: ModelInput): Outcome {
    const { event, time } = input;
    const services = this.services ?? this.start(event, time);
    const outcome = this.dispatch(services, event, time);
    countOutcome(this.counters, event.kind, outcome);
    return outcome;
  }

  /** An actor's KRW and credits (0 for a name never seen). */
  balanceOf(actor: string): { krw: bigint; credits: bigint } {
    return { krw: this.ledger.krwOf(actor), credits: this.ledger.creditsOf(actor) };
  }

  /** Market parameters in force (defaults until the run starts). */
  get market(): MarketParams {
    return this.services?.parking.market ?? marketParamsOf(undefined);
  }

  /** Recycling parameters in force (epochStart is undefined until the run starts). */
  get recyclingParams(): RecyclingParams {
    return this.services?.recycling.params ?? recyclingParamsOf(undefined);
  }

  /** Credits minted per epoch (deposits and claims). */
  get mintedByEpoch(): ReadonlyMap<number, bigint> {
    return this.services?.recycling.mint.mintedByEpoch ?? new Map();
  }

  get parking(): ParkingMarket | undefined {
    return this.services?.parking;
  }

  get recycling(): RecyclingRewards | undefined {
    return this.services?.recycling;
  }

  /**
   * Sets the run up from its first event: the `config` line if it is one, the SPEC
   * defaults otherwise. The initial scheme is `--scheme`, else the config's, else the
   * scenario's, else flat.
   */
  private start(first: TraceEvent, time: number): Services {
    const config = first.kind === "config" ? first : undefined;
    const recycling: RunRecyclingParams = {
      ...recyclingParamsOf(config?.recycling),
      epochStart: defaultEpochStart(time),
    };
    if (config?.recycling?.epochStart !== undefined) {
      recycling.epochStart = unixSeconds(config.recycling.epochStart);
    }
    const initialScheme: SchemeChoice =
      this.options.initialScheme ??
      (config === undefined ? undefined : schemeChoiceOf(config)) ??
      this.options.scenarioScheme ??
      FLAT_DEFAULT_CHOICE;
    this.services = {
      parking: new ParkingMarket(this.ledger, marketParamsOf(config?.market)),
      recycling: new RecyclingRewards(this.ledger, recycling, initialScheme),
    };
    return this.services;
  }

  private dispatch(services: Services, event: TraceEvent, now: number): Outcome {
    const { parking, recycling } = services;
    switch (event.kind) {
      case "config":
        return this.configure(event);
      case "actor.join":
        return this.join(recycling, event);
      case "treasury.fund":
        this.ledger.fundTreasury(event.krw);
        return ok({ type: "treasuryFunded", krw: event.krw });
      case "slot.register":
        return parking.registerSlot(event);
      case "slot.price":
        return parking.setPrice(event);
      case "parking.book":
        return parking.book(event, unixSeconds(event.start), unixSeconds(event.end), now);
      case "parking.checkIn":
        return parking.checkIn(event.booking, now);
      case "parking.checkOut":
        return parking.checkOut(event.booking, now);
      case "parking.cancel":
        return parking.cancel(event.booking, now);
      case "parking.settle":
        return parking.settle(event.booking, now);
      case "recycle.deposit":
        return recycling.deposit(event, now);
      case "recycle.receipt":
        return recycling.receipt(event, now);
      case "recycle.claim":
        return recycling.claim(event, now);
      case "scheme.set":
        return recycling.setScheme(schemeChoiceOf(event) ?? FLAT_DEFAULT_CHOICE);
      case "credit.spend":
        return this.spend(event);
      case "merchant.redeem":
        return this.redeem(event);
    }
  }

  /** Only the first line may be a config; {@link start} has read it. */
  private configure(event: TraceEventOf<"config">): Outcome {
    if (this.anyEventApplied()) {
      throw new Error(`config at ${event.t} is not the trace's first line (validate the trace)`);
    }
    return ok({ type: "recorded" });
  }

  private anyEventApplied(): boolean {
    return Object.keys(this.counters.byKind).length > 0;
  }

  private join(recycling: RecyclingRewards, event: TraceEventOf<"actor.join">): Outcome {
    this.ledger.mintKrw(event.actor, event.krw);
    if (rolesOf(event).includes("kiosk")) {
      recycling.registerKiosk(event.actor, event.capacityGrams ?? 0);
    }
    return ok({ type: "actorJoined", actor: event.actor, krw: event.krw });
  }

  /** An ERC-20 transfer of credits to a merchant: fails only if the balance is short. */
  private spend(event: TraceEventOf<"credit.spend">): Outcome {
    if (this.ledger.creditsOf(event.citizen) < event.credits) return failed("InsufficientCredits");
    this.ledger.transferCredits(event.citizen, event.merchant, event.credits);
    const { citizen, merchant, credits } = event;
    return ok({ type: "creditsSpent", citizen, merchant, credits });
  }

  /**
   * The treasury burns the merchant's credits and pays the same KRW. Checks the merchant's
   * credits first, then the treasury's KRW (the same order as credits paid into parking).
   */
  private redeem(event: TraceEventOf<"merchant.redeem">): Outcome {
    if (this.ledger.creditsOf(event.merchant) < event.credits) return failed("InsufficientCredits");
    if (this.ledger.treasuryKrw < event.credits) return failed("TreasuryInsufficientFunds");
    this.ledger.redeemCreditsToActor(event.merchant, event.merchant, event.credits);
    return ok({ type: "merchantRedeemed", merchant: event.merchant, credits: event.credits });
  }
}
