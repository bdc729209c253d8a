/**
 * ParkingMarket slot minting with _safeMint: a contract owner's receiver callback runs, and
 * it cannot re-enter the market (SPEC.md section 2, security).
 */
import { expect } from "chai";
import { network } from "hardhat";

import { ALL_WEEK, HOUR, NO_UNITS, SLOT_PRICE, UNIT, bookAt, parkingFixture } from "./fixture.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

describe("ParkingMarket slot receiver callback", () => {
  const district = ethers.encodeBytes32String("songdo");

  async function withReceiver() {
    const f = await networkHelpers.loadFixture(parkingFixture);
    const receiver = await ethers.deployContract("SlotReceiverMock");
    return { ...f, receiver };
  }

  it("mints to a contract owner through onERC721Received", async () => {
    const { market, admin, receiver } = await withReceiver();
    await expect(market.registerSlot(receiver, district, SLOT_PRICE, ALL_WEEK))
      .to.emit(receiver, "SlotReceived")
      .withArgs(admin.address, ethers.ZeroAddress, 2n);
    expect(await market.ownerOf(2n)).to.equal(await receiver.getAddress());
  });

  it("refuses every re-entry from the callback with ReentrancyGuardReentrantCall", async () => {
    const { market, driver, receiver, slotId, monday } = await withReceiver();
    const start = monday + 10n * HOUR;
    const id = await bookAt(connection, market, driver, monday, slotId, start, start + HOUR);
    // The receiver may register slots, so only the guard stands in the way.
    await market.grantRole(await market.REGISTRAR_ROLE(), receiver);
    const newSlot = 2n;
    const encode = market.interface;
    const reentries: [string, string][] = [
      ["setUnitPrice", encode.encodeFunctionData("setUnitPrice", [newSlot, SLOT_PRICE + 1n])],
      ["setAvailability", encode.encodeFunctionData("setAvailability", [newSlot, NO_UNITS])],
      [
        "registerSlot",
        encode.encodeFunctionData("registerSlot", [
          await receiver.getAddress(),
          district,
          SLOT_PRICE,
          ALL_WEEK,
        ]),
      ],
      ["book", encode.encodeFunctionData("book", [slotId, start + HOUR, start + HOUR + UNIT, 0n])],
      ["checkIn", encode.encodeFunctionData("checkIn", [id])],
      ["checkOut", encode.encodeFunctionData("checkOut", [id])],
      ["cancel", encode.encodeFunctionData("cancel", [id])],
      ["settle", encode.encodeFunctionData("settle", [id])],
    ];
    for (const [name, data] of reentries) {
      await receiver.arm(data);
      await expect(
        market.registerSlot(receiver, district, SLOT_PRICE, ALL_WEEK),
        `re-entry through ${name}`,
      ).to.be.revertedWithCustomError(market, "ReentrancyGuardReentrantCall");
    }
    await receiver.arm("0x");
    await expect(market.registerSlot(receiver, district, SLOT_PRICE, ALL_WEEK))
      .to.emit(market, "SlotRegistered")
      .withArgs(newSlot, await receiver.getAddress(), district, SLOT_PRICE);
  });
});
