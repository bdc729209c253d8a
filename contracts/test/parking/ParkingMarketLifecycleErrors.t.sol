// SPDX-License-Identifier: MIT
// City pilot simulator (test/parking/ParkingMarketLifecycleErrors.t.sol)
pragma solidity ^0.8.24;

import {IParkingMarket} from "../../interfaces/IParkingMarket.sol";
import {ParkingFixture} from "../utils/ParkingFixture.sol";

/**
 * @dev The custom errors of {IParkingMarket} on a booking's way: check-in, check-out,
 * cancellation and settlement, each asserted with its arguments, and the pause rules.
 */
contract ParkingMarketLifecycleErrorsTest is ParkingFixture {
    uint256 private _slotId;
    uint256 private _start;

    function setUp() public override {
        super.setUp();
        _slotId = _registerSlot(OWNER, PRICE);
        _fundDriver(DRIVER, 1_000 * PRICE, 0);
        _start = NOW + 2 hours;
    }

    /*//////////////////////////////////////////////////////////////
                           CHECK-IN, CHECK-OUT
    //////////////////////////////////////////////////////////////*/

    function test_checkIn_revertsParkingBookingNotFound() public {
        vm.expectRevert(abi.encodeWithSelector(IParkingMarket.ParkingBookingNotFound.selector, 42));
        vm.prank(DRIVER);
        market.checkIn(42);
    }

    function test_checkIn_revertsParkingUnauthorized() public {
        uint256 id = _book(DRIVER, _slotId, _start, _start + UNIT, 0);
        vm.warp(_start);
        vm.expectRevert(abi.encodeWithSelector(IParkingMarket.ParkingUnauthorized.selector, id, STRANGER));
        vm.prank(STRANGER);
        market.checkIn(id);
    }

    function test_checkIn_revertsParkingCheckInClosed() public {
        uint256 end = _start + 2 * UNIT;
        uint256 id = _book(DRIVER, _slotId, _start, end, 0);
        uint256 opensAt = _start - UNIT;
        vm.warp(opensAt - 1);
        vm.expectRevert(
            abi.encodeWithSelector(
                IParkingMarket.ParkingCheckInClosed.selector,
                id,
                opensAt,
                end,
                opensAt - 1
            )
        );
        vm.prank(DRIVER);
        market.checkIn(id);
        vm.warp(end);
        vm.expectRevert(
            abi.encodeWithSelector(IParkingMarket.ParkingCheckInClosed.selector, id, opensAt, end, end)
        );
        vm.prank(GATE);
        market.checkIn(id);
    }

    function test_checkIn_revertsParkingInvalidStatus() public {
        uint256 id = _book(DRIVER, _slotId, _start, _start + UNIT, 0);
        vm.prank(DRIVER);
        market.cancel(id);
        vm.expectRevert(
            abi.encodeWithSelector(
                IParkingMarket.ParkingInvalidStatus.selector,
                id,
                IParkingMarket.Status.Cancelled
            )
        );
        vm.prank(DRIVER);
        market.checkIn(id);
    }

    /// @dev A driver who arrives during a pause still checks in: a pause makes no no-shows.
    function test_checkIn_staysOpenWhenPaused() public {
        uint256 id = _book(DRIVER, _slotId, _start, _start + UNIT, 0);
        market.pause();
        vm.warp(_start);
        vm.prank(DRIVER);
        market.checkIn(id);
        _assertEq(
            uint256(market.getBooking(id).status),
            uint256(IParkingMarket.Status.CheckedIn),
            "checked in"
        );
    }

    function test_checkOut_revertsParkingInvalidStatus() public {
        uint256 id = _book(DRIVER, _slotId, _start, _start + UNIT, 0);
        vm.expectRevert(
            abi.encodeWithSelector(
                IParkingMarket.ParkingInvalidStatus.selector,
                id,
                IParkingMarket.Status.Booked
            )
        );
        vm.prank(GATE);
        market.checkOut(id);

        vm.warp(_start);
        vm.prank(DRIVER);
        market.checkIn(id);
        vm.prank(DRIVER);
        market.checkOut(id);
        vm.expectRevert(
            abi.encodeWithSelector(
                IParkingMarket.ParkingInvalidStatus.selector,
                id,
                IParkingMarket.Status.CheckedOut
            )
        );
        vm.prank(DRIVER);
        market.checkOut(id);
    }

    function test_checkOut_revertsParkingUnauthorized() public {
        uint256 id = _book(DRIVER, _slotId, _start, _start + UNIT, 0);
        vm.warp(_start);
        vm.prank(DRIVER);
        market.checkIn(id);
        vm.expectRevert(abi.encodeWithSelector(IParkingMarket.ParkingUnauthorized.selector, id, OWNER));
        vm.prank(OWNER);
        market.checkOut(id);
    }

    /*//////////////////////////////////////////////////////////////
                            CANCEL, SETTLE
    //////////////////////////////////////////////////////////////*/

    function test_cancel_revertsParkingUnauthorized() public {
        uint256 id = _book(DRIVER, _slotId, _start, _start + UNIT, 0);
        // The gate may check drivers in and out, but only the driver cancels.
        vm.expectRevert(abi.encodeWithSelector(IParkingMarket.ParkingUnauthorized.selector, id, GATE));
        vm.prank(GATE);
        market.cancel(id);
    }

    function test_cancel_revertsParkingInvalidStatusAfterCheckIn() public {
        uint256 id = _book(DRIVER, _slotId, _start, _start + UNIT, 0);
        vm.warp(_start - UNIT);
        vm.prank(DRIVER);
        market.checkIn(id);
        vm.expectRevert(
            abi.encodeWithSelector(
                IParkingMarket.ParkingInvalidStatus.selector,
                id,
                IParkingMarket.Status.CheckedIn
            )
        );
        vm.prank(DRIVER);
        market.cancel(id);
    }

    function test_cancel_revertsParkingCancelTooLate() public {
        uint256 id = _book(DRIVER, _slotId, _start, _start + UNIT, 0);
        vm.warp(_start);
        vm.expectRevert(abi.encodeWithSelector(IParkingMarket.ParkingCancelTooLate.selector, id, _start));
        vm.prank(DRIVER);
        market.cancel(id);
    }

    function test_settle_revertsParkingBookingNotFound() public {
        vm.expectRevert(abi.encodeWithSelector(IParkingMarket.ParkingBookingNotFound.selector, 7));
        market.settle(7);
    }

    function test_settle_revertsParkingSettleTooEarly() public {
        uint256 end = _start + UNIT;
        uint256 id = _book(DRIVER, _slotId, _start, end, 0);
        vm.warp(end + 599);
        vm.expectRevert(abi.encodeWithSelector(IParkingMarket.ParkingSettleTooEarly.selector, id, end + 600));
        market.settle(id);
    }

    function test_settle_revertsParkingInvalidStatusAfterCheckIn() public {
        uint256 id = _book(DRIVER, _slotId, _start, _start + UNIT, 0);
        vm.warp(_start);
        vm.prank(DRIVER);
        market.checkIn(id);
        vm.warp(_start + 1 days);
        vm.expectRevert(
            abi.encodeWithSelector(
                IParkingMarket.ParkingInvalidStatus.selector,
                id,
                IParkingMarket.Status.CheckedIn
            )
        );
        market.settle(id);
    }

    /// @dev A pause never locks a deposit: check-out, cancel and settle stay open.
    function test_pause_leavesClosingOpen() public {
        uint256 a = _book(DRIVER, _slotId, _start, _start + UNIT, 0);
        uint256 b = _book(DRIVER, _slotId, _start + UNIT, _start + 2 * UNIT, 0);
        uint256 c = _book(DRIVER, _slotId, _start + 2 * UNIT, _start + 3 * UNIT, 0);
        vm.warp(_start);
        vm.prank(DRIVER);
        market.checkIn(a);
        market.pause();
        vm.startPrank(DRIVER);
        market.checkOut(a);
        market.cancel(c);
        vm.stopPrank();
        vm.warp(_start + 1 days);
        market.settle(b);
        _assertEq(krw.balanceOf(address(market)), 0, "escrow empty");
    }
}
