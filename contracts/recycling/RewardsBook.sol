// SPDX-License-Identifier: MIT
// City pilot simulator (recycling/RewardsBook.sol)
pragma solidity ^0.8.24;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {IRecyclingRewards} from "../interfaces/IRecyclingRewards.sol";
import {IRewardScheme} from "../interfaces/IRewardScheme.sol";

/**
 * @dev The epoch books of the rewards contract: the active scheme, the schemes paying on
 * claim that were active in each epoch (a bounded list, so a claim loops over at most
 * {MAX_SCHEMES_PER_EPOCH} schemes), and the credits minted per epoch against the mint cap.
 */
abstract contract RewardsBook is IRecyclingRewards {
    /// @dev The most schemes paying on claim that one epoch may list.
    uint256 public constant MAX_SCHEMES_PER_EPOCH = 8;

    uint256 internal immutable _epochStart;
    uint256 internal immutable _epochSeconds;
    uint256 internal immutable _epochMintCap;

    /**
     * @dev The active scheme and the counters of the latest epoch with activity, packed into
     * one slot (160 + 8 + 32 + 56 bits) that every deposit transaction reads anyway to find
     * the scheme: counting the epoch's minted credits here costs one write to a slot already
     * read (2,900 gas) instead of a cold read and write of a per-epoch slot (5,000 gas).
     * `epochPlusOne` is 0 before the first epoch with activity. When a later epoch starts, the
     * finished epoch's total moves to `_archivedMinted`.
     */
    struct Head {
        IRewardScheme scheme;
        bool paysOnClaim;
        uint32 epochPlusOne;
        uint56 minted;
    }

    /// @dev What a deposit transaction works with, kept in memory across a batch.
    struct Context {
        IRewardScheme scheme;
        uint256 day;
        uint256 minted;
        // Reused for every deposit of the batch (kiosk and epoch set once): one allocation.
        IRewardScheme.CountedDeposit input;
    }

    Head private _head;
    mapping(uint256 epoch => uint256 minted) private _archivedMinted;
    mapping(uint256 epoch => IRewardScheme[]) internal _epochSchemes;

    /**
     * @param epochStart Start of epoch 0 (unix seconds).
     * @param epochSeconds Length of an epoch, at least 1 (epoch numbers fit 32 bits until 2106).
     * @param epochMintCap Most credits minted per epoch, 0 for none; below 2^56.
     */
    constructor(uint256 epochStart, uint256 epochSeconds, uint256 epochMintCap) {
        if (epochSeconds == 0 || epochMintCap > type(uint56).max) revert RecyclingInvalidParams();
        _epochStart = epochStart;
        _epochSeconds = epochSeconds;
        _epochMintCap = epochMintCap;
    }

    /// @inheritdoc IRecyclingRewards
    function scheme() external view returns (IRewardScheme) {
        return _head.scheme;
    }

    /// @inheritdoc IRecyclingRewards
    function epochSchemes(uint256 epoch) external view returns (IRewardScheme[] memory) {
        return _epochSchemes[epoch];
    }

    /// @inheritdoc IRecyclingRewards
    function mintedInEpoch(uint256 epoch) external view returns (uint256) {
        return _mintedIn(epoch);
    }

    /// @inheritdoc IRecyclingRewards
    function epochOf(uint256 time) public view returns (uint256) {
        if (time < _epochStart) revert RecyclingBeforeEpochStart(time, _epochStart);
        return (time - _epochStart) / _epochSeconds;
    }

    /// @inheritdoc IRecyclingRewards
    function epochEnd(uint256 epoch) external view returns (uint256) {
        return _epochStart + (epoch + 1) * _epochSeconds;
    }

    /**
     * @dev Starts a deposit transaction of `kiosk` on `day` (at or after the epoch start):
     * moves the books to the current epoch and returns the context.
     */
    function _openEpoch(address kiosk, uint256 day) internal returns (Context memory) {
        uint256 epoch = epochOf(block.timestamp);
        Head memory head = _rollTo(epoch, true);
        IRewardScheme.CountedDeposit memory input;
        input.kiosk = kiosk;
        input.epoch = epoch;
        return Context(head.scheme, day, head.minted, input);
    }

    /// @dev Ends a deposit transaction: stores the epoch's minted total once.
    function _closeEpoch(Context memory ctx) internal {
        _head.minted = SafeCast.toUint56(ctx.minted);
    }

    /**
     * @dev Installs `newScheme` for later deposits: binds it, lists it in the current epoch if
     * it pays on claim. The calls to the scheme come first: they only bind and read it.
     */
    function _setScheme(IRewardScheme newScheme) internal {
        if (address(newScheme) == address(0)) revert RecyclingInvalidScheme(address(newScheme));
        newScheme.bind();
        bool pays = newScheme.paysOnClaim();
        Head memory head;
        if (block.timestamp >= _epochStart) {
            uint256 epoch = epochOf(block.timestamp);
            // The outgoing scheme is not listed here: if it had deposits in this epoch, the
            // first of them listed it.
            head = _rollTo(epoch, false);
            if (pays) _list(epoch, newScheme);
        } else {
            head = _head;
        }
        emit SchemeChanged(head.scheme, newScheme);
        head.scheme = newScheme;
        head.paysOnClaim = pays;
        _head = head;
    }

    /// @dev Credits minted for `epoch`.
    function _mintedIn(uint256 epoch) internal view returns (uint256) {
        Head memory head = _head;
        if (head.epochPlusOne == epoch + 1) return head.minted;
        return _archivedMinted[epoch];
    }

    /// @dev Counts `amount` more credits minted for `epoch` (a claim of an ended epoch).
    function _addMinted(uint256 epoch, uint256 amount) internal {
        Head storage head = _head;
        if (head.epochPlusOne == epoch + 1) head.minted = SafeCast.toUint56(head.minted + amount);
        else _archivedMinted[epoch] += amount;
    }

    /// @dev `reward` cut to what the mint cap leaves after `mintedSoFar` (never above the cap).
    function _capped(uint256 reward, uint256 mintedSoFar) internal view returns (uint256) {
        if (_epochMintCap == 0) return reward;
        uint256 left = _epochMintCap - mintedSoFar;
        return reward < left ? reward : left;
    }

    /// @dev Number of epochs that have ended.
    function _endedEpochs() internal view returns (uint256) {
        if (block.timestamp < _epochStart) return 0;
        return (block.timestamp - _epochStart) / _epochSeconds;
    }

    /**
     * @dev The head, moved to `epoch`: the finished epoch's minted total is archived and, if
     * `listActive`, the active scheme is listed in `epoch` when it pays on claim.
     */
    function _rollTo(uint256 epoch, bool listActive) private returns (Head memory head) {
        head = _head;
        if (head.epochPlusOne == epoch + 1) return head;
        if (head.minted != 0) _archivedMinted[head.epochPlusOne - 1] = head.minted;
        head.epochPlusOne = SafeCast.toUint32(epoch + 1);
        head.minted = 0;
        if (listActive && head.paysOnClaim) _list(epoch, head.scheme);
        _head = head;
    }

    /// @dev Lists `listedScheme` in `epoch` once; at most {MAX_SCHEMES_PER_EPOCH} schemes.
    function _list(uint256 epoch, IRewardScheme listedScheme) private {
        IRewardScheme[] storage listed = _epochSchemes[epoch];
        uint256 count = listed.length;
        for (uint256 i; i < count; ++i) {
            if (listed[i] == listedScheme) return;
        }
        if (count == MAX_SCHEMES_PER_EPOCH) revert RecyclingTooManySchemes(epoch);
        listed.push(listedScheme);
        emit SchemeListed(epoch, listedScheme);
    }
}
