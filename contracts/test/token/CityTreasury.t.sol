// SPDX-License-Identifier: MIT
// City pilot simulator (test/token/CityTreasury.t.sol)
pragma solidity ^0.8.24;

import {ICityTreasury} from "../../interfaces/ICityTreasury.sol";
import {ParkingFixture} from "../utils/ParkingFixture.sol";

/**
 * @dev {CityTreasury}: funding, redemption at face value, and each of its custom errors,
 * including {ICityTreasury-TreasuryInsufficientFunds} surfacing through a parking booking.
 */
contract CityTreasuryTest is ParkingFixture {
    address private constant MERCHANT = address(0x3E7C);

    function setUp() public override {
        super.setUp();
        treasury.setMerchant(MERCHANT, true);
    }

    function testFuzz_redeem_paysFaceValue(uint256 budget, uint256 credits, uint256 amount) public {
        budget = _bound(budget, 1, type(uint128).max);
        credits = _bound(credits, 1, type(uint128).max);
        amount = _bound(amount, 1, credits < budget ? credits : budget);
        _fundTreasury(budget);
        credit.mint(MERCHANT, credits);

        vm.prank(MERCHANT);
        treasury.redeem(amount);

        _assertEq(krw.balanceOf(MERCHANT), amount, "merchant paid in KRW");
        _assertEq(credit.balanceOf(MERCHANT), credits - amount, "credits burned");
        _assertEq(credit.totalSupply(), credits - amount, "supply == minted - redeemed");
        _assertEq(treasury.totalRedeemed(), amount, "redeemed counter");
        _assertEq(krw.balanceOf(address(treasury)), budget - amount, "treasury paid out");
    }

    function testFuzz_fund_pullsApprovedKrw(uint256 amount) public {
        amount = _bound(amount, 1, type(uint128).max);
        krw.mint(STRANGER, amount);
        vm.startPrank(STRANGER);
        krw.approve(address(treasury), amount);
        treasury.fund(amount);
        vm.stopPrank();
        _assertEq(krw.balanceOf(address(treasury)), amount, "funded");
        _assertEq(krw.balanceOf(STRANGER), 0, "pulled from the funder");
    }

    function test_fund_revertsTreasuryZeroAmount() public {
        vm.expectRevert(ICityTreasury.TreasuryZeroAmount.selector);
        treasury.fund(0);
    }

    function test_redeem_revertsTreasuryZeroAmount() public {
        vm.expectRevert(ICityTreasury.TreasuryZeroAmount.selector);
        vm.prank(MERCHANT);
        treasury.redeem(0);
    }

    function test_redeem_revertsTreasuryUnauthorizedRedeemer() public {
        credit.mint(STRANGER, 10);
        _fundTreasury(10);
        vm.expectRevert(
            abi.encodeWithSelector(ICityTreasury.TreasuryUnauthorizedRedeemer.selector, STRANGER)
        );
        vm.prank(STRANGER);
        treasury.redeem(10);

        // A removed merchant is a stranger again.
        credit.mint(MERCHANT, 10);
        treasury.setMerchant(MERCHANT, false);
        vm.expectRevert(
            abi.encodeWithSelector(ICityTreasury.TreasuryUnauthorizedRedeemer.selector, MERCHANT)
        );
        vm.prank(MERCHANT);
        treasury.redeem(10);
    }

    function test_redeem_revertsTreasuryInsufficientFunds() public {
        credit.mint(MERCHANT, 10);
        _fundTreasury(9);
        vm.expectRevert(abi.encodeWithSelector(ICityTreasury.TreasuryInsufficientFunds.selector, 9, 10));
        vm.prank(MERCHANT);
        treasury.redeem(10);
    }

    function test_setMerchant_revertsTreasuryInvalidMerchant() public {
        vm.expectRevert(abi.encodeWithSelector(ICityTreasury.TreasuryInvalidMerchant.selector, address(0)));
        treasury.setMerchant(address(0), true);
    }

    /// @dev A booking paying credits the treasury cannot cover reverts with the treasury's error.
    function testFuzz_book_revertsTreasuryInsufficientFunds(uint256 budget, uint256 credits) public {
        uint256 fee = 8 * PRICE;
        credits = _bound(credits, 1, fee);
        budget = _bound(budget, 0, credits - 1);
        uint256 slotId = _registerSlot(OWNER, PRICE);
        _fundDriver(DRIVER, fee + 4 * PRICE, credits);
        _fundTreasury(budget);

        vm.expectRevert(
            abi.encodeWithSelector(ICityTreasury.TreasuryInsufficientFunds.selector, budget, credits)
        );
        _book(DRIVER, slotId, NOW, NOW + 8 * UNIT, credits);
    }
}
