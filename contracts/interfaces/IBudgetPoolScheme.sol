// SPDX-License-Identifier: MIT
// City pilot simulator (interfaces/IBudgetPoolScheme.sol)
pragma solidity ^0.8.24;

import {IRewardScheme, MATERIAL_COUNT} from "./IRewardScheme.sol";

/**
 * @dev A pooled scheme: deposits earn points, and after the epoch ends each citizen's claim
 * pays `floor(points * min(budget, totalPoints) / totalPoints)` of the epoch's budget. The
 * payouts of an epoch never exceed its budget; unclaimed and rounding remainders stay unminted.
 */
interface IBudgetPoolScheme is IRewardScheme {
    /**
     * @dev `citizen` earned `points` in `epoch` (at a deposit).
     * @param citizen The depositor.
     * @param epoch The epoch.
     * @param points The points of the deposit.
     */
    event PointsEarned(address indexed citizen, uint256 indexed epoch, uint256 points);

    /**
     * @dev `citizen` claimed `points` of `epoch`, paid `payout` credits.
     * @param citizen The claimer.
     * @param epoch The epoch.
     * @param points The citizen's points in the epoch.
     * @param payout The citizen's share of the budget.
     */
    event PointsClaimed(address indexed citizen, uint256 indexed epoch, uint256 points, uint256 payout);

    /// @dev Credits shared per epoch.
    function budget() external view returns (uint256);

    /// @dev Points per kilogram by {Material} index.
    function weights() external view returns (uint256[MATERIAL_COUNT] memory);

    /// @dev Points of `citizen` in `epoch`.
    function pointsOf(address citizen, uint256 epoch) external view returns (uint256);

    /// @dev Whether `citizen` claimed `epoch` from this scheme.
    function claimedOf(address citizen, uint256 epoch) external view returns (bool);

    /// @dev Points of every citizen in `epoch`.
    function totalPoints(uint256 epoch) external view returns (uint256);

    /// @dev Credits paid out for `epoch` so far.
    function paidOut(uint256 epoch) external view returns (uint256);
}
