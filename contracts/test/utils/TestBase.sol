// SPDX-License-Identifier: MIT
// City pilot simulator (test/utils/TestBase.sol)
pragma solidity ^0.8.24;

import {Vm, VM_ADDRESS} from "./Vm.sol";

/**
 * @dev What every Solidity test and handler here shares: the cheatcodes, assertions that
 * revert with a custom error naming the failed check, and {_bound} for fuzz inputs.
 */
abstract contract TestBase {
    // solhint-disable-next-line const-name-snakecase
    Vm internal constant vm = Vm(VM_ADDRESS);

    /// @dev The check `what` failed.
    error AssertionFailed(string what);
    /// @dev The check `what` found `actual` where `expected` was due.
    error AssertEqFailed(string what, uint256 actual, uint256 expected);
    /// @dev The check `what` found address `actual` where `expected` was due.
    error AssertEqAddressFailed(string what, address actual, address expected);

    function _assertTrue(bool condition, string memory what) internal pure {
        if (!condition) revert AssertionFailed(what);
    }

    function _assertEq(uint256 actual, uint256 expected, string memory what) internal pure {
        if (actual != expected) revert AssertEqFailed(what, actual, expected);
    }

    function _assertEq(address actual, address expected, string memory what) internal pure {
        if (actual != expected) revert AssertEqAddressFailed(what, actual, expected);
    }

    function _assertEq(bytes memory actual, bytes memory expected, string memory what) internal pure {
        if (keccak256(actual) != keccak256(expected)) revert AssertionFailed(what);
    }

    /**
     * @dev Maps any `x` into `[min, max]` (uniform enough for fuzzing; `min <= max`).
     */
    function _bound(uint256 x, uint256 min, uint256 max) internal pure returns (uint256) {
        if (min == 0 && max == type(uint256).max) return x;
        return min + (x % (max - min + 1));
    }
}
