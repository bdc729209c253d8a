// SPDX-License-Identifier: MIT
// City pilot simulator (test/parking/ParkingMarketBook.t.sol)
pragma solidity ^0.8.24;

import {IParkingMarket} from "../../interfaces/IParkingMarket.sol";
import {UnitBitmap} from "../../parking/libraries/UnitBitmap.sol";
import {ParkingFixture} from "../utils/ParkingFixture.sol";
import {ParkingReference} from "../utils/ParkingReference.sol";

/**
 * @dev {ParkingMarket-book} with fuzzed times, lengths, prices, credits and availability,
 * checked against {ParkingReference} and naive interval and calendar computations.
 */
contract ParkingMarketBookTest is ParkingFixture {
    /// @dev A booking request and what it should cost.
    struct Request {
        uint256 start;
        uint256 end;
        uint256 price;
        uint256 credits;
        uint256 fee;
        uint256 deposit;
    }

    function testFuzz_book_chargesFeeAndDepositIntoEscrow(
        uint256 nowSeed,
        uint256 leadSeed,
        uint256 unitsSeed,
        uint256 priceSeed,
        uint256 creditsSeed,
        uint8 depositUnits
    ) public {
        IParkingMarket.MarketParams memory p = ParkingReference.defaults();
        p.depositUnits = depositUnits;
        _deployMarket(p);
        vm.warp(NOW + _bound(nowSeed, 0, UNIT - 1));

        Request memory r;
        r.start = _alignUp(block.timestamp) + _bound(leadSeed, 0, 4 weeks / UNIT) * UNIT;
        r.end = r.start + _bound(unitsSeed, 1, 96) * UNIT;
        r.price = _bound(priceSeed, 1, type(uint96).max);
        r.fee = ParkingReference.fee(r.start, r.end, r.price);
        r.deposit = ParkingReference.deposit(p, r.price);
        r.credits = _bound(creditsSeed, 0, r.fee);

        uint256 slotId = _registerSlot(OWNER, r.price);
        _fundDriver(DRIVER, r.fee + r.deposit, r.credits);
        _fundTreasury(r.credits + 1);
        uint256 bookingId = _book(DRIVER, slotId, r.start, r.end, r.credits);

        _assertEq(krw.balanceOf(DRIVER), r.credits, "driver pays fee + deposit - credits in KRW");
        _assertEq(credit.balanceOf(DRIVER), 0, "driver pays credits");
        _assertEq(krw.balanceOf(address(market)), r.fee + r.deposit, "escrow holds fee + deposit");
        _assertEq(krw.balanceOf(address(treasury)), 1, "treasury redeemed the credits into escrow");
        _assertEq(credit.totalSupply(), 0, "redeemed credits are burned");
        _assertEq(treasury.totalRedeemed(), r.credits, "treasury counts the redemption");

        IParkingMarket.Booking memory b = market.getBooking(bookingId);
        _assertEq(b.driver, DRIVER, "driver");
        _assertEq(b.start, r.start, "start");
        _assertEq(b.end, r.end, "end");
        _assertEq(uint256(b.status), uint256(IParkingMarket.Status.Booked), "status");
        _assertEq(b.slotId, slotId, "slot");
        _assertEq(b.unitPrice, r.price, "unit price");
    }

    function testFuzz_book_creditsAboveFeeRevert(uint256 unitsSeed, uint256 excessSeed) public {
        uint256 start = NOW + 1 hours;
        uint256 units = _bound(unitsSeed, 1, 96);
        uint256 fee = units * PRICE;
        uint256 credits = fee + _bound(excessSeed, 1, type(uint128).max);
        uint256 slotId = _registerSlot(OWNER, PRICE);
        _fundDriver(DRIVER, fee + 4 * PRICE, credits);
        _fundTreasury(credits);

        vm.expectRevert(
            abi.encodeWithSelector(IParkingMarket.ParkingCreditsExceedFee.selector, credits, fee)
        );
        _book(DRIVER, slotId, start, start + units * UNIT, credits);
    }

    /// @dev A second booking of the slot succeeds exactly when `[s1, e1)` and `[s2, e2)` are disjoint.
    function testFuzz_book_overlapMatchesIntervals(uint256 s1, uint256 u1, uint256 s2, uint256 u2) public {
        uint256 base = _alignUp(NOW);
        s1 = base + _bound(s1, 0, 200) * UNIT;
        s2 = base + _bound(s2, 0, 200) * UNIT;
        uint256 e1 = s1 + _bound(u1, 1, 96) * UNIT;
        uint256 e2 = s2 + _bound(u2, 1, 96) * UNIT;
        uint256 slotId = _registerSlot(OWNER, PRICE);
        uint256 otherSlot = _registerSlot(OWNER, PRICE);
        _fundDriver(DRIVER, 100 * PRICE, 0);
        _fundDriver(OTHER_DRIVER, 200 * PRICE, 0);
        _book(DRIVER, slotId, s1, e1, 0);

        bool overlaps = s1 < e2 && s2 < e1;
        if (overlaps) {
            vm.expectRevert(
                abi.encodeWithSelector(IParkingMarket.ParkingSlotAlreadyBooked.selector, slotId, s2, e2)
            );
        }
        _book(OTHER_DRIVER, slotId, s2, e2, 0);
        // Another slot is never affected.
        _book(OTHER_DRIVER, otherSlot, s1, e1, 0);
    }

    /**
     * @dev A booking succeeds exactly when each of its units is available on the KST calendar,
     * computed here unit by unit from the weekday and the quarter hour. The week has up to
     * three fuzzed holes, so both outcomes are common.
     */
    function testFuzz_book_requiresWeeklyAvailability(
        uint256 holes,
        uint256 leadSeed,
        uint256 unitsSeed
    ) public {
        uint256[3] memory week = _fullWeek();
        for (uint256 i = 0; i < holes % 4; ++i) {
            uint256 hole = (holes >> (16 * (i + 1))) % 672;
            week[hole / 256] &= ~(uint256(1) << (hole % 256));
        }
        uint256 start = _alignUp(NOW) + _bound(leadSeed, 0, 2 weeks / UNIT) * UNIT;
        uint256 end = start + _bound(unitsSeed, 1, 96) * UNIT;
        uint256 slotId = market.registerSlot(OWNER, DISTRICT, PRICE, week);
        _fundDriver(DRIVER, 100 * PRICE, 0);

        bool available = true;
        for (uint256 t = start; t < end; t += UNIT) {
            uint256 kst = t + 9 hours;
            uint256 weekday = (kst / 1 days + 3) % 7; // 1970-01-01 was a Thursday
            uint256 unit = weekday * 96 + (kst % 1 days) / UNIT;
            if ((week[unit / 256] >> (unit % 256)) & 1 == 0) available = false;
        }
        if (!available) {
            vm.expectRevert(
                abi.encodeWithSelector(IParkingMarket.ParkingSlotUnavailable.selector, slotId, start, end)
            );
        }
        _book(DRIVER, slotId, start, end, 0);
    }

    function test_book_mondayMorningOnlySlot() public {
        uint256[3] memory week;
        week[0] = UnitBitmap.mask(36, 8); // Monday 09:00-11:00 KST
        uint256 slotId = market.registerSlot(OWNER, DISTRICT, PRICE, week);
        _fundDriver(DRIVER, 100 * PRICE, 0);
        uint256 nineAm = MONDAY + 9 hours;

        vm.expectRevert(
            abi.encodeWithSelector(
                IParkingMarket.ParkingSlotUnavailable.selector,
                slotId,
                nineAm - UNIT,
                nineAm + UNIT
            )
        );
        _book(DRIVER, slotId, nineAm - UNIT, nineAm + UNIT, 0);
        _book(DRIVER, slotId, nineAm, nineAm + 2 hours, 0);
        // The same hours a week later.
        _book(DRIVER, slotId, nineAm + 1 weeks, nineAm + 1 weeks + 2 hours, 0);
    }

    function testFuzz_book_priceChangeAppliesToLaterBookings(uint256 newPriceSeed) public {
        uint256 newPrice = _bound(newPriceSeed, 1, type(uint96).max);
        uint256 slotId = _registerSlot(OWNER, PRICE);
        _fundDriver(DRIVER, 8 * PRICE, 0);
        uint256 first = _book(DRIVER, slotId, NOW, NOW + 4 * UNIT, 0);

        vm.prank(OWNER);
        market.setUnitPrice(slotId, newPrice);
        _assertEq(market.unitPriceOf(slotId), newPrice, "current price");
        _fundDriver(OTHER_DRIVER, 8 * newPrice, 0);
        uint256 second = _book(OTHER_DRIVER, slotId, NOW + 4 * UNIT, NOW + 8 * UNIT, 0);

        _assertEq(market.getBooking(first).unitPrice, PRICE, "earlier booking keeps its price");
        _assertEq(market.getBooking(second).unitPrice, newPrice, "later booking takes the new price");
        _assertEq(krw.balanceOf(address(market)), 8 * PRICE + 8 * newPrice, "escrow at each booking's price");
    }

    function test_book_startNowIsAllowed() public {
        (, uint256 bookingId) = _bookedFixture(NOW, 1);
        _assertEq(market.getBooking(bookingId).start, NOW, "start == now");
    }
}
