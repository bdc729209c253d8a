// SPDX-License-Identifier: MIT
// City pilot simulator (token/CityTreasury.sol)
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {ICityCredit} from "../interfaces/ICityCredit.sol";
import {ICityTreasury} from "../interfaces/ICityTreasury.sol";

/**
 * @title CityTreasury
 * @dev Holds the city's KRW. Parking platform fees arrive as plain transfers. Credits are
 * redeemed at face value: the treasury burns the caller's credits and pays the same KRW,
 * for registered merchants and for the redeemer role (the parking market, which redeems a
 * driver's credits into a booking's escrow).
 */
contract CityTreasury is AccessControl, ReentrancyGuardTransient, ICityTreasury {
    using SafeERC20 for IERC20;

    /// @dev Role allowed to register merchants.
    bytes32 public constant REGISTRAR_ROLE = keccak256("REGISTRAR_ROLE");
    /// @dev Role allowed to redeem without being a merchant (the parking market).
    bytes32 public constant REDEEMER_ROLE = keccak256("REDEEMER_ROLE");

    /// @dev The KRW token paid out.
    IERC20 public immutable krw;
    /// @dev The credit token burned.
    ICityCredit public immutable credit;

    mapping(address account => bool) private _merchants;
    uint256 private _totalRedeemed;

    /**
     * @param admin Receives the admin and registrar roles.
     * @param krwToken The KRW token.
     * @param creditToken The credit token; the treasury needs its burner role.
     */
    constructor(address admin, IERC20 krwToken, ICityCredit creditToken) {
        krw = krwToken;
        credit = creditToken;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(REGISTRAR_ROLE, admin);
    }

    /// @inheritdoc ICityTreasury
    function fund(uint256 amount) external nonReentrant {
        if (amount == 0) revert TreasuryZeroAmount();
        emit TreasuryFunded(msg.sender, amount);
        krw.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @inheritdoc ICityTreasury
    function setMerchant(address merchant, bool registered) external onlyRole(REGISTRAR_ROLE) {
        if (merchant == address(0)) revert TreasuryInvalidMerchant(merchant);
        _merchants[merchant] = registered;
        emit MerchantUpdated(merchant, registered);
    }

    /// @inheritdoc ICityTreasury
    function redeem(uint256 amount) external nonReentrant {
        if (!_merchants[msg.sender] && !hasRole(REDEEMER_ROLE, msg.sender)) {
            revert TreasuryUnauthorizedRedeemer(msg.sender);
        }
        if (amount == 0) revert TreasuryZeroAmount();
        uint256 available = krw.balanceOf(address(this));
        if (available < amount) revert TreasuryInsufficientFunds(available, amount);

        // Effects before interactions: the burn and the counter settle the redemption before
        // any KRW leaves, so a token calling back cannot redeem the same credits twice.
        _totalRedeemed += amount;
        credit.burn(msg.sender, amount);
        emit CreditsRedeemed(msg.sender, amount);
        krw.safeTransfer(msg.sender, amount);
    }

    /// @inheritdoc ICityTreasury
    function isMerchant(address account) external view returns (bool) {
        return _merchants[account];
    }

    /// @inheritdoc ICityTreasury
    function totalRedeemed() external view returns (uint256) {
        return _totalRedeemed;
    }
}
