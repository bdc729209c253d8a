// SPDX-License-Identifier: MIT
// City pilot simulator (test/utils/IMintableERC20.sol)
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/**
 * @dev A KRW token the fixture can mint: {KRWToken} (the fixture holds its faucet role) or a
 * test double with the same `mint` such as {CallbackToken}.
 */
interface IMintableERC20 is IERC20 {
    /// @dev Mints `amount` to `to`.
    function mint(address to, uint256 amount) external;
}
