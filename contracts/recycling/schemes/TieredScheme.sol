// SPDX-License-Identifier: MIT
// City pilot simulator (recycling/schemes/TieredScheme.sol)
pragma solidity ^0.8.24;

import {IRewardScheme} from "../../interfaces/IRewardScheme.sol";
import {MaterialRates} from "../libraries/MaterialRates.sol";
import {DepositRewardScheme} from "./DepositRewardScheme.sol";

/**
 * @title TieredScheme
 * @dev Marginal bands on the citizen's accepted grams so far in the epoch, like tax brackets:
 * a deposit of `g` grams after `before` grams earns `floor(sum(gramsInBand * bandRate) / 1000)`
 * over the bands that `[before, before + g)` crosses. Spec default: [0, 2000) 400,
 * [2000, 5000) 250, [5000, inf) 100 credits per kg.
 *
 * Gas: at most 8 bands, packed two to a word into four immutables (64-bit start, 64-bit
 * rate), so a deposit reads no storage for them (a storage array would cost a cold 2,100 gas
 * read per band and transaction).
 */
contract TieredScheme is DepositRewardScheme {
    /**
     * @dev A band from `fromGrams` (inclusive) to the next band's start (or without end).
     * @param fromGrams The epoch grams where the band starts.
     * @param rate Credits per kilogram inside the band.
     */
    struct Band {
        uint256 fromGrams;
        uint256 rate;
    }

    /// @dev The most bands a scheme may have.
    uint256 public constant MAX_BANDS = 8;

    uint256 private immutable _bandCount;
    uint256 private immutable _word0;
    uint256 private immutable _word1;
    uint256 private immutable _word2;
    uint256 private immutable _word3;

    /**
     * @param bands_ 1 to {MAX_BANDS} bands, the first from 0, strictly ascending starts below
     * 2^64, rates at most `MaterialRates.MAX_RATE`; a bad band reverts with its index.
     */
    constructor(Band[] memory bands_) {
        uint256 count = bands_.length;
        if (count == 0 || count > MAX_BANDS) revert SchemeInvalidParams(count);
        uint256[4] memory words;
        for (uint256 i; i < count; ++i) {
            Band memory band = bands_[i];
            bool badStart = i == 0 ? band.fromGrams != 0 : band.fromGrams <= bands_[i - 1].fromGrams;
            if (badStart || band.fromGrams > type(uint64).max || band.rate > MaterialRates.MAX_RATE) {
                revert SchemeInvalidParams(i);
            }
            words[i >> 1] |= ((band.fromGrams << 64) | band.rate) << ((i & 1) * 128);
        }
        _bandCount = count;
        _word0 = words[0];
        _word1 = words[1];
        _word2 = words[2];
        _word3 = words[3];
    }

    /// @inheritdoc IRewardScheme
    function onDeposit(CountedDeposit calldata deposit) external view onlyRewards returns (uint256) {
        uint256 low = deposit.epochGramsBefore;
        uint256 high = low + deposit.acceptedGrams;
        uint256 sum;
        uint256 count = _bandCount;
        (uint256 start, uint256 rate) = _band(0);
        for (uint256 i; i < count && start < high; ++i) {
            uint256 end = type(uint256).max;
            uint256 nextRate;
            if (i + 1 < count) (end, nextRate) = _band(i + 1);
            if (end > low) {
                uint256 from = start > low ? start : low;
                uint256 to = end < high ? end : high;
                sum += (to - from) * rate;
            }
            (start, rate) = (end, nextRate);
        }
        return sum / GRAMS_PER_KG;
    }

    /// @dev The bands.
    function bands() external view returns (Band[] memory result) {
        uint256 count = _bandCount;
        result = new Band[](count);
        for (uint256 i; i < count; ++i) {
            (result[i].fromGrams, result[i].rate) = _band(i);
        }
    }

    /// @inheritdoc IRewardScheme
    function kind() external pure returns (string memory) {
        return "tiered";
    }

    /// @dev Band `index` (< 8), unpacked from the immutables.
    function _band(uint256 index) private view returns (uint256 fromGrams, uint256 rate) {
        uint256 word = index < 4 ? (index < 2 ? _word0 : _word1) : (index < 6 ? _word2 : _word3);
        uint256 packed = (word >> ((index & 1) * 128)) & type(uint128).max;
        return (packed >> 64, packed & type(uint64).max);
    }
}
