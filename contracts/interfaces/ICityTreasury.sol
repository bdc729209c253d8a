// SPDX-License-Identifier: MIT
// City pilot simulator (interfaces/ICityTreasury.sol)
pragma solidity ^0.8.24;

/**
 * @dev The city's treasury: holds the KRW budget, receives parking platform fees and redeems
 * credits 1:1 for KRW, for registered merchants and for the redeemer role (the parking market).
 */
interface ICityTreasury {
    /// @dev `from` moved `amount` KRW into the treasury through {fund}.
    event TreasuryFunded(address indexed from, uint256 amount);

    /// @dev `merchant` was registered (`registered` true) or removed (false).
    event MerchantUpdated(address indexed merchant, bool registered);

    /// @dev `redeemer` burned `amount` credits and received `amount` KRW.
    event CreditsRedeemed(address indexed redeemer, uint256 amount);

    /**
     * @dev `account` is neither a registered merchant nor holds the redeemer role.
     * @param account The caller that tried to redeem.
     */
    error TreasuryUnauthorizedRedeemer(address account);

    /**
     * @dev The treasury holds `available` KRW, less than the `needed` amount.
     */
    error TreasuryInsufficientFunds(uint256 available, uint256 needed);

    /// @dev An amount of zero was given where a positive amount is required.
    error TreasuryZeroAmount();

    /// @dev The zero address was given as a merchant.
    error TreasuryInvalidMerchant(address merchant);

    /**
     * @dev Pulls `amount` KRW from the caller (who approved it) into the treasury.
     */
    function fund(uint256 amount) external;

    /**
     * @dev Registers (`registered` true) or removes `merchant`. Only the registrar role.
     */
    function setMerchant(address merchant, bool registered) external;

    /**
     * @dev Burns `amount` of the caller's credits and pays the caller `amount` KRW.
     * Only a registered merchant or the redeemer role.
     */
    function redeem(uint256 amount) external;

    /// @dev Whether `account` is a registered merchant.
    function isMerchant(address account) external view returns (bool);

    /// @dev Total credits redeemed (and KRW paid out for them) since deployment.
    function totalRedeemed() external view returns (uint256);
}
