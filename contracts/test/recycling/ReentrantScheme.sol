// SPDX-License-Identifier: MIT
// City pilot simulator (test/recycling/ReentrantScheme.sol)
pragma solidity ^0.8.24;

import {IRecyclingRewards} from "../../interfaces/IRecyclingRewards.sol";
import {IRewardScheme} from "../../interfaces/IRewardScheme.sol";
import {RewardSchemeBase} from "../../recycling/schemes/RewardSchemeBase.sol";

/**
 * @dev Attack scheme: from its deposit hook it calls back into the rewards contract (a claim,
 * or a batch of its own when it is a registered kiosk), which must refuse the re-entry.
 */
contract ReentrantScheme is RewardSchemeBase {
    /// @dev Which call the hook makes back into the rewards contract.
    enum Attack {
        Claim,
        DepositBatch,
        ClaimReceipt
    }

    Attack public attack;

    /// @dev Chooses the call back.
    function setAttack(Attack attack_) external {
        attack = attack_;
    }

    /// @inheritdoc IRewardScheme
    function onDeposit(CountedDeposit calldata deposit) external returns (uint256) {
        IRecyclingRewards target = IRecyclingRewards(msg.sender);
        if (attack == Attack.Claim) {
            target.claim(0);
        } else if (attack == Attack.DepositBatch) {
            target.depositBatch(new IRecyclingRewards.Deposit[](0));
        } else {
            IRecyclingRewards.Receipt memory receipt;
            receipt.citizen = address(this);
            target.claimReceipt(receipt, "");
        }
        return deposit.acceptedGrams;
    }

    /// @inheritdoc IRewardScheme
    function onClaim(address, uint256) external pure returns (uint256) {
        return 0;
    }

    /// @inheritdoc IRewardScheme
    function paysOnClaim() external pure returns (bool) {
        return false;
    }

    /// @inheritdoc IRewardScheme
    function kind() external pure returns (string memory) {
        return "reentrant";
    }
}
