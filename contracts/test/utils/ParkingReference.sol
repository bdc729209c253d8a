// SPDX-License-Identifier: MIT
// City pilot simulator (test/utils/ParkingReference.sol)
pragma solidity ^0.8.24;

import {IParkingMarket} from "../../interfaces/IParkingMarket.sol";

/**
 * @dev The money rules of SPEC section 2 written out plainly, as the reference the market's
 * fuzz and invariant tests compare against. Deliberately naive: no shared code with the
 * market, ceilings by comparison instead of `(x + d - 1) / d`.
 */
library ParkingReference {
    uint256 internal constant UNIT = 900;
    uint256 internal constant BPS = 10_000;

    /**
     * @dev Where the escrow of a closed booking goes. `kept` is the overstay penalty of a
     * check-out or the cancel fee of a late cancellation (zero otherwise).
     */
    struct Payout {
        uint256 kept;
        uint256 platformCut;
        uint256 ownerShare;
        uint256 refund;
    }

    /// @dev `fee = units * unitPrice`.
    function fee(uint256 start, uint256 end, uint256 unitPrice) internal pure returns (uint256) {
        return ((end - start) / UNIT) * unitPrice;
    }

    /// @dev `deposit = depositUnits * unitPrice`.
    function deposit(
        IParkingMarket.MarketParams memory p,
        uint256 unitPrice
    ) internal pure returns (uint256) {
        return uint256(p.depositUnits) * unitPrice;
    }

    /// @dev `cut = floor(amount * bps / 10000)`, the other party gets the rest.
    function split(
        IParkingMarket.MarketParams memory p,
        uint256 amount
    ) internal pure returns (uint256 platformCut, uint256 ownerShare) {
        platformCut = (amount * p.platformFeeBps) / BPS;
        ownerShare = amount - platformCut;
    }

    /**
     * @dev The overstay penalty of a check-out at `t`: none up to `end + grace`, then
     * `min(deposit, floor(ceil((t - end) / 900) * unitPrice * overstayBps / 10000))`.
     */
    function penalty(
        IParkingMarket.MarketParams memory p,
        uint256 end,
        uint256 unitPrice,
        uint256 t
    ) internal pure returns (uint256) {
        if (t <= end + p.graceSeconds) return 0;
        uint256 overUnits = (t - end) / UNIT;
        if (overUnits * UNIT < t - end) overUnits += 1;
        uint256 raw = (overUnits * unitPrice * p.overstayBps) / BPS;
        uint256 cap = deposit(p, unitPrice);
        return raw < cap ? raw : cap;
    }

    /// @dev Check-out at `t`: fee + penalty split, deposit - penalty back to the driver.
    function checkOut(
        IParkingMarket.MarketParams memory p,
        uint256 start,
        uint256 end,
        uint256 unitPrice,
        uint256 t
    ) internal pure returns (Payout memory out) {
        out.kept = penalty(p, end, unitPrice, t);
        (out.platformCut, out.ownerShare) = split(p, fee(start, end, unitPrice) + out.kept);
        out.refund = deposit(p, unitPrice) - out.kept;
    }

    /// @dev Cancellation at `t < start`: free at least `freeCancelSeconds` ahead, else a cancel fee.
    function cancel(
        IParkingMarket.MarketParams memory p,
        uint256 start,
        uint256 end,
        uint256 unitPrice,
        uint256 t
    ) internal pure returns (Payout memory out) {
        uint256 bookingFee = fee(start, end, unitPrice);
        bool free = start - t >= p.freeCancelSeconds;
        out.kept = free ? 0 : (bookingFee * p.lateCancelBps) / BPS;
        (out.platformCut, out.ownerShare) = split(p, out.kept);
        out.refund = bookingFee - out.kept + deposit(p, unitPrice);
    }

    /// @dev No-show settlement: the fee split, the whole deposit back.
    function settle(
        IParkingMarket.MarketParams memory p,
        uint256 start,
        uint256 end,
        uint256 unitPrice
    ) internal pure returns (Payout memory out) {
        (out.platformCut, out.ownerShare) = split(p, fee(start, end, unitPrice));
        out.refund = deposit(p, unitPrice);
    }

    /// @dev The market parameters SPEC section 2 gives as defaults.
    function defaults() internal pure returns (IParkingMarket.MarketParams memory) {
        return
            IParkingMarket.MarketParams({
                platformFeeBps: 1000,
                depositUnits: 4,
                graceSeconds: 600,
                overstayBps: 15_000,
                freeCancelSeconds: 3600,
                lateCancelBps: 5000
            });
    }
}
