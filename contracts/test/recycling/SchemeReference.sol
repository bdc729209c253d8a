// SPDX-License-Identifier: MIT
// City pilot simulator (test/recycling/SchemeReference.sol)
pragma solidity ^0.8.24;

/**
 * @dev The reward formulas of SPEC.md section 3, written as plainly as possible to check the
 * schemes against. The tiered formula is written differently from the scheme on purpose: as
 * the difference of the cumulative credits-times-1000 at the end and at the start of the deposit.
 */
library SchemeReference {
    /// @dev floor(grams * rate / 1000): flat and material.
    function perKg(uint256 grams, uint256 rate) internal pure returns (uint256) {
        return (grams * rate) / 1000;
    }

    /// @dev items * rate: perItem.
    function perItem(uint256 items, uint256 rate) internal pure returns (uint256) {
        return items * rate;
    }

    /// @dev sum over bands of (grams of [0, x) in the band) * rate.
    function cumulative(
        uint256[] memory starts,
        uint256[] memory rates,
        uint256 x
    ) internal pure returns (uint256 sum) {
        for (uint256 i = 0; i < starts.length; i++) {
            uint256 end = i + 1 < starts.length ? starts[i + 1] : type(uint256).max;
            if (x <= starts[i]) break;
            uint256 top = x < end ? x : end;
            sum += (top - starts[i]) * rates[i];
        }
    }

    /// @dev floor(sum(gramsInBand * bandRate) / 1000) for `grams` after `before`: tiered.
    function tiered(
        uint256[] memory starts,
        uint256[] memory rates,
        uint256 before,
        uint256 grams
    ) internal pure returns (uint256) {
        return (cumulative(starts, rates, before + grams) - cumulative(starts, rates, before)) / 1000;
    }

    /// @dev floor(points * min(budget, total) / total): budgetPool.
    function poolShare(uint256 points, uint256 budget, uint256 total) internal pure returns (uint256) {
        if (total == 0) return 0;
        return (points * (budget < total ? budget : total)) / total;
    }
}
