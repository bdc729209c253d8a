// SPDX-License-Identifier: MIT
// City pilot simulator (test/recycling/RecyclingInvariants.t.sol)
pragma solidity ^0.8.24;

import {RecyclingRewards} from "../../recycling/RecyclingRewards.sol";
import {CityCredit} from "../../token/CityCredit.sol";
import {CityTreasury} from "../../token/CityTreasury.sol";
import {KRWToken} from "../../token/KRWToken.sol";
import {RecyclingHandler} from "./RecyclingHandler.sol";
import {RecyclingTestBase} from "./RecyclingTestBase.sol";

/**
 * @dev The handler the fuzzer calls, declared in the test file so that the test runner has
 * its artifact whenever this file runs (an imported contract's is not enough to fuzz it).
 */
contract RecyclingInvariantHandler is RecyclingHandler {}

/**
 * @dev Invariants of SPEC.md section 3 over random sequences of batches, time, scheme
 * changes, claims, spending and redemptions (see {RecyclingHandler}).
 */
contract RecyclingInvariantsTest is RecyclingTestBase {
    RecyclingInvariantHandler private _handler;
    KRWToken private _krw;
    CityCredit private _credit;
    CityTreasury private _treasury;
    RecyclingRewards private _rewards;

    function setUp() public {
        _handler = new RecyclingInvariantHandler();
        (_krw, _credit, _treasury, _rewards) = _handler.system();
    }

    /// @dev The only contract the fuzzer calls.
    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(_handler);
    }

    /// @dev Credits total supply == minted - redeemed.
    function invariant_supplyIsMintedMinusRedeemed() public view {
        _assertEq(_credit.totalSupply(), _handler.ghostMinted() - _treasury.totalRedeemed(), "supply");
    }

    /// @dev Credits minted for an epoch never exceed the mint cap, and the contract counts
    /// exactly what the handler saw minted for it.
    function invariant_mintedPerEpochWithinCap() public view {
        uint256 last = _handler.lastEpoch();
        for (uint256 e = 0; e <= last; e++) {
            uint256 minted = _rewards.mintedInEpoch(e);
            _assertTrue(minted <= _handler.MINT_CAP(), "minted <= cap");
            _assertEq(minted, _handler.ghostMintedIn(e), "minted per epoch");
        }
    }

    /// @dev A budget pool never pays an epoch more than its budget.
    function invariant_poolPayoutsWithinBudget() public view {
        uint256 last = _handler.lastEpoch();
        for (uint256 e = 0; e <= last; e++) {
            _assertTrue(_handler.poolA().paidOut(e) <= _handler.poolA().budget(), "pool A within budget");
            _assertTrue(_handler.poolB().paidOut(e) <= _handler.poolB().budget(), "pool B within budget");
        }
    }

    /// @dev The treasury's KRW out == credits redeemed.
    function invariant_treasuryKrwOutIsCreditsRedeemed() public view {
        uint256 out = _handler.TREASURY_KRW() - _krw.balanceOf(address(_treasury));
        _assertEq(out, _treasury.totalRedeemed(), "KRW out == credits redeemed");
    }
}
