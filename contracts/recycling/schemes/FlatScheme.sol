// SPDX-License-Identifier: MIT
// City pilot simulator (recycling/schemes/FlatScheme.sol)
pragma solidity ^0.8.24;

import {IRewardScheme} from "../../interfaces/IRewardScheme.sol";
import {MaterialRates} from "../libraries/MaterialRates.sol";
import {DepositRewardScheme} from "./DepositRewardScheme.sol";

/**
 * @title FlatScheme
 * @dev One rate for every material: a deposit earns `floor(grams * ratePerKg / 1000)`.
 * Spec default: 300 credits per kg.
 */
contract FlatScheme is DepositRewardScheme {
    /// @dev Credits per kilogram.
    uint256 public immutable ratePerKg;

    /**
     * @param ratePerKg_ Credits per kilogram, at most `MaterialRates.MAX_RATE`.
     */
    constructor(uint256 ratePerKg_) {
        if (ratePerKg_ > MaterialRates.MAX_RATE) revert SchemeInvalidParams(0);
        ratePerKg = ratePerKg_;
    }

    /// @inheritdoc IRewardScheme
    function onDeposit(CountedDeposit calldata deposit) external view onlyRewards returns (uint256) {
        return (deposit.acceptedGrams * ratePerKg) / GRAMS_PER_KG;
    }

    /// @inheritdoc IRewardScheme
    function kind() external pure returns (string memory) {
        return "flat";
    }
}
