// SPDX-License-Identifier: MIT
// City pilot simulator (interfaces/IRecyclingRewardsErrors.sol)
pragma solidity ^0.8.24;

/**
 * @dev The custom errors of {IRecyclingRewards}. A receipt breaking a deposit rule reverts
 * with the rule's error; a batch entry breaking one is skipped with the matching
 * `RejectReason` instead.
 */
interface IRecyclingRewardsErrors {
    /// @dev A constructor parameter or address is out of range.
    error RecyclingInvalidParams();

    /**
     * @dev `kiosk` is not a registered kiosk.
     * @param kiosk The batch sender, or the kiosk named by a receipt.
     */
    error RecyclingUnknownKiosk(address kiosk);

    /**
     * @dev `kiosk` is already registered.
     * @param kiosk The kiosk.
     */
    error RecyclingKioskAlreadyRegistered(address kiosk);

    /**
     * @dev The zero address, or a capacity that does not fit, was given for a kiosk.
     * @param kiosk The kiosk.
     * @param capacityGrams The capacity given.
     */
    error RecyclingInvalidKiosk(address kiosk, uint256 capacityGrams);

    /**
     * @dev `scheme` is the zero address.
     * @param scheme The scheme given.
     */
    error RecyclingInvalidScheme(address scheme);

    /**
     * @dev A batch of `size` entries is longer than `maxSize`.
     * @param size The batch length.
     * @param maxSize The longest batch accepted.
     */
    error RecyclingBatchTooLarge(uint256 size, uint256 maxSize);

    /**
     * @dev `epoch` already lists the most schemes that pay on claim.
     * @param epoch The current epoch.
     */
    error RecyclingTooManySchemes(uint256 epoch);

    /**
     * @dev Only the receipt's citizen may submit it.
     * @param citizen The receipt's citizen.
     * @param caller The sender.
     */
    error RecyclingNotReceiptCitizen(address citizen, address caller);

    /**
     * @dev The receipt expired at `expiry`; it is `now`.
     * @param expiry The receipt's expiry.
     * @param now The block time.
     */
    error RecyclingReceiptExpired(uint256 expiry, uint256 now);

    /**
     * @dev Receipt `id` of `kiosk` was already used.
     * @param kiosk The kiosk.
     * @param id The receipt id.
     */
    error RecyclingReceiptUsed(address kiosk, uint256 id);

    /// @dev The signature does not recover to any address.
    error RecyclingInvalidSignature();

    /**
     * @dev The signature is not 65 bytes long.
     * @param length Its length.
     */
    error RecyclingInvalidSignatureLength(uint256 length);

    /**
     * @dev The signature's `s` is in the upper half of the curve order (malleable).
     * @param s The `s` value.
     */
    error RecyclingMalleableSignature(bytes32 s);

    /**
     * @dev The receipt was signed by `signer`, not by its kiosk (or for another chain or
     * contract: the domain separator differs, so the signer recovered differs).
     * @param kiosk The receipt's kiosk.
     * @param signer The address the signature recovers to.
     */
    error RecyclingWrongSigner(address kiosk, address signer);

    /**
     * @dev `material` is not a {Material}.
     * @param material The raw index.
     */
    error RecyclingInvalidMaterial(uint256 material);

    /// @dev A deposit of zero grams.
    error RecyclingZeroGrams();

    /**
     * @dev A deposit of more than `maxGrams`.
     * @param grams The deposit's grams.
     * @param maxGrams The largest deposit allowed.
     */
    error RecyclingDepositTooLarge(uint256 grams, uint256 maxGrams);

    /**
     * @dev A deposit with more items than grams.
     * @param items The deposit's items.
     * @param grams The deposit's grams.
     */
    error RecyclingTooManyItems(uint256 items, uint256 grams);

    /**
     * @dev Deposits open at `epochStart`; it is `now`.
     * @param now The block time.
     * @param epochStart The start of epoch 0.
     */
    error RecyclingBeforeEpochStart(uint256 now, uint256 epochStart);

    /**
     * @dev `grams` would take the day's intake of `kiosk` from `intakeGrams` past `capacityGrams`.
     * @param kiosk The kiosk.
     * @param intakeGrams Its intake so far today.
     * @param grams The deposit's grams.
     * @param capacityGrams Its daily capacity.
     */
    error RecyclingKioskCapacityExceeded(
        address kiosk,
        uint256 intakeGrams,
        uint256 grams,
        uint256 capacityGrams
    );

    /**
     * @dev `epoch` has not ended yet.
     * @param epoch The epoch claimed.
     */
    error RecyclingEpochNotEnded(uint256 epoch);

    /**
     * @dev `citizen` already claimed `epoch`.
     * @param citizen The citizen.
     * @param epoch The epoch.
     */
    error RecyclingAlreadyClaimed(address citizen, uint256 epoch);
}
