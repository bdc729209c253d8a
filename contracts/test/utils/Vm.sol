// SPDX-License-Identifier: MIT
// City pilot simulator (test/utils/Vm.sol)
pragma solidity ^0.8.24;

/**
 * @dev The cheatcodes the Solidity tests use, as served by the Hardhat 3 (EDR) test runner at
 * {VM_ADDRESS}. Only what the tests call is declared (forge-std is not a dependency).
 */
// solhint-disable-next-line interface-starts-with-i
interface Vm {
    /// @dev Sets `block.timestamp`.
    function warp(uint256 newTimestamp) external;

    /// @dev Makes `msgSender` the `msg.sender` of the next call.
    function prank(address msgSender) external;

    /// @dev Makes `msgSender` the `msg.sender` of every call until {stopPrank}.
    function startPrank(address msgSender) external;

    /// @dev Ends a {startPrank}.
    function stopPrank() external;

    /// @dev Discards the current fuzz input when `condition` is false.
    function assume(bool condition) external pure;

    /// @dev Expects the next call to revert with exactly `revertData`.
    function expectRevert(bytes calldata revertData) external;

    /// @dev Expects the next call to revert with a custom error whose selector is `revertData`.
    function expectRevert(bytes4 revertData) external;

    /// @dev Expects the next call to revert, whatever the reason.
    function expectRevert() external;

    /// @dev The address of the private key `privateKey`.
    function addr(uint256 privateKey) external pure returns (address);

    /// @dev Signs `digest` with `privateKey`.
    function sign(uint256 privateKey, bytes32 digest) external pure returns (uint8 v, bytes32 r, bytes32 s);

    /// @dev Names `account` in traces.
    function label(address account, string calldata newLabel) external;
}

/// @dev Where the test runner serves the cheatcodes.
address constant VM_ADDRESS = address(uint160(uint256(keccak256("hevm cheat code"))));
