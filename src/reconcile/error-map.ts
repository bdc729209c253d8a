/**
 * How the chain's custom error names (and the reject reasons of a kiosk batch) map onto the
 * reference model's reason codes. One chain error may stand for several model codes (the
 * tokens' own `ERC20InsufficientBalance` is short KRW or short credits); the outcome agrees
 * when the model's code is among them.
 */
import type { ReasonCode } from "../model/reasons.js";

export const CHAIN_ERROR_REASONS: Readonly<Record<string, readonly ReasonCode[]>> = {
  // Parking market (contracts/interfaces/IParkingMarket.sol).
  ParkingUnalignedTime: ["BookingNotAligned"],
  ParkingStartInPast: ["BookingInPast"],
  ParkingInvalidUnits: ["InvalidBookingUnits"],
  ParkingInvalidRange: ["InvalidBookingUnits"],
  ParkingSlotUnavailable: ["SlotUnavailable"],
  ParkingSlotAlreadyBooked: ["SlotAlreadyBooked"],
  ParkingCreditsExceedFee: ["CreditsExceedFee"],
  ParkingBookingNotFound: ["BookingNotFound"],
  ParkingInvalidStatus: ["InvalidBookingStatus"],
  ParkingCheckInClosed: ["CheckInOutsideWindow"],
  ParkingCancelTooLate: ["CancelTooLate"],
  ParkingSettleTooEarly: ["SettleTooEarly"],
  // Treasury and tokens.
  TreasuryInsufficientFunds: ["TreasuryInsufficientFunds"],
  ERC20InsufficientBalance: ["InsufficientKrw", "InsufficientCredits"],
  // Recycling rewards (contracts/interfaces/IRecyclingRewardsErrors.sol).
  RecyclingReceiptExpired: ["ReceiptExpired"],
  RecyclingReceiptUsed: ["ReceiptAlreadyUsed"],
  RecyclingEpochNotEnded: ["EpochNotEnded"],
  RecyclingAlreadyClaimed: ["AlreadyClaimed"],
  RecyclingZeroGrams: ["ZeroGrams"],
  RecyclingDepositTooLarge: ["DepositTooLarge"],
  RecyclingTooManyItems: ["ItemsExceedGrams"],
  RecyclingBeforeEpochStart: ["BeforeEpochStart"],
  RecyclingKioskCapacityExceeded: ["DailyCapacityExceeded"],
  // Reject reasons of a kiosk batch entry (the `RejectReason` enum).
  ZeroGrams: ["ZeroGrams"],
  OverMaxDeposit: ["DepositTooLarge"],
  ItemsOverGrams: ["ItemsExceedGrams"],
  BeforeEpochStart: ["BeforeEpochStart"],
  OverKioskCapacity: ["DailyCapacityExceeded"],
};

/** Whether the chain's error name stands for the model's reason code. */
export function chainErrorMeans(chainError: string | undefined, reason: ReasonCode): boolean {
  if (chainError === undefined) return false;
  return CHAIN_ERROR_REASONS[chainError]?.includes(reason) ?? false;
}
