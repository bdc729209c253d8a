// SPDX-License-Identifier: MIT
// City pilot simulator (test/parking/ParkingMarketReentrancy.t.sol)
pragma solidity ^0.8.24;

import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IParkingMarket} from "../../interfaces/IParkingMarket.sol";
import {CallbackToken} from "../mocks/CallbackToken.sol";
import {ReentrantParkingActor} from "../mocks/ReentrantParkingActor.sol";
import {IMintableERC20} from "../utils/IMintableERC20.sol";
import {ParkingFixture} from "../utils/ParkingFixture.sol";
import {ParkingReference} from "../utils/ParkingReference.sol";

/**
 * @dev The market and treasury with {CallbackToken} as KRW: drivers, slot owners and
 * merchants that are contracts re-enter from inside each payment (and from `_safeMint`),
 * and never get paid twice, close a booking twice or change anything mid-call.
 */
contract ParkingMarketReentrancyTest is ParkingFixture {
    uint256 private constant DRIVER_KRW = 100 * PRICE;

    ReentrantParkingActor private _driver;
    uint256 private _slotId;
    uint256 private _start;
    uint256 private _end;
    address[] private _holders;

    function setUp() public override {
        vm.warp(NOW);
        _deploySystem(IMintableERC20(address(new CallbackToken())), ParkingReference.defaults());
        _holders = [OWNER, address(treasury), address(market)];
        _driver = _newActor();
        krw.mint(address(_driver), DRIVER_KRW);
        _slotId = _registerSlot(OWNER, PRICE);
        _start = NOW + 2 hours;
        _end = _start + 4 * UNIT;
    }

    /*//////////////////////////////////////////////////////////////
                            DRIVER RE-ENTERS
    //////////////////////////////////////////////////////////////*/

    function test_book_reentrantBookIsBlocked() public {
        _driver.arm(ReentrantParkingActor.Attack.Book, _slotId, true);
        uint256 id = _driver.book(_slotId, _start, _end, 0);

        _assertBlocked(_driver);
        _assertEq(krw.balanceOf(address(market)), 8 * PRICE, "escrow of one booking");
        _assertEq(uint256(market.getBooking(id + 1).status), 0, "no second booking");
        _assertKrwConserved();
    }

    function test_cancel_reentrantCancelRefundsOnce() public {
        uint256 id = _driver.book(_slotId, _start, _end, 0);
        vm.warp(_start - 10 minutes); // late: half the fee is kept
        ParkingReference.Payout memory expected = ParkingReference.cancel(
            params,
            _start,
            _end,
            PRICE,
            block.timestamp
        );
        _driver.arm(ReentrantParkingActor.Attack.Cancel, id, true);
        _driver.cancel(id);

        _assertBlocked(_driver);
        _assertPaid(address(_driver), DRIVER_KRW - 8 * PRICE + expected.refund, expected);
        _assertStatus(id, IParkingMarket.Status.Cancelled);
        vm.expectRevert(
            abi.encodeWithSelector(
                IParkingMarket.ParkingInvalidStatus.selector,
                id,
                IParkingMarket.Status.Cancelled
            )
        );
        _driver.cancel(id);
    }

    /// @dev Whatever the driver tries from inside its refund (book, check in, check out again, cancel, settle) fails.
    function testFuzz_checkOut_anyReentryIsBlocked(uint8 attackSeed) public {
        ReentrantParkingActor.Attack attack = ReentrantParkingActor.Attack(_bound(attackSeed, 1, 5));
        uint256 id = _driver.book(_slotId, _start, _end, 0);
        vm.warp(_start);
        _driver.checkIn(id);
        vm.warp(_end + 20 minutes); // two started units over: penalty 1500 of the 2000 deposit
        ParkingReference.Payout memory expected = ParkingReference.checkOut(
            params,
            _start,
            _end,
            PRICE,
            block.timestamp
        );
        _driver.arm(attack, attack == ReentrantParkingActor.Attack.Book ? _slotId : id, true);
        _driver.checkOut(id);

        _assertBlocked(_driver);
        _assertPaid(address(_driver), DRIVER_KRW - 8 * PRICE + expected.refund, expected);
        _assertStatus(id, IParkingMarket.Status.CheckedOut);
        _assertEq(uint256(market.getBooking(id + 1).status), 0, "no booking made inside the refund");
    }

    function test_settle_reentrantSettleRefundsOnce() public {
        uint256 id = _driver.book(_slotId, _start, _end, 0);
        vm.warp(_end + params.graceSeconds);
        ParkingReference.Payout memory expected = ParkingReference.settle(params, _start, _end, PRICE);
        _driver.arm(ReentrantParkingActor.Attack.Settle, id, true);
        vm.prank(STRANGER);
        market.settle(id);

        _assertBlocked(_driver);
        _assertPaid(address(_driver), DRIVER_KRW - 8 * PRICE + expected.refund, expected);
        _assertStatus(id, IParkingMarket.Status.Settled);
    }

    /// @dev Unswallowed, the guard's error surfaces and the whole cancellation is undone.
    function test_cancel_reentrancyRevertSurfaces() public {
        uint256 id = _driver.book(_slotId, _start, _end, 0);
        _driver.arm(ReentrantParkingActor.Attack.Cancel, id, false);
        vm.expectRevert(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector);
        _driver.cancel(id);

        _assertStatus(id, IParkingMarket.Status.Booked);
        _assertEq(krw.balanceOf(address(market)), 8 * PRICE, "escrow untouched");
        _driver.arm(ReentrantParkingActor.Attack.None, 0, false);
        _driver.cancel(id);
        _assertEq(krw.balanceOf(address(_driver)), DRIVER_KRW, "free cancellation, refunded once");
        _assertKrwConserved();
    }

    /*//////////////////////////////////////////////////////////////
                          SLOT OWNER RE-ENTERS
    //////////////////////////////////////////////////////////////*/

    function test_settle_ownerReentryFromItsShareIsBlocked() public {
        ReentrantParkingActor owner = _newActor();
        uint256 slotId = _registerSlot(address(owner), PRICE);
        uint256 id = _driver.book(slotId, _start, _end, 0);
        vm.warp(_end + 1 days);
        ParkingReference.Payout memory expected = ParkingReference.settle(params, _start, _end, PRICE);
        owner.arm(ReentrantParkingActor.Attack.Settle, id, true);
        market.settle(id);

        _assertBlocked(owner);
        _assertEq(krw.balanceOf(address(owner)), expected.ownerShare, "owner paid once");
        _assertEq(krw.balanceOf(address(_driver)), DRIVER_KRW - 8 * PRICE + expected.refund, "driver refund");
        _assertKrwConserved();
    }

    /**
     * @dev From `onERC721Received` during {ParkingMarket-registerSlot}, the new owner can do
     * nothing: not book, touch a booking, change its slot's price or availability, nor
     * (holding the registrar role) register another slot.
     */
    function testFuzz_registerSlot_receiverCannotReenter(uint8 attackSeed) public {
        ReentrantParkingActor.Attack attack = ReentrantParkingActor.Attack(_bound(attackSeed, 1, 8));
        uint256 id = _driver.book(_slotId, _start, _end, 0);
        vm.warp(_start);
        ReentrantParkingActor owner = _newActor();
        krw.mint(address(owner), DRIVER_KRW);
        market.grantRole(market.REGISTRAR_ROLE(), address(owner));
        bool onBooking =
            attack >= ReentrantParkingActor.Attack.CheckIn && attack <= ReentrantParkingActor.Attack.Settle;
        owner.arm(attack, onBooking ? id : 0, true);
        uint256 slotId = _registerSlot(address(owner), PRICE);

        _assertBlocked(owner);
        _assertEq(market.ownerOf(slotId), address(owner), "slot minted");
        _assertEq(market.unitPriceOf(slotId), PRICE, "price as registered");
        _assertTrue(
            keccak256(abi.encode(market.availabilityOf(slotId))) == keccak256(abi.encode(_fullWeek())),
            "week"
        );
        _assertStatus(id, IParkingMarket.Status.Booked);
        _assertEq(_registerSlot(OWNER, PRICE), slotId + 1, "no slot registered inside the callback");
        _assertEq(krw.balanceOf(address(market)), 8 * PRICE, "escrow untouched");
    }

    function test_registerSlot_reentryRevertSurfaces() public {
        ReentrantParkingActor owner = _newActor();
        owner.arm(ReentrantParkingActor.Attack.SetUnitPrice, 0, false);
        vm.expectRevert(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector);
        _registerSlot(address(owner), PRICE);
    }

    /*//////////////////////////////////////////////////////////////
                           MERCHANT RE-ENTERS
    //////////////////////////////////////////////////////////////*/

    function test_redeem_reentrantRedeemPaysOnce() public {
        ReentrantParkingActor merchant = _newActor();
        treasury.setMerchant(address(merchant), true);
        credit.mint(address(merchant), 100);
        _fundTreasury(1_000);
        merchant.arm(ReentrantParkingActor.Attack.Redeem, 60, true);
        merchant.redeem(40);

        _assertBlocked(merchant);
        _assertEq(krw.balanceOf(address(merchant)), 40, "paid once");
        _assertEq(credit.balanceOf(address(merchant)), 60, "burned once");
        _assertEq(treasury.totalRedeemed(), 40, "redeemed once");
    }

    function test_fund_reentrantRedeemIsBlocked() public {
        ReentrantParkingActor merchant = _newActor();
        treasury.setMerchant(address(merchant), true);
        credit.mint(address(merchant), 100);
        krw.mint(address(merchant), 500);
        _fundTreasury(100);
        merchant.arm(ReentrantParkingActor.Attack.Redeem, 100, true);
        merchant.fund(500);

        _assertBlocked(merchant);
        _assertEq(krw.balanceOf(address(treasury)), 600, "funded");
        _assertEq(treasury.totalRedeemed(), 0, "nothing redeemed mid-funding");
    }

    /*//////////////////////////////////////////////////////////////
                                HELPERS
    //////////////////////////////////////////////////////////////*/

    function _newActor() private returns (ReentrantParkingActor actor) {
        actor = new ReentrantParkingActor(market, treasury, krw, credit);
        _holders.push(address(actor));
    }

    /// @dev `actor` tried one reentrant call, and it failed on a reentrancy guard.
    function _assertBlocked(ReentrantParkingActor actor) private view {
        _assertEq(actor.attempts(), 1, "one reentrant attempt");
        _assertEq(actor.successes(), 0, "no reentrant call went through");
        _assertEq(
            actor.lastRevert(),
            abi.encodeWithSelector(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector),
            "reverted with ReentrancyGuardReentrantCall"
        );
    }

    /// @dev The driver holds `driverKrw`, {OWNER} and the treasury got their parts, the escrow is empty.
    function _assertPaid(
        address driver,
        uint256 driverKrw,
        ParkingReference.Payout memory expected
    ) private view {
        _assertEq(krw.balanceOf(driver), driverKrw, "driver paid once");
        _assertEq(krw.balanceOf(OWNER), expected.ownerShare, "owner share");
        _assertEq(krw.balanceOf(address(treasury)), expected.platformCut, "platform cut");
        _assertEq(krw.balanceOf(address(market)), 0, "escrow empty");
        _assertKrwConserved();
    }

    function _assertStatus(uint256 bookingId, IParkingMarket.Status status) private view {
        _assertEq(uint256(market.getBooking(bookingId).status), uint256(status), "status");
    }

    /// @dev Every KRW minted is with a known holder: actors, {OWNER}, the treasury, the escrow.
    function _assertKrwConserved() private view {
        uint256 held;
        for (uint256 i = 0; i < _holders.length; ++i) held += krw.balanceOf(_holders[i]);
        _assertEq(held, krw.totalSupply(), "KRW held == minted");
    }
}
