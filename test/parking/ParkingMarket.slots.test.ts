/**
 * ParkingMarket slots: registration as ERC-721 tokens, price and availability, views,
 * transfers that move payouts, ERC-165, and the constructor's parameter checks.
 */
import { expect } from "chai";
import { network } from "hardhat";

import {
  ALL_WEEK,
  DISTRICT,
  HOUR,
  NO_UNITS,
  SLOT_PRICE,
  SPEC,
  UNIT,
  bookAt,
  bpsOf,
  deployCityPilot,
  nextBlockAt,
  parkingFixture,
  weekFromRanges,
  type WeekBitmap,
} from "./fixture.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

const UINT96_MAX = 2n ** 96n - 1n;

describe("ParkingMarket slots", () => {
  const setup = () => networkHelpers.loadFixture(parkingFixture);
  const songdo = ethers.encodeBytes32String("songdo");

  describe("registerSlot", () => {
    it("mints the next slot id to its owner with district, price and availability", async () => {
      const { market, admin, owner, newOwner } = await setup();
      const availability = weekFromRanges(["Mon-Fri 09:00-18:00", "Sat-Sun 00:00-24:00"]);
      const tx = market.connect(admin).registerSlot(newOwner, songdo, 450n, availability);
      await expect(tx)
        .to.emit(market, "SlotRegistered")
        .withArgs(2n, newOwner.address, songdo, 450n);
      await expect(tx).to.emit(market, "SlotAvailabilityChanged").withArgs(2n, availability);
      await expect(tx)
        .to.emit(market, "Transfer")
        .withArgs(ethers.ZeroAddress, newOwner.address, 2n);
      expect(await market.ownerOf(2n)).to.equal(newOwner.address);
      expect(await market.ownerOf(1n)).to.equal(owner.address);
      expect(await market.balanceOf(newOwner)).to.equal(1n);
      expect(await market.districtOf(2n)).to.equal(songdo);
      expect(await market.districtOf(1n)).to.equal(ethers.encodeBytes32String(DISTRICT));
      expect(await market.unitPriceOf(2n)).to.equal(450n);
      expect(await market.availabilityOf(2n)).to.deep.equal(availability);
    });

    it("mints with _safeMint: a contract that is no ERC-721 receiver is refused (ERC721InvalidReceiver)", async () => {
      const { market, krw } = await setup();
      await expect(market.registerSlot(krw, songdo, SLOT_PRICE, ALL_WEEK))
        .to.be.revertedWithCustomError(market, "ERC721InvalidReceiver")
        .withArgs(await krw.getAddress());
    });

    it("rejects a zero price or one above uint96 with ParkingInvalidUnitPrice", async () => {
      const { market, owner } = await setup();
      for (const price of [0n, UINT96_MAX + 1n]) {
        await expect(market.registerSlot(owner, songdo, price, ALL_WEEK))
          .to.be.revertedWithCustomError(market, "ParkingInvalidUnitPrice")
          .withArgs(price);
      }
      await expect(market.registerSlot(owner, songdo, UINT96_MAX, ALL_WEEK))
        .to.emit(market, "SlotRegistered")
        .withArgs(2n, owner.address, songdo, UINT96_MAX);
    });

    it("rejects availability bits past the 672 units of a week with ParkingInvalidAvailability", async () => {
      const { market, owner } = await setup();
      const unit672: WeekBitmap = [0n, 0n, 1n << 160n];
      await expect(
        market.registerSlot(owner, songdo, SLOT_PRICE, unit672),
      ).to.be.revertedWithCustomError(market, "ParkingInvalidAvailability");
    });

    it("starts unavailable without availability: every booking reverts with ParkingSlotUnavailable", async () => {
      const { market, owner, driver, monday } = await setup();
      await market.registerSlot(owner, songdo, SLOT_PRICE, NO_UNITS);
      await expect(market.connect(driver).book(2n, monday, monday + UNIT, 0n))
        .to.be.revertedWithCustomError(market, "ParkingSlotUnavailable")
        .withArgs(2n, monday, monday + UNIT);
    });
  });

  describe("setAvailability / setUnitPrice", () => {
    it("lets the owner replace the availability; later bookings follow it, live ones stay", async () => {
      const { krw, market, owner, driver, slotId, monday } = await setup();
      const start = monday + 10n * HOUR;
      const id = await bookAt(connection, market, driver, monday, slotId, start, start + HOUR);
      const evenings = weekFromRanges(["Mon-Sun 18:00-24:00"]);
      await expect(market.connect(owner).setAvailability(slotId, evenings))
        .to.emit(market, "SlotAvailabilityChanged")
        .withArgs(slotId, evenings);
      expect(await market.availabilityOf(slotId)).to.deep.equal(evenings);
      await expect(market.connect(driver).book(slotId, start + HOUR, start + 2n * HOUR, 0n))
        .to.be.revertedWithCustomError(market, "ParkingSlotUnavailable")
        .withArgs(slotId, start + HOUR, start + 2n * HOUR);
      await nextBlockAt(connection, start);
      await market.connect(driver).checkIn(id);
      const fee = 4n * SLOT_PRICE;
      const deposit = SPEC.depositUnits * SLOT_PRICE;
      const platformCut = bpsOf(fee, SPEC.platformFeeBps);
      await expect(market.connect(driver).checkOut(id)).to.changeTokenBalances(
        ethers,
        krw,
        [driver, owner, market],
        [deposit, fee - platformCut, -(fee + deposit)],
      );
    });

    it("is for the slot's owner only (ParkingNotSlotOwner) and a known slot (ParkingSlotNotFound)", async () => {
      const { market, admin, stranger, slotId } = await setup();
      for (const other of [admin, stranger]) {
        await expect(market.connect(other).setAvailability(slotId, NO_UNITS))
          .to.be.revertedWithCustomError(market, "ParkingNotSlotOwner")
          .withArgs(slotId, other.address);
        await expect(market.connect(other).setUnitPrice(slotId, 1n))
          .to.be.revertedWithCustomError(market, "ParkingNotSlotOwner")
          .withArgs(slotId, other.address);
      }
      await expect(market.connect(stranger).setAvailability(9n, NO_UNITS))
        .to.be.revertedWithCustomError(market, "ParkingSlotNotFound")
        .withArgs(9n);
      await expect(market.connect(stranger).setUnitPrice(9n, 1n))
        .to.be.revertedWithCustomError(market, "ParkingSlotNotFound")
        .withArgs(9n);
    });

    it("checks the new price and availability like registration", async () => {
      const { market, owner, slotId } = await setup();
      await expect(market.connect(owner).setUnitPrice(slotId, 0n))
        .to.be.revertedWithCustomError(market, "ParkingInvalidUnitPrice")
        .withArgs(0n);
      await expect(market.connect(owner).setUnitPrice(slotId, UINT96_MAX + 1n))
        .to.be.revertedWithCustomError(market, "ParkingInvalidUnitPrice")
        .withArgs(UINT96_MAX + 1n);
      await expect(
        market.connect(owner).setAvailability(slotId, [0n, 0n, 2n ** 255n]),
      ).to.be.revertedWithCustomError(market, "ParkingInvalidAvailability");
    });
  });

  describe("views", () => {
    it("reverts for an unknown slot with ERC721NonexistentToken", async () => {
      const { market } = await setup();
      await expect(market.availabilityOf(9n))
        .to.be.revertedWithCustomError(market, "ERC721NonexistentToken")
        .withArgs(9n);
      await expect(market.unitPriceOf(9n))
        .to.be.revertedWithCustomError(market, "ERC721NonexistentToken")
        .withArgs(9n);
      await expect(market.districtOf(9n))
        .to.be.revertedWithCustomError(market, "ERC721NonexistentToken")
        .withArgs(9n);
    });

    it("reports the spec's default market parameters", async () => {
      const { market } = await setup();
      const params = await market.params();
      expect(params.platformFeeBps).to.equal(SPEC.platformFeeBps);
      expect(params.depositUnits).to.equal(SPEC.depositUnits);
      expect(params.graceSeconds).to.equal(SPEC.graceSeconds);
      expect(params.overstayBps).to.equal(SPEC.overstayBps);
      expect(params.freeCancelSeconds).to.equal(SPEC.freeCancelSeconds);
      expect(params.lateCancelBps).to.equal(SPEC.lateCancelBps);
    });

    it("supports the ERC-165 ids of ERC-721, ERC-721 metadata and AccessControl", async () => {
      const { market } = await setup();
      expect(await market.supportsInterface("0x01ffc9a7")).to.equal(true); // ERC-165
      expect(await market.supportsInterface("0x80ac58cd")).to.equal(true); // ERC-721
      expect(await market.supportsInterface("0x5b5e139f")).to.equal(true); // ERC-721 metadata
      expect(await market.supportsInterface("0x7965db0b")).to.equal(true); // IAccessControl
      expect(await market.supportsInterface("0xffffffff")).to.equal(false);
      expect(await market.name()).to.equal("City Parking Slot");
      expect(await market.symbol()).to.equal("SLOT");
    });
  });

  describe("transfers", () => {
    it("moves future payouts and the owner's rights to the new owner", async () => {
      const { krw, market, owner, newOwner, driver, treasury, slotId, monday } = await setup();
      const start = monday + 10n * HOUR;
      const end = start + 2n * HOUR;
      const id = await bookAt(connection, market, driver, monday, slotId, start, end);
      await expect(market.connect(owner).transferFrom(owner, newOwner, slotId))
        .to.emit(market, "Transfer")
        .withArgs(owner.address, newOwner.address, slotId);
      expect(await market.ownerOf(slotId)).to.equal(newOwner.address);

      await nextBlockAt(connection, start);
      await market.connect(driver).checkIn(id);
      await nextBlockAt(connection, end);
      const fee = ((end - start) / UNIT) * SLOT_PRICE;
      const deposit = SPEC.depositUnits * SLOT_PRICE;
      const platformCut = bpsOf(fee, SPEC.platformFeeBps);
      await expect(market.connect(driver).checkOut(id)).to.changeTokenBalances(
        ethers,
        krw,
        [driver, owner, newOwner, treasury, market],
        [deposit, 0n, fee - platformCut, platformCut, -(fee + deposit)],
      );
      await expect(market.connect(owner).setUnitPrice(slotId, 1n))
        .to.be.revertedWithCustomError(market, "ParkingNotSlotOwner")
        .withArgs(slotId, owner.address);
      await expect(market.connect(newOwner).setUnitPrice(slotId, 1n))
        .to.emit(market, "SlotPriceChanged")
        .withArgs(slotId, SLOT_PRICE, 1n);
    });
  });

  describe("constructor", () => {
    it("rejects zero addresses and basis points above 10000 with ParkingInvalidParams", async () => {
      const { krw, credit, treasury, admin } = await deployCityPilot(connection);
      const factory = await ethers.getContractFactory("ParkingMarket");
      const good = { ...SPEC };
      const zero = ethers.ZeroAddress;
      const a = admin.address;
      const k = await krw.getAddress();
      const c = await credit.getAddress();
      const t = await treasury.getAddress();
      const zeroed: [string, string, string, string][] = [
        [zero, k, c, t],
        [a, zero, c, t],
        [a, k, zero, t],
        [a, k, c, zero],
      ];
      for (const addresses of zeroed) {
        await expect(factory.deploy(...addresses, good)).to.be.revertedWithCustomError(
          factory,
          "ParkingInvalidParams",
        );
      }
      const base = [admin, krw, credit, treasury] as const;
      await expect(
        factory.deploy(...base, { ...good, platformFeeBps: 10_001n }),
      ).to.be.revertedWithCustomError(factory, "ParkingInvalidParams");
      await expect(
        factory.deploy(...base, { ...good, lateCancelBps: 10_001n }),
      ).to.be.revertedWithCustomError(factory, "ParkingInvalidParams");
      const full = await factory.deploy(...base, {
        ...good,
        platformFeeBps: 10_000n,
        lateCancelBps: 10_000n,
      });
      expect((await full.params()).platformFeeBps).to.equal(10_000n);
    });
  });
});
