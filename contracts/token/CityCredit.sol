// SPDX-License-Identifier: MIT
// City pilot simulator (token/CityCredit.sol)
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ICityCredit} from "../interfaces/ICityCredit.sol";

/**
 * @title CityCredit
 * @dev The city's reward credit (ERC-20 with EIP-2612 permit, 0 decimals). Minted only by
 * the minter role (the rewards contract), burned only by the burner role (the treasury,
 * when it redeems credits for KRW at face value). So `totalSupply == minted - redeemed`.
 */
contract CityCredit is ERC20, ERC20Permit, AccessControl, ICityCredit {
    /// @dev Role allowed to mint credits (the rewards contract).
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");
    /// @dev Role allowed to burn credits (the treasury).
    bytes32 public constant BURNER_ROLE = keccak256("BURNER_ROLE");

    /**
     * @param admin Receives the admin role, which grants the minter and burner roles.
     */
    constructor(address admin) ERC20("City Credit", "CREDIT") ERC20Permit("City Credit") {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    /// @dev Whole credits only: 1 credit = 1 KRW face value.
    function decimals() public pure override returns (uint8) {
        return 0;
    }

    /// @inheritdoc ICityCredit
    function mint(address to, uint256 amount) external onlyRole(MINTER_ROLE) {
        _mint(to, amount);
    }

    /// @inheritdoc ICityCredit
    function burn(address from, uint256 amount) external onlyRole(BURNER_ROLE) {
        _burn(from, amount);
    }
}
