/**
 * Signed receipts: EIP-712 over citizen, kiosk, material, grams, items, id and expiry; used
 * once, before the expiry, only with the registered kiosk's signature; the deposit rules
 * revert with their own errors. Flat scheme, 300 credits per kg.
 */
import { expect } from "chai";
import { TypedDataEncoder } from "ethers";

import { DAY, at, ethers, networkHelpers, now } from "./helpers/chain.js";
import { citizen, deployRecycling, entry, type Recycling } from "./helpers/fixture.js";
import { M } from "./helpers/materials.js";
import {
  RECEIPT_TYPES,
  highS,
  receiptDomain,
  sOf,
  signReceipt,
  type ReceiptValue,
} from "./helpers/receipts.js";

const { loadFixture } = networkHelpers;

async function flatSystem(): Promise<Recycling> {
  return deployRecycling();
}
async function beforeStartSystem(): Promise<Recycling> {
  return deployRecycling({ beforeStart: true });
}

async function receiptOf(
  r: Recycling,
  overrides: Partial<ReceiptValue> = {},
): Promise<ReceiptValue> {
  return {
    citizen: citizen(r, 0).address,
    kiosk: r.kiosk.address,
    material: M.CLEAR_PET,
    grams: 1500n,
    items: 60n,
    id: 1n,
    expiry: (await now()) + DAY,
    ...overrides,
  };
}

describe("RecyclingRewards: signed receipts", () => {
  it("mints the reward to the citizen, marks the receipt used and emits ReceiptUsed", async () => {
    const r = await loadFixture(flatSystem);
    const c = citizen(r, 0);
    const receipt = await receiptOf(r);
    const signature = await signReceipt(r.kiosk, r.rewards, receipt);
    const reward = (1500n * 300n) / 1000n;
    const tx = r.rewards.connect(c).claimReceipt(receipt, signature);
    await expect(tx).to.emit(r.rewards, "ReceiptUsed").withArgs(r.kiosk.address, 1n, c.address);
    await expect(tx)
      .to.emit(r.rewards, "DepositAccepted")
      .withArgs(r.kiosk.address, c.address, 0n, M.CLEAR_PET, 1500n, 1500n, 60n, reward, reward);
    await expect(tx).to.changeTokenBalances(ethers, r.credit, [c], [reward]);
    expect(await r.rewards.receiptUsed(r.kiosk.address, 1n)).to.equal(true);
    expect(await r.rewards.receiptUsed(r.kiosk.address, 2n)).to.equal(false);
    expect((await r.rewards.kioskOf(r.kiosk.address)).intakeGrams).to.equal(1500n);
  });

  it("returns the credits minted", async () => {
    const r = await loadFixture(flatSystem);
    const receipt = await receiptOf(r, { grams: 1000n, items: 0n });
    const signature = await signReceipt(r.kiosk, r.rewards, receipt);
    expect(
      await r.rewards.connect(citizen(r, 0)).claimReceipt.staticCall(receipt, signature),
    ).to.equal((1000n * 300n) / 1000n);
  });

  it("shares the citizen's daily cap and the kiosk's intake with batches", async () => {
    const r = await loadFixture(flatSystem);
    const c = citizen(r, 0);
    await r.rewards.connect(r.kiosk).depositBatch([entry(c, M.PET, 4000n)]);
    const receipt = await receiptOf(r, { grams: 3000n, items: 30n });
    const signature = await signReceipt(r.kiosk, r.rewards, receipt);
    // 1,000 g fit under the cap; floor(30 * 1000 / 3000) = 10 items.
    await expect(r.rewards.connect(c).claimReceipt(receipt, signature))
      .to.emit(r.rewards, "DepositAccepted")
      .withArgs(r.kiosk.address, c.address, 0n, M.CLEAR_PET, 3000n, 1000n, 10n, 300n, 300n);
    expect((await r.rewards.kioskOf(r.kiosk.address)).intakeGrams).to.equal(7000n);
  });

  it("matches the EIP-712 digest and domain separator a kiosk computes off-chain", async () => {
    const r = await loadFixture(flatSystem);
    const receipt = await receiptOf(r);
    const domain = await receiptDomain(r.rewards);
    expect(await r.rewards.receiptDigest(receipt)).to.equal(
      TypedDataEncoder.hash(domain, RECEIPT_TYPES, receipt),
    );
    expect(await r.rewards.DOMAIN_SEPARATOR()).to.equal(TypedDataEncoder.hashDomain(domain));
    expect(await r.rewards.RECEIPT_TYPEHASH()).to.equal(
      ethers.id(
        "Receipt(address citizen,address kiosk,uint8 material,uint256 grams,uint256 items,uint256 id,uint256 expiry)",
      ),
    );
  });

  describe("refusals", () => {
    it("a second use of the same receipt (RecyclingReceiptUsed)", async () => {
      const r = await loadFixture(flatSystem);
      const c = citizen(r, 0);
      const receipt = await receiptOf(r, { id: 7n });
      const signature = await signReceipt(r.kiosk, r.rewards, receipt);
      await r.rewards.connect(c).claimReceipt(receipt, signature);
      await expect(r.rewards.connect(c).claimReceipt(receipt, signature))
        .to.be.revertedWithCustomError(r.rewards, "RecyclingReceiptUsed")
        .withArgs(r.kiosk.address, 7n);
      // Another receipt with the same id from the same kiosk is refused too.
      const other = await receiptOf(r, { id: 7n, grams: 10n, items: 0n });
      await expect(
        r.rewards.connect(c).claimReceipt(other, await signReceipt(r.kiosk, r.rewards, other)),
      )
        .to.be.revertedWithCustomError(r.rewards, "RecyclingReceiptUsed")
        .withArgs(r.kiosk.address, 7n);
    });

    it("an expired receipt, from its expiry second on (RecyclingReceiptExpired)", async () => {
      const r = await loadFixture(flatSystem);
      const expiry = (await now()) + 100n;
      const receipt = await receiptOf(r, { expiry });
      const signature = await signReceipt(r.kiosk, r.rewards, receipt);
      await at(expiry);
      await expect(r.rewards.connect(citizen(r, 0)).claimReceipt(receipt, signature))
        .to.be.revertedWithCustomError(r.rewards, "RecyclingReceiptExpired")
        .withArgs(expiry, expiry);
    });

    it("takes a receipt in the last second before its expiry", async () => {
      const r = await loadFixture(flatSystem);
      const expiry = (await now()) + 100n;
      const receipt = await receiptOf(r, { expiry });
      const signature = await signReceipt(r.kiosk, r.rewards, receipt);
      await at(expiry - 1n);
      await expect(r.rewards.connect(citizen(r, 0)).claimReceipt(receipt, signature)).to.emit(
        r.rewards,
        "ReceiptUsed",
      );
    });

    it("a receipt sent by anyone but its citizen (RecyclingNotReceiptCitizen)", async () => {
      const r = await loadFixture(flatSystem);
      const receipt = await receiptOf(r);
      const signature = await signReceipt(r.kiosk, r.rewards, receipt);
      await expect(r.rewards.connect(r.stranger).claimReceipt(receipt, signature))
        .to.be.revertedWithCustomError(r.rewards, "RecyclingNotReceiptCitizen")
        .withArgs(citizen(r, 0).address, r.stranger.address);
    });

    it("a receipt signed by another kiosk than the one it names (RecyclingWrongSigner)", async () => {
      const r = await loadFixture(flatSystem);
      const receipt = await receiptOf(r);
      const signature = await signReceipt(r.kiosk2, r.rewards, receipt);
      await expect(r.rewards.connect(citizen(r, 0)).claimReceipt(receipt, signature))
        .to.be.revertedWithCustomError(r.rewards, "RecyclingWrongSigner")
        .withArgs(r.kiosk.address, r.kiosk2.address);
    });

    it("a receipt whose fields were changed after signing (RecyclingWrongSigner)", async () => {
      const r = await loadFixture(flatSystem);
      const receipt = await receiptOf(r);
      const signature = await signReceipt(r.kiosk, r.rewards, receipt);
      const inflated = { ...receipt, grams: 5000n };
      await expect(
        r.rewards.connect(citizen(r, 0)).claimReceipt(inflated, signature),
      ).to.be.revertedWithCustomError(r.rewards, "RecyclingWrongSigner");
    });

    it("a receipt of an unregistered or removed kiosk (RecyclingUnknownKiosk)", async () => {
      const r = await loadFixture(flatSystem);
      const c = citizen(r, 0);
      const own = await receiptOf(r, { kiosk: r.stranger.address });
      await expect(
        r.rewards.connect(c).claimReceipt(own, await signReceipt(r.stranger, r.rewards, own)),
      )
        .to.be.revertedWithCustomError(r.rewards, "RecyclingUnknownKiosk")
        .withArgs(r.stranger.address);
      const receipt = await receiptOf(r);
      const signature = await signReceipt(r.kiosk, r.rewards, receipt);
      await r.rewards.removeKiosk(r.kiosk.address);
      await expect(r.rewards.connect(c).claimReceipt(receipt, signature))
        .to.be.revertedWithCustomError(r.rewards, "RecyclingUnknownKiosk")
        .withArgs(r.kiosk.address);
    });

    it("a malleable signature with a high s (RecyclingMalleableSignature)", async () => {
      const r = await loadFixture(flatSystem);
      const receipt = await receiptOf(r);
      const malleable = highS(await signReceipt(r.kiosk, r.rewards, receipt));
      await expect(r.rewards.connect(citizen(r, 0)).claimReceipt(receipt, malleable))
        .to.be.revertedWithCustomError(r.rewards, "RecyclingMalleableSignature")
        .withArgs(sOf(malleable));
    });

    it("a signature that is not 65 bytes (RecyclingInvalidSignatureLength)", async () => {
      const r = await loadFixture(flatSystem);
      const receipt = await receiptOf(r);
      const signature = await signReceipt(r.kiosk, r.rewards, receipt);
      const compact = ethers.Signature.from(signature).compactSerialized; // ERC-2098, 64 bytes
      await expect(r.rewards.connect(citizen(r, 0)).claimReceipt(receipt, compact))
        .to.be.revertedWithCustomError(r.rewards, "RecyclingInvalidSignatureLength")
        .withArgs(64n);
    });

    it("a signature that recovers no address (RecyclingInvalidSignature)", async () => {
      const r = await loadFixture(flatSystem);
      const receipt = await receiptOf(r);
      const signature = await signReceipt(r.kiosk, r.rewards, receipt);
      const badV = ethers.concat([ethers.dataSlice(signature, 0, 64), "0x1d"]); // v = 29
      await expect(
        r.rewards.connect(citizen(r, 0)).claimReceipt(receipt, badV),
      ).to.be.revertedWithCustomError(r.rewards, "RecyclingInvalidSignature");
    });
  });

  describe("deposit rules revert with their own errors", () => {
    const cases: Array<[string, Partial<ReceiptValue>, (v: ReceiptValue) => bigint[]]> = [
      ["RecyclingInvalidMaterial", { material: 6 }, (v) => [BigInt(v.material)]],
      ["RecyclingZeroGrams", { grams: 0n, items: 0n }, () => []],
      ["RecyclingDepositTooLarge", { grams: 20_001n, items: 0n }, (v) => [v.grams, 20_000n]],
      ["RecyclingTooManyItems", { grams: 10n, items: 11n }, (v) => [v.items, v.grams]],
    ];
    for (const [error, overrides, args] of cases) {
      it(error, async () => {
        const r = await loadFixture(flatSystem);
        const receipt = await receiptOf(r, overrides);
        const signature = await signReceipt(r.kiosk, r.rewards, receipt);
        await expect(r.rewards.connect(citizen(r, 0)).claimReceipt(receipt, signature))
          .to.be.revertedWithCustomError(r.rewards, error)
          .withArgs(...args(receipt));
      });
    }

    it("RecyclingBeforeEpochStart", async () => {
      const r = await loadFixture(beforeStartSystem);
      const receipt = await receiptOf(r);
      const signature = await signReceipt(r.kiosk, r.rewards, receipt);
      const t = (await now()) + 10n;
      await at(t);
      await expect(r.rewards.connect(citizen(r, 0)).claimReceipt(receipt, signature))
        .to.be.revertedWithCustomError(r.rewards, "RecyclingBeforeEpochStart")
        .withArgs(t, r.epochStart);
    });

    it("RecyclingKioskCapacityExceeded", async () => {
      const r = await loadFixture(flatSystem);
      await r.rewards.setKioskCapacity(r.kiosk.address, 2000n);
      await r.rewards.connect(r.kiosk).depositBatch([entry(citizen(r, 1), M.PET, 1000n)]);
      const receipt = await receiptOf(r, { grams: 1001n, items: 0n });
      const signature = await signReceipt(r.kiosk, r.rewards, receipt);
      await expect(r.rewards.connect(citizen(r, 0)).claimReceipt(receipt, signature))
        .to.be.revertedWithCustomError(r.rewards, "RecyclingKioskCapacityExceeded")
        .withArgs(r.kiosk.address, 1000n, 1001n, 2000n);
    });
  });
});
