// SPDX-License-Identifier: MIT
// City pilot simulator (test/recycling/RecyclingHandler.sol)
pragma solidity ^0.8.24;

import {IRecyclingRewards} from "../../interfaces/IRecyclingRewards.sol";
import {IRewardScheme, MATERIAL_COUNT} from "../../interfaces/IRewardScheme.sol";
import {BudgetPoolScheme} from "../../recycling/schemes/BudgetPoolScheme.sol";
import {FlatScheme} from "../../recycling/schemes/FlatScheme.sol";
import {MaterialScheme} from "../../recycling/schemes/MaterialScheme.sol";
import {PerItemScheme} from "../../recycling/schemes/PerItemScheme.sol";
import {TieredScheme} from "../../recycling/schemes/TieredScheme.sol";
import {RecyclingTestBase} from "./RecyclingTestBase.sol";

/**
 * @dev Drives the recycling system for the invariant tests: kiosk batches, time, scheme
 * changes (among two budget pools and the four other schemes), claims, spending at a merchant
 * and redemptions. Keeps ghost totals of what it saw minted and redeemed.
 */
contract RecyclingHandler is RecyclingTestBase {
    uint256 internal constant CITIZENS = 6;
    uint256 internal constant KIOSKS = 2;
    /// @dev Credits the city may mint per epoch in these runs.
    uint256 public constant MINT_CAP = 6000;
    /// @dev KRW the treasury starts with.
    uint256 public constant TREASURY_KRW = 10_000_000;

    System public system;
    BudgetPoolScheme public poolA;
    BudgetPoolScheme public poolB;
    IRewardScheme[6] internal _schemes;
    address public merchant = address(0xCAFE);

    /// @dev Credits minted, as seen from the supply around each call that may mint.
    uint256 public ghostMinted;
    /// @dev Credits minted per epoch, as seen by this handler.
    mapping(uint256 epoch => uint256) public ghostMintedIn;
    /// @dev The latest epoch any call touched.
    uint256 public lastEpoch;

    constructor() {
        vm.warp(EPOCH_START + 9 hours);
        uint256[MATERIAL_COUNT] memory rates = [uint256(500), 300, 250, 200, 100, 0];
        poolA = new BudgetPoolScheme(5000, rates);
        poolB = new BudgetPoolScheme(800, [uint256(1000), 1000, 1000, 1000, 1000, 1000]);
        TieredScheme.Band[] memory bands = new TieredScheme.Band[](3);
        (bands[0], bands[1], bands[2]) = (
            TieredScheme.Band(0, 400),
            TieredScheme.Band(2000, 250),
            TieredScheme.Band(5000, 100)
        );
        _schemes = [
            IRewardScheme(poolA),
            IRewardScheme(new FlatScheme(300)),
            IRewardScheme(poolB),
            IRewardScheme(new MaterialScheme(rates)),
            IRewardScheme(new TieredScheme(bands)),
            IRewardScheme(new PerItemScheme([uint256(10), 10, 0, 0, 0, 0]))
        ];
        system = _deploy(_rules(DAY, MINT_CAP), _schemes[0]);
        for (uint256 k = 0; k < KIOSKS; k++) system.rewards.registerKiosk(_kiosk(k), bytes32(k), 30_000);
        system.treasury.setMerchant(merchant, true);
        system.krw.mint(address(this), TREASURY_KRW);
        system.krw.approve(address(system.treasury), TREASURY_KRW);
        system.treasury.fund(TREASURY_KRW);
    }

    /// @dev A kiosk batch of 1 to 4 fuzzed deposits (some of them breaking rules).
    function deposit(uint256 seed, uint256 kiosk, uint256 count) external {
        count = _bound(count, 1, 4);
        IRecyclingRewards.Deposit[] memory batch = new IRecyclingRewards.Deposit[](count);
        for (uint256 i = 0; i < count; i++) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            batch[i] = IRecyclingRewards.Deposit(
                _citizen(r),
                uint8((r >> 8) % 7), // 6 is an invalid material
                (r >> 16) % 9000,
                (r >> 48) % 200
            );
        }
        uint256 supply = system.credit.totalSupply();
        vm.prank(_kiosk(kiosk));
        system.rewards.depositBatch(batch);
        _sawMinted(_currentEpoch(), supply);
    }

    /// @dev Moves time on by up to a day and a half.
    function warp(uint256 seconds_) external {
        vm.warp(block.timestamp + _bound(seconds_, 1, 36 hours));
    }

    /// @dev Makes one of the six schemes active.
    function setScheme(uint256 which) external {
        system.rewards.setScheme(_schemes[which % 6]);
    }

    /// @dev A citizen claims an epoch (reverts, harmlessly, if not ended or claimed).
    function claim(uint256 who, uint256 epoch) external {
        uint256 current = _currentEpoch();
        epoch = _bound(epoch, 0, current);
        uint256 supply = system.credit.totalSupply();
        vm.prank(_citizen(who));
        system.rewards.claim(epoch);
        _sawMinted(epoch, supply);
    }

    /// @dev A citizen pays the merchant in credits.
    function spend(uint256 who, uint256 amount) external {
        address citizen = _citizen(who);
        amount = _bound(amount, 0, system.credit.balanceOf(citizen));
        vm.prank(citizen);
        system.credit.transfer(merchant, amount);
    }

    /// @dev The merchant redeems credits for KRW.
    function redeem(uint256 amount) external {
        amount = _bound(amount, 1, system.credit.balanceOf(merchant) + 1);
        vm.prank(merchant);
        system.treasury.redeem(amount);
    }

    /// @dev A scheme of the pool.
    function schemeAt(uint256 i) external view returns (IRewardScheme) {
        return _schemes[i];
    }

    function _sawMinted(uint256 epoch, uint256 supplyBefore) private {
        uint256 minted = system.credit.totalSupply() - supplyBefore;
        ghostMinted += minted;
        ghostMintedIn[epoch] += minted;
        if (epoch > lastEpoch) lastEpoch = epoch;
    }

    function _currentEpoch() private view returns (uint256) {
        return system.rewards.epochOf(block.timestamp);
    }

    function _citizen(uint256 r) private pure returns (address) {
        return address(uint160(0xC000 + (r % CITIZENS)));
    }

    function _kiosk(uint256 k) private pure returns (address) {
        return address(uint160(0xD000 + (k % KIOSKS)));
    }
}
