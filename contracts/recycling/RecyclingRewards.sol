// SPDX-License-Identifier: MIT
// City pilot simulator (recycling/RecyclingRewards.sol)
pragma solidity ^0.8.24;

import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {ICityCredit} from "../interfaces/ICityCredit.sol";
import {IRecyclingRewards} from "../interfaces/IRecyclingRewards.sol";
import {IRewardScheme, MATERIAL_COUNT, Material} from "../interfaces/IRewardScheme.sol";
import {CitizenLedger} from "./libraries/CitizenLedger.sol";
import {KioskRegistry} from "./KioskRegistry.sol";
import {ReceiptVerifier} from "./ReceiptVerifier.sol";
import {RewardsBook} from "./RewardsBook.sol";

/**
 * @title RecyclingRewards
 * @dev Deposit rules and credit minting for the plastic recycling pilot. Registered kiosks
 * ({KioskRegistry}) submit batches of deposits, or sign receipts that citizens submit
 * ({ReceiptVerifier}); the active {IRewardScheme} prices each deposit as it counts; credits
 * are minted to the citizen at once, or at the citizen's {claim} after the epoch for schemes
 * that pay on claim ({RewardsBook} keeps the epochs, the schemes and the mint cap).
 *
 * Rules (SPEC section 3): `0 < grams <= maxDepositGrams`, `items <= grams`; a citizen's
 * accepted grams per KST day are capped (a crossing deposit is accepted, only the grams under
 * the cap count); a kiosk's daily intake counts every gram and a deposit that would pass its
 * capacity is rejected whole; no deposit before `epochStart`; credits minted for an epoch
 * never exceed `epochMintCap` when set (first come, first served).
 *
 * IMPORTANT: this contract needs the MINTER_ROLE of the credit token.
 */
contract RecyclingRewards is RewardsBook, KioskRegistry, ReceiptVerifier, ReentrancyGuardTransient {
    using CitizenLedger for CitizenLedger.Ledger;

    /*//////////////////////////////////////////////////////////////
                               CONSTANTS
    //////////////////////////////////////////////////////////////*/

    /// @dev Role allowed to set the active reward scheme (the city).
    bytes32 public constant SCHEME_ADMIN_ROLE = keccak256("SCHEME_ADMIN_ROLE");
    /// @dev The longest batch a kiosk may submit.
    uint256 public constant MAX_BATCH_SIZE = 256;

    uint256 private constant KST_OFFSET_SECONDS = 32_400;
    uint256 private constant DAY_SECONDS = 86_400;

    /*//////////////////////////////////////////////////////////////
                          IMMUTABLES AND STORAGE
    //////////////////////////////////////////////////////////////*/

    /// @dev The credit token minted.
    ICityCredit public immutable credit;

    uint256 private immutable _dailyCapGrams;
    uint256 private immutable _maxDepositGrams;

    CitizenLedger.Ledger private _ledger;
    mapping(address citizen => mapping(uint256 epoch => bool)) private _claimed;

    /**
     * @param admin Receives the admin, registrar and scheme admin roles.
     * @param creditToken The credit token; grant this contract its minter role.
     * @param rewardsParams The deposit rules; caps and limits must fit 32 bits, `epochSeconds > 0`,
     * `epochMintCap` below 2^56.
     * @param initialScheme The scheme active from the start; bound to this contract here.
     */
    constructor(
        address admin,
        ICityCredit creditToken,
        RewardsParams memory rewardsParams,
        IRewardScheme initialScheme
    ) RewardsBook(rewardsParams.epochStart, rewardsParams.epochSeconds, rewardsParams.epochMintCap) {
        if (
            admin == address(0) ||
            address(creditToken) == address(0) ||
            rewardsParams.dailyCapGrams == 0 ||
            rewardsParams.dailyCapGrams > type(uint32).max ||
            rewardsParams.maxDepositGrams == 0 ||
            rewardsParams.maxDepositGrams > type(uint32).max
        ) revert RecyclingInvalidParams();
        credit = creditToken;
        _dailyCapGrams = rewardsParams.dailyCapGrams;
        _maxDepositGrams = rewardsParams.maxDepositGrams;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(REGISTRAR_ROLE, admin);
        _grantRole(SCHEME_ADMIN_ROLE, admin);
        _setScheme(initialScheme);
    }

    /*//////////////////////////////////////////////////////////////
                               DEPOSITS
    //////////////////////////////////////////////////////////////*/

    /// @inheritdoc IRecyclingRewards
    function depositBatch(Deposit[] calldata deposits) external nonReentrant {
        uint256 count = deposits.length;
        if (count > MAX_BATCH_SIZE) revert RecyclingBatchTooLarge(count, MAX_BATCH_SIZE);
        // Every entry shares the block's time, hence its day and epoch: both are worked out
        // once, and the kiosk's intake and the epoch's minted total are kept in memory across
        // the batch and written once at the end (one storage write each instead of one per
        // entry). The writes after the loop's calls are safe: every entry point is
        // nonReentrant, and the schemes and the credit token are contracts the city installed.
        uint256 day = dayOf(block.timestamp);
        (uint256 capacity, uint256 intakeBefore) = _kioskOn(msg.sender, day);
        uint256 intake = intakeBefore;
        bool open = block.timestamp >= _epochStart;
        Context memory ctx;
        if (open) ctx = _openEpoch(msg.sender, day);

        for (uint256 i; i < count; ++i) {
            Deposit calldata entry = deposits[i];
            uint256 grams = entry.grams;
            RejectReason reason =
                entry.citizen == address(0)
                    ? RejectReason.ZeroCitizen
                    : _check(entry.material, grams, entry.items);
            if (reason == RejectReason.None) {
                if (!open) reason = RejectReason.BeforeEpochStart;
                else if (intake + grams > capacity) reason = RejectReason.OverKioskCapacity;
            }
            if (reason != RejectReason.None) {
                emit DepositRejected(msg.sender, entry.citizen, i, reason);
                continue;
            }
            // The kiosk's capacity counts every gram it takes, over the citizen's cap or not.
            intake += grams;
            _record(ctx, entry.citizen, entry.material, grams, entry.items);
        }

        // Every accepted entry has grams > 0: the intake moved if and only if one was accepted.
        if (intake != intakeBefore) {
            _closeEpoch(ctx);
            _setIntake(msg.sender, capacity, day, intake);
        }
    }

    /// @inheritdoc IRecyclingRewards
    function claimReceipt(
        Receipt calldata receipt,
        bytes calldata signature
    ) external nonReentrant returns (uint256 minted) {
        if (msg.sender != receipt.citizen) revert RecyclingNotReceiptCitizen(receipt.citizen, msg.sender);
        if (block.timestamp >= receipt.expiry)
            revert RecyclingReceiptExpired(receipt.expiry, block.timestamp);
        address kiosk = receipt.kiosk;
        uint256 day = dayOf(block.timestamp);
        (uint256 capacity, uint256 intake) = _kioskOn(kiosk, day);
        _useReceipt(receipt, signature);

        uint256 grams = receipt.grams;
        _revertFor(_check(receipt.material, grams, receipt.items), receipt);
        if (block.timestamp < _epochStart) revert RecyclingBeforeEpochStart(block.timestamp, _epochStart);
        if (intake + grams > capacity) revert RecyclingKioskCapacityExceeded(kiosk, intake, grams, capacity);
        _setIntake(kiosk, capacity, day, intake + grams);

        Context memory ctx = _openEpoch(kiosk, day);
        minted = _record(ctx, msg.sender, receipt.material, grams, receipt.items);
        _closeEpoch(ctx);
    }

    /*//////////////////////////////////////////////////////////////
                           CLAIMS AND SCHEMES
    //////////////////////////////////////////////////////////////*/

    /// @inheritdoc IRecyclingRewards
    function claim(uint256 epoch) external nonReentrant returns (uint256 minted) {
        if (epoch >= _endedEpochs()) revert RecyclingEpochNotEnded(epoch);
        if (_claimed[msg.sender][epoch]) revert RecyclingAlreadyClaimed(msg.sender, epoch);
        _claimed[msg.sender][epoch] = true;

        // At most MAX_SCHEMES_PER_EPOCH calls: the list is bounded when schemes are set.
        IRewardScheme[] storage listed = _epochSchemes[epoch];
        uint256 count = listed.length;
        uint256 earned;
        for (uint256 i; i < count; ++i) {
            earned += listed[i].onClaim(msg.sender, epoch);
        }
        minted = _capped(earned, _mintedIn(epoch));
        if (minted != 0) _addMinted(epoch, minted);
        emit RewardsClaimed(msg.sender, epoch, earned, minted);
        if (minted != 0) credit.mint(msg.sender, minted);
    }

    /// @inheritdoc IRecyclingRewards
    function setScheme(IRewardScheme newScheme) external onlyRole(SCHEME_ADMIN_ROLE) {
        _setScheme(newScheme);
    }

    /*//////////////////////////////////////////////////////////////
                                 VIEWS
    //////////////////////////////////////////////////////////////*/

    /// @inheritdoc IRecyclingRewards
    function params() external view returns (RewardsParams memory) {
        return RewardsParams(_dailyCapGrams, _maxDepositGrams, _epochSeconds, _epochStart, _epochMintCap);
    }

    /// @inheritdoc IRecyclingRewards
    function acceptedGramsOf(address citizen, uint256 epoch) external view returns (uint256) {
        return _ledger.acceptedGrams(citizen, epoch);
    }

    /// @inheritdoc IRecyclingRewards
    function acceptedTodayOf(address citizen) external view returns (uint256) {
        return _ledger.acceptedOnDay(citizen, dayOf(block.timestamp));
    }

    /// @inheritdoc IRecyclingRewards
    function hasClaimed(address citizen, uint256 epoch) external view returns (bool) {
        return _claimed[citizen][epoch];
    }

    /// @inheritdoc IRecyclingRewards
    function dayOf(uint256 time) public pure returns (uint256) {
        return (time + KST_OFFSET_SECONDS) / DAY_SECONDS;
    }

    /*//////////////////////////////////////////////////////////////
                                INTERNAL
    //////////////////////////////////////////////////////////////*/

    /**
     * @dev Records an accepted deposit (rules already checked): the citizen's daily cap and
     * epoch total, the scheme's reward, the mint cap, the mint. Returns the credits minted.
     */
    function _record(
        Context memory ctx,
        address citizen,
        uint256 material,
        uint256 grams,
        uint256 items
    ) private returns (uint256 minted) {
        IRewardScheme.CountedDeposit memory input = ctx.input;
        (uint256 accepted, uint256 before) = _ledger.record(
            citizen,
            ctx.day,
            input.epoch,
            grams,
            _dailyCapGrams
        );
        // The scheme sees the items of the accepted grams; a deposit under the cap keeps them all.
        uint256 counted = accepted == grams ? items : (items * accepted) / grams;
        uint256 reward;
        if (accepted != 0) {
            // A deposit wholly over the daily cap counts for nothing: no call to the scheme.
            input.citizen = citizen;
            input.material = Material(material);
            input.acceptedGrams = accepted;
            input.items = counted;
            input.epochGramsBefore = before;
            reward = ctx.scheme.onDeposit(input);
            minted = _capped(reward, ctx.minted);
            ctx.minted += minted;
        }
        emit DepositAccepted(
            input.kiosk,
            citizen,
            input.epoch,
            Material(material),
            grams,
            accepted,
            counted,
            reward,
            minted
        );
        if (minted != 0) credit.mint(citizen, minted);
    }

    /// @dev The first rule `(material, grams, items)` breaks (`None` if none), in the documented order.
    function _check(uint256 material, uint256 grams, uint256 items) private view returns (RejectReason) {
        if (material >= MATERIAL_COUNT) return RejectReason.InvalidMaterial;
        if (grams == 0) return RejectReason.ZeroGrams;
        if (grams > _maxDepositGrams) return RejectReason.OverMaxDeposit;
        if (items > grams) return RejectReason.ItemsOverGrams;
        return RejectReason.None;
    }

    /// @dev Reverts with the custom error of a rule `_check` found broken by `receipt`.
    function _revertFor(RejectReason reason, Receipt calldata receipt) private view {
        if (reason == RejectReason.InvalidMaterial) revert RecyclingInvalidMaterial(receipt.material);
        if (reason == RejectReason.ZeroGrams) revert RecyclingZeroGrams();
        if (reason == RejectReason.OverMaxDeposit) {
            revert RecyclingDepositTooLarge(receipt.grams, _maxDepositGrams);
        }
        if (reason == RejectReason.ItemsOverGrams) revert RecyclingTooManyItems(receipt.items, receipt.grams);
    }
}
