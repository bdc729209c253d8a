/**
 * Replays the worked parking example (examples/parking.jsonl, in the trace format of
 * SPEC.md section 4) directly against the contracts, and
 * checks the final balances against the hand-worked table of its README and against the
 * spec's formulas recomputed here. The escrow invariant of section 2 is checked after every
 * event.
 */
import { readFileSync } from "node:fs";

import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";
import { network } from "hardhat";

import {
  DAY,
  SPEC,
  UNIT,
  WEEK,
  bookingIdOf,
  bpsOf,
  ceilDiv,
  deployCityPilot,
  weekFromRanges,
} from "./fixture.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

/** The parking events of the trace format that the example uses. */
type TraceEvent = { t: string } & (
  | { kind: "actor.join"; actor: string; role: string; krw?: number }
  | {
      kind: "slot.register";
      slot: string;
      owner: string;
      district: string;
      unitPrice: number;
      availability: string[];
    }
  | {
      kind: "parking.book";
      booking: string;
      driver: string;
      slot: string;
      start: string;
      end: string;
      credits?: number;
    }
  | { kind: "parking.checkIn" | "parking.checkOut" | "parking.cancel"; booking: string }
);

/** The README table of examples/parking.jsonl (worked by hand from SPEC.md). */
const README_KRW: Record<string, bigint> = {
  "owner-1": 3_240n,
  "driver-1": 17_000n,
  "driver-2": 19_400n,
  treasury: 360n,
  "parking-escrow": 0n,
};

const TRACE_FILE = new URL("../../examples/parking.jsonl", import.meta.url);

function readTrace(): TraceEvent[] {
  return readFileSync(TRACE_FILE, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as TraceEvent);
}

function unixSeconds(iso: string): bigint {
  return BigInt(Date.parse(iso)) / 1000n;
}

/** A booking as the off-chain arithmetic of this test sees it. */
interface ModelBooking {
  id: bigint;
  driver: string;
  owner: string;
  start: bigint;
  end: bigint;
  price: bigint;
  live: boolean;
}

/**
 * Expected KRW per actor, moved by the formulas of SPEC.md section 2 (written again here,
 * independently of the contract).
 */
class ParkingArithmetic {
  readonly krw = new Map<string, bigint>();

  add(actor: string, amount: bigint): void {
    this.krw.set(actor, (this.krw.get(actor) ?? 0n) + amount);
  }

  private terms(b: ModelBooking) {
    return { fee: ((b.end - b.start) / UNIT) * b.price, deposit: SPEC.depositUnits * b.price };
  }

  private payOut(b: ModelBooking, earned: bigint, refund: bigint): void {
    const { fee, deposit } = this.terms(b);
    const platformCut = bpsOf(earned, SPEC.platformFeeBps);
    this.add("treasury", platformCut);
    this.add(b.owner, earned - platformCut);
    this.add(b.driver, refund);
    this.add("parking-escrow", -(fee + deposit));
    b.live = false;
  }

  book(b: ModelBooking, credits: bigint): void {
    const { fee, deposit } = this.terms(b);
    this.add(b.driver, -(fee + deposit - credits));
    this.add("treasury", -credits);
    this.add("parking-escrow", fee + deposit);
  }

  checkOut(b: ModelBooking, now: bigint): void {
    const { fee, deposit } = this.terms(b);
    let penalty = 0n;
    if (now > b.end + SPEC.graceSeconds) {
      const overUnits = ceilDiv(now - b.end, UNIT);
      const uncapped = bpsOf(overUnits * b.price, SPEC.overstayBps);
      penalty = uncapped < deposit ? uncapped : deposit;
    }
    this.payOut(b, fee + penalty, deposit - penalty);
  }

  cancel(b: ModelBooking, now: bigint): void {
    const { fee, deposit } = this.terms(b);
    const free = b.start - now >= SPEC.freeCancelSeconds;
    const cancelFee = free ? 0n : bpsOf(fee, SPEC.lateCancelBps);
    this.payOut(b, cancelFee, fee - cancelFee + deposit);
  }

  /** The escrow invariant: the sum of fee + deposit of the live bookings. */
  liveEscrow(bookings: Iterable<ModelBooking>): bigint {
    let sum = 0n;
    for (const b of bookings) {
      if (b.live) {
        const { fee, deposit } = this.terms(b);
        sum += fee + deposit;
      }
    }
    return sum;
  }
}

describe("ParkingMarket replay of examples/parking.jsonl", () => {
  it("ends with the README's balances, recomputed from the spec's formulas", async () => {
    const d = await deployCityPilot(connection);
    const { krw, market, treasury } = d;
    const pool: HardhatEthersSigner[] = [d.owner, d.driver, d.driver2, d.stranger, d.newOwner];
    const signers = new Map<string, HardhatEthersSigner>();
    const slots = new Map<string, bigint>();
    const bookings = new Map<string, ModelBooking>();
    const model = new ParkingArithmetic();

    const events = readTrace();
    const first = unixSeconds(events[0]?.t ?? "");
    // The chain clock runs on: move the trace by whole weeks (keeping KST weekdays and times).
    const now = BigInt(await networkHelpers.time.latest());
    const shift = first > now + DAY ? 0n : ceilDiv(now + DAY - first, WEEK) * WEEK;

    const actor = (name: string): HardhatEthersSigner => {
      const signer = signers.get(name);
      if (signer === undefined) throw new Error(`unknown actor ${name}`);
      return signer;
    };
    const nameOf = (address: string): string => {
      for (const [name, signer] of signers) if (signer.address === address) return name;
      throw new Error(`no actor at ${address}`);
    };
    const booking = (name: string): ModelBooking => {
      const b = bookings.get(name);
      if (b === undefined) throw new Error(`unknown booking ${name}`);
      return b;
    };

    for (const event of events) {
      const t = unixSeconds(event.t) + shift;
      if (t > BigInt(await networkHelpers.time.latest())) {
        await networkHelpers.time.setNextBlockTimestamp(t);
      }
      switch (event.kind) {
        case "actor.join": {
          const signer = pool[signers.size];
          if (signer === undefined) throw new Error("out of signers");
          signers.set(event.actor, signer);
          const amount = BigInt(event.krw ?? 0);
          if (amount > 0n) await krw.mint(signer, amount);
          await krw.connect(signer).approve(market, ethers.MaxUint256);
          model.add(event.actor, amount);
          break;
        }
        case "slot.register": {
          const district = ethers.encodeBytes32String(event.district);
          const args = [
            actor(event.owner).address,
            district,
            BigInt(event.unitPrice),
            weekFromRanges(event.availability),
          ] as const;
          slots.set(event.slot, await market.registerSlot.staticCall(...args));
          await market.registerSlot(...args);
          break;
        }
        case "parking.book": {
          const slotId = slots.get(event.slot);
          if (slotId === undefined) throw new Error(`unknown slot ${event.slot}`);
          const credits = BigInt(event.credits ?? 0);
          const start = unixSeconds(event.start) + shift;
          const end = unixSeconds(event.end) + shift;
          const tx = market.connect(actor(event.driver)).book(slotId, start, end, credits);
          const id = await bookingIdOf(market, tx);
          const b: ModelBooking = {
            id,
            driver: event.driver,
            owner: nameOf(await market.ownerOf(slotId)),
            start,
            end,
            price: await market.unitPriceOf(slotId),
            live: true,
          };
          bookings.set(event.booking, b);
          model.book(b, credits);
          break;
        }
        case "parking.checkIn": {
          const b = booking(event.booking);
          await market.connect(actor(b.driver)).checkIn(b.id);
          break;
        }
        case "parking.checkOut": {
          const b = booking(event.booking);
          await market.connect(actor(b.driver)).checkOut(b.id);
          model.checkOut(b, t);
          break;
        }
        case "parking.cancel": {
          const b = booking(event.booking);
          await market.connect(actor(b.driver)).cancel(b.id);
          model.cancel(b, t);
          break;
        }
      }
      expect(await krw.balanceOf(market), `escrow after ${event.kind} at ${event.t}`).to.equal(
        model.liveEscrow(bookings.values()),
      );
    }

    const chain = new Map<string, bigint>();
    for (const [name, signer] of signers) chain.set(name, await krw.balanceOf(signer));
    chain.set("treasury", await krw.balanceOf(treasury));
    chain.set("parking-escrow", await krw.balanceOf(market));
    for (const [name, expected] of Object.entries(README_KRW)) {
      expect(chain.get(name), `chain KRW of ${name}`).to.equal(expected);
      expect(model.krw.get(name) ?? 0n, `formula KRW of ${name}`).to.equal(expected);
    }
    expect(await d.credit.totalSupply()).to.equal(0n);
  });
});
