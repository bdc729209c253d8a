// SPDX-License-Identifier: MIT
// City pilot simulator (test/parking/ParkingMarketInvariant.t.sol)
pragma solidity ^0.8.24;

import {IParkingMarket} from "../../interfaces/IParkingMarket.sol";
import {ParkingFixture} from "../utils/ParkingFixture.sol";
import {ParkingMarket} from "../../parking/ParkingMarket.sol";
import {ParkingMarketHandler} from "./ParkingMarketHandler.sol";

/**
 * @dev The handler the fuzzer calls, declared in the test file so that its artifact exists
 * whenever this file runs (see the note on {ParkingMarketHandler}).
 */
contract ParkingMarketInvariantHandler is ParkingMarketHandler {
    constructor(
        ParkingMarket market_,
        address gate_,
        address[] memory drivers,
        uint256[] memory slots
    ) ParkingMarketHandler(market_, gate_, drivers, slots) {}
}

/**
 * @dev Invariants of the market under random sequences of {ParkingMarketHandler} actions over
 * three slots (two owners) and four drivers: live bookings of a slot never overlap, the
 * escrow holds exactly fee + deposit of the live bookings, KRW is conserved, credits supply is
 * minted minus redeemed, and every action agreed with the reference model.
 */
contract ParkingMarketInvariantTest is ParkingFixture {
    uint256 private constant DRIVER_KRW = 100_000_000;
    uint256 private constant DRIVER_CREDITS = 50_000;
    uint256 private constant TREASURY_KRW = 1_000_000_000;
    address private constant SECOND_OWNER = address(0x0B0B);

    ParkingMarketInvariantHandler private _handler;
    address[] private _drivers;
    address[] private _owners;

    function setUp() public override {
        super.setUp();
        _drivers = [DRIVER, OTHER_DRIVER, address(0xD3), address(0xD4)];
        _owners = [OWNER, SECOND_OWNER];
        uint256[] memory slots = new uint256[](3);
        slots[0] = _registerSlot(OWNER, PRICE);
        slots[1] = _registerSlot(OWNER, 800);
        slots[2] = _registerSlot(SECOND_OWNER, 1_200);
        for (uint256 i = 0; i < _drivers.length; ++i) {
            _fundDriver(_drivers[i], DRIVER_KRW, DRIVER_CREDITS);
        }
        _fundTreasury(TREASURY_KRW);
        _handler = new ParkingMarketInvariantHandler(market, GATE, _drivers, slots);
    }

    /// @dev The fuzzer calls the handler's actions only.
    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(_handler);
    }

    /*//////////////////////////////////////////////////////////////
                               INVARIANTS
    //////////////////////////////////////////////////////////////*/

    /// @dev (a) No two live bookings (Booked or CheckedIn) of a slot overlap.
    function invariant_liveBookingsOfASlotDoNotOverlap() public view {
        _checkNoOverlap(true);
    }

    /// @dev Stronger: no two bookings holding their units (all but cancelled ones) overlap.
    function invariant_reservedUnitsAreNeverDoubleBooked() public view {
        _checkNoOverlap(false);
    }

    /// @dev (b) The market's KRW balance is the sum of fee + deposit of its live bookings.
    function invariant_escrowEqualsLiveFeesAndDeposits() public view {
        uint256 live;
        uint256 depositUnits = market.params().depositUnits;
        for (uint256 i = 0; i < _handler.bookingCount(); ++i) {
            IParkingMarket.Booking memory b = market.getBooking(_handler.bookingIds(i));
            if (_isLive(b.status)) live += ((b.end - b.start) / UNIT + depositUnits) * b.unitPrice;
        }
        _assertEq(krw.balanceOf(address(market)), live, "escrow == live fee + deposit");
        _assertEq(live, _handler.ghostEscrow(), "escrow == model escrow");
    }

    /// @dev (c) Drivers + owners + treasury + escrow hold exactly the KRW ever minted.
    function invariant_krwIsConserved() public view {
        uint256 held = krw.balanceOf(address(treasury)) + krw.balanceOf(address(market));
        for (uint256 i = 0; i < _drivers.length; ++i) held += krw.balanceOf(_drivers[i]);
        for (uint256 i = 0; i < _owners.length; ++i) held += krw.balanceOf(_owners[i]);
        uint256 minted = _drivers.length * DRIVER_KRW + TREASURY_KRW;
        _assertEq(held, minted, "KRW held == minted");
        _assertEq(krw.totalSupply(), minted, "KRW supply == minted");
    }

    /// @dev Credits paid into bookings are burned by the treasury, which pays KRW for them.
    function invariant_creditSupplyIsMintedMinusRedeemed() public view {
        uint256 minted = _drivers.length * DRIVER_CREDITS;
        _assertEq(credit.totalSupply(), minted - treasury.totalRedeemed(), "credit supply");
        _assertEq(treasury.totalRedeemed(), _handler.ghostCreditsRedeemed(), "redeemed == model");
    }

    /// @dev The treasury holds its budget minus redemptions plus platform cuts; owners hold their shares.
    function invariant_treasuryAndOwnersMatchModel() public view {
        _assertEq(
            krw.balanceOf(address(treasury)),
            TREASURY_KRW - _handler.ghostCreditsRedeemed() + _handler.ghostPlatformCuts(),
            "treasury == budget - redeemed + platform cuts"
        );
        uint256 owners;
        for (uint256 i = 0; i < _owners.length; ++i) owners += krw.balanceOf(_owners[i]);
        _assertEq(owners, _handler.ghostOwnerShares(), "owners == model owner shares");
    }

    /// @dev Every action the market accepted or refused, the reference model did too, with the same payouts.
    function invariant_marketAgreesWithReferenceModel() public view {
        _assertEq(_handler.mismatches(), 0, _handler.lastMismatch());
        for (uint256 i = 0; i < _handler.bookingCount(); ++i) {
            uint256 id = _handler.bookingIds(i);
            _assertEq(uint256(market.getBooking(id).status), uint256(_handler.ghostStatus(id)), "status");
        }
    }

    /*//////////////////////////////////////////////////////////////
                        THE HANDLER IS EXERCISED
    //////////////////////////////////////////////////////////////*/

    /// @dev A fixed sequence drives every action to success at least once and keeps every invariant.
    function test_handler_exercisesEveryAction() public {
        _handler.book(0, 0, 8, 4, 0); // booking 1: driver 0, slot 1, in 2 hours, 4 units
        _handler.book(1, 0, 8, 2, 0); // overlaps booking 1: refused
        _handler.book(1, 2, 0, 16, (uint256(1_000) << 1) | 1); // booking 2: paid partly in credits
        _handler.book(2, 1, 90, 3, 0); // booking 3: tomorrow
        _handler.checkIn(0, false, true); // booking 1: jump to its check-in window
        _handler.checkOut(0, 3 hours, true); // booking 1: by the gate, late
        _handler.cancel(2); // booking 3: free cancellation
        _handler.setPrice(0, 2_000);
        _handler.book(3, 0, 4, 1, 0); // booking 4 at the new price
        _handler.warp(2 hours);
        _handler.cancel(3); // booking 4: already started, refused
        _handler.settle(1, true); // booking 2: no-show
        _handler.settle(3, true); // booking 4: no-show

        bytes4[7] memory actions = [
            _handler.book.selector,
            _handler.checkIn.selector,
            _handler.checkOut.selector,
            _handler.cancel.selector,
            _handler.settle.selector,
            _handler.setPrice.selector,
            _handler.warp.selector
        ];
        for (uint256 i = 0; i < actions.length; ++i) {
            _assertTrue(_handler.successes(actions[i]) > 0, "every action succeeded at least once");
        }
        _assertEq(_handler.successes(_handler.book.selector), 4, "bookings made");
        _assertEq(_handler.calls(_handler.cancel.selector), 2, "cancel calls");
        _assertEq(_handler.successes(_handler.cancel.selector), 1, "the late cancel was refused");
        _assertTrue(_handler.successes(_handler.checkOut.selector) == 1, "checked out");

        invariant_liveBookingsOfASlotDoNotOverlap();
        invariant_reservedUnitsAreNeverDoubleBooked();
        invariant_escrowEqualsLiveFeesAndDeposits();
        invariant_krwIsConserved();
        invariant_creditSupplyIsMintedMinusRedeemed();
        invariant_treasuryAndOwnersMatchModel();
        invariant_marketAgreesWithReferenceModel();
        _assertEq(krw.balanceOf(address(market)), 0, "everything closed");
    }

    /*//////////////////////////////////////////////////////////////
                                HELPERS
    //////////////////////////////////////////////////////////////*/

    function _checkNoOverlap(bool liveOnly) private view {
        uint256 n = _handler.bookingCount();
        for (uint256 i = 0; i < n; ++i) {
            IParkingMarket.Booking memory a = market.getBooking(_handler.bookingIds(i));
            if (!_counts(a.status, liveOnly)) continue;
            for (uint256 j = i + 1; j < n; ++j) {
                IParkingMarket.Booking memory b = market.getBooking(_handler.bookingIds(j));
                if (b.slotId != a.slotId || !_counts(b.status, liveOnly)) continue;
                _assertTrue(a.end <= b.start || b.end <= a.start, "bookings of a slot overlap");
            }
        }
    }

    function _counts(IParkingMarket.Status status, bool liveOnly) private pure returns (bool) {
        return liveOnly ? _isLive(status) : status != IParkingMarket.Status.Cancelled;
    }

    function _isLive(IParkingMarket.Status status) private pure returns (bool) {
        return status == IParkingMarket.Status.Booked || status == IParkingMarket.Status.CheckedIn;
    }
}
