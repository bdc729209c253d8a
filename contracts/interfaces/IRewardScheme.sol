// SPDX-License-Identifier: MIT
// City pilot simulator (interfaces/IRewardScheme.sol)
pragma solidity ^0.8.24;

/// @dev The plastics a kiosk takes, in this order (Korea separates clear PET bottles).
enum Material {
    CLEAR_PET,
    PET,
    HDPE,
    PP,
    PS,
    OTHER
}

/// @dev Number of {Material} values.
uint256 constant MATERIAL_COUNT = 6;

/**
 * @dev A reward scheme of the recycling rewards contract. The rewards contract applies every
 * deposit rule (limits, daily cap, kiosk capacity, epochs, mint cap) and shows the scheme
 * each deposit as it counts; the scheme only turns it into credits. A scheme either pays at
 * the deposit ({onDeposit} returns the credits) or after the epoch ends ({paysOnClaim} is
 * true and {onClaim} returns a citizen's share), or both.
 *
 * Everything a scheme may need is in the hook arguments, so a new scheme needs no change to
 * the rewards contract. A scheme instance serves one rewards contract: the first contract
 * that installs it calls {bind}, and from then on only that contract may call the hooks.
 *
 * IMPORTANT: parameters are fixed at construction and the constructors take full arrays.
 * Defaults and the merging of a partial per-material map over them happen off-chain, in
 * the deployment code (`ignition/rewardSchemes.ts`).
 */
interface IRewardScheme {
    /**
     * @dev A deposit as it counts, as the rewards contract shows it to the scheme.
     * @param citizen Who deposited.
     * @param kiosk Where (its district is in the rewards contract's kiosk registry).
     * @param material What.
     * @param acceptedGrams The grams that count: the deposit's grams under the citizen's daily
     * cap (always > 0 in a hook call).
     * @param items The items that count: `floor(items * acceptedGrams / grams)`.
     * @param epoch The epoch of the deposit.
     * @param epochGramsBefore The citizen's accepted grams earlier in this epoch, all
     * materials, under any scheme.
     */
    struct CountedDeposit {
        address citizen;
        address kiosk;
        Material material;
        uint256 acceptedGrams;
        uint256 items;
        uint256 epoch;
        uint256 epochGramsBefore;
    }

    /**
     * @dev The scheme was bound to `rewards`, the only caller of its hooks from now on.
     * @param rewards The rewards contract.
     */
    event SchemeBound(address indexed rewards);

    /**
     * @dev `caller` is not the rewards contract the scheme is bound to.
     * @param caller The account that called a hook.
     */
    error SchemeUnauthorizedCaller(address caller);

    /**
     * @dev The scheme is already bound to another rewards contract.
     * @param rewards The rewards contract the scheme serves.
     */
    error SchemeAlreadyBound(address rewards);

    /**
     * @dev A constructor parameter is out of range.
     * @param index Which parameter (per scheme: the band or material index, else 0).
     */
    error SchemeInvalidParams(uint256 index);

    /**
     * @dev Binds the scheme to the caller, the rewards contract installing it. A second call
     * by the same contract does nothing; by any other account it reverts.
     */
    function bind() external;

    /**
     * @dev Credits earned by `deposit`, to be minted at once (before any mint cap). Only the
     * bound rewards contract, which calls it only for a deposit with `acceptedGrams > 0`.
     * @param deposit The deposit as it counts.
     * @return credits The reward, rounded down.
     */
    function onDeposit(CountedDeposit calldata deposit) external returns (uint256 credits);

    /**
     * @dev Credits `citizen` collects for the ended `epoch`, to be minted at once (before
     * any mint cap). Only the bound rewards contract, at most once per citizen and epoch, and
     * only when {paysOnClaim} is true. Schemes paying at the deposit return 0.
     * @param citizen Who claims.
     * @param epoch The ended epoch.
     * @return credits The citizen's payout, rounded down.
     */
    function onClaim(address citizen, uint256 epoch) external returns (uint256 credits);

    /// @dev Whether the scheme pays through {onClaim} after an epoch ends.
    function paysOnClaim() external view returns (bool);

    /// @dev The scheme's kind, as the simulator names it (`flat`, `material`...).
    function kind() external pure returns (string memory);

    /// @dev The rewards contract the scheme is bound to (zero until bound).
    function rewards() external view returns (address);
}
