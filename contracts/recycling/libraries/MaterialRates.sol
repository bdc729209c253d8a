// SPDX-License-Identifier: MIT
// City pilot simulator (recycling/libraries/MaterialRates.sol)
pragma solidity ^0.8.24;

import {IRewardScheme, MATERIAL_COUNT, Material} from "../../interfaces/IRewardScheme.sol";

/**
 * @dev A rate per material, six of them packed 40 bits apiece into one word.
 *
 * Gas: a scheme keeps the packed word in an immutable, so reading a material's rate costs a
 * shift and a mask instead of a cold storage read (2,100 gas) per scheme and transaction.
 */
library MaterialRates {
    /// @dev Bits per rate.
    uint256 internal constant BITS = 40;
    /// @dev Largest rate that fits (about 1.1e12).
    uint256 internal constant MAX_RATE = (uint256(1) << BITS) - 1;

    /**
     * @dev Packs `rates` (indexed by {Material}); reverts with {IRewardScheme-SchemeInvalidParams}
     * naming the first material whose rate does not fit.
     */
    function pack(uint256[MATERIAL_COUNT] memory rates) internal pure returns (uint256 packed) {
        for (uint256 i; i < MATERIAL_COUNT; ++i) {
            if (rates[i] > MAX_RATE) revert IRewardScheme.SchemeInvalidParams(i);
            packed |= rates[i] << (i * BITS);
        }
    }

    /// @dev The rate of `material` in `packed`.
    function rateOf(uint256 packed, Material material) internal pure returns (uint256) {
        return (packed >> (uint256(material) * BITS)) & MAX_RATE;
    }

    /// @dev The six rates of `packed`.
    function unpack(uint256 packed) internal pure returns (uint256[MATERIAL_COUNT] memory rates) {
        for (uint256 i; i < MATERIAL_COUNT; ++i) {
            rates[i] = (packed >> (i * BITS)) & MAX_RATE;
        }
    }
}
