// SPDX-License-Identifier: MIT
// City pilot simulator (parking/libraries/UnitBitmap.sol)
pragma solidity ^0.8.24;

/**
 * @dev Ranges of 15-minute units in bitmaps of 256-bit words.
 *
 * Two bitmaps use it: a slot's weekly availability (672 units, Monday 00:00 KST is unit 0,
 * three words, the range may wrap from Sunday to Monday) and a slot's reservations on the
 * absolute timeline (unit = unix seconds / 900). A booking has at most 96 units, so a range
 * touches at most two words of the timeline and three of the week: every operation does
 * bounded work, whatever the number of bookings a slot has had.
 */
library UnitBitmap {
    /// @dev Units in a week: 7 days x 96 quarter hours.
    uint256 internal constant UNITS_PER_WEEK = 672;
    /// @dev Seconds in a unit.
    uint256 internal constant UNIT_SECONDS = 900;
    /// @dev Korea Standard Time is UTC+9.
    uint256 internal constant KST_OFFSET_SECONDS = 32_400;
    /// @dev The unix epoch (1970-01-01) was a Thursday: 3 days of 96 units after Monday 00:00.
    uint256 internal constant EPOCH_WEEK_UNIT = 288;
    /// @dev The third availability word holds only 672 - 512 = 160 meaningful bits.
    uint256 internal constant LAST_WORD_MASK = (uint256(1) << 160) - 1;

    /**
     * @dev `count` set bits starting at bit `from` (`from + count <= 256`, `count >= 1`).
     */
    function mask(uint256 from, uint256 count) internal pure returns (uint256) {
        // Safe: count <= 256 - from, and the count == 256 case (from == 0) is handled apart
        // because 1 << 256 is 0 in the EVM.
        unchecked {
            if (count == 256) return type(uint256).max;
            return ((uint256(1) << count) - 1) << from;
        }
    }

    /**
     * @dev The unit of the KST week (0..671) that contains unix time `time`.
     */
    function weekUnit(uint256 time) internal pure returns (uint256) {
        return ((time + KST_OFFSET_SECONDS) / UNIT_SECONDS + EPOCH_WEEK_UNIT) % UNITS_PER_WEEK;
    }

    /**
     * @dev Whether every unit of `[from, from + count)` of the week is set in `week`, wrapping
     * from Sunday to Monday. `count <= 96`.
     */
    function weekRangeSet(uint256[3] storage week, uint256 from, uint256 count) internal view returns (bool) {
        while (count > 0) {
            uint256 bit = from & 255;
            uint256 take = _min3(count, 256 - bit, UNITS_PER_WEEK - from);
            uint256 m = mask(bit, take);
            if (week[from >> 8] & m != m) return false;
            count -= take;
            from = (from + take) % UNITS_PER_WEEK;
        }
        return true;
    }

    /**
     * @dev Marks `[from, from + count)` of the timeline as taken; returns false, changing
     * nothing, if any of those units was already taken. `count <= 96`.
     */
    function tryReserve(
        mapping(uint256 => uint256) storage timeline,
        uint256 from,
        uint256 count
    ) internal returns (bool) {
        uint256 word = from >> 8;
        uint256 bit = from & 255;
        uint256 first = count < 256 - bit ? count : 256 - bit;
        uint256 firstMask = mask(bit, first);
        uint256 firstWord = timeline[word];
        if (firstWord & firstMask != 0) return false;
        if (first == count) {
            timeline[word] = firstWord | firstMask;
            return true;
        }
        uint256 secondMask = mask(0, count - first);
        uint256 secondWord = timeline[word + 1];
        if (secondWord & secondMask != 0) return false;
        timeline[word] = firstWord | firstMask;
        timeline[word + 1] = secondWord | secondMask;
        return true;
    }

    /**
     * @dev Frees `[from, from + count)` of the timeline. `count <= 96`.
     */
    function release(mapping(uint256 => uint256) storage timeline, uint256 from, uint256 count) internal {
        uint256 word = from >> 8;
        uint256 bit = from & 255;
        uint256 first = count < 256 - bit ? count : 256 - bit;
        timeline[word] &= ~mask(bit, first);
        if (first < count) timeline[word + 1] &= ~mask(0, count - first);
    }

    function _min3(uint256 a, uint256 b, uint256 c) private pure returns (uint256 m) {
        m = a < b ? a : b;
        if (c < m) m = c;
    }
}
