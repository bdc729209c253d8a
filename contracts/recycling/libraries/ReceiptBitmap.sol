// SPDX-License-Identifier: MIT
// City pilot simulator (recycling/libraries/ReceiptBitmap.sol)
pragma solidity ^0.8.24;

/**
 * @dev Used receipt ids of one kiosk, 256 to a storage word (as Permit2's unordered nonces).
 *
 * Gas: a kiosk numbering its receipts 0, 1, 2... sets a bit in a word already written for 255
 * receipts out of 256 (a 2,900 gas write instead of 22,100 for a fresh slot per receipt).
 * Any id works; sequential ids are only cheaper.
 */
library ReceiptBitmap {
    /**
     * @dev Marks `id` used. Returns false, changing nothing, if it already was.
     */
    function use(mapping(uint256 word => uint256 bits) storage used, uint256 id) internal returns (bool) {
        uint256 word = id >> 8;
        uint256 bit = uint256(1) << (id & 0xff);
        uint256 bits = used[word];
        if (bits & bit != 0) return false;
        used[word] = bits | bit;
        return true;
    }

    /// @dev Whether `id` is used.
    function isUsed(
        mapping(uint256 word => uint256 bits) storage used,
        uint256 id
    ) internal view returns (bool) {
        return used[id >> 8] & (uint256(1) << (id & 0xff)) != 0;
    }
}
