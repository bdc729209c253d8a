// SPDX-License-Identifier: MIT
// City pilot simulator (test/recycling/RecyclingRewards.t.sol)
pragma solidity ^0.8.24;

import {IRecyclingRewards} from "../../interfaces/IRecyclingRewards.sol";
import {IRecyclingRewardsErrors} from "../../interfaces/IRecyclingRewardsErrors.sol";
import {FlatScheme} from "../../recycling/schemes/FlatScheme.sol";
import {RecyclingTestBase} from "./RecyclingTestBase.sol";

/**
 * @dev The deposit rules over fuzzed batches and receipts, against a reference model of the
 * daily cap and the kiosk capacity written in the test (flat scheme, 300 credits per kg).
 */
contract RecyclingRewardsTest is RecyclingTestBase {
    uint256 private constant KIOSK_KEY = 0xA11CE;
    uint256 private constant CAP = 5000;
    uint256 private constant N = 12;

    System private _s;
    address private _kiosk;

    function setUp() public {
        vm.warp(EPOCH_START + 9 hours);
        _s = _deploy(_rules(30 * DAY, 0), new FlatScheme(300));
        _kiosk = vm.addr(KIOSK_KEY);
        _s.rewards.registerKiosk(_kiosk, bytes32("cheongna"), 1_000_000);
    }

    /// @dev One citizen, one batch of fuzzed deposits: only grams under the daily cap count.
    function testFuzz_depositBatch_dailyCap(uint256[N] memory grams, uint256 earlier) public {
        address citizen = address(0xC1);
        earlier = _bound(earlier, 0, 8000);
        if (earlier > 0) _submit(_one(citizen, earlier));
        uint256 dayGrams = earlier < CAP ? earlier : CAP;
        uint256 expectedCredits = (dayGrams * 300) / 1000;

        IRecyclingRewards.Deposit[] memory batch = new IRecyclingRewards.Deposit[](N);
        uint256 intake = earlier;
        for (uint256 i = 0; i < N; i++) {
            grams[i] = _bound(grams[i], 1, 20_000);
            batch[i] = IRecyclingRewards.Deposit(citizen, 1, grams[i], 0);
            uint256 accepted = grams[i] < CAP - dayGrams ? grams[i] : CAP - dayGrams;
            dayGrams += accepted;
            expectedCredits += (accepted * 300) / 1000;
            intake += grams[i];
        }
        _submit(batch);
        _assertEq(_s.rewards.acceptedTodayOf(citizen), dayGrams, "accepted today");
        _assertTrue(dayGrams <= CAP, "cap");
        _assertEq(_s.credit.balanceOf(citizen), expectedCredits, "credits");
        _assertEq(_s.rewards.kioskOf(_kiosk).intakeGrams, intake, "kiosk intake counts every gram");
    }

    /// @dev Many citizens, one batch: the kiosk takes deposits in order while they fit.
    function testFuzz_depositBatch_capacity(uint256 capacity, uint256[N] memory grams) public {
        capacity = _bound(capacity, 0, 60_000);
        _s.rewards.setKioskCapacity(_kiosk, capacity);
        IRecyclingRewards.Deposit[] memory batch = new IRecyclingRewards.Deposit[](N);
        uint256 intake;
        uint256 supply;
        for (uint256 i = 0; i < N; i++) {
            grams[i] = _bound(grams[i], 1, 20_000);
            batch[i] = IRecyclingRewards.Deposit(address(uint160(0x1000 + i)), 0, grams[i], 0);
            if (intake + grams[i] <= capacity) {
                intake += grams[i];
                supply += ((grams[i] < CAP ? grams[i] : CAP) * 300) / 1000;
            }
        }
        vm.prank(_kiosk);
        _s.rewards.depositBatch(batch);
        _assertEq(_s.rewards.kioskOf(_kiosk).intakeGrams, intake, "intake");
        _assertTrue(intake <= capacity, "capacity");
        _assertEq(_s.credit.totalSupply(), supply, "credits");
    }

    /// @dev A receipt signed by the kiosk's key works once; its high-s twin never.
    function testFuzz_claimReceipt(uint256 id, uint256 grams, uint256 items) public {
        grams = _bound(grams, 1, 20_000);
        items = _bound(items, 0, grams);
        address citizen = address(0xC1);
        IRecyclingRewards.Receipt memory receipt = IRecyclingRewards.Receipt(
            citizen,
            _kiosk,
            0,
            grams,
            items,
            id,
            block.timestamp + 1
        );
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(KIOSK_KEY, _s.rewards.receiptDigest(receipt));
        bytes32 highS = bytes32(
            0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141 - uint256(s)
        );
        vm.prank(citizen);
        vm.expectRevert(
            abi.encodeWithSelector(IRecyclingRewardsErrors.RecyclingMalleableSignature.selector, highS)
        );
        _s.rewards.claimReceipt(receipt, abi.encodePacked(r, highS, v == 27 ? uint8(28) : uint8(27)));

        vm.prank(citizen);
        uint256 minted = _s.rewards.claimReceipt(receipt, abi.encodePacked(r, s, v));
        _assertEq(minted, ((grams < CAP ? grams : CAP) * 300) / 1000, "minted");
        _assertTrue(_s.rewards.receiptUsed(_kiosk, id), "used");
        vm.prank(citizen);
        vm.expectRevert(
            abi.encodeWithSelector(IRecyclingRewardsErrors.RecyclingReceiptUsed.selector, _kiosk, id)
        );
        _s.rewards.claimReceipt(receipt, abi.encodePacked(r, s, v));
    }

    function _one(
        address citizen,
        uint256 grams
    ) private pure returns (IRecyclingRewards.Deposit[] memory batch) {
        batch = new IRecyclingRewards.Deposit[](1);
        batch[0] = IRecyclingRewards.Deposit(citizen, 1, grams, 0);
    }

    function _submit(IRecyclingRewards.Deposit[] memory batch) private {
        vm.prank(_kiosk);
        _s.rewards.depositBatch(batch);
    }
}
