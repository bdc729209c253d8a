// SPDX-License-Identifier: MIT
// City pilot simulator (recycling/schemes/RewardSchemeBase.sol)
pragma solidity ^0.8.24;

import {IRewardScheme} from "../../interfaces/IRewardScheme.sol";

/**
 * @dev The binding every scheme shares: the first contract to call {bind} (the rewards
 * contract, when it installs the scheme) becomes the only caller of the hooks.
 *
 * NOTE: anyone may call {bind} on an unbound scheme, so bind before use: the rewards
 * contract's constructor and `setScheme` do. A scheme bound elsewhere cannot be installed
 * (the install reverts with {SchemeAlreadyBound}): deploy a new one.
 */
abstract contract RewardSchemeBase is IRewardScheme {
    /// @dev The denominator of rates per kilogram.
    uint256 internal constant GRAMS_PER_KG = 1000;

    address private _rewards;

    /// @dev Only the bound rewards contract (never anyone before the scheme is bound).
    modifier onlyRewards() {
        if (msg.sender != _rewards) revert SchemeUnauthorizedCaller(msg.sender);
        _;
    }

    /// @inheritdoc IRewardScheme
    function bind() external {
        address bound = _rewards;
        if (bound == msg.sender) return;
        if (bound != address(0)) revert SchemeAlreadyBound(bound);
        _rewards = msg.sender;
        emit SchemeBound(msg.sender);
    }

    /// @inheritdoc IRewardScheme
    function rewards() external view returns (address) {
        return _rewards;
    }
}
