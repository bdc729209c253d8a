// SPDX-License-Identifier: MIT
// City pilot simulator (test/recycling/RewardSchemes.t.sol)
pragma solidity ^0.8.24;

import {IRewardScheme, MATERIAL_COUNT, Material} from "../../interfaces/IRewardScheme.sol";
import {BudgetPoolScheme} from "../../recycling/schemes/BudgetPoolScheme.sol";
import {FlatScheme} from "../../recycling/schemes/FlatScheme.sol";
import {MaterialScheme} from "../../recycling/schemes/MaterialScheme.sol";
import {PerItemScheme} from "../../recycling/schemes/PerItemScheme.sol";
import {TieredScheme} from "../../recycling/schemes/TieredScheme.sol";
import {RecyclingTestBase} from "./RecyclingTestBase.sol";
import {SchemeReference} from "./SchemeReference.sol";

/**
 * @dev Each scheme against the spec's formula (SchemeReference), over fuzzed deposits and
 * fuzzed parameters. This contract binds the schemes to itself and calls the hooks directly.
 */
contract RewardSchemesTest is RecyclingTestBase {
    uint256 private constant MAX_RATE = (uint256(1) << 40) - 1;
    uint256 private constant MAX_GRAMS = type(uint32).max;

    function _deposit(
        Material material,
        uint256 grams,
        uint256 items,
        uint256 epoch,
        uint256 before
    ) private view returns (IRewardScheme.CountedDeposit memory) {
        return
            IRewardScheme.CountedDeposit(address(0xC1), address(this), material, grams, items, epoch, before);
    }

    function _defaultStarts() private pure returns (uint256[] memory starts, uint256[] memory rates) {
        starts = new uint256[](3);
        rates = new uint256[](3);
        (starts[0], starts[1], starts[2]) = (0, 2000, 5000);
        (rates[0], rates[1], rates[2]) = (400, 250, 100);
    }

    function testFuzz_flat_onDeposit(uint256 rate, uint256 grams, uint256 before) public {
        rate = _bound(rate, 0, MAX_RATE);
        grams = _bound(grams, 0, MAX_GRAMS);
        FlatScheme scheme = new FlatScheme(rate);
        scheme.bind();
        uint256 reward = scheme.onDeposit(_deposit(Material.PET, grams, 0, 0, before));
        _assertEq(reward, SchemeReference.perKg(grams, rate), "flat");
    }

    function testFuzz_material_onDeposit(
        uint256[MATERIAL_COUNT] memory rates,
        uint8 m,
        uint256 grams
    ) public {
        for (uint256 i = 0; i < MATERIAL_COUNT; i++) rates[i] = _bound(rates[i], 0, MAX_RATE);
        grams = _bound(grams, 0, MAX_GRAMS);
        Material material = Material(m % MATERIAL_COUNT);
        MaterialScheme scheme = new MaterialScheme(rates);
        scheme.bind();
        uint256 reward = scheme.onDeposit(_deposit(material, grams, 0, 0, 0));
        _assertEq(reward, SchemeReference.perKg(grams, rates[uint256(material)]), "material");
    }

    function testFuzz_perItem_onDeposit(
        uint256[MATERIAL_COUNT] memory rates,
        uint8 m,
        uint256 grams,
        uint256 items
    ) public {
        for (uint256 i = 0; i < MATERIAL_COUNT; i++) rates[i] = _bound(rates[i], 0, MAX_RATE);
        grams = _bound(grams, 1, MAX_GRAMS);
        items = _bound(items, 0, grams);
        Material material = Material(m % MATERIAL_COUNT);
        PerItemScheme scheme = new PerItemScheme(rates);
        scheme.bind();
        uint256 reward = scheme.onDeposit(_deposit(material, grams, items, 0, 0));
        _assertEq(reward, SchemeReference.perItem(items, rates[uint256(material)]), "perItem");
    }

    function testFuzz_tiered_defaultBands(uint256 before, uint256 grams) public {
        before = _bound(before, 0, 40_000);
        grams = _bound(grams, 0, 20_000);
        (uint256[] memory starts, uint256[] memory rates) = _defaultStarts();
        TieredScheme.Band[] memory bands = new TieredScheme.Band[](3);
        for (uint256 i = 0; i < 3; i++) bands[i] = TieredScheme.Band(starts[i], rates[i]);
        TieredScheme scheme = new TieredScheme(bands);
        scheme.bind();
        uint256 reward = scheme.onDeposit(_deposit(Material.OTHER, grams, 0, 0, before));
        _assertEq(reward, SchemeReference.tiered(starts, rates, before, grams), "tiered default");
    }

    function testFuzz_tiered_fuzzedBands(uint256 count, uint256 seed, uint256 before, uint256 grams) public {
        count = _bound(count, 1, 8);
        uint256[] memory starts = new uint256[](count);
        uint256[] memory rates = new uint256[](count);
        TieredScheme.Band[] memory bands = new TieredScheme.Band[](count);
        for (uint256 i = 0; i < count; i++) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            starts[i] = i == 0 ? 0 : starts[i - 1] + 1 + (r % 10_000);
            rates[i] = (r >> 128) % 5000;
            bands[i] = TieredScheme.Band(starts[i], rates[i]);
        }
        before = _bound(before, 0, 100_000);
        grams = _bound(grams, 0, 20_000);
        TieredScheme scheme = new TieredScheme(bands);
        scheme.bind();
        uint256 reward = scheme.onDeposit(_deposit(Material.PP, grams, 0, 0, before));
        _assertEq(reward, SchemeReference.tiered(starts, rates, before, grams), "tiered fuzzed");
    }

    function testFuzz_budgetPool_payouts(
        uint256 budget,
        uint256[4] memory grams,
        uint8[4] memory materials
    ) public {
        budget = _bound(budget, 0, 10_000_000);
        uint256[MATERIAL_COUNT] memory weights = [uint256(500), 300, 250, 200, 100, 0];
        BudgetPoolScheme scheme = new BudgetPoolScheme(budget, weights);
        scheme.bind();
        uint256[4] memory points;
        uint256 total;
        for (uint256 i = 0; i < 4; i++) {
            grams[i] = _bound(grams[i], 0, 200_000);
            Material material = Material(materials[i] % MATERIAL_COUNT);
            IRewardScheme.CountedDeposit memory d = _deposit(material, grams[i], 0, 3, 0);
            d.citizen = address(uint160(0x1000 + i));
            _assertEq(scheme.onDeposit(d), 0, "no credits at the deposit");
            points[i] = SchemeReference.perKg(grams[i], weights[uint256(material)]);
            total += points[i];
        }
        _assertEq(scheme.totalPoints(3), total, "total points");
        uint256 paid;
        for (uint256 i = 0; i < 4; i++) {
            uint256 payout = scheme.onClaim(address(uint160(0x1000 + i)), 3);
            _assertEq(payout, SchemeReference.poolShare(points[i], budget, total), "share");
            paid += payout;
        }
        _assertTrue(paid <= budget, "within the budget");
        _assertEq(scheme.paidOut(3), paid, "paid out");
    }

    function testFuzz_hooks_onlyRewards(address caller) public {
        vm.assume(caller != address(this));
        FlatScheme scheme = new FlatScheme(300);
        scheme.bind();
        vm.prank(caller);
        vm.expectRevert(abi.encodeWithSelector(IRewardScheme.SchemeUnauthorizedCaller.selector, caller));
        scheme.onDeposit(_deposit(Material.PET, 1000, 0, 0, 0));
        vm.prank(caller);
        vm.expectRevert(abi.encodeWithSelector(IRewardScheme.SchemeAlreadyBound.selector, address(this)));
        scheme.bind();
    }
}
