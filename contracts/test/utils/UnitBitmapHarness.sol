// SPDX-License-Identifier: MIT
// City pilot simulator (test/utils/UnitBitmapHarness.sol)
pragma solidity ^0.8.24;

import {UnitBitmap} from "../../parking/libraries/UnitBitmap.sol";

/**
 * @dev Exposes {UnitBitmap} on one weekly bitmap and one timeline, for the library's tests.
 */
contract UnitBitmapHarness {
    using UnitBitmap for uint256[3];
    using UnitBitmap for mapping(uint256 => uint256);

    uint256[3] private _week;
    mapping(uint256 word => uint256 bits) private _timeline;

    /// @dev Replaces the weekly bitmap.
    function setWeek(uint256[3] calldata week) external {
        _week = week;
    }

    /// @dev See {UnitBitmap-weekRangeSet}.
    function weekRangeSet(uint256 from, uint256 count) external view returns (bool) {
        return _week.weekRangeSet(from, count);
    }

    /// @dev See {UnitBitmap-tryReserve}.
    function tryReserve(uint256 from, uint256 count) external returns (bool) {
        return _timeline.tryReserve(from, count);
    }

    /// @dev See {UnitBitmap-release}.
    function release(uint256 from, uint256 count) external {
        _timeline.release(from, count);
    }

    /// @dev Word `word` of the timeline.
    function timelineWord(uint256 word) external view returns (uint256) {
        return _timeline[word];
    }

    /// @dev See {UnitBitmap-weekUnit}.
    function weekUnit(uint256 time) external pure returns (uint256) {
        return UnitBitmap.weekUnit(time);
    }

    /// @dev See {UnitBitmap-mask}.
    function mask(uint256 from, uint256 count) external pure returns (uint256) {
        return UnitBitmap.mask(from, count);
    }
}
