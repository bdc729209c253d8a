// SPDX-License-Identifier: MIT
// City pilot simulator (test/parking/ParkingMarketHandler.sol)
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IParkingMarket} from "../../interfaces/IParkingMarket.sol";
import {ParkingMarket} from "../../parking/ParkingMarket.sol";
import {ParkingReference} from "../utils/ParkingReference.sol";
import {TestBase} from "../utils/TestBase.sol";

/**
 * @dev The actor of the market's invariant tests: the fuzzer calls its actions with random
 * seeds, which it bounds into plausible book, check-in, check-out, cancel, settle, price and
 * clock moves over a few slots and drivers. Each action predicts from a ghost model whether
 * the market must accept it and what every party must be paid (see {ParkingReference}); any
 * disagreement is counted in {mismatches}, which an invariant keeps at zero. Calls and
 * successes are counted per action, so a test can show the invariants are not vacuous.
 *
 * NOTE: abstract on purpose; each invariant test file declares its concrete handler, because
 * the fuzzer needs the target's artifact and Hardhat writes artifacts only for the root files
 * of a build (a handler declared only here is not found when a single test file runs).
 */
abstract contract ParkingMarketHandler is TestBase {
    uint256 private constant UNIT = 900;

    /// @dev What the model knows of a booking.
    struct Ghost {
        address driver;
        uint256 slotId;
        uint256 start;
        uint256 end;
        uint256 unitPrice;
        IParkingMarket.Status status;
    }

    ParkingMarket public immutable market;
    IERC20 public immutable krw;
    IERC20 public immutable credit;
    address public immutable treasury;
    address public immutable gate;

    address[] private _drivers;
    uint256[] private _slots;
    IParkingMarket.MarketParams private _params;

    /// @dev The clock of the run: every action starts by warping to it.
    uint256 public currentTime;
    /// @dev Every booking made, in order.
    uint256[] public bookingIds;
    mapping(uint256 bookingId => Ghost) private _ghosts;
    /// @dev Fee + deposit of the bookings the model holds live.
    uint256 public ghostEscrow;
    /// @dev Sums the model expects: platform cuts, owner shares, credits redeemed into escrow.
    uint256 public ghostPlatformCuts;
    uint256 public ghostOwnerShares;
    uint256 public ghostCreditsRedeemed;
    /// @dev Actions where the market and the model disagreed; the last one's reason.
    uint256 public mismatches;
    string public lastMismatch;
    /// @dev Calls and successful calls per action, keyed by the action's selector.
    mapping(bytes4 action => uint256) public calls;
    mapping(bytes4 action => uint256) public successes;

    /// @dev Keeps the action's target booking, so actions stay within the stack.
    Ghost private _g;

    constructor(ParkingMarket market_, address gate_, address[] memory drivers, uint256[] memory slots) {
        market = market_;
        krw = market_.krw();
        credit = market_.credit();
        treasury = address(market_.treasury());
        gate = gate_;
        _drivers = drivers;
        _slots = slots;
        _params = market_.params();
        currentTime = block.timestamp;
    }

    /*//////////////////////////////////////////////////////////////
                                ACTIONS
    //////////////////////////////////////////////////////////////*/

    /// @dev A driver books a slot up to a day ahead for 1 to 16 units, paying up to the fee in credits.
    function book(
        uint256 driverSeed,
        uint256 slotSeed,
        uint256 leadSeed,
        uint256 unitsSeed,
        uint256 creditsSeed
    ) external {
        _begin(this.book.selector);
        Ghost memory g;
        g.driver = _drivers[driverSeed % _drivers.length];
        g.slotId = _slots[slotSeed % _slots.length];
        g.start = _alignUp(currentTime) + _bound(leadSeed, 0, 96) * UNIT;
        g.end = g.start + _bound(unitsSeed, 1, 16) * UNIT;
        g.unitPrice = market.unitPriceOf(g.slotId);
        g.status = IParkingMarket.Status.Booked;
        uint256 fee = ParkingReference.fee(g.start, g.end, g.unitPrice);
        uint256 deposit = ParkingReference.deposit(_params, g.unitPrice);
        uint256 credits =
            creditsSeed % 2 == 0 ? 0 : _bound(creditsSeed >> 1, 0, _min(fee, credit.balanceOf(g.driver)));
        bool expectOk =
            !_overlapsReserved(g.slotId, g.start, g.end) &&
                krw.balanceOf(g.driver) >= fee + deposit - credits &&
                krw.balanceOf(treasury) >= credits;

        uint256[4] memory before = _snapshot(g.driver, address(0));
        uint256 creditsBefore = credit.balanceOf(g.driver);
        vm.prank(g.driver);
        try market.book(g.slotId, g.start, g.end, credits) returns (uint256 bookingId) {
            _expect(expectOk, "book accepted against the model");
            _ghosts[bookingId] = g;
            bookingIds.push(bookingId);
            ghostEscrow += fee + deposit;
            ghostCreditsRedeemed += credits;
            uint256[4] memory afterwards = _snapshot(g.driver, address(0));
            _expect(afterwards[0] + fee + deposit - credits == before[0], "book: driver KRW");
            _expect(credit.balanceOf(g.driver) + credits == creditsBefore, "book: driver credits");
            _expect(afterwards[2] + credits == before[2], "book: treasury redemption");
            _expect(afterwards[3] == before[3] + fee + deposit, "book: escrow");
            successes[this.book.selector]++;
        } catch {
            _expect(!expectOk, "book refused against the model");
        }
    }

    /// @dev The driver or the gate checks in; `jump` first moves the clock to the window's opening.
    function checkIn(uint256 bookingSeed, bool byGate, bool jump) external {
        _begin(this.checkIn.selector);
        if (bookingIds.length == 0) return;
        uint256 bookingId = bookingIds[bookingSeed % bookingIds.length];
        Ghost storage g = _ghosts[bookingId];
        if (jump && currentTime < g.start - UNIT)
            _moveClock(g.start - UNIT + ((bookingSeed >> 128) % (2 * UNIT)));
        bool expectOk =
            g.status == IParkingMarket.Status.Booked && currentTime >= g.start - UNIT && currentTime < g.end;
        vm.prank(byGate ? gate : g.driver);
        try market.checkIn(bookingId) {
            _expect(expectOk, "checkIn accepted against the model");
            g.status = IParkingMarket.Status.CheckedIn;
            successes[this.checkIn.selector]++;
        } catch {
            _expect(!expectOk, "checkIn refused against the model");
        }
    }

    /// @dev After up to `delaySeed` (at most 3 hours) more, the driver or the gate checks out.
    function checkOut(uint256 bookingSeed, uint256 delaySeed, bool byGate) external {
        _begin(this.checkOut.selector);
        if (bookingIds.length == 0) return;
        uint256 bookingId = bookingIds[bookingSeed % bookingIds.length];
        _moveClock(currentTime + _bound(delaySeed, 0, 3 hours));
        _g = _ghosts[bookingId];
        bool expectOk = _g.status == IParkingMarket.Status.CheckedIn;
        ParkingReference.Payout memory expected = ParkingReference.checkOut(
            _params,
            _g.start,
            _g.end,
            _g.unitPrice,
            currentTime
        );
        uint256[4] memory before = _snapshot(_g.driver, market.ownerOf(_g.slotId));
        vm.prank(byGate ? gate : _g.driver);
        try market.checkOut(bookingId) {
            _expect(expectOk, "checkOut accepted against the model");
            _closed(bookingId, IParkingMarket.Status.CheckedOut, before, expected);
            successes[this.checkOut.selector]++;
        } catch {
            _expect(!expectOk, "checkOut refused against the model");
        }
    }

    /// @dev The driver cancels.
    function cancel(uint256 bookingSeed) external {
        _begin(this.cancel.selector);
        if (bookingIds.length == 0) return;
        uint256 bookingId = bookingIds[bookingSeed % bookingIds.length];
        _g = _ghosts[bookingId];
        bool expectOk = _g.status == IParkingMarket.Status.Booked && currentTime < _g.start;
        ParkingReference.Payout memory expected;
        if (expectOk)
            expected = ParkingReference.cancel(_params, _g.start, _g.end, _g.unitPrice, currentTime);
        uint256[4] memory before = _snapshot(_g.driver, market.ownerOf(_g.slotId));
        vm.prank(_g.driver);
        try market.cancel(bookingId) {
            _expect(expectOk, "cancel accepted against the model");
            _closed(bookingId, IParkingMarket.Status.Cancelled, before, expected);
            successes[this.cancel.selector]++;
        } catch {
            _expect(!expectOk, "cancel refused against the model");
        }
    }

    /// @dev A keeper settles a no-show; `jump` first moves the clock to the end of the grace period.
    function settle(uint256 bookingSeed, bool jump) external {
        _begin(this.settle.selector);
        if (bookingIds.length == 0) return;
        uint256 bookingId = bookingIds[bookingSeed % bookingIds.length];
        _g = _ghosts[bookingId];
        uint256 settleableAt = _g.end + _params.graceSeconds;
        if (jump && currentTime < settleableAt) _moveClock(settleableAt);
        bool expectOk = _g.status == IParkingMarket.Status.Booked && currentTime >= settleableAt;
        ParkingReference.Payout memory expected = ParkingReference.settle(
            _params,
            _g.start,
            _g.end,
            _g.unitPrice
        );
        uint256[4] memory before = _snapshot(_g.driver, market.ownerOf(_g.slotId));
        try market.settle(bookingId) {
            _expect(expectOk, "settle accepted against the model");
            _closed(bookingId, IParkingMarket.Status.Settled, before, expected);
            successes[this.settle.selector]++;
        } catch {
            _expect(!expectOk, "settle refused against the model");
        }
    }

    /// @dev A slot's owner changes its price (later bookings only).
    function setPrice(uint256 slotSeed, uint256 priceSeed) external {
        _begin(this.setPrice.selector);
        uint256 slotId = _slots[slotSeed % _slots.length];
        vm.prank(market.ownerOf(slotId));
        market.setUnitPrice(slotId, _bound(priceSeed, 100, 10_000));
        successes[this.setPrice.selector]++;
    }

    /// @dev Time passes, up to 6 hours.
    function warp(uint256 secondsSeed) external {
        _begin(this.warp.selector);
        _moveClock(currentTime + _bound(secondsSeed, 0, 6 hours));
        successes[this.warp.selector]++;
    }

    /*//////////////////////////////////////////////////////////////
                                 VIEWS
    //////////////////////////////////////////////////////////////*/

    /// @dev How many bookings were made.
    function bookingCount() external view returns (uint256) {
        return bookingIds.length;
    }

    /// @dev The model's status of `bookingId`.
    function ghostStatus(uint256 bookingId) external view returns (IParkingMarket.Status) {
        return _ghosts[bookingId].status;
    }

    /*//////////////////////////////////////////////////////////////
                                INTERNAL
    //////////////////////////////////////////////////////////////*/

    function _begin(bytes4 action) private {
        calls[action]++;
        vm.warp(currentTime);
    }

    function _moveClock(uint256 time) private {
        currentTime = time;
        vm.warp(time);
    }

    /**
     * @dev A closing action succeeded: check the payout of `_g`'s booking and update the model.
     * Comparisons add instead of subtracting: a panic here would revert the action, and the
     * fuzzer discards reverted actions instead of reporting them.
     */
    function _closed(
        uint256 bookingId,
        IParkingMarket.Status status,
        uint256[4] memory before,
        ParkingReference.Payout memory expected
    ) private {
        uint256[4] memory afterwards = _snapshot(_g.driver, market.ownerOf(_g.slotId));
        _expect(afterwards[0] == before[0] + expected.refund, "refund");
        _expect(afterwards[1] == before[1] + expected.ownerShare, "owner share");
        _expect(afterwards[2] == before[2] + expected.platformCut, "platform cut");
        uint256 escrow =
            ParkingReference.fee(_g.start, _g.end, _g.unitPrice) +
                ParkingReference.deposit(_params, _g.unitPrice);
        _expect(afterwards[3] + escrow == before[3], "escrow released");
        _ghosts[bookingId].status = status;
        ghostEscrow -= escrow;
        ghostPlatformCuts += expected.platformCut;
        ghostOwnerShares += expected.ownerShare;
    }

    /// @dev KRW of the driver, the owner, the treasury and the market.
    function _snapshot(address driver, address owner) private view returns (uint256[4] memory b) {
        b[0] = krw.balanceOf(driver);
        b[1] = owner == address(0) ? 0 : krw.balanceOf(owner);
        b[2] = krw.balanceOf(treasury);
        b[3] = krw.balanceOf(address(market));
    }

    /// @dev Whether `[start, end)` meets a booking of `slotId` that still holds its units (not cancelled).
    function _overlapsReserved(uint256 slotId, uint256 start, uint256 end) private view returns (bool) {
        for (uint256 i = 0; i < bookingIds.length; ++i) {
            Ghost storage g = _ghosts[bookingIds[i]];
            if (g.slotId != slotId || g.status == IParkingMarket.Status.Cancelled) continue;
            if (g.start < end && start < g.end) return true;
        }
        return false;
    }

    function _expect(bool condition, string memory what) private {
        if (!condition) {
            mismatches++;
            lastMismatch = what;
        }
    }

    function _alignUp(uint256 time) private pure returns (uint256) {
        return ((time + UNIT - 1) / UNIT) * UNIT;
    }

    function _min(uint256 a, uint256 b) private pure returns (uint256) {
        return a < b ? a : b;
    }
}
