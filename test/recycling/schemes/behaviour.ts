/**
 * `shouldBehaveLikeRewardScheme()`: what every reward scheme must do, run against each of the
 * five schemes (a sixth gets it by adding one call). The scheme under test is bound to a test
 * account, which then calls the hooks directly.
 */
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";

import type { SchemeKind } from "../../../ignition/rewardSchemes.js";
import type { IRewardScheme } from "../../../typechain-types/index.js";
import { ethers, networkHelpers } from "../helpers/chain.js";

/** A deposit as the rewards contract shows it to a scheme. */
export interface CountedDeposit {
  citizen: string;
  kiosk: string;
  material: number;
  acceptedGrams: bigint;
  items: bigint;
  epoch: bigint;
  epochGramsBefore: bigint;
}

/** A scheme under test and the spec's formula for it. */
export interface SchemeSubject {
  kind: SchemeKind;
  /** Deploys a fresh, unbound instance. */
  deploy: () => Promise<IRewardScheme>;
  /** The spec's reward for `deposit` (0 for schemes that pay on claim only). */
  reward: (deposit: CountedDeposit) => bigint;
  paysOnClaim: boolean;
}

const GRAMS = [1n, 3n, 4n, 999n, 1000n, 1001n, 1999n, 2000n, 2001n, 4999n, 5000n, 5001n, 20_000n];
const BEFORE = [0n, 1n, 1999n, 2000n, 4500n, 5000n, 12_000n];

/** Deposits across materials, sizes, items and epoch positions. */
export function sampleDeposits(citizen: string, kiosk: string): CountedDeposit[] {
  const deposits: CountedDeposit[] = [];
  let i = 0;
  for (const grams of GRAMS) {
    for (const before of BEFORE) {
      deposits.push({
        citizen,
        kiosk,
        material: i % 6,
        acceptedGrams: grams,
        items: grams / BigInt(1 + (i % 40)),
        epoch: BigInt(i % 3),
        epochGramsBefore: before,
      });
      i++;
    }
  }
  return deposits;
}

interface Bound {
  scheme: IRewardScheme;
  caller: HardhatEthersSigner;
  stranger: HardhatEthersSigner;
  citizen: HardhatEthersSigner;
}

export function shouldBehaveLikeRewardScheme(subject: SchemeSubject): void {
  async function unbound(): Promise<IRewardScheme> {
    return subject.deploy();
  }
  async function bound(): Promise<Bound> {
    const [, caller, stranger, citizen] = await ethers.getSigners();
    if (caller === undefined || stranger === undefined || citizen === undefined)
      throw new Error("signers");
    const scheme = (await subject.deploy()).connect(caller);
    await scheme.bind();
    return { scheme, caller, stranger, citizen };
  }

  describe(`behaves like a reward scheme (${subject.kind})`, () => {
    it("names its kind and whether it pays on claim", async () => {
      const scheme = await networkHelpers.loadFixture(unbound);
      expect(await scheme.kind()).to.equal(subject.kind);
      expect(await scheme.paysOnClaim()).to.equal(subject.paysOnClaim);
    });

    it("starts unbound; the first bind makes the caller the only hook caller (SchemeBound)", async () => {
      const scheme = await networkHelpers.loadFixture(unbound);
      const [, caller] = await ethers.getSigners();
      if (caller === undefined) throw new Error("signers");
      expect(await scheme.rewards()).to.equal(ethers.ZeroAddress);
      await expect(scheme.connect(caller).bind())
        .to.emit(scheme, "SchemeBound")
        .withArgs(caller.address);
      expect(await scheme.rewards()).to.equal(caller.address);
    });

    it("ignores a second bind by its rewards contract and refuses any other (SchemeAlreadyBound)", async () => {
      const { scheme, caller, stranger } = await networkHelpers.loadFixture(bound);
      await expect(scheme.connect(caller).bind()).not.to.emit(scheme, "SchemeBound");
      await expect(scheme.connect(stranger).bind())
        .to.be.revertedWithCustomError(scheme, "SchemeAlreadyBound")
        .withArgs(caller.address);
    });

    it("lets only the bound rewards contract call the hooks (SchemeUnauthorizedCaller)", async () => {
      const { scheme, stranger, citizen } = await networkHelpers.loadFixture(bound);
      const [deposit] = sampleDeposits(citizen.address, stranger.address);
      if (deposit === undefined) throw new Error("no sample");
      await expect(scheme.connect(stranger).onDeposit(deposit))
        .to.be.revertedWithCustomError(scheme, "SchemeUnauthorizedCaller")
        .withArgs(stranger.address);
      await expect(scheme.connect(stranger).onClaim(citizen.address, 0n))
        .to.be.revertedWithCustomError(scheme, "SchemeUnauthorizedCaller")
        .withArgs(stranger.address);
      const fresh = await subject.deploy();
      await expect(fresh.connect(stranger).onDeposit(deposit))
        .to.be.revertedWithCustomError(fresh, "SchemeUnauthorizedCaller")
        .withArgs(stranger.address);
    });

    it("returns the spec formula's integer, rounded down, for every sample deposit", async () => {
      const { scheme, citizen, stranger } = await networkHelpers.loadFixture(bound);
      for (const deposit of sampleDeposits(citizen.address, stranger.address)) {
        expect(
          await scheme.onDeposit.staticCall(deposit),
          JSON.stringify(deposit, (_, v) => String(v)),
        ).to.equal(subject.reward(deposit));
      }
    });

    it("earns nothing for zero grams", async () => {
      const { scheme, citizen, stranger } = await networkHelpers.loadFixture(bound);
      for (let material = 0; material < 6; material++) {
        const deposit = {
          citizen: citizen.address,
          kiosk: stranger.address,
          material,
          acceptedGrams: 0n,
          items: 0n,
          epoch: 0n,
          epochGramsBefore: 2500n,
        };
        expect(await scheme.onDeposit.staticCall(deposit)).to.equal(0n);
      }
    });

    it("never earns less for more grams of the same deposit", async () => {
      const { scheme, citizen, stranger } = await networkHelpers.loadFixture(bound);
      let previous = 0n;
      for (const grams of GRAMS) {
        const deposit = {
          citizen: citizen.address,
          kiosk: stranger.address,
          material: 0,
          acceptedGrams: grams,
          items: 1n,
          epoch: 0n,
          epochGramsBefore: 0n,
        };
        const reward = await scheme.onDeposit.staticCall(deposit);
        expect(reward >= previous).to.equal(true);
        previous = reward;
      }
    });

    it("owes nothing on claim to a citizen without deposits", async () => {
      const { scheme, citizen } = await networkHelpers.loadFixture(bound);
      expect(await scheme.onClaim.staticCall(citizen.address, 0n)).to.equal(0n);
    });
  });
}
