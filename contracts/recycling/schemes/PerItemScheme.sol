// SPDX-License-Identifier: MIT
// City pilot simulator (recycling/schemes/PerItemScheme.sol)
pragma solidity ^0.8.24;

import {IRewardScheme, MATERIAL_COUNT} from "../../interfaces/IRewardScheme.sol";
import {MaterialRates} from "../libraries/MaterialRates.sol";
import {DepositRewardScheme} from "./DepositRewardScheme.sol";

/**
 * @title PerItemScheme
 * @dev Credits per item by material: a deposit earns `items * perItem[material]`, counting
 * the items of the accepted grams. Spec defaults: CLEAR_PET 10, PET 10, the others 0.
 */
contract PerItemScheme is DepositRewardScheme {
    using MaterialRates for uint256;

    uint256 private immutable _perItem;

    /**
     * @param perItem_ Credits per item by {Material} index, each at most `MaterialRates.MAX_RATE`.
     */
    constructor(uint256[MATERIAL_COUNT] memory perItem_) {
        _perItem = MaterialRates.pack(perItem_);
    }

    /// @inheritdoc IRewardScheme
    function onDeposit(CountedDeposit calldata deposit) external view onlyRewards returns (uint256) {
        // Items count only with grams (items <= grams holds for every deposit).
        if (deposit.acceptedGrams == 0) return 0;
        return deposit.items * _perItem.rateOf(deposit.material);
    }

    /// @dev Credits per item by {Material} index.
    function perItem() external view returns (uint256[MATERIAL_COUNT] memory) {
        return _perItem.unpack();
    }

    /// @inheritdoc IRewardScheme
    function kind() external pure returns (string memory) {
        return "perItem";
    }
}
