// SPDX-License-Identifier: MIT
// City pilot simulator (interfaces/IRecyclingRewards.sol)
pragma solidity ^0.8.24;

import {IRecyclingRewardsErrors} from "./IRecyclingRewardsErrors.sol";
import {IRewardScheme, Material} from "./IRewardScheme.sol";

/**
 * @dev Plastic recycling rewards: registered kiosks take deposits (in batches, or as signed
 * receipts the citizens submit), the contract applies the deposit rules and the active reward
 * scheme turns each deposit into city credits, minted to the citizen at the deposit or, for
 * pooled schemes, at the citizen's claim after the epoch ends.
 *
 * A deposit's time is the time of the block that records it. Days are KST days,
 * `floor((time + 32400) / 86400)`; epochs are `floor((time - epochStart) / epochSeconds)`.
 */
interface IRecyclingRewards is IRecyclingRewardsErrors {
    /**
     * @dev Why a batch entry was skipped. Checked in this order; `None` is never emitted.
     */
    enum RejectReason {
        None,
        ZeroCitizen,
        InvalidMaterial,
        ZeroGrams,
        OverMaxDeposit,
        ItemsOverGrams,
        BeforeEpochStart,
        OverKioskCapacity
    }

    /**
     * @dev Rules fixed at deployment.
     * @param dailyCapGrams Grams a citizen may have accepted per KST day (spec default 5,000).
     * @param maxDepositGrams Largest single deposit (spec default 20,000).
     * @param epochSeconds Length of an epoch (spec default 30 days).
     * @param epochStart Start of epoch 0 (unix seconds); earlier deposits are rejected.
     * @param epochMintCap Most credits minted for one epoch; 0 for no cap.
     */
    struct RewardsParams {
        uint256 dailyCapGrams;
        uint256 maxDepositGrams;
        uint256 epochSeconds;
        uint256 epochStart;
        uint256 epochMintCap;
    }

    /**
     * @dev One entry of a kiosk's batch. `material` is a raw {Material} index so that an
     * unknown one is skipped rather than reverting the batch.
     */
    struct Deposit {
        address citizen;
        uint8 material;
        uint256 grams;
        uint256 items;
    }

    /**
     * @dev A deposit receipt signed by `kiosk` (EIP-712), submitted by `citizen` before
     * `expiry` (unix seconds, exclusive). `id` is usable once per kiosk.
     */
    struct Receipt {
        address citizen;
        address kiosk;
        uint8 material;
        uint256 grams;
        uint256 items;
        uint256 id;
        uint256 expiry;
    }

    /**
     * @dev A kiosk as registered, with its intake on `day` (the last KST day it took plastic).
     */
    struct KioskInfo {
        bool registered;
        bytes32 district;
        uint256 capacityGrams;
        uint256 day;
        uint256 intakeGrams;
    }

    /**
     * @dev A kiosk was registered.
     * @param kiosk The kiosk's address (it sends batches and signs receipts).
     * @param district Its district.
     * @param capacityGrams Its daily capacity.
     */
    event KioskRegistered(address indexed kiosk, bytes32 indexed district, uint256 capacityGrams);

    /**
     * @dev The daily capacity of a kiosk changed.
     * @param kiosk The kiosk.
     * @param oldCapacity The capacity before, in grams.
     * @param newCapacity The capacity now, in grams.
     */
    event KioskCapacityChanged(address indexed kiosk, uint256 oldCapacity, uint256 newCapacity);

    /**
     * @dev A kiosk was removed: it can no longer take deposits nor have its receipts used.
     * @param kiosk The kiosk.
     */
    event KioskRemoved(address indexed kiosk);

    /**
     * @dev A deposit was accepted (by batch or receipt).
     * @param kiosk The kiosk that took it.
     * @param citizen The depositor.
     * @param epoch The epoch of the block's time.
     * @param material The material.
     * @param grams The grams the kiosk took (all count toward its capacity).
     * @param acceptedGrams The grams under the citizen's daily cap, which count and earn.
     * @param items The items that count: `floor(items * acceptedGrams / grams)`.
     * @param reward The scheme's reward (0 for a scheme paying on claim).
     * @param minted The credits minted: the reward, cut by the epoch's mint cap.
     */
    event DepositAccepted(
        address indexed kiosk,
        address indexed citizen,
        uint256 indexed epoch,
        Material material,
        uint256 grams,
        uint256 acceptedGrams,
        uint256 items,
        uint256 reward,
        uint256 minted
    );

    /**
     * @dev An entry of a batch was skipped; the rest of the batch went on.
     * @param kiosk The kiosk that sent the batch.
     * @param citizen The entry's citizen.
     * @param index The entry's index in the batch.
     * @param reason The first rule it broke.
     */
    event DepositRejected(address indexed kiosk, address indexed citizen, uint256 index, RejectReason reason);

    /**
     * @dev A receipt was used.
     * @param kiosk The kiosk that signed it.
     * @param id Its id (once per kiosk).
     * @param citizen The citizen who submitted it.
     */
    event ReceiptUsed(address indexed kiosk, uint256 indexed id, address indexed citizen);

    /**
     * @dev The active scheme changed; the change applies to later deposits.
     * @param previous The scheme before.
     * @param scheme The scheme now.
     */
    event SchemeChanged(IRewardScheme indexed previous, IRewardScheme indexed scheme);

    /**
     * @dev A scheme paying on claim was active in an epoch: claims of the epoch collect from it.
     * @param epoch The epoch.
     * @param scheme The scheme.
     */
    event SchemeListed(uint256 indexed epoch, IRewardScheme indexed scheme);

    /**
     * @dev A citizen claimed an ended epoch.
     * @param citizen The citizen.
     * @param epoch The epoch.
     * @param earned What the schemes owed.
     * @param minted The credits minted: `earned`, cut by the epoch's mint cap.
     */
    event RewardsClaimed(address indexed citizen, uint256 indexed epoch, uint256 earned, uint256 minted);

    /**
     * @dev Registers `kiosk` in `district` with a daily capacity of `capacityGrams`. Only the
     * registrar role. A kiosk removed earlier the same day keeps that day's intake.
     */
    function registerKiosk(address kiosk, bytes32 district, uint256 capacityGrams) external;

    /**
     * @dev Sets the daily capacity of a registered `kiosk`. Only the registrar role. Applies
     * at once, to the intake already taken today.
     */
    function setKioskCapacity(address kiosk, uint256 capacityGrams) external;

    /**
     * @dev Removes a registered `kiosk`: its batches and receipts are refused from now on
     * (receipts it signed earlier included). Only the registrar role.
     */
    function removeKiosk(address kiosk) external;

    /**
     * @dev Records a batch of deposits taken by the calling kiosk, at the block's time. An
     * entry that breaks a rule is skipped with {DepositRejected}; the others are credited.
     * Reverts only if the caller is not a registered kiosk or the batch is longer than
     * `MAX_BATCH_SIZE`.
     */
    function depositBatch(Deposit[] calldata deposits) external;

    /**
     * @dev Records the deposit of `receipt`, signed by its kiosk, at the block's time, and mints
     * its reward. Only the receipt's citizen, before the expiry, once per kiosk and id. A
     * deposit that breaks a rule reverts with that rule's error.
     * @return minted The credits minted.
     */
    function claimReceipt(
        Receipt calldata receipt,
        bytes calldata signature
    ) external returns (uint256 minted);

    /**
     * @dev Collects the caller's payouts for the ended `epoch` from every scheme that pays on
     * claim and was active in it, capped by what the epoch's mint cap leaves. Once per
     * citizen and epoch (a claim that finds nothing counts).
     * @return minted The credits minted.
     */
    function claim(uint256 epoch) external returns (uint256 minted);

    /**
     * @dev Makes `scheme` the active scheme for later deposits, binding it to this contract.
     * Only the scheme admin role.
     */
    function setScheme(IRewardScheme scheme) external;

    /// @dev The active scheme.
    function scheme() external view returns (IRewardScheme);

    /// @dev The schemes paying on claim that were active in `epoch`.
    function epochSchemes(uint256 epoch) external view returns (IRewardScheme[] memory);

    /// @dev The rules fixed at deployment.
    function params() external view returns (RewardsParams memory);

    /// @dev The registration of `kiosk` and its intake on its last day.
    function kioskOf(address kiosk) external view returns (KioskInfo memory);

    /// @dev Grams of `citizen` accepted (counted under the daily cap) in `epoch`.
    function acceptedGramsOf(address citizen, uint256 epoch) external view returns (uint256);

    /// @dev Grams of `citizen` accepted on the KST day of the current block.
    function acceptedTodayOf(address citizen) external view returns (uint256);

    /// @dev Credits minted for `epoch` (at deposits in it and claims of it).
    function mintedInEpoch(uint256 epoch) external view returns (uint256);

    /// @dev Whether `citizen` claimed `epoch`.
    function hasClaimed(address citizen, uint256 epoch) external view returns (bool);

    /// @dev Whether receipt `id` of `kiosk` was used.
    function receiptUsed(address kiosk, uint256 id) external view returns (bool);

    /// @dev The EIP-712 digest a kiosk signs for `receipt`.
    function receiptDigest(Receipt calldata receipt) external view returns (bytes32);

    /// @dev The EIP-712 domain separator (name "RecyclingRewards", version "1").
    // solhint-disable-next-line func-name-mixedcase
    function DOMAIN_SEPARATOR() external view returns (bytes32);

    /// @dev The KST day of unix time `time`.
    function dayOf(uint256 time) external pure returns (uint256);

    /// @dev The epoch of unix time `time` (reverts before the epoch start).
    function epochOf(uint256 time) external view returns (uint256);

    /// @dev The first second after `epoch`.
    function epochEnd(uint256 epoch) external view returns (uint256);
}
