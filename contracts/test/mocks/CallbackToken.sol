// SPDX-License-Identifier: MIT
// City pilot simulator (test/mocks/CallbackToken.sol)
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/**
 * @dev Callbacks of {CallbackToken} to the accounts that ask for them.
 */
interface ITokenCallbacks {
    /// @dev Called on the sender before `value` leaves it for `to`.
    function onTokenSent(address to, uint256 value) external;

    /// @dev Called on the receiver after `value` arrived from `from`.
    function onTokenReceived(address from, uint256 value) external;
}

/**
 * @dev A hostile KRW stand-in: an ERC-20 (0 decimals, anyone mints) that calls back into the
 * sender before and into the receiver after every transfer, like ERC-777 hooks, for accounts
 * that registered with {setHook}. A revert in a callback reverts the transfer.
 *
 * IMPORTANT: test double only, to show the market stays correct with such a payment token.
 */
contract CallbackToken is ERC20 {
    /// @dev Whether `account` gets the callbacks.
    mapping(address account => bool) public hooked;

    constructor() ERC20("Callback KRW", "cbKRW") {}

    /// @dev Whole units, like KRW.
    function decimals() public pure override returns (uint8) {
        return 0;
    }

    /// @dev Mints `amount` to `to`; open to anyone.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @dev Turns the caller's callbacks on or off.
    function setHook(bool on) external {
        hooked[msg.sender] = on;
    }

    /// @dev Moves the balances between the sender's and the receiver's callbacks.
    function _update(address from, address to, uint256 value) internal override {
        if (from != address(0) && hooked[from]) ITokenCallbacks(from).onTokenSent(to, value);
        super._update(from, to, value);
        if (to != address(0) && hooked[to]) ITokenCallbacks(to).onTokenReceived(from, value);
    }
}
