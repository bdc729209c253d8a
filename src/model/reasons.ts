/**
 * Why an event did not go through: the stable codes of the reference model.
 *
 * The reconciler maps the chain's custom error names onto these codes, so each code names
 * one rule of SPEC.md and keeps its meaning once published. Where several rules break at
 * once, the model reports the first one in the order documented on each operation.
 */

/** A transaction that reverts (status `failed`), with the SPEC rule that makes it revert. */
export const FAILURE_REASONS = {
  // Shared parking (SPEC.md section 2, `book`).
  BookingNotAligned: "book: start and end must be Unix seconds aligned to 900 s",
  BookingInPast: "book: start >= now",
  InvalidBookingUnits: "book: a booking is 1 to 96 units of 15 minutes",
  SlotUnavailable: "book: a booking must lie wholly inside the slot's available units",
  SlotAlreadyBooked: "book: no two live bookings of one slot may overlap",
  CreditsExceedFee: "book: creditsToUse > fee reverts",
  TreasuryInsufficientFunds:
    "book / merchant redeem: the treasury lacks the KRW to redeem the credits at face value",
  InsufficientCredits:
    "ERC-20 balance: the sender holds fewer credits than it burns or transfers (book, spend, redeem)",
  InsufficientKrw: "ERC-20 balance: the driver holds less KRW than fee + deposit - credits",
  // Shared parking, the life of a booking.
  BookingNotFound: "the named booking was never created on chain (its `book` failed)",
  InvalidBookingStatus:
    "checkIn needs a booked booking, checkOut a checked-in one, cancel and settle a booking never checked in and not yet closed",
  CheckInOutsideWindow: "checkIn: only in [start - 900, end)",
  CancelTooLate: "cancel: only before start",
  SettleTooEarly: "settle: only once now >= end + graceSeconds",
  // Recycling rewards (SPEC.md section 3).
  ReceiptExpired: "receipt: usable only before its expiry (now < expires)",
  ReceiptAlreadyUsed: "receipt: a receipt id can be used once",
  EpochNotEnded: "claim: only for an epoch that has ended",
  AlreadyClaimed: "claim: a second claim of the same epoch reverts",
} as const;

/** A deposit skipped without reverting (status `rejected`): SPEC.md section 3, checks. */
export const REJECTION_REASONS = {
  ZeroGrams: "deposit: grams > 0",
  DepositTooLarge: "deposit: grams <= maxDepositGrams (default 20000)",
  ItemsExceedGrams: "deposit: items <= grams",
  BeforeEpochStart: "deposit: a deposit before epochStart is rejected",
  DailyCapacityExceeded:
    "deposit: a deposit that would take the kiosk's intake of the KST day past its capacity is rejected whole",
} as const;

export type FailureReason = keyof typeof FAILURE_REASONS;
export type RejectionReason = keyof typeof REJECTION_REASONS;
export type ReasonCode = FailureReason | RejectionReason;

export const FAILURE_REASON_CODES = Object.keys(FAILURE_REASONS) as FailureReason[];
export const REJECTION_REASON_CODES = Object.keys(REJECTION_REASONS) as RejectionReason[];
