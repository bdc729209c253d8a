/**
 * Attacks on the recycling path: receipts replayed across kiosks, chains and contracts; a
 * kiosk taking in more than its capacity; a merchant redeeming without registration; a scheme
 * calling back into the rewards contract.
 */
import { anyValue } from "@nomicfoundation/hardhat-ethers-chai-matchers/withArgs";
import { expect } from "chai";

import { DAY, ethers, networkHelpers, now } from "./helpers/chain.js";
import { DISTRICT, citizen, deployRecycling, entry, type Recycling } from "./helpers/fixture.js";
import { M, Reason } from "./helpers/materials.js";
import { receiptDomain, signReceipt, type ReceiptValue } from "./helpers/receipts.js";

const { loadFixture } = networkHelpers;

async function flatSystem(): Promise<Recycling> {
  return deployRecycling();
}
async function twoSystems(): Promise<[Recycling, Recycling]> {
  const a = await deployRecycling();
  const b = await deployRecycling();
  return [a, b];
}

async function receiptOf(
  r: Recycling,
  overrides: Partial<ReceiptValue> = {},
): Promise<ReceiptValue> {
  return {
    citizen: citizen(r, 0).address,
    kiosk: r.kiosk.address,
    material: M.PET,
    grams: 1000n,
    items: 10n,
    id: 42n,
    expiry: (await now()) + DAY,
    ...overrides,
  };
}

describe("attacks on the recycling path", () => {
  describe("receipt replay", () => {
    it("across kiosks: a used receipt cannot be passed off as another kiosk's", async () => {
      const r = await loadFixture(flatSystem);
      const c = citizen(r, 0);
      const receipt = await receiptOf(r);
      const signature = await signReceipt(r.kiosk, r.rewards, receipt);
      await r.rewards.connect(c).claimReceipt(receipt, signature);
      await expect(r.rewards.connect(c).claimReceipt(receipt, signature))
        .to.be.revertedWithCustomError(r.rewards, "RecyclingReceiptUsed")
        .withArgs(r.kiosk.address, 42n);
      await expect(
        r.rewards.connect(c).claimReceipt({ ...receipt, kiosk: r.kiosk2.address }, signature),
      )
        .to.be.revertedWithCustomError(r.rewards, "RecyclingWrongSigner")
        .withArgs(r.kiosk2.address, anyValue);
      // Ids are per kiosk: the other kiosk's own receipt 42 is a different receipt.
      const own = await receiptOf(r, { kiosk: r.kiosk2.address });
      await expect(
        r.rewards.connect(c).claimReceipt(own, await signReceipt(r.kiosk2, r.rewards, own)),
      ).to.emit(r.rewards, "ReceiptUsed");
      expect(await r.credit.balanceOf(c.address)).to.equal(2n * ((1000n * 300n) / 1000n));
    });

    it("across chains: a signature for another chain id is refused", async () => {
      const r = await loadFixture(flatSystem);
      const receipt = await receiptOf(r);
      const domain = await receiptDomain(r.rewards, { chainId: 1n });
      const signature = await signReceipt(r.kiosk, r.rewards, receipt, domain);
      await expect(
        r.rewards.connect(citizen(r, 0)).claimReceipt(receipt, signature),
      ).to.be.revertedWithCustomError(r.rewards, "RecyclingWrongSigner");
    });

    it("across contracts: a receipt for another rewards contract is refused here", async () => {
      const [a, b] = await loadFixture(twoSystems);
      // The same kiosk account is registered with both contracts.
      expect((await b.rewards.kioskOf(a.kiosk.address)).registered).to.equal(true);
      const receipt = await receiptOf(a);
      const forB = await signReceipt(a.kiosk, b.rewards, receipt);
      await expect(
        a.rewards.connect(citizen(a, 0)).claimReceipt(receipt, forB),
      ).to.be.revertedWithCustomError(a.rewards, "RecyclingWrongSigner");
      await b.rewards.connect(citizen(a, 0)).claimReceipt(receipt, forB);
      const forA = await signReceipt(a.kiosk, a.rewards, receipt);
      expect(await a.rewards.DOMAIN_SEPARATOR()).not.to.equal(await b.rewards.DOMAIN_SEPARATOR());
      await expect(
        b.rewards.connect(citizen(a, 0)).claimReceipt(receipt, forA),
      ).to.be.revertedWithCustomError(b.rewards, "RecyclingWrongSigner");
      await expect(
        b.rewards.connect(citizen(a, 0)).claimReceipt(receipt, forB),
      ).to.be.revertedWithCustomError(b.rewards, "RecyclingReceiptUsed");
    });
  });

  describe("a kiosk submitting past a capacity it does not have", () => {
    it("gets only what fits credited; the rest is rejected whole, today and in later batches", async () => {
      const r = await loadFixture(flatSystem);
      await r.rewards.setKioskCapacity(r.kiosk.address, 10_000n);
      const batch = [0, 1, 2, 3, 4].map((i) => entry(citizen(r, i), M.PET, 5000n));
      const tx = r.rewards.connect(r.kiosk).depositBatch(batch);
      for (const i of [2, 3, 4]) {
        await expect(tx)
          .to.emit(r.rewards, "DepositRejected")
          .withArgs(r.kiosk.address, citizen(r, i).address, BigInt(i), Reason.OverKioskCapacity);
      }
      expect(await r.credit.totalSupply()).to.equal(2n * ((5000n * 300n) / 1000n));
      await expect(r.rewards.connect(r.kiosk).depositBatch([entry(citizen(r, 5), M.PET, 1n)]))
        .to.emit(r.rewards, "DepositRejected")
        .withArgs(r.kiosk.address, citizen(r, 5).address, 0n, Reason.OverKioskCapacity);
      const receipt = await receiptOf(r, { grams: 1n, items: 0n });
      await expect(
        r.rewards
          .connect(citizen(r, 0))
          .claimReceipt(receipt, await signReceipt(r.kiosk, r.rewards, receipt)),
      ).to.be.revertedWithCustomError(r.rewards, "RecyclingKioskCapacityExceeded");
    });

    it("cannot raise its own capacity nor register another kiosk", async () => {
      const r = await loadFixture(flatSystem);
      const role = await r.rewards.REGISTRAR_ROLE();
      await expect(r.rewards.connect(r.kiosk).setKioskCapacity(r.kiosk.address, 10n ** 9n))
        .to.be.revertedWithCustomError(r.rewards, "AccessControlUnauthorizedAccount")
        .withArgs(r.kiosk.address, role);
      await expect(
        r.rewards.connect(r.kiosk).registerKiosk(r.stranger.address, DISTRICT, 10n ** 9n),
      )
        .to.be.revertedWithCustomError(r.rewards, "AccessControlUnauthorizedAccount")
        .withArgs(r.kiosk.address, role);
    });
  });

  describe("merchants", () => {
    it("a merchant cannot redeem before registration or after removal (TreasuryUnauthorizedRedeemer)", async () => {
      const r = await loadFixture(flatSystem);
      const c = citizen(r, 0);
      await r.krw.mint(r.admin.address, 10_000n);
      await r.krw.approve(r.treasury, 10_000n);
      await r.treasury.fund(10_000n);
      await r.rewards.connect(r.kiosk).depositBatch([entry(c, M.PET, 5000n)]);
      await r.credit.connect(c).transfer(r.merchant.address, 1200n);
      await expect(r.treasury.connect(r.merchant).redeem(1200n))
        .to.be.revertedWithCustomError(r.treasury, "TreasuryUnauthorizedRedeemer")
        .withArgs(r.merchant.address);
      await expect(r.treasury.connect(c).redeem(100n))
        .to.be.revertedWithCustomError(r.treasury, "TreasuryUnauthorizedRedeemer")
        .withArgs(c.address);
      await r.treasury.setMerchant(r.merchant.address, true);
      await expect(r.treasury.connect(r.merchant).redeem(1000n)).to.changeTokenBalances(
        ethers,
        r.krw,
        [r.merchant, r.treasury],
        [1000n, -1000n],
      );
      await r.treasury.setMerchant(r.merchant.address, false);
      await expect(r.treasury.connect(r.merchant).redeem(200n))
        .to.be.revertedWithCustomError(r.treasury, "TreasuryUnauthorizedRedeemer")
        .withArgs(r.merchant.address);
      // Credits: 1,500 minted - 1,000 redeemed.
      expect(await r.credit.totalSupply()).to.equal((5000n * 300n) / 1000n - 1000n);
      expect(await r.treasury.totalRedeemed()).to.equal(1000n);
    });
  });

  describe("a scheme calling back into the rewards contract", () => {
    for (const [attack, name] of [
      [0, "claim"],
      [1, "depositBatch"],
      [2, "claimReceipt"],
    ] as const) {
      it(`is refused on ${name} (ReentrancyGuardReentrantCall)`, async () => {
        const r = await loadFixture(flatSystem);
        const evil = await ethers.deployContract("ReentrantScheme");
        await evil.setAttack(attack);
        await r.rewards.setScheme(evil);
        await expect(
          r.rewards.connect(r.kiosk).depositBatch([entry(citizen(r, 0), M.PET, 1000n)]),
        ).to.be.revertedWithCustomError(r.rewards, "ReentrancyGuardReentrantCall");
      });
    }
  });
});
