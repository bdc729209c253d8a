// SPDX-License-Identifier: MIT
// City pilot simulator (recycling/schemes/BudgetPoolScheme.sol)
pragma solidity ^0.8.24;

import {IBudgetPoolScheme} from "../../interfaces/IBudgetPoolScheme.sol";
import {IRewardScheme, MATERIAL_COUNT} from "../../interfaces/IRewardScheme.sol";
import {MaterialRates} from "../libraries/MaterialRates.sol";
import {RewardSchemeBase} from "./RewardSchemeBase.sol";

/**
 * @title BudgetPoolScheme
 * @dev A deposit earns points `floor(grams * weight[material] / 1000)` and no credits; after
 * the epoch ends each citizen claims `floor(points * min(budget, totalPoints) / totalPoints)`.
 * Spec defaults: budget 1,000,000 credits per epoch; weights = the material scheme's rates
 * (CLEAR_PET 500, PET 300, HDPE 250, PP 200, PS 100, OTHER 0), so an under-subscribed pool
 * pays what the material scheme would.
 *
 * Since `sum(floor(p_i * m / T)) <= m` with `m = min(budget, T)` and `T = sum(p_i)`, the payouts
 * of an epoch never exceed its budget, whatever the order of the claims.
 */
contract BudgetPoolScheme is RewardSchemeBase, IBudgetPoolScheme {
    using MaterialRates for uint256;

    /**
     * @dev A citizen's points in one epoch; packed into one slot (128 + 8 bits).
     */
    struct Account {
        uint128 points;
        bool claimed;
    }

    /**
     * @dev An epoch's pool; packed into one slot.
     */
    struct Pool {
        uint128 totalPoints;
        uint128 paidOut;
    }

    /// @inheritdoc IBudgetPoolScheme
    uint256 public immutable budget;
    uint256 private immutable _weights;

    mapping(uint256 epoch => mapping(address citizen => Account)) private _accounts;
    mapping(uint256 epoch => Pool) private _pools;

    /**
     * @param budget_ Credits shared per epoch (below 2^128).
     * @param weights_ Points per kilogram by {Material} index, each at most `MaterialRates.MAX_RATE`.
     */
    constructor(uint256 budget_, uint256[MATERIAL_COUNT] memory weights_) {
        if (budget_ > type(uint128).max) revert SchemeInvalidParams(0);
        budget = budget_;
        _weights = MaterialRates.pack(weights_);
    }

    /// @inheritdoc IRewardScheme
    function onDeposit(CountedDeposit calldata deposit) external onlyRewards returns (uint256) {
        uint256 points = (deposit.acceptedGrams * _weights.rateOf(deposit.material)) / GRAMS_PER_KG;
        if (points != 0) {
            (address citizen, uint256 epoch) = (deposit.citizen, deposit.epoch);
            // Checked: a deposit's points stay below 2^72, far from overflowing the sums.
            _accounts[epoch][citizen].points += uint128(points);
            _pools[epoch].totalPoints += uint128(points);
            emit PointsEarned(citizen, epoch, points);
        }
        return 0;
    }

    /// @inheritdoc IRewardScheme
    function onClaim(address citizen, uint256 epoch) external onlyRewards returns (uint256 payout) {
        Account storage account = _accounts[epoch][citizen];
        uint256 points = account.points;
        if (points == 0 || account.claimed) return 0;
        Pool storage pool = _pools[epoch];
        uint256 total = pool.totalPoints;
        uint256 shared = budget < total ? budget : total;
        payout = (points * shared) / total;
        account.claimed = true;
        // payout <= shared <= budget < 2^128.
        pool.paidOut += uint128(payout);
        emit PointsClaimed(citizen, epoch, points, payout);
    }

    /// @inheritdoc IRewardScheme
    function paysOnClaim() external pure returns (bool) {
        return true;
    }

    /// @inheritdoc IRewardScheme
    function kind() external pure returns (string memory) {
        return "budgetPool";
    }

    /// @inheritdoc IBudgetPoolScheme
    function weights() external view returns (uint256[MATERIAL_COUNT] memory) {
        return _weights.unpack();
    }

    /// @inheritdoc IBudgetPoolScheme
    function pointsOf(address citizen, uint256 epoch) external view returns (uint256) {
        return _accounts[epoch][citizen].points;
    }

    /// @inheritdoc IBudgetPoolScheme
    function claimedOf(address citizen, uint256 epoch) external view returns (bool) {
        return _accounts[epoch][citizen].claimed;
    }

    /// @inheritdoc IBudgetPoolScheme
    function totalPoints(uint256 epoch) external view returns (uint256) {
        return _pools[epoch].totalPoints;
    }

    /// @inheritdoc IBudgetPoolScheme
    function paidOut(uint256 epoch) external view returns (uint256) {
        return _pools[epoch].paidOut;
    }
}
