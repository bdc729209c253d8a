// SPDX-License-Identifier: MIT
// City pilot simulator (test/recycling/RecyclingVm.sol)
pragma solidity ^0.8.24;

/**
 * @dev The cheatcodes the recycling Solidity tests use, as the Hardhat 3 test runner serves
 * them at {RECYCLING_VM_ADDRESS}. Only what these tests call is declared (forge-std is not a
 * dependency of this project).
 */
interface IRecyclingVm {
    /// @dev Sets `block.timestamp`.
    function warp(uint256 newTimestamp) external;

    /// @dev Makes `msgSender` the `msg.sender` of the next call.
    function prank(address msgSender) external;

    /// @dev Discards the current fuzz input when `condition` is false.
    function assume(bool condition) external pure;

    /// @dev Expects the next call to revert with exactly `revertData`.
    function expectRevert(bytes calldata revertData) external;

    /// @dev The address of the private key `privateKey`.
    function addr(uint256 privateKey) external pure returns (address);

    /// @dev Signs `digest` with `privateKey`.
    function sign(uint256 privateKey, bytes32 digest) external pure returns (uint8 v, bytes32 r, bytes32 s);
}

/// @dev Where the test runner serves the cheatcodes.
address constant RECYCLING_VM_ADDRESS = address(uint160(uint256(keccak256("hevm cheat code"))));
