// SPDX-License-Identifier: MIT
// City pilot simulator (interfaces/ICityCredit.sol)
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/**
 * @dev The city's reward credit: 0 decimals, 1 credit = 1 KRW face value. Minted only by
 * the rewards contract's role, burned only through the treasury when it redeems them.
 */
interface ICityCredit is IERC20 {
    /**
     * @dev Mints `amount` credits to `to`. Only the minter role (the rewards contract).
     */
    function mint(address to, uint256 amount) external;

    /**
     * @dev Burns `amount` credits held by `from`. Only the burner role (the treasury), which
     * burns only credits it redeems for KRW at face value.
     */
    function burn(address from, uint256 amount) external;
}
