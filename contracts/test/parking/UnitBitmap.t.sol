// SPDX-License-Identifier: MIT
// City pilot simulator (test/parking/UnitBitmap.t.sol)
pragma solidity ^0.8.24;

import {UnitBitmap} from "../../parking/libraries/UnitBitmap.sol";
import {UnitBitmapHarness} from "../utils/UnitBitmapHarness.sol";
import {TestBase} from "../utils/TestBase.sol";

/**
 * @dev {UnitBitmap} against naive bit-by-bit computations.
 */
contract UnitBitmapTest is TestBase {
    uint256 private constant WEEK_UNITS = 672;
    /// @dev Timeline window of the reservation tests: four words, so ranges cross word edges.
    uint256 private constant WINDOW = 1024;

    UnitBitmapHarness private _harness;

    function setUp() public {
        _harness = new UnitBitmapHarness();
    }

    /*//////////////////////////////////////////////////////////////
                                WEEK UNIT
    //////////////////////////////////////////////////////////////*/

    function test_weekUnit_knownTimes() public view {
        // 2026-03-02 00:00 KST is a Monday: unit 0.
        _assertEq(_harness.weekUnit(1_772_377_200), 0, "Monday 00:00 KST");
        _assertEq(_harness.weekUnit(1_772_377_200 + 899), 0, "Monday 00:14:59 KST");
        _assertEq(_harness.weekUnit(1_772_377_200 - 1), 671, "Sunday 23:59:59 KST");
        // 2026-03-04 13:30 KST, a Wednesday: 2 * 96 + 54.
        _assertEq(_harness.weekUnit(1_772_598_600), 246, "Wednesday 13:30 KST");
        // The unix epoch was Thursday 09:00 KST: 3 * 96 + 36.
        _assertEq(_harness.weekUnit(0), 324, "unix epoch");
    }

    function testFuzz_weekUnit_matchesKstCalendar(uint256 time) public view {
        time = _bound(time, 0, type(uint40).max);
        uint256 kst = time + 9 hours;
        uint256 daysSinceEpoch = kst / 1 days;
        // 1970-01-01 was a Thursday, weekday 3 counting from Monday = 0.
        uint256 weekday = (daysSinceEpoch + 3) % 7;
        uint256 quarter = (kst % 1 days) / 15 minutes;
        _assertEq(_harness.weekUnit(time), weekday * 96 + quarter, "weekUnit");
    }

    /*//////////////////////////////////////////////////////////////
                                  MASK
    //////////////////////////////////////////////////////////////*/

    function testFuzz_mask_matchesBitLoop(uint256 from, uint256 count) public view {
        from = _bound(from, 0, 255);
        count = _bound(count, 1, 256 - from);
        uint256 expected;
        for (uint256 i = from; i < from + count; ++i) expected |= uint256(1) << i;
        _assertEq(_harness.mask(from, count), expected, "mask");
    }

    /// @dev A whole word: `1 << 256` is 0 in the EVM, so this case has a branch of its own.
    function test_mask_wholeWord() public view {
        _assertEq(_harness.mask(0, 256), type(uint256).max, "mask(0, 256)");
    }

    /*//////////////////////////////////////////////////////////////
                              WEEK RANGES
    //////////////////////////////////////////////////////////////*/

    function testFuzz_weekRangeSet_randomWeek(uint256[3] memory week, uint256 from, uint256 count) public {
        week[2] &= UnitBitmap.LAST_WORD_MASK;
        from = _bound(from, 0, WEEK_UNITS - 1);
        count = _bound(count, 1, 96);
        _harness.setWeek(week);
        _assertTrue(_harness.weekRangeSet(from, count) == _naiveRangeSet(week, from, count), "weekRangeSet");
    }

    /// @dev A full week with up to two holes: most ranges are set, so both answers are exercised.
    function testFuzz_weekRangeSet_weekWithHoles(uint256 holes, uint256 from, uint256 count) public {
        uint256[3] memory week = [type(uint256).max, type(uint256).max, UnitBitmap.LAST_WORD_MASK];
        for (uint256 i = 0; i < holes % 3; ++i) {
            uint256 hole = (holes >> (16 * (i + 1))) % WEEK_UNITS;
            week[hole / 256] &= ~(uint256(1) << (hole % 256));
        }
        from = _bound(from, 0, WEEK_UNITS - 1);
        count = _bound(count, 1, 96);
        _harness.setWeek(week);
        _assertTrue(_harness.weekRangeSet(from, count) == _naiveRangeSet(week, from, count), "weekRangeSet");
    }

    function test_weekRangeSet_wrapsFromSundayToMonday() public {
        uint256[3] memory week;
        week[0] = 0xF; // Monday 00:00-01:00
        week[2] = uint256(0xF) << (WEEK_UNITS - 4 - 512); // Sunday 23:00-24:00
        _harness.setWeek(week);
        _assertTrue(_harness.weekRangeSet(WEEK_UNITS - 4, 8), "Sunday 23:00 to Monday 01:00");
        _assertTrue(!_harness.weekRangeSet(WEEK_UNITS - 4, 9), "one unit past Monday 01:00");
        _assertTrue(!_harness.weekRangeSet(WEEK_UNITS - 5, 5), "one unit before Sunday 23:00");
    }

    /*//////////////////////////////////////////////////////////////
                              RESERVATIONS
    //////////////////////////////////////////////////////////////*/

    /**
     * @dev Six reserve or release operations on a four-word window of the timeline, each
     * compared with a bool-per-unit model, then every word of the window compared bit by bit.
     */
    function testFuzz_tryReserve_release_matchBitLoop(uint256 baseWord, uint256[6] memory ops) public {
        uint256 base = _bound(baseWord, 0, type(uint40).max / 900 / 256) * 256;
        bool[] memory taken = new bool[](WINDOW);
        for (uint256 k = 0; k < ops.length; ++k) {
            uint256 count = _bound(ops[k] >> 16, 1, 96);
            uint256 offset = _bound(ops[k] >> 32, 0, WINDOW - count);
            // Releases follow reservations in the market; here one op in four releases.
            if (ops[k] % 4 == 0) {
                _harness.release(base + offset, count);
                for (uint256 i = offset; i < offset + count; ++i) taken[i] = false;
            } else {
                bool free = true;
                for (uint256 i = offset; i < offset + count; ++i) free = free && !taken[i];
                _assertTrue(_harness.tryReserve(base + offset, count) == free, "tryReserve result");
                if (free) for (uint256 i = offset; i < offset + count; ++i) taken[i] = true;
            }
        }
        for (uint256 w = 0; w < WINDOW / 256; ++w) {
            uint256 expected;
            for (uint256 b = 0; b < 256; ++b) if (taken[w * 256 + b]) expected |= uint256(1) << b;
            _assertEq(_harness.timelineWord(base / 256 + w), expected, "timeline word");
        }
        _assertEq(_harness.timelineWord(base / 256 + WINDOW / 256), 0, "word past the window");
    }

    function test_tryReserve_acrossWordEdge() public {
        _assertTrue(_harness.tryReserve(250, 10), "first reservation");
        _assertEq(_harness.timelineWord(0), uint256(0x3F) << 250, "low word");
        _assertEq(_harness.timelineWord(1), 0xF, "high word");
        _assertTrue(!_harness.tryReserve(259, 1), "overlap in the high word");
        _assertTrue(!_harness.tryReserve(200, 51), "overlap in the low word");
        _assertTrue(_harness.tryReserve(260, 96), "adjacent range");
        _harness.release(250, 10);
        _assertEq(_harness.timelineWord(0), 0, "low word released");
        _assertEq(_harness.timelineWord(1), _harness.mask(4, 96), "only the adjacent range stays");
    }

    /// @dev Whether every unit of `[from, from + count)` of the week is set, one bit at a time.
    function _naiveRangeSet(uint256[3] memory week, uint256 from, uint256 count) private pure returns (bool) {
        for (uint256 i = 0; i < count; ++i) {
            uint256 unit = (from + i) % WEEK_UNITS;
            if ((week[unit / 256] >> (unit % 256)) & 1 == 0) return false;
        }
        return true;
    }
}
