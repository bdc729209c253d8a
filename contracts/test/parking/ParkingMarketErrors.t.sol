// SPDX-License-Identifier: MIT
// City pilot simulator (test/parking/ParkingMarketErrors.t.sol)
pragma solidity ^0.8.24;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {IParkingMarket} from "../../interfaces/IParkingMarket.sol";
import {ParkingMarket} from "../../parking/ParkingMarket.sol";
import {ParkingFixture} from "../utils/ParkingFixture.sol";
import {ParkingReference} from "../utils/ParkingReference.sol";

/**
 * @dev The custom errors of {IParkingMarket} at deployment, on slots and on booking, each
 * asserted with its arguments, plus the access-control and pause guards. The errors of a
 * booking's later steps are in `ParkingMarketLifecycleErrors.t.sol`.
 */
contract ParkingMarketErrorsTest is ParkingFixture {
    uint256 private _slotId;
    uint256 private _start;

    function setUp() public override {
        super.setUp();
        _slotId = _registerSlot(OWNER, PRICE);
        _fundDriver(DRIVER, 1_000 * PRICE, 0);
        _start = NOW + 2 hours;
    }

    /*//////////////////////////////////////////////////////////////
                             DEPLOYMENT, SLOTS
    //////////////////////////////////////////////////////////////*/

    function test_constructor_revertsParkingInvalidParams() public {
        IParkingMarket.MarketParams memory p = ParkingReference.defaults();
        vm.expectRevert(IParkingMarket.ParkingInvalidParams.selector);
        new ParkingMarket(address(0), krw, credit, treasury, p);

        p.platformFeeBps = 10_001;
        vm.expectRevert(IParkingMarket.ParkingInvalidParams.selector);
        new ParkingMarket(address(this), krw, credit, treasury, p);

        p = ParkingReference.defaults();
        p.lateCancelBps = 10_001;
        vm.expectRevert(IParkingMarket.ParkingInvalidParams.selector);
        new ParkingMarket(address(this), krw, credit, treasury, p);
    }

    function test_registerSlot_revertsParkingInvalidUnitPrice() public {
        vm.expectRevert(abi.encodeWithSelector(IParkingMarket.ParkingInvalidUnitPrice.selector, 0));
        market.registerSlot(OWNER, DISTRICT, 0, _fullWeek());
        uint256 tooBig = uint256(type(uint96).max) + 1;
        vm.expectRevert(abi.encodeWithSelector(IParkingMarket.ParkingInvalidUnitPrice.selector, tooBig));
        market.registerSlot(OWNER, DISTRICT, tooBig, _fullWeek());
    }

    function test_registerSlot_revertsParkingInvalidAvailability() public {
        uint256[3] memory week = _fullWeek();
        week[2] |= uint256(1) << 160; // unit 672: past Sunday 24:00
        vm.expectRevert(IParkingMarket.ParkingInvalidAvailability.selector);
        market.registerSlot(OWNER, DISTRICT, PRICE, week);
    }

    function test_registerSlot_revertsWithoutRegistrarRole() public {
        bytes32 role = market.REGISTRAR_ROLE();
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, STRANGER, role)
        );
        vm.prank(STRANGER);
        market.registerSlot(OWNER, DISTRICT, PRICE, _fullWeek());
    }

    function test_setUnitPrice_revertsParkingSlotNotFound() public {
        vm.expectRevert(abi.encodeWithSelector(IParkingMarket.ParkingSlotNotFound.selector, 99));
        vm.prank(OWNER);
        market.setUnitPrice(99, PRICE);
    }

    function test_setUnitPrice_revertsParkingNotSlotOwner() public {
        vm.expectRevert(
            abi.encodeWithSelector(IParkingMarket.ParkingNotSlotOwner.selector, _slotId, STRANGER)
        );
        vm.prank(STRANGER);
        market.setUnitPrice(_slotId, PRICE);
        vm.expectRevert(
            abi.encodeWithSelector(IParkingMarket.ParkingNotSlotOwner.selector, _slotId, STRANGER)
        );
        vm.prank(STRANGER);
        market.setAvailability(_slotId, _fullWeek());
    }

    /*//////////////////////////////////////////////////////////////
                                  BOOK
    //////////////////////////////////////////////////////////////*/

    function test_book_revertsParkingSlotNotFound() public {
        vm.expectRevert(abi.encodeWithSelector(IParkingMarket.ParkingSlotNotFound.selector, 99));
        _book(DRIVER, 99, _start, _start + UNIT, 0);
    }

    function test_book_revertsParkingUnalignedTime() public {
        vm.expectRevert(
            abi.encodeWithSelector(IParkingMarket.ParkingUnalignedTime.selector, _start + 1, _start + UNIT)
        );
        _book(DRIVER, _slotId, _start + 1, _start + UNIT, 0);
    }

    function test_book_revertsParkingInvalidRange() public {
        vm.expectRevert(abi.encodeWithSelector(IParkingMarket.ParkingInvalidRange.selector, _start, _start));
        _book(DRIVER, _slotId, _start, _start, 0);
        uint256 far = ((uint256(type(uint40).max) / UNIT) + 1) * UNIT;
        vm.expectRevert(abi.encodeWithSelector(IParkingMarket.ParkingInvalidRange.selector, far - UNIT, far));
        _book(DRIVER, _slotId, far - UNIT, far, 0);
    }

    function test_book_revertsParkingInvalidUnits() public {
        vm.expectRevert(abi.encodeWithSelector(IParkingMarket.ParkingInvalidUnits.selector, 97));
        _book(DRIVER, _slotId, _start, _start + 97 * UNIT, 0);
    }

    function test_book_revertsParkingStartInPast() public {
        uint256 past = NOW - UNIT;
        vm.expectRevert(abi.encodeWithSelector(IParkingMarket.ParkingStartInPast.selector, past, NOW));
        _book(DRIVER, _slotId, past, NOW + UNIT, 0);
    }

    function test_book_revertsParkingSlotUnavailable() public {
        uint256[3] memory week = _fullWeek();
        week[0] &= ~uint256(1 << 40); // Monday 10:00-10:15 KST
        vm.prank(OWNER);
        market.setAvailability(_slotId, week);
        uint256 tenAm = MONDAY + 10 hours;
        vm.expectRevert(
            abi.encodeWithSelector(
                IParkingMarket.ParkingSlotUnavailable.selector,
                _slotId,
                _start,
                tenAm + UNIT
            )
        );
        _book(DRIVER, _slotId, _start, tenAm + UNIT, 0);
    }

    function test_book_revertsParkingSlotAlreadyBooked() public {
        _book(DRIVER, _slotId, _start, _start + 4 * UNIT, 0);
        vm.expectRevert(
            abi.encodeWithSelector(
                IParkingMarket.ParkingSlotAlreadyBooked.selector,
                _slotId,
                _start + 3 * UNIT,
                _start + 5 * UNIT
            )
        );
        _book(DRIVER, _slotId, _start + 3 * UNIT, _start + 5 * UNIT, 0);
    }

    function test_book_revertsParkingCreditsExceedFee() public {
        credit.mint(DRIVER, 3 * PRICE);
        vm.expectRevert(
            abi.encodeWithSelector(IParkingMarket.ParkingCreditsExceedFee.selector, 2 * PRICE + 1, 2 * PRICE)
        );
        _book(DRIVER, _slotId, _start, _start + 2 * UNIT, 2 * PRICE + 1);
    }

    function test_book_revertsEnforcedPause() public {
        market.pause();
        vm.expectRevert(Pausable.EnforcedPause.selector);
        _book(DRIVER, _slotId, _start, _start + UNIT, 0);
    }
}
