// SPDX-License-Identifier: MIT
// City pilot simulator (recycling/libraries/CitizenLedger.sol)
pragma solidity ^0.8.24;

/**
 * @dev A citizen's accepted grams: today's (against the daily cap) and this epoch's (shown to
 * the schemes, e.g. for the tiered bands), in one storage slot per citizen.
 *
 * Gas: the slot holds only the citizen's latest day and epoch. A deposit on a new day
 * overwrites it (a warm non-zero to non-zero write, 2,900 gas) instead of writing a fresh slot
 * per day (22,100 gas). A new epoch moves the finished epoch's total to an archive slot first,
 * once per citizen and epoch, so {acceptedGrams} answers for any epoch.
 */
library CitizenLedger {
    /**
     * @dev Packed into one slot (32 + 32 + 32 + 64 = 160 bits). `day` is a KST day number,
     * `epoch` an epoch number: both fit 32 bits until the year 2106 (an epoch lasts at least one
     * second). `dayGrams` never exceeds the daily cap, which the rewards contract keeps to 32 bits.
     */
    struct Entry {
        uint32 day;
        uint32 dayGrams;
        uint32 epoch;
        uint64 epochGrams;
    }

    /// @dev The entries by citizen and the archived totals of their earlier epochs.
    struct Ledger {
        mapping(address citizen => Entry) entries;
        mapping(address citizen => mapping(uint256 epoch => uint256 grams)) archive;
    }

    /**
     * @dev Records a deposit of `grams` by `citizen` on `day` in `epoch`, under a daily cap of
     * `dailyCap` grams: only the grams under the cap are accepted. Returns them, and the
     * citizen's accepted grams earlier in the epoch.
     */
    function record(
        Ledger storage ledger,
        address citizen,
        uint256 day,
        uint256 epoch,
        uint256 grams,
        uint256 dailyCap
    ) internal returns (uint256 accepted, uint256 epochGramsBefore) {
        // One read of the packed slot, one write at the end.
        Entry memory entry = ledger.entries[citizen];
        if (entry.epoch != epoch) {
            // Days and epochs only move forward, so the entry's epoch is finished: archive it.
            if (entry.epochGrams != 0) ledger.archive[citizen][entry.epoch] = entry.epochGrams;
            entry.epoch = uint32(epoch);
            entry.epochGrams = 0;
        }
        if (entry.day != day) {
            entry.day = uint32(day);
            entry.dayGrams = 0;
        }
        // Safe: dayGrams <= dailyCap is kept below.
        uint256 room;
        unchecked {
            room = dailyCap - entry.dayGrams;
        }
        accepted = grams < room ? grams : room;
        epochGramsBefore = entry.epochGrams;
        // accepted <= room fits the 32-bit day total; the epoch total is checked arithmetic.
        entry.dayGrams += uint32(accepted);
        entry.epochGrams += uint64(accepted);
        ledger.entries[citizen] = entry;
    }

    /// @dev Grams of `citizen` accepted in `epoch`.
    function acceptedGrams(
        Ledger storage ledger,
        address citizen,
        uint256 epoch
    ) internal view returns (uint256) {
        Entry memory entry = ledger.entries[citizen];
        if (entry.epoch == epoch) return entry.epochGrams;
        return ledger.archive[citizen][epoch];
    }

    /// @dev Grams of `citizen` accepted on `day`, if it is the citizen's latest day (else 0).
    function acceptedOnDay(
        Ledger storage ledger,
        address citizen,
        uint256 day
    ) internal view returns (uint256) {
        Entry memory entry = ledger.entries[citizen];
        return entry.day == day ? entry.dayGrams : 0;
    }
}
