// SPDX-License-Identifier: MIT
// City pilot simulator (parking/ParkingMarket.sol)
pragma solidity ^0.8.24;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {ICityTreasury} from "../interfaces/ICityTreasury.sol";
import {IParkingMarket} from "../interfaces/IParkingMarket.sol";
import {UnitBitmap} from "./libraries/UnitBitmap.sol";

/**
 * @title ParkingMarket
 * @dev Shared parking slots as ERC-721 tokens, booked in 15-minute units against a weekly
 * KST availability, paid into escrow in KRW (part of the fee may be paid in credits, which
 * the treasury redeems into the escrow at face value).
 *
 * Overlap is checked on a per-slot bitmap of the absolute timeline, so booking costs the
 * same after a million bookings as after one. A pause stops new business (slots, bookings,
 * price and availability changes); check-in, check-out, cancellation and settlement stay
 * open, so a pause never locks a driver's deposit nor turns a driver who arrives into a
 * no-show.
 *
 * IMPORTANT: the market holds the REDEEMER_ROLE of the treasury to redeem drivers' credits.
 */
contract ParkingMarket is ERC721, AccessControl, Pausable, ReentrancyGuardTransient, IParkingMarket {
    using SafeERC20 for IERC20;
    using UnitBitmap for uint256[3];
    using UnitBitmap for mapping(uint256 => uint256);

    /*//////////////////////////////////////////////////////////////
                               CONSTANTS
    //////////////////////////////////////////////////////////////*/

    /// @dev Role allowed to mint slots.
    bytes32 public constant REGISTRAR_ROLE = keccak256("REGISTRAR_ROLE");
    /// @dev Role of the parking gates, which may check drivers in and out.
    bytes32 public constant GATE_ROLE = keccak256("GATE_ROLE");
    /// @dev Role allowed to pause and unpause.
    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");

    uint256 private constant UNIT = UnitBitmap.UNIT_SECONDS;
    uint256 private constant MAX_UNITS = 96;
    uint256 private constant BPS = 10_000;

    /*//////////////////////////////////////////////////////////////
                               IMMUTABLES
    //////////////////////////////////////////////////////////////*/

    /// @dev The KRW token of the escrow.
    IERC20 public immutable krw;
    /// @dev The credit token drivers may pay part of a fee with.
    IERC20 public immutable credit;
    /// @dev The treasury: receives platform cuts, redeems credits.
    ICityTreasury public immutable treasury;

    uint256 private immutable _platformFeeBps;
    uint256 private immutable _depositUnits;
    uint256 private immutable _graceSeconds;
    uint256 private immutable _overstayBps;
    uint256 private immutable _freeCancelSeconds;
    uint256 private immutable _lateCancelBps;

    /*//////////////////////////////////////////////////////////////
                                STORAGE
    //////////////////////////////////////////////////////////////*/

    struct Slot {
        uint96 unitPrice;
        bytes32 district;
        uint256[3] availability;
    }

    mapping(uint256 slotId => Slot) private _slots;
    mapping(uint256 slotId => mapping(uint256 word => uint256 bits)) private _reserved;
    mapping(uint256 bookingId => Booking) private _bookings;
    uint256 private _lastSlotId;
    uint256 private _lastBookingId;

    /**
     * @param admin Receives the admin, registrar and pauser roles.
     * @param krwToken The KRW token.
     * @param creditToken The credit token.
     * @param cityTreasury The treasury (grant this market its redeemer role).
     * @param marketParams The fee, deposit, grace, overstay and cancellation parameters.
     */
    constructor(
        address admin,
        IERC20 krwToken,
        IERC20 creditToken,
        ICityTreasury cityTreasury,
        MarketParams memory marketParams
    ) ERC721("City Parking Slot", "SLOT") {
        if (
            admin == address(0) ||
            address(krwToken) == address(0) ||
            address(creditToken) == address(0) ||
            address(cityTreasury) == address(0) ||
            marketParams.platformFeeBps > BPS ||
            marketParams.lateCancelBps > BPS
        ) revert ParkingInvalidParams();
        krw = krwToken;
        credit = creditToken;
        treasury = cityTreasury;
        _platformFeeBps = marketParams.platformFeeBps;
        _depositUnits = marketParams.depositUnits;
        _graceSeconds = marketParams.graceSeconds;
        _overstayBps = marketParams.overstayBps;
        _freeCancelSeconds = marketParams.freeCancelSeconds;
        _lateCancelBps = marketParams.lateCancelBps;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(REGISTRAR_ROLE, admin);
        _grantRole(PAUSER_ROLE, admin);
    }

    /*//////////////////////////////////////////////////////////////
                                 SLOTS
    //////////////////////////////////////////////////////////////*/

    /// @inheritdoc IParkingMarket
    function registerSlot(
        address owner,
        bytes32 district,
        uint256 unitPrice,
        uint256[3] calldata availability
    ) external onlyRole(REGISTRAR_ROLE) whenNotPaused nonReentrant returns (uint256 slotId) {
        _checkPrice(unitPrice);
        _checkAvailability(availability);
        slotId = ++_lastSlotId;
        Slot storage slot = _slots[slotId];
        slot.unitPrice = uint96(unitPrice);
        slot.district = district;
        slot.availability = availability;
        emit SlotRegistered(slotId, owner, district, unitPrice);
        emit SlotAvailabilityChanged(slotId, availability);
        // Last: the receiver callback runs on a fully recorded slot, and cannot re-enter
        // (every state-changing entry point is nonReentrant).
        _safeMint(owner, slotId);
    }

    /// @inheritdoc IParkingMarket
    function setAvailability(
        uint256 slotId,
        uint256[3] calldata availability
    ) external whenNotPaused nonReentrant {
        _checkSlotOwner(slotId);
        _checkAvailability(availability);
        _slots[slotId].availability = availability;
        emit SlotAvailabilityChanged(slotId, availability);
    }

    /// @inheritdoc IParkingMarket
    function setUnitPrice(uint256 slotId, uint256 unitPrice) external whenNotPaused nonReentrant {
        _checkSlotOwner(slotId);
        _checkPrice(unitPrice);
        Slot storage slot = _slots[slotId];
        uint256 oldPrice = slot.unitPrice;
        slot.unitPrice = uint96(unitPrice);
        emit SlotPriceChanged(slotId, oldPrice, unitPrice);
    }

    /*//////////////////////////////////////////////////////////////
                                BOOKINGS
    //////////////////////////////////////////////////////////////*/

    /// @inheritdoc IParkingMarket
    function book(
        uint256 slotId,
        uint256 start,
        uint256 end,
        uint256 creditsToUse
    ) external whenNotPaused nonReentrant returns (uint256 bookingId) {
        if (_ownerOf(slotId) == address(0)) revert ParkingSlotNotFound(slotId);
        if (start % UNIT != 0 || end % UNIT != 0) revert ParkingUnalignedTime(start, end);
        if (end <= start || end > type(uint40).max) revert ParkingInvalidRange(start, end);
        uint256 units = (end - start) / UNIT;
        if (units > MAX_UNITS) revert ParkingInvalidUnits(units);
        if (start < block.timestamp) revert ParkingStartInPast(start, block.timestamp);

        Slot storage slot = _slots[slotId];
        if (!slot.availability.weekRangeSet(UnitBitmap.weekUnit(start), units)) {
            revert ParkingSlotUnavailable(slotId, start, end);
        }
        if (!_reserved[slotId].tryReserve(start / UNIT, units)) {
            revert ParkingSlotAlreadyBooked(slotId, start, end);
        }
        uint256 unitPrice = slot.unitPrice;
        uint256 fee = units * unitPrice;
        if (creditsToUse > fee) revert ParkingCreditsExceedFee(creditsToUse, fee);
        uint256 deposit = _depositUnits * unitPrice;

        bookingId = ++_lastBookingId;
        _bookings[bookingId] = Booking({
            driver: msg.sender,
            start: uint40(start),
            end: uint40(end),
            status: Status.Booked,
            slotId: uint64(slotId),
            unitPrice: uint96(unitPrice)
        });
        emit BookingCreated(bookingId, slotId, msg.sender, start, end, fee, deposit, creditsToUse);

        // Interactions last: the booking is recorded before any token moves.
        krw.safeTransferFrom(msg.sender, address(this), fee + deposit - creditsToUse);
        if (creditsToUse > 0) {
            credit.safeTransferFrom(msg.sender, address(this), creditsToUse);
            treasury.redeem(creditsToUse);
        }
    }

    /// @inheritdoc IParkingMarket
    function checkIn(uint256 bookingId) external nonReentrant {
        Booking storage booking = _liveBooking(bookingId, Status.Booked);
        _checkDriverOrGate(bookingId, booking.driver);
        uint256 opensAt = booking.start - UNIT;
        uint256 closesAt = booking.end;
        if (block.timestamp < opensAt || block.timestamp >= closesAt) {
            revert ParkingCheckInClosed(bookingId, opensAt, closesAt, block.timestamp);
        }
        booking.status = Status.CheckedIn;
        emit BookingCheckedIn(bookingId);
    }

    /// @inheritdoc IParkingMarket
    function checkOut(uint256 bookingId) external nonReentrant {
        Booking storage booking = _liveBooking(bookingId, Status.CheckedIn);
        address driver = booking.driver;
        _checkDriverOrGate(bookingId, driver);
        (uint256 end, uint256 unitPrice, uint256 units, uint256 slotId) = _terms(booking);
        uint256 penalty = _penalty(end, unitPrice);
        uint256 deposit = _depositUnits * unitPrice;
        booking.status = Status.CheckedOut;
        uint256 refund = deposit - penalty;
        (uint256 platformCut, uint256 ownerShare) = _split(units * unitPrice + penalty);
        emit BookingCheckedOut(bookingId, penalty, platformCut, ownerShare, refund);
        _payOut(slotId, driver, platformCut, ownerShare, refund);
    }

    /// @inheritdoc IParkingMarket
    function cancel(uint256 bookingId) external nonReentrant {
        Booking storage booking = _liveBooking(bookingId, Status.Booked);
        address driver = booking.driver;
        if (msg.sender != driver) revert ParkingUnauthorized(bookingId, msg.sender);
        uint256 start = booking.start;
        if (block.timestamp >= start) revert ParkingCancelTooLate(bookingId, start);
        (, uint256 unitPrice, uint256 units, uint256 slotId) = _terms(booking);
        uint256 fee = units * unitPrice;
        uint256 cancelFee = start - block.timestamp >= _freeCancelSeconds ? 0 : (fee * _lateCancelBps) / BPS;
        booking.status = Status.Cancelled;
        _reserved[slotId].release(start / UNIT, units);
        uint256 refund = fee - cancelFee + _depositUnits * unitPrice;
        (uint256 platformCut, uint256 ownerShare) = _split(cancelFee);
        emit BookingCancelled(bookingId, cancelFee, platformCut, ownerShare, refund);
        _payOut(slotId, driver, platformCut, ownerShare, refund);
    }

    /// @inheritdoc IParkingMarket
    function settle(uint256 bookingId) external nonReentrant {
        Booking storage booking = _liveBooking(bookingId, Status.Booked);
        (uint256 end, uint256 unitPrice, uint256 units, uint256 slotId) = _terms(booking);
        uint256 settleableAt = end + _graceSeconds;
        if (block.timestamp < settleableAt) revert ParkingSettleTooEarly(bookingId, settleableAt);
        booking.status = Status.Settled;
        uint256 refund = _depositUnits * unitPrice;
        (uint256 platformCut, uint256 ownerShare) = _split(units * unitPrice);
        emit BookingSettled(bookingId, platformCut, ownerShare, refund);
        _payOut(slotId, booking.driver, platformCut, ownerShare, refund);
    }

    /*//////////////////////////////////////////////////////////////
                                 ADMIN
    //////////////////////////////////////////////////////////////*/

    /**
     * @dev Pauses new slots, bookings, price and availability changes. Only the pauser role.
     */
    function pause() external onlyRole(PAUSER_ROLE) {
        _pause();
    }

    /**
     * @dev Lifts the pause. Only the pauser role.
     */
    function unpause() external onlyRole(PAUSER_ROLE) {
        _unpause();
    }

    /*//////////////////////////////////////////////////////////////
                                 VIEWS
    //////////////////////////////////////////////////////////////*/

    /// @inheritdoc IParkingMarket
    function getBooking(uint256 bookingId) external view returns (Booking memory) {
        return _bookings[bookingId];
    }

    /// @inheritdoc IParkingMarket
    function availabilityOf(uint256 slotId) external view returns (uint256[3] memory) {
        _requireOwned(slotId);
        return _slots[slotId].availability;
    }

    /// @inheritdoc IParkingMarket
    function unitPriceOf(uint256 slotId) external view returns (uint256) {
        _requireOwned(slotId);
        return _slots[slotId].unitPrice;
    }

    /// @inheritdoc IParkingMarket
    function districtOf(uint256 slotId) external view returns (bytes32) {
        _requireOwned(slotId);
        return _slots[slotId].district;
    }

    /// @inheritdoc IParkingMarket
    function params() external view returns (MarketParams memory) {
        return
            MarketParams({
                platformFeeBps: uint16(_platformFeeBps),
                depositUnits: uint8(_depositUnits),
                graceSeconds: uint32(_graceSeconds),
                overstayBps: uint32(_overstayBps),
                freeCancelSeconds: uint32(_freeCancelSeconds),
                lateCancelBps: uint16(_lateCancelBps)
            });
    }

    /// @dev See {IERC165-supportsInterface}.
    function supportsInterface(
        bytes4 interfaceId
    ) public view override(ERC721, AccessControl) returns (bool) {
        return super.supportsInterface(interfaceId);
    }

    /*//////////////////////////////////////////////////////////////
                                INTERNAL
    //////////////////////////////////////////////////////////////*/

    function _liveBooking(uint256 bookingId, Status expected) private view returns (Booking storage booking) {
        booking = _bookings[bookingId];
        Status status = booking.status;
        if (status == Status.None) revert ParkingBookingNotFound(bookingId);
        if (status != expected) revert ParkingInvalidStatus(bookingId, status);
    }

    function _terms(
        Booking storage booking
    ) private view returns (uint256 end, uint256 unitPrice, uint256 units, uint256 slotId) {
        end = booking.end;
        unitPrice = booking.unitPrice;
        units = (end - booking.start) / UNIT;
        slotId = booking.slotId;
    }

    /// @dev Overstay penalty for a check-out now of a booking ending at `end`, capped by the deposit.
    function _penalty(uint256 end, uint256 unitPrice) private view returns (uint256) {
        if (block.timestamp <= end + _graceSeconds) return 0;
        uint256 overUnits = (block.timestamp - end + UNIT - 1) / UNIT;
        uint256 penalty = (overUnits * unitPrice * _overstayBps) / BPS;
        uint256 deposit = _depositUnits * unitPrice;
        return penalty < deposit ? penalty : deposit;
    }

    /// @dev Splits what the owner earns into the platform cut and the owner's share.
    function _split(uint256 earned) private view returns (uint256 platformCut, uint256 ownerShare) {
        platformCut = (earned * _platformFeeBps) / BPS;
        ownerShare = earned - platformCut;
    }

    function _payOut(
        uint256 slotId,
        address driver,
        uint256 platformCut,
        uint256 ownerShare,
        uint256 refund
    ) private {
        if (platformCut > 0) krw.safeTransfer(address(treasury), platformCut);
        if (ownerShare > 0) krw.safeTransfer(_ownerOf(slotId), ownerShare);
        if (refund > 0) krw.safeTransfer(driver, refund);
    }

    function _checkDriverOrGate(uint256 bookingId, address driver) private view {
        if (msg.sender != driver && !hasRole(GATE_ROLE, msg.sender)) {
            revert ParkingUnauthorized(bookingId, msg.sender);
        }
    }

    function _checkSlotOwner(uint256 slotId) private view {
        address owner = _ownerOf(slotId);
        if (owner == address(0)) revert ParkingSlotNotFound(slotId);
        if (owner != msg.sender) revert ParkingNotSlotOwner(slotId, msg.sender);
    }

    function _checkPrice(uint256 unitPrice) private pure {
        if (unitPrice == 0 || unitPrice > type(uint96).max) revert ParkingInvalidUnitPrice(unitPrice);
    }

    function _checkAvailability(uint256[3] calldata availability) private pure {
        if (availability[2] & ~UnitBitmap.LAST_WORD_MASK != 0) revert ParkingInvalidAvailability();
    }
}
