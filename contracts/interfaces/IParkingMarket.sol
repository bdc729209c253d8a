// SPDX-License-Identifier: MIT
// City pilot simulator (interfaces/IParkingMarket.sol)
pragma solidity ^0.8.24;

/**
 * @dev Shared parking: slots (ERC-721) with a weekly KST availability and a price per
 * 15-minute unit; drivers book them, paying fee + deposit into escrow; bookings end by
 * check-out, cancellation or no-show settlement, and the platform cut goes to the treasury.
 */
interface IParkingMarket {
    /// @dev Where a booking stands. Booked and CheckedIn are live; the others are closed.
    enum Status {
        None,
        Booked,
        CheckedIn,
        CheckedOut,
        Cancelled,
        Settled
    }

    /**
     * @dev Market parameters, fixed at deployment. Basis points are out of 10,000.
     * @param platformFeeBps Platform cut of what the owner earns (fee, penalty, cancel fee).
     * @param depositUnits Deposit in units of the slot's price.
     * @param graceSeconds Check-out this long after the end carries no penalty.
     * @param overstayBps Penalty per overstayed unit, in bps of the unit price.
     * @param freeCancelSeconds Cancelling at least this long before the start is free.
     * @param lateCancelBps Share of the fee kept when cancelling later.
     */
    struct MarketParams {
        uint16 platformFeeBps;
        uint8 depositUnits;
        uint32 graceSeconds;
        uint32 overstayBps;
        uint32 freeCancelSeconds;
        uint16 lateCancelBps;
    }

    /**
     * @dev A booking. Packed into two storage slots: (driver, start, end, status) and
     * (slotId, unitPrice). Fee and deposit derive from the stored unit price.
     */
    struct Booking {
        address driver;
        uint40 start;
        uint40 end;
        Status status;
        uint64 slotId;
        uint96 unitPrice;
    }

    /// @dev Slot `slotId` was minted to `owner` in `district` at `unitPrice` KRW per unit.
    event SlotRegistered(uint256 indexed slotId, address indexed owner, bytes32 district, uint256 unitPrice);
    /// @dev The weekly availability of `slotId` became `availability`.
    event SlotAvailabilityChanged(uint256 indexed slotId, uint256[3] availability);
    /// @dev The price of `slotId` changed; bookings made before keep their price.
    event SlotPriceChanged(uint256 indexed slotId, uint256 oldPrice, uint256 newPrice);
    /// @dev `driver` booked `slotId` for `[start, end)`, paying `fee + deposit`, `credits` of it in credits.
    event BookingCreated(
        uint256 indexed bookingId,
        uint256 indexed slotId,
        address indexed driver,
        uint256 start,
        uint256 end,
        uint256 fee,
        uint256 deposit,
        uint256 credits
    );
    /// @dev The driver of `bookingId` checked in.
    event BookingCheckedIn(uint256 indexed bookingId);
    /// @dev `bookingId` checked out; `penalty` for overstay; how the escrow was paid out.
    event BookingCheckedOut(
        uint256 indexed bookingId,
        uint256 penalty,
        uint256 platformCut,
        uint256 ownerShare,
        uint256 refund
    );
    /// @dev `bookingId` was cancelled; `cancelFee` kept (0 when free) and how it was paid out.
    event BookingCancelled(
        uint256 indexed bookingId,
        uint256 cancelFee,
        uint256 platformCut,
        uint256 ownerShare,
        uint256 refund
    );
    /// @dev `bookingId` was settled as a no-show.
    event BookingSettled(uint256 indexed bookingId, uint256 platformCut, uint256 ownerShare, uint256 refund);

    /// @dev A market parameter or constructor address is out of range.
    error ParkingInvalidParams();
    /// @dev No slot `slotId` exists.
    error ParkingSlotNotFound(uint256 slotId);
    /// @dev `account` does not own slot `slotId`.
    error ParkingNotSlotOwner(uint256 slotId, address account);
    /// @dev `unitPrice` is zero or does not fit in 96 bits.
    error ParkingInvalidUnitPrice(uint256 unitPrice);
    /// @dev The availability sets bits past the 672 units of a week.
    error ParkingInvalidAvailability();
    /// @dev `start` or `end` is not a multiple of 900 seconds.
    error ParkingUnalignedTime(uint256 start, uint256 end);
    /// @dev `end` is not after `start`, or lies too far in the future to store.
    error ParkingInvalidRange(uint256 start, uint256 end);
    /// @dev A booking must have 1 to 96 units; it has `units`.
    error ParkingInvalidUnits(uint256 units);
    /// @dev `start` is earlier than the current time `now`.
    error ParkingStartInPast(uint256 start, uint256 now);
    /// @dev Part of `[start, end)` lies outside the slot's weekly availability.
    error ParkingSlotUnavailable(uint256 slotId, uint256 start, uint256 end);
    /// @dev Part of `[start, end)` is taken by a live booking of the slot.
    error ParkingSlotAlreadyBooked(uint256 slotId, uint256 start, uint256 end);
    /// @dev A booking may pay at most its fee in credits.
    error ParkingCreditsExceedFee(uint256 credits, uint256 fee);
    /// @dev No booking `bookingId` exists.
    error ParkingBookingNotFound(uint256 bookingId);
    /// @dev `account` may not act on `bookingId` (not its driver, nor the gate where allowed).
    error ParkingUnauthorized(uint256 bookingId, address account);
    /// @dev `bookingId` is in `status`, where this operation does not apply.
    error ParkingInvalidStatus(uint256 bookingId, Status status);
    /// @dev Check-in is open in `[opensAt, closesAt)`; it is `now`.
    error ParkingCheckInClosed(uint256 bookingId, uint256 opensAt, uint256 closesAt, uint256 now);
    /// @dev Cancelling is only possible before the start.
    error ParkingCancelTooLate(uint256 bookingId, uint256 start);
    /// @dev A no-show can be settled from `settleableAt`.
    error ParkingSettleTooEarly(uint256 bookingId, uint256 settleableAt);

    /**
     * @dev Mints slot `slotId` (sequential from 1) to `owner`. Only the registrar role.
     * The slot starts unavailable unless `availability` is given.
     */
    function registerSlot(
        address owner,
        bytes32 district,
        uint256 unitPrice,
        uint256[3] calldata availability
    ) external returns (uint256 slotId);

    /**
     * @dev Replaces the weekly availability of `slotId`. Only its owner. Live bookings stay.
     */
    function setAvailability(uint256 slotId, uint256[3] calldata availability) external;

    /**
     * @dev Sets the price per unit of `slotId` for later bookings. Only its owner.
     */
    function setUnitPrice(uint256 slotId, uint256 unitPrice) external;

    /**
     * @dev Books `slotId` for `[start, end)`, paying `fee + deposit` into escrow, up to `fee`
     * of it with `creditsToUse` credits (redeemed through the treasury). The caller approves
     * the KRW and the credits to this contract.
     */
    function book(
        uint256 slotId,
        uint256 start,
        uint256 end,
        uint256 creditsToUse
    ) external returns (uint256 bookingId);

    /**
     * @dev Checks in, by the driver or the gate role, in `[start - 900, end)`.
     */
    function checkIn(uint256 bookingId) external;

    /**
     * @dev Checks out after check-in, by the driver or the gate role; settles fee, overstay
     * penalty and deposit. The units up to `end` stay reserved.
     */
    function checkOut(uint256 bookingId) external;

    /**
     * @dev Cancels before the start and before check-in, by the driver. Free at least
     * `freeCancelSeconds` before the start; later a cancel fee is kept.
     */
    function cancel(uint256 bookingId) external;

    /**
     * @dev Settles a booking never checked in, by anyone, from `end + graceSeconds`.
     */
    function settle(uint256 bookingId) external;

    /// @dev The booking `bookingId` (all zero if none).
    function getBooking(uint256 bookingId) external view returns (Booking memory);

    /// @dev The weekly availability bitmap of `slotId`.
    function availabilityOf(uint256 slotId) external view returns (uint256[3] memory);

    /// @dev The current price per unit of `slotId`.
    function unitPriceOf(uint256 slotId) external view returns (uint256);

    /// @dev The district of `slotId`.
    function districtOf(uint256 slotId) external view returns (bytes32);

    /// @dev The market parameters.
    function params() external view returns (MarketParams memory);
}
