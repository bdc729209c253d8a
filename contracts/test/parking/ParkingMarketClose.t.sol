// SPDX-License-Identifier: MIT
// City pilot simulator (test/parking/ParkingMarketClose.t.sol)
pragma solidity ^0.8.24;

import {IParkingMarket} from "../../interfaces/IParkingMarket.sol";
import {ParkingFixture} from "../utils/ParkingFixture.sol";
import {ParkingReference} from "../utils/ParkingReference.sol";

/**
 * @dev {ParkingMarket-checkOut}, {ParkingMarket-cancel} and {ParkingMarket-settle} at fuzzed
 * times under fuzzed market parameters, every payout checked against {ParkingReference}.
 */
contract ParkingMarketCloseTest is ParkingFixture {
    /// @dev One booking under test.
    struct Case {
        uint256 slotId;
        uint256 bookingId;
        uint256 start;
        uint256 end;
        uint256 price;
        uint256 credits;
    }

    /// @dev KRW balances of the parties of a booking.
    struct Balances {
        uint256 driver;
        uint256 owner;
        uint256 treasury;
        uint256 market;
    }

    /*//////////////////////////////////////////////////////////////
                               CHECK-OUT
    //////////////////////////////////////////////////////////////*/

    function testFuzz_checkOut_matchesReference(
        uint256 paramsSeed,
        uint256 bookingSeed,
        uint256 checkInSeed,
        uint256 checkOutSeed,
        bool byGate
    ) public {
        Case memory c = _fuzzedBooking(paramsSeed, bookingSeed);
        uint256 checkInAt = _bound(checkInSeed, c.start - UNIT, c.end - 1);
        vm.warp(checkInAt);
        vm.prank(byGate ? GATE : DRIVER);
        market.checkIn(c.bookingId);

        uint256 checkOutAt = _bound(checkOutSeed, checkInAt, c.end + 2 days);
        vm.warp(checkOutAt);
        ParkingReference.Payout memory expected = ParkingReference.checkOut(
            params,
            c.start,
            c.end,
            c.price,
            checkOutAt
        );
        Balances memory before = _balances();
        vm.prank(byGate ? DRIVER : GATE);
        market.checkOut(c.bookingId);

        _assertPaidOut(before, expected, IParkingMarket.Status.CheckedOut, c.bookingId);
    }

    function test_checkOut_penaltyBoundaries() public {
        // Defaults: grace 600 s, overstay 150% of the price per started unit, deposit 4 units.
        uint256[4] memory delays = [uint256(600), 601, UNIT + 1, 30 days];
        uint256[4] memory penalties = [uint256(0), 750, 1500, 4 * PRICE];
        for (uint256 i = 0; i < delays.length; ++i) {
            uint256 start = _alignUp(block.timestamp);
            (, uint256 bookingId) = _bookedFixture(start, 2);
            vm.prank(DRIVER);
            market.checkIn(bookingId);
            vm.warp(start + 2 * UNIT + delays[i]);
            uint256 ownerBefore = krw.balanceOf(OWNER);
            vm.prank(DRIVER);
            market.checkOut(bookingId);
            uint256 earned = 2 * PRICE + penalties[i];
            _assertEq(krw.balanceOf(DRIVER), 4 * PRICE - penalties[i], "refund");
            _assertEq(krw.balanceOf(OWNER) - ownerBefore, earned - earned / 10, "owner share");
            uint256 left = krw.balanceOf(DRIVER);
            vm.prank(DRIVER);
            krw.transfer(STRANGER, left);
        }
    }

    function testFuzz_checkOut_earlyKeepsUnitsReserved(uint256 unitsSeed, uint256 checkOutSeed) public {
        uint256 units = _bound(unitsSeed, 2, 96);
        uint256 start = _alignUp(NOW);
        uint256 end = start + units * UNIT;
        (uint256 slotId, uint256 bookingId) = _bookedFixture(start, units);
        vm.prank(DRIVER);
        market.checkIn(bookingId);
        uint256 checkOutAt = _bound(checkOutSeed, start, end - UNIT - 1);
        vm.warp(checkOutAt);
        vm.prank(DRIVER);
        market.checkOut(bookingId);

        uint256 rest = _alignUp(checkOutAt + 1);
        _fundDriver(OTHER_DRIVER, 200 * PRICE, 0);
        vm.expectRevert(
            abi.encodeWithSelector(IParkingMarket.ParkingSlotAlreadyBooked.selector, slotId, rest, end)
        );
        _book(OTHER_DRIVER, slotId, rest, end, 0);
        _book(OTHER_DRIVER, slotId, end, end + UNIT, 0);
    }

    /*//////////////////////////////////////////////////////////////
                                 CANCEL
    //////////////////////////////////////////////////////////////*/

    function testFuzz_cancel_matchesReference(
        uint256 paramsSeed,
        uint256 bookingSeed,
        uint256 cancelSeed
    ) public {
        Case memory c = _fuzzedBooking(paramsSeed, bookingSeed);
        vm.assume(c.start > NOW);
        uint256 cancelAt = _bound(cancelSeed, NOW, c.start - 1);
        vm.warp(cancelAt);
        ParkingReference.Payout memory expected = ParkingReference.cancel(
            params,
            c.start,
            c.end,
            c.price,
            cancelAt
        );
        Balances memory before = _balances();
        vm.prank(DRIVER);
        market.cancel(c.bookingId);

        // Refunds are in KRW, also for the part paid in credits.
        _assertPaidOut(before, expected, IParkingMarket.Status.Cancelled, c.bookingId);
        // The units are free again.
        _fundDriver(OTHER_DRIVER, ParkingReference.fee(c.start, c.end, c.price) + 300 * c.price, 0);
        _book(OTHER_DRIVER, c.slotId, c.start, c.end, 0);
    }

    function test_cancel_freeUpToTheLimit() public {
        (, uint256 bookingId) = _bookedFixture(NOW + 2 hours, 4);
        vm.warp(NOW + 1 hours); // exactly freeCancelSeconds before the start
        vm.prank(DRIVER);
        market.cancel(bookingId);
        _assertEq(krw.balanceOf(DRIVER), 8 * PRICE, "full refund");
        _assertEq(krw.balanceOf(OWNER), 0, "nothing kept");
    }

    function test_cancel_lateOneSecondAfterTheLimit() public {
        (, uint256 bookingId) = _bookedFixture(NOW + 2 hours, 4);
        vm.warp(NOW + 1 hours + 1);
        vm.prank(DRIVER);
        market.cancel(bookingId);
        // cancelFee = 4 * 500 / 2 = 1000: 100 to the treasury, 900 to the owner.
        _assertEq(krw.balanceOf(DRIVER), 8 * PRICE - 1000, "refund minus the cancel fee");
        _assertEq(krw.balanceOf(OWNER), 900, "owner share");
        _assertEq(krw.balanceOf(address(treasury)), 100, "platform cut");
    }

    function testFuzz_cancel_revertsFromStart(uint256 atSeed) public {
        uint256 start = NOW + 1 hours;
        (, uint256 bookingId) = _bookedFixture(start, 4);
        vm.warp(_bound(atSeed, start, start + 30 days));
        vm.expectRevert(
            abi.encodeWithSelector(IParkingMarket.ParkingCancelTooLate.selector, bookingId, start)
        );
        vm.prank(DRIVER);
        market.cancel(bookingId);
    }

    /*//////////////////////////////////////////////////////////////
                                 SETTLE
    //////////////////////////////////////////////////////////////*/

    function testFuzz_settle_matchesReference(
        uint256 paramsSeed,
        uint256 bookingSeed,
        uint256 settleSeed
    ) public {
        Case memory c = _fuzzedBooking(paramsSeed, bookingSeed);
        uint256 settleAt = _bound(
            settleSeed,
            c.end + params.graceSeconds,
            c.end + params.graceSeconds + 60 days
        );
        vm.warp(settleAt);
        // A later price change does not touch the booking.
        vm.prank(OWNER);
        market.setUnitPrice(c.slotId, c.price == 1 ? 2 : c.price - 1);
        ParkingReference.Payout memory expected = ParkingReference.settle(params, c.start, c.end, c.price);
        Balances memory before = _balances();
        vm.prank(STRANGER);
        market.settle(c.bookingId);

        _assertPaidOut(before, expected, IParkingMarket.Status.Settled, c.bookingId);
    }

    function testFuzz_settle_revertsBeforeGraceEnds(
        uint256 paramsSeed,
        uint256 bookingSeed,
        uint256 atSeed
    ) public {
        Case memory c = _fuzzedBooking(paramsSeed, bookingSeed);
        uint256 settleableAt = c.end + params.graceSeconds;
        vm.warp(_bound(atSeed, NOW, settleableAt - 1));
        vm.expectRevert(
            abi.encodeWithSelector(IParkingMarket.ParkingSettleTooEarly.selector, c.bookingId, settleableAt)
        );
        market.settle(c.bookingId);
    }

    /*//////////////////////////////////////////////////////////////
                                HELPERS
    //////////////////////////////////////////////////////////////*/

    /**
     * @dev Deploys a market with parameters from `paramsSeed` (the SPEC defaults one time in
     * four) and books an {OWNER} slot for {DRIVER} at a price, start, length and credit share
     * drawn from `bookingSeed`. The driver ends with no KRW left.
     */
    function _fuzzedBooking(uint256 paramsSeed, uint256 bookingSeed) internal returns (Case memory c) {
        IParkingMarket.MarketParams memory p = ParkingReference.defaults();
        if (paramsSeed % 4 != 0) {
            p.platformFeeBps = uint16(_bound(paramsSeed >> 8, 0, 10_000));
            p.depositUnits = uint8(paramsSeed >> 32);
            p.graceSeconds = uint32(_bound(paramsSeed >> 40, 0, 1 days));
            p.overstayBps = uint32(_bound(paramsSeed >> 72, 0, 100_000));
            p.freeCancelSeconds = uint32(_bound(paramsSeed >> 104, 0, 2 days));
            p.lateCancelBps = uint16(_bound(paramsSeed >> 136, 0, 10_000));
        }
        _deployMarket(p);

        c.price = _bound(bookingSeed, 1, bookingSeed % 3 == 0 ? type(uint96).max : 100_000);
        c.start = _alignUp(NOW) + _bound(bookingSeed >> 96, 0, 3 days / UNIT) * UNIT;
        c.end = c.start + _bound(bookingSeed >> 128, 1, 96) * UNIT;
        uint256 fee = ParkingReference.fee(c.start, c.end, c.price);
        c.credits = bookingSeed % 5 == 0 ? _bound(bookingSeed >> 160, 0, fee) : 0;
        c.slotId = _registerSlot(OWNER, c.price);
        _fundDriver(DRIVER, fee + ParkingReference.deposit(p, c.price) - c.credits, c.credits);
        _fundTreasury(c.credits);
        c.bookingId = _book(DRIVER, c.slotId, c.start, c.end, c.credits);
        _assertEq(krw.balanceOf(DRIVER), 0, "driver paid everything");
    }

    function _balances() internal view returns (Balances memory) {
        return
            Balances({
                driver: krw.balanceOf(DRIVER),
                owner: krw.balanceOf(OWNER),
                treasury: krw.balanceOf(address(treasury)),
                market: krw.balanceOf(address(market))
            });
    }

    /// @dev Each party got its part of `expected`, the escrow is empty and the booking closed.
    function _assertPaidOut(
        Balances memory before,
        ParkingReference.Payout memory expected,
        IParkingMarket.Status status,
        uint256 bookingId
    ) internal view {
        Balances memory afterwards = _balances();
        _assertEq(afterwards.driver - before.driver, expected.refund, "refund to the driver");
        _assertEq(afterwards.owner - before.owner, expected.ownerShare, "owner share");
        _assertEq(afterwards.treasury - before.treasury, expected.platformCut, "platform cut");
        _assertEq(
            before.market - afterwards.market,
            expected.refund + expected.ownerShare + expected.platformCut,
            "escrow paid out"
        );
        _assertEq(afterwards.market, 0, "escrow empty");
        _assertEq(uint256(market.getBooking(bookingId).status), uint256(status), "status");
    }
}
