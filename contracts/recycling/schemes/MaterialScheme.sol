// SPDX-License-Identifier: MIT
// City pilot simulator (recycling/schemes/MaterialScheme.sol)
pragma solidity ^0.8.24;

import {IRewardScheme, MATERIAL_COUNT} from "../../interfaces/IRewardScheme.sol";
import {MaterialRates} from "../libraries/MaterialRates.sol";
import {DepositRewardScheme} from "./DepositRewardScheme.sol";

/**
 * @title MaterialScheme
 * @dev A rate per material: a deposit earns `floor(grams * rate[material] / 1000)`.
 * Spec defaults (credits per kg): CLEAR_PET 500, PET 300, HDPE 250, PP 200, PS 100, OTHER 0.
 */
contract MaterialScheme is DepositRewardScheme {
    using MaterialRates for uint256;

    uint256 private immutable _rates;

    /**
     * @param rates_ Credits per kilogram by {Material} index, each at most `MaterialRates.MAX_RATE`.
     */
    constructor(uint256[MATERIAL_COUNT] memory rates_) {
        _rates = MaterialRates.pack(rates_);
    }

    /// @inheritdoc IRewardScheme
    function onDeposit(CountedDeposit calldata deposit) external view onlyRewards returns (uint256) {
        return (deposit.acceptedGrams * _rates.rateOf(deposit.material)) / GRAMS_PER_KG;
    }

    /// @dev Credits per kilogram by {Material} index.
    function rates() external view returns (uint256[MATERIAL_COUNT] memory) {
        return _rates.unpack();
    }

    /// @inheritdoc IRewardScheme
    function kind() external pure returns (string memory) {
        return "material";
    }
}
