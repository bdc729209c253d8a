import { expect } from "chai";
import fc from "fast-check";

import { MATERIALS, type TraceEventInput } from "../../src/scenario/trace-schema.js";
import { snapshotOf, type Outcome } from "../../src/model/index.js";
import { MONDAY, ModelDriver, kst, plus } from "./helpers.js";
import { randomActions, traceOf, traceSetup } from "./random-trace.js";

/** Money that entered or left circulation, tallied from the trace and the outcomes only. */
interface Tally {
  krwMinted: bigint;
  creditsMinted: bigint;
  creditsRedeemed: bigint;
  mintedByEpoch: Map<number, bigint>;
}

function tally(sum: Tally, raw: TraceEventInput, outcome: Outcome): void {
  if (raw.kind === "actor.join") sum.krwMinted += BigInt(raw.krw ?? 0);
  if (raw.kind === "treasury.fund") sum.krwMinted += BigInt(raw.krw);
  if (outcome.status !== "ok") return;
  const effect = outcome.effect;
  if (effect.type === "deposited" || effect.type === "claimed") {
    sum.creditsMinted += effect.reward;
    sum.mintedByEpoch.set(
      effect.epoch,
      (sum.mintedByEpoch.get(effect.epoch) ?? 0n) + effect.reward,
    );
  }
  if (effect.type === "booked") sum.creditsRedeemed += effect.creditsUsed;
  if (effect.type === "merchantRedeemed") sum.creditsRedeemed += effect.credits;
}

const sumOf = (values: Iterable<bigint>) => [...values].reduce((a, b) => a + b, 0n);

describe("model: properties over random traces", () => {
  it("conserves KRW, keeps credit supply == minted - redeemed, and respects the mint cap", () => {
    fc.assert(
      fc.property(traceSetup, randomActions, (setup, actions) => {
        // The driver also checks every invariant after every event.
        const world = new ModelDriver();
        const sum: Tally = {
          krwMinted: 0n,
          creditsMinted: 0n,
          creditsRedeemed: 0n,
          mintedByEpoch: new Map(),
        };
        for (const raw of traceOf(setup, actions)) tally(sum, raw, world.apply(raw));

        const state = snapshotOf(world.model);
        const actorKrw = sumOf([...state.balances.values()].map((b) => b.krw));
        const actorCredits = sumOf([...state.balances.values()].map((b) => b.credits));
        expect(actorKrw + state.treasuryKrw + state.escrowKrw).to.equal(sum.krwMinted);
        expect(state.creditSupply).to.equal(actorCredits);
        expect(state.creditSupply).to.equal(sum.creditsMinted - sum.creditsRedeemed);
        expect(state.mintedByEpoch).to.deep.equal(
          new Map([...sum.mintedByEpoch].filter(([, v]) => v > 0n)),
        );
        for (const minted of sum.mintedByEpoch.values()) {
          if (setup.epochMintCap !== undefined)
            expect(minted <= BigInt(setup.epochMintCap)).to.equal(true);
        }
      }),
    );
  });
});

const CITIZENS = ["c0", "c1", "c2", "c3", "c4"];
const poolDeposit = fc.record({
  citizen: fc.constantFrom(...CITIZENS),
  material: fc.constantFrom(...MATERIALS),
  grams: fc.integer({ min: 1, max: 6000 }),
  day: fc.nat(3),
});

describe("model: budgetPool payouts", () => {
  it("pay each epoch at most its budget, and each citizen floor(points * min(budget, total) / total)", () => {
    fc.assert(
      fc.property(fc.nat(200_000), fc.array(poolDeposit, { maxLength: 40 }), (budget, deposits) => {
        const world = new ModelDriver();
        const t0 = kst(MONDAY, "00:00");
        const config = {
          recycling: { epochSeconds: 86_400 },
          scheme: "budgetPool",
          params: { budget },
        } as const;
        world.apply({ t: t0, kind: "config", ...config });
        world.apply({
          t: t0,
          kind: "actor.join",
          actor: "k0",
          role: "kiosk",
          capacityGrams: 10_000_000,
        });
        for (const actor of CITIZENS)
          world.apply({ t: t0, kind: "actor.join", actor, role: "citizen" });

        const points = new Map<string, bigint>();
        const sorted = [...deposits].sort((a, b) => a.day - b.day);
        for (const [i, d] of sorted.entries()) {
          const t = plus(t0, d.day * 86_400 + i);
          const outcome = world.apply({
            t,
            kind: "recycle.deposit",
            kiosk: "k0",
            citizen: d.citizen,
            material: d.material,
            grams: d.grams,
            items: 0,
          });
          if (
            outcome.status === "ok" &&
            outcome.effect.type === "deposited" &&
            outcome.effect.points > 0n
          ) {
            const key = `${d.day}/${d.citizen}`;
            points.set(key, (points.get(key) ?? 0n) + outcome.effect.points);
          }
        }

        const claimTime = plus(t0, 4 * 86_400);
        for (let epoch = 0; epoch < 4; epoch++) {
          const total = sumOf(
            [...points].filter(([k]) => k.startsWith(`${epoch}/`)).map(([, p]) => p),
          );
          const paid = BigInt(budget) < total ? BigInt(budget) : total;
          let claimed = 0n;
          for (const citizen of CITIZENS) {
            const outcome = world.apply({ t: claimTime, kind: "recycle.claim", citizen, epoch });
            const mine = points.get(`${epoch}/${citizen}`);
            if (mine === undefined) {
              // No points in the epoch: the claim succeeds with nothing to pay.
              expect(outcome.status === "ok" && outcome.effect.type === "claimed").to.equal(true);
              expect(
                outcome.status === "ok" && outcome.effect.type === "claimed"
                  ? outcome.effect.reward
                  : -1n,
              ).to.equal(0n);
              continue;
            }
            expect(
              outcome.status === "ok" && outcome.effect.type === "claimed"
                ? outcome.effect.reward
                : -1n,
            ).to.equal((mine * paid) / total);
            claimed += (mine * paid) / total;
          }
          expect(claimed <= BigInt(budget)).to.equal(true);
        }
      }),
    );
  });
});
