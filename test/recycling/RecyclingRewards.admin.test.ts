/**
 * Construction, roles, the kiosk registry, scheme changes and the time views.
 */
import { expect } from "chai";

import { DAY, at, ethers, kstDay, networkHelpers, now } from "./helpers/chain.js";
import {
  DEFAULT_RULES,
  DISTRICT,
  KIOSK_CAPACITY,
  citizen,
  deployRecycling,
  deployScheme,
  entry,
  type Recycling,
} from "./helpers/fixture.js";
import { M } from "./helpers/materials.js";

const { loadFixture } = networkHelpers;

const U32 = 2n ** 32n - 1n;

async function flatSystem(): Promise<Recycling> {
  return deployRecycling();
}

describe("RecyclingRewards: administration", () => {
  describe("construction", () => {
    it("keeps the rules, grants the admin its roles and binds the initial scheme", async () => {
      const r = await loadFixture(flatSystem);
      const p = await r.rewards.params();
      expect([
        p.dailyCapGrams,
        p.maxDepositGrams,
        p.epochSeconds,
        p.epochStart,
        p.epochMintCap,
      ]).to.deep.equal([
        DEFAULT_RULES.dailyCapGrams,
        DEFAULT_RULES.maxDepositGrams,
        DEFAULT_RULES.epochSeconds,
        r.epochStart,
        0n,
      ]);
      for (const role of [
        await r.rewards.DEFAULT_ADMIN_ROLE(),
        await r.rewards.REGISTRAR_ROLE(),
        await r.rewards.SCHEME_ADMIN_ROLE(),
      ]) {
        expect(await r.rewards.hasRole(role, r.admin.address)).to.equal(true);
      }
      expect(await r.rewards.scheme()).to.equal(await r.scheme.getAddress());
      expect(await r.scheme.rewards()).to.equal(await r.rewards.getAddress());
      expect(await r.rewards.credit()).to.equal(await r.credit.getAddress());
    });

    it("refuses out-of-range rules and addresses (RecyclingInvalidParams, RecyclingInvalidScheme)", async () => {
      const r = await loadFixture(flatSystem);
      const factory = await ethers.getContractFactory("RecyclingRewards");
      const good = { ...DEFAULT_RULES, epochStart: 0n };
      const scheme = await deployScheme("flat");
      const bad: Array<[string, string, typeof good]> = [
        ["zero admin", ethers.ZeroAddress, good],
        ["zero credit", r.admin.address, good],
        ["zero daily cap", r.admin.address, { ...good, dailyCapGrams: 0n }],
        ["daily cap over 32 bits", r.admin.address, { ...good, dailyCapGrams: U32 + 1n }],
        ["zero max deposit", r.admin.address, { ...good, maxDepositGrams: 0n }],
        ["max deposit over 32 bits", r.admin.address, { ...good, maxDepositGrams: U32 + 1n }],
        ["zero epoch length", r.admin.address, { ...good, epochSeconds: 0n }],
        ["mint cap over 56 bits", r.admin.address, { ...good, epochMintCap: 2n ** 56n }],
      ];
      for (const [what, admin, rules] of bad) {
        const creditAddress =
          what === "zero credit" ? ethers.ZeroAddress : await r.credit.getAddress();
        await expect(
          factory.deploy(admin, creditAddress, rules, scheme),
          what,
        ).to.be.revertedWithCustomError(factory, "RecyclingInvalidParams");
      }
      await expect(factory.deploy(r.admin.address, r.credit, good, ethers.ZeroAddress))
        .to.be.revertedWithCustomError(factory, "RecyclingInvalidScheme")
        .withArgs(ethers.ZeroAddress);
      // The limits themselves are fine.
      await factory.deploy(
        r.admin.address,
        r.credit,
        { ...good, dailyCapGrams: U32, maxDepositGrams: U32, epochMintCap: 2n ** 56n - 1n },
        scheme,
      );
    });

    it("cannot be built on a scheme another rewards contract already bound (SchemeAlreadyBound)", async () => {
      const r = await loadFixture(flatSystem);
      const factory = await ethers.getContractFactory("RecyclingRewards");
      await expect(
        factory.deploy(r.admin.address, r.credit, { ...DEFAULT_RULES, epochStart: 0n }, r.scheme),
      )
        .to.be.revertedWithCustomError(r.scheme, "SchemeAlreadyBound")
        .withArgs(await r.rewards.getAddress());
    });
  });

  describe("roles", () => {
    it("lets only the registrar manage kiosks and only the scheme admin set the scheme", async () => {
      const r = await loadFixture(flatSystem);
      const s = r.rewards.connect(r.stranger);
      const registrar = await r.rewards.REGISTRAR_ROLE();
      const schemeAdmin = await r.rewards.SCHEME_ADMIN_ROLE();
      await expect(s.registerKiosk(r.stranger.address, DISTRICT, 1n))
        .to.be.revertedWithCustomError(r.rewards, "AccessControlUnauthorizedAccount")
        .withArgs(r.stranger.address, registrar);
      await expect(s.setKioskCapacity(r.kiosk.address, 1n))
        .to.be.revertedWithCustomError(r.rewards, "AccessControlUnauthorizedAccount")
        .withArgs(r.stranger.address, registrar);
      await expect(s.removeKiosk(r.kiosk.address))
        .to.be.revertedWithCustomError(r.rewards, "AccessControlUnauthorizedAccount")
        .withArgs(r.stranger.address, registrar);
      await expect(s.setScheme(await deployScheme("flat")))
        .to.be.revertedWithCustomError(r.rewards, "AccessControlUnauthorizedAccount")
        .withArgs(r.stranger.address, schemeAdmin);
      await r.rewards.grantRole(registrar, r.stranger.address);
      await expect(s.registerKiosk(r.stranger.address, DISTRICT, 1n)).to.emit(
        r.rewards,
        "KioskRegistered",
      );
    });

    it("mints only with the credit token's minter role", async () => {
      const r = await loadFixture(flatSystem);
      await r.credit.revokeRole(await r.credit.MINTER_ROLE(), r.rewards);
      await expect(
        r.rewards.connect(r.kiosk).depositBatch([entry(citizen(r, 0), M.PET, 1000n)]),
      ).to.be.revertedWithCustomError(r.credit, "AccessControlUnauthorizedAccount");
    });
  });

  describe("kiosk registry", () => {
    it("registers a kiosk with its district and capacity (KioskRegistered)", async () => {
      const r = await loadFixture(flatSystem);
      const district = ethers.encodeBytes32String("songdo");
      await expect(r.rewards.registerKiosk(r.stranger.address, district, 1234n))
        .to.emit(r.rewards, "KioskRegistered")
        .withArgs(r.stranger.address, district, 1234n);
      const k = await r.rewards.kioskOf(r.stranger.address);
      expect([k.registered, k.district, k.capacityGrams, k.day, k.intakeGrams]).to.deep.equal([
        true,
        district,
        1234n,
        0n,
        0n,
      ]);
    });

    it("refuses a duplicate, the zero address and a capacity over 64 bits", async () => {
      const r = await loadFixture(flatSystem);
      await expect(r.rewards.registerKiosk(r.kiosk.address, DISTRICT, 1n))
        .to.be.revertedWithCustomError(r.rewards, "RecyclingKioskAlreadyRegistered")
        .withArgs(r.kiosk.address);
      await expect(r.rewards.registerKiosk(ethers.ZeroAddress, DISTRICT, 1n))
        .to.be.revertedWithCustomError(r.rewards, "RecyclingInvalidKiosk")
        .withArgs(ethers.ZeroAddress, 1n);
      await expect(r.rewards.registerKiosk(r.stranger.address, DISTRICT, 2n ** 64n))
        .to.be.revertedWithCustomError(r.rewards, "RecyclingInvalidKiosk")
        .withArgs(r.stranger.address, 2n ** 64n);
      await expect(r.rewards.setKioskCapacity(r.kiosk.address, 2n ** 64n))
        .to.be.revertedWithCustomError(r.rewards, "RecyclingInvalidKiosk")
        .withArgs(r.kiosk.address, 2n ** 64n);
    });

    it("changes a capacity (KioskCapacityChanged) and removes a kiosk (KioskRemoved)", async () => {
      const r = await loadFixture(flatSystem);
      await expect(r.rewards.setKioskCapacity(r.kiosk.address, 10n))
        .to.emit(r.rewards, "KioskCapacityChanged")
        .withArgs(r.kiosk.address, KIOSK_CAPACITY, 10n);
      await expect(r.rewards.removeKiosk(r.kiosk.address))
        .to.emit(r.rewards, "KioskRemoved")
        .withArgs(r.kiosk.address);
      expect((await r.rewards.kioskOf(r.kiosk.address)).registered).to.equal(false);
      for (const call of [
        r.rewards.setKioskCapacity(r.kiosk.address, 1n),
        r.rewards.removeKiosk(r.kiosk.address),
      ]) {
        await expect(call)
          .to.be.revertedWithCustomError(r.rewards, "RecyclingUnknownKiosk")
          .withArgs(r.kiosk.address);
      }
    });

    it("keeps the day's intake across a removal and a new registration", async () => {
      const r = await loadFixture(flatSystem);
      await r.rewards.connect(r.kiosk).depositBatch([entry(citizen(r, 0), M.PET, 3000n)]);
      await r.rewards.removeKiosk(r.kiosk.address);
      await r.rewards.registerKiosk(r.kiosk.address, DISTRICT, 4000n);
      await expect(
        r.rewards.connect(r.kiosk).depositBatch([entry(citizen(r, 1), M.PET, 1001n)]),
      ).to.emit(r.rewards, "DepositRejected");
    });
  });

  describe("scheme changes", () => {
    it("apply to later deposits only (SchemeChanged)", async () => {
      const r = await loadFixture(flatSystem);
      const c = citizen(r, 0);
      await r.rewards.connect(r.kiosk).depositBatch([entry(c, M.CLEAR_PET, 2500n)]);
      const material = await deployScheme("material");
      await expect(r.rewards.setScheme(material))
        .to.emit(r.rewards, "SchemeChanged")
        .withArgs(await r.scheme.getAddress(), await material.getAddress());
      expect(await r.credit.balanceOf(c.address)).to.equal((2500n * 300n) / 1000n);
      await r.rewards.connect(r.kiosk).depositBatch([entry(c, M.CLEAR_PET, 2500n)]);
      expect(await r.credit.balanceOf(c.address)).to.equal(
        (2500n * 300n) / 1000n + (2500n * 500n) / 1000n,
      );
      expect(await r.rewards.scheme()).to.equal(await material.getAddress());
    });

    it("show the tiered scheme the grams accepted under earlier schemes", async () => {
      const r = await loadFixture(flatSystem);
      const c = citizen(r, 0);
      await r.rewards.connect(r.kiosk).depositBatch([entry(c, M.PET, 1500n)]);
      await r.rewards.setScheme(await deployScheme("tiered"));
      await at(r.epochStart + DAY);
      // [1500, 2500): 500 g at 400 and 500 g at 250.
      const reward = (500n * 400n + 500n * 250n) / 1000n;
      await expect(r.rewards.connect(r.kiosk).depositBatch([entry(c, M.PET, 1000n)]))
        .to.emit(r.rewards, "DepositAccepted")
        .withArgs(r.kiosk.address, c.address, 0n, M.PET, 1000n, 1000n, 0n, reward, reward);
    });

    it("re-installing the same scheme works; zero and foreign schemes are refused", async () => {
      const r = await loadFixture(flatSystem);
      await expect(r.rewards.setScheme(r.scheme))
        .to.emit(r.rewards, "SchemeChanged")
        .and.not.to.emit(r.scheme, "SchemeBound");
      await expect(r.rewards.setScheme(ethers.ZeroAddress))
        .to.be.revertedWithCustomError(r.rewards, "RecyclingInvalidScheme")
        .withArgs(ethers.ZeroAddress);
      const other = await loadFixture(async function otherSystem() {
        return deployRecycling();
      });
      await expect(r.rewards.setScheme(other.scheme))
        .to.be.revertedWithCustomError(r.scheme, "SchemeAlreadyBound")
        .withArgs(await other.rewards.getAddress());
    });
  });

  describe("time", () => {
    it("numbers KST days and epochs per the spec", async () => {
      const r = await loadFixture(flatSystem);
      const t = await now();
      expect(await r.rewards.dayOf(t)).to.equal(kstDay(t));
      expect(await r.rewards.dayOf(r.epochStart)).to.equal((r.epochStart + 32_400n) / DAY);
      expect(await r.rewards.dayOf(r.epochStart - 1n)).to.equal(
        (r.epochStart + 32_400n) / DAY - 1n,
      );
      const e = 30n * DAY;
      expect(await r.rewards.epochOf(r.epochStart)).to.equal(0n);
      expect(await r.rewards.epochOf(r.epochStart + e - 1n)).to.equal(0n);
      expect(await r.rewards.epochOf(r.epochStart + 7n * e + 5n)).to.equal(7n);
      expect(await r.rewards.epochEnd(0n)).to.equal(r.epochStart + e);
      expect(await r.rewards.epochEnd(3n)).to.equal(r.epochStart + 4n * e);
      await expect(r.rewards.epochOf(r.epochStart - 1n))
        .to.be.revertedWithCustomError(r.rewards, "RecyclingBeforeEpochStart")
        .withArgs(r.epochStart - 1n, r.epochStart);
    });
  });
});
