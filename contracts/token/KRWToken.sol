// SPDX-License-Identifier: MIT
// City pilot simulator (token/KRWToken.sol)
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";

/**
 * @title KRWToken
 * @dev A won-pegged deposit token with 0 decimals: 1 unit = 1 KRW. Only the faucet role
 * mints (actors' starting balances and the city's budget); nothing burns.
 */
contract KRWToken is ERC20, AccessControl {
    /// @dev Role allowed to mint KRW.
    bytes32 public constant FAUCET_ROLE = keccak256("FAUCET_ROLE");

    /**
     * @param admin Receives the admin role and the faucet role.
     */
    constructor(address admin) ERC20("Korean Won Deposit Token", "KRW") {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(FAUCET_ROLE, admin);
    }

    /// @dev Whole won only.
    function decimals() public pure override returns (uint8) {
        return 0;
    }

    /**
     * @dev Mints `amount` KRW to `to`. Only the faucet role.
     */
    function mint(address to, uint256 amount) external onlyRole(FAUCET_ROLE) {
        _mint(to, amount);
    }
}
