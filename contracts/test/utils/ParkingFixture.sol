// SPDX-License-Identifier: MIT
// City pilot simulator (test/utils/ParkingFixture.sol)
pragma solidity ^0.8.24;

import {KRWToken} from "../../token/KRWToken.sol";
import {CityCredit} from "../../token/CityCredit.sol";
import {CityTreasury} from "../../token/CityTreasury.sol";
import {ParkingMarket} from "../../parking/ParkingMarket.sol";
import {IParkingMarket} from "../../interfaces/IParkingMarket.sol";
import {UnitBitmap} from "../../parking/libraries/UnitBitmap.sol";
import {IMintableERC20} from "./IMintableERC20.sol";
import {ParkingReference} from "./ParkingReference.sol";
import {TestBase} from "./TestBase.sol";

/**
 * @dev Deploys the parking system as `ignition/modules/CityPilot.ts` wires it (credit burner
 * role to the treasury, treasury redeemer role to the market), with this contract as admin,
 * registrar and KRW faucet, plus a gate and helpers to register slots, fund drivers and book.
 */
abstract contract ParkingFixture is TestBase {
    /// @dev Seconds in a unit.
    uint256 internal constant UNIT = 900;
    /// @dev Monday 2026-03-02 00:00 KST, unit 0 of a week.
    uint256 internal constant MONDAY = 1_772_377_200;
    /// @dev Tests start at this time, Monday 08:00 KST.
    uint256 internal constant NOW = MONDAY + 8 hours;
    /// @dev Default price per unit.
    uint256 internal constant PRICE = 500;
    bytes32 internal constant DISTRICT = "Songdo";

    address internal constant GATE = address(0x6A7E);
    address internal constant OWNER = address(0x0A11CE);
    address internal constant DRIVER = address(0xD1);
    address internal constant OTHER_DRIVER = address(0xD2);
    address internal constant STRANGER = address(0xBAD);

    IMintableERC20 internal krw;
    CityCredit internal credit;
    CityTreasury internal treasury;
    ParkingMarket internal market;
    IParkingMarket.MarketParams internal params;

    /// @dev Deploys the system with KRWToken and the SPEC defaults at {NOW}.
    function setUp() public virtual {
        vm.warp(NOW);
        _deploySystem(IMintableERC20(address(new KRWToken(address(this)))), ParkingReference.defaults());
    }

    /// @dev Deploys credit, treasury and market around `krwToken`, and wires the roles.
    function _deploySystem(
        IMintableERC20 krwToken,
        IParkingMarket.MarketParams memory marketParams
    ) internal {
        krw = krwToken;
        credit = new CityCredit(address(this));
        credit.grantRole(credit.MINTER_ROLE(), address(this));
        treasury = new CityTreasury(address(this), krw, credit);
        credit.grantRole(credit.BURNER_ROLE(), address(treasury));
        _deployMarket(marketParams);
    }

    /// @dev Replaces the market by one with `marketParams` (same tokens and treasury).
    function _deployMarket(IParkingMarket.MarketParams memory marketParams) internal {
        params = marketParams;
        market = new ParkingMarket(address(this), krw, credit, treasury, marketParams);
        treasury.grantRole(treasury.REDEEMER_ROLE(), address(market));
        market.grantRole(market.GATE_ROLE(), GATE);
    }

    /// @dev Every unit of the week available.
    function _fullWeek() internal pure returns (uint256[3] memory week) {
        week[0] = type(uint256).max;
        week[1] = type(uint256).max;
        week[2] = UnitBitmap.LAST_WORD_MASK;
    }

    /// @dev Registers a slot of `owner` at `unitPrice`, available all week.
    function _registerSlot(address owner, uint256 unitPrice) internal returns (uint256) {
        return market.registerSlot(owner, DISTRICT, unitPrice, _fullWeek());
    }

    /// @dev Gives `driver` `amount` KRW and `credits` credits, both approved to the market.
    function _fundDriver(address driver, uint256 amount, uint256 credits) internal {
        if (amount > 0) krw.mint(driver, amount);
        if (credits > 0) credit.mint(driver, credits);
        vm.startPrank(driver);
        krw.approve(address(market), type(uint256).max);
        credit.approve(address(market), type(uint256).max);
        vm.stopPrank();
    }

    /// @dev Adds `amount` KRW to the treasury's budget.
    function _fundTreasury(uint256 amount) internal {
        krw.mint(address(treasury), amount);
    }

    /// @dev `driver` books `slotId` for `[start, end)` paying `credits` of the fee in credits.
    function _book(
        address driver,
        uint256 slotId,
        uint256 start,
        uint256 end,
        uint256 credits
    ) internal returns (uint256) {
        vm.prank(driver);
        return market.book(slotId, start, end, credits);
    }

    /// @dev A funded {DRIVER}'s booking of a fresh {OWNER} slot for `units` units from `start`.
    function _bookedFixture(
        uint256 start,
        uint256 units
    ) internal returns (uint256 slotId, uint256 bookingId) {
        slotId = _registerSlot(OWNER, PRICE);
        _fundDriver(DRIVER, (units + params.depositUnits) * PRICE, 0);
        bookingId = _book(DRIVER, slotId, start, start + units * UNIT, 0);
    }

    /// @dev `start` rounded up to a unit boundary.
    function _alignUp(uint256 time) internal pure returns (uint256) {
        return ((time + UNIT - 1) / UNIT) * UNIT;
    }
}
