// SPDX-License-Identifier: MIT
// City pilot simulator (recycling/schemes/DepositRewardScheme.sol)
pragma solidity ^0.8.24;

import {IRewardScheme} from "../../interfaces/IRewardScheme.sol";
import {RewardSchemeBase} from "./RewardSchemeBase.sol";

/**
 * @dev A scheme that pays everything at the deposit: nothing on claim.
 */
abstract contract DepositRewardScheme is RewardSchemeBase {
    /// @inheritdoc IRewardScheme
    function onClaim(address, uint256) external view onlyRewards returns (uint256) {
        return 0;
    }

    /// @inheritdoc IRewardScheme
    function paysOnClaim() external pure returns (bool) {
        return false;
    }
}
