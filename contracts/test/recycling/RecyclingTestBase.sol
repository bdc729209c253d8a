// SPDX-License-Identifier: MIT
// City pilot simulator (test/recycling/RecyclingTestBase.sol)
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ICityCredit} from "../../interfaces/ICityCredit.sol";
import {IRecyclingRewards} from "../../interfaces/IRecyclingRewards.sol";
import {IRewardScheme} from "../../interfaces/IRewardScheme.sol";
import {RecyclingRewards} from "../../recycling/RecyclingRewards.sol";
import {CityCredit} from "../../token/CityCredit.sol";
import {CityTreasury} from "../../token/CityTreasury.sol";
import {KRWToken} from "../../token/KRWToken.sol";
import {IRecyclingVm, RECYCLING_VM_ADDRESS} from "./RecyclingVm.sol";

/**
 * @dev What the recycling Solidity tests and handlers share: the cheatcodes, assertions that
 * revert naming the failed check, {_bound} for fuzz inputs, and the deployment of the system
 * with the calling contract as its admin.
 */
abstract contract RecyclingTestBase {
    // solhint-disable-next-line const-name-snakecase
    IRecyclingVm internal constant vm = IRecyclingVm(RECYCLING_VM_ADDRESS);

    /// @dev A KST midnight (2026-04-06 00:00 +09:00) used as the epoch start.
    uint256 internal constant EPOCH_START = 1_775_401_200;
    uint256 internal constant DAY = 86_400;

    /// @dev The check `what` failed.
    error RecyclingCheckFailed(string what);
    /// @dev The check `what` found `actual` where `expected` was due.
    error RecyclingEqFailed(string what, uint256 actual, uint256 expected);

    /// @dev The deployed system.
    struct System {
        KRWToken krw;
        CityCredit credit;
        CityTreasury treasury;
        RecyclingRewards rewards;
    }

    function _assertTrue(bool condition, string memory what) internal pure {
        if (!condition) revert RecyclingCheckFailed(what);
    }

    function _assertEq(uint256 actual, uint256 expected, string memory what) internal pure {
        if (actual != expected) revert RecyclingEqFailed(what, actual, expected);
    }

    /// @dev Maps any `x` into `[min, max]` (`min <= max`).
    function _bound(uint256 x, uint256 min, uint256 max) internal pure returns (uint256) {
        if (min == 0 && max == type(uint256).max) return x;
        return min + (x % (max - min + 1));
    }

    /// @dev The spec's default rules with `epochStart` = {EPOCH_START}, and the given epoch and cap.
    function _rules(
        uint256 epochSeconds,
        uint256 mintCap
    ) internal pure returns (IRecyclingRewards.RewardsParams memory) {
        return IRecyclingRewards.RewardsParams(5000, 20_000, epochSeconds, EPOCH_START, mintCap);
    }

    /// @dev Deploys tokens, treasury and rewards on `scheme`, wired, with this contract as admin.
    function _deploy(
        IRecyclingRewards.RewardsParams memory rules,
        IRewardScheme scheme
    ) internal returns (System memory s) {
        s.krw = new KRWToken(address(this));
        s.credit = new CityCredit(address(this));
        s.treasury = new CityTreasury(address(this), IERC20(address(s.krw)), ICityCredit(address(s.credit)));
        s.credit.grantRole(s.credit.BURNER_ROLE(), address(s.treasury));
        s.rewards = new RecyclingRewards(address(this), ICityCredit(address(s.credit)), rules, scheme);
        s.credit.grantRole(s.credit.MINTER_ROLE(), address(s.rewards));
    }
}
