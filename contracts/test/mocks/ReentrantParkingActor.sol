// SPDX-License-Identifier: MIT
// City pilot simulator (test/mocks/ReentrantParkingActor.sol)
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC721Receiver} from "@openzeppelin/contracts/token/ERC721/IERC721Receiver.sol";
import {ICityTreasury} from "../../interfaces/ICityTreasury.sol";
import {IParkingMarket} from "../../interfaces/IParkingMarket.sol";
import {CallbackToken, ITokenCallbacks} from "./CallbackToken.sol";

/**
 * @dev A driver, slot owner or merchant contract that re-enters the market (or the treasury)
 * from inside a payment: from a {CallbackToken} callback or from `onERC721Received` when a
 * slot is minted to it. Armed with one {Attack}, it tries it once at the next callback, then
 * either swallows the failure (recording the revert data, so the outer call goes on) or
 * bubbles it up (so the outer call reverts with it).
 */
contract ReentrantParkingActor is ITokenCallbacks, IERC721Receiver {
    /// @dev What to try from inside the next callback.
    enum Attack {
        None,
        Book,
        CheckIn,
        CheckOut,
        Cancel,
        Settle,
        SetUnitPrice,
        SetAvailability,
        RegisterSlot,
        Redeem
    }

    IParkingMarket public immutable market;
    ICityTreasury public immutable treasury;

    Attack public attack;
    /// @dev The booking, slot or amount the attack targets (a minted slot when zero).
    uint256 public attackTarget;
    /// @dev Swallow the reentrant call's failure instead of bubbling it up.
    bool public swallow;
    /// @dev Reentrant calls tried, and those that went through.
    uint256 public attempts;
    uint256 public successes;
    /// @dev Revert data of the last swallowed failure.
    bytes public lastRevert;

    constructor(IParkingMarket market_, ICityTreasury treasury_, IERC20 krw, IERC20 credit) {
        market = market_;
        treasury = treasury_;
        CallbackToken(address(krw)).setHook(true);
        krw.approve(address(market_), type(uint256).max);
        krw.approve(address(treasury_), type(uint256).max);
        credit.approve(address(market_), type(uint256).max);
    }

    /// @dev Arms `attack_` on `target_` for the next callback.
    function arm(Attack attack_, uint256 target_, bool swallow_) external {
        attack = attack_;
        attackTarget = target_;
        swallow = swallow_;
    }

    /// @dev Books as a driver.
    function book(uint256 slotId, uint256 start, uint256 end, uint256 credits) external returns (uint256) {
        return market.book(slotId, start, end, credits);
    }

    /// @dev Checks in as the driver.
    function checkIn(uint256 bookingId) external {
        market.checkIn(bookingId);
    }

    /// @dev Checks out as the driver.
    function checkOut(uint256 bookingId) external {
        market.checkOut(bookingId);
    }

    /// @dev Cancels as the driver.
    function cancel(uint256 bookingId) external {
        market.cancel(bookingId);
    }

    /// @dev Funds the treasury.
    function fund(uint256 amount) external {
        treasury.fund(amount);
    }

    /// @dev Redeems credits as a merchant.
    function redeem(uint256 amount) external {
        treasury.redeem(amount);
    }

    /// @inheritdoc ITokenCallbacks
    function onTokenSent(address, uint256) external {
        _attack(0);
    }

    /// @inheritdoc ITokenCallbacks
    function onTokenReceived(address, uint256) external {
        _attack(0);
    }

    /// @inheritdoc IERC721Receiver
    function onERC721Received(address, address, uint256 tokenId, bytes calldata) external returns (bytes4) {
        _attack(tokenId);
        return IERC721Receiver.onERC721Received.selector;
    }

    function _attack(uint256 mintedSlot) private {
        Attack current = attack;
        if (current == Attack.None) return;
        // Disarmed first: one attempt per arming, and no endless recursion if it went through.
        attack = Attack.None;
        ++attempts;
        uint256 id = attackTarget == 0 ? mintedSlot : attackTarget;
        (bool ok, bytes memory data) = _callFor(current, id);
        if (ok) {
            ++successes;
        } else if (swallow) {
            lastRevert = data;
        } else {
            assembly ("memory-safe") {
                revert(add(data, 0x20), mload(data))
            }
        }
    }

    /// @dev Low-level calls: the revert data is the evidence the tests check.
    function _callFor(Attack current, uint256 id) private returns (bool, bytes memory) {
        if (current == Attack.Redeem) {
            bytes memory redeem = abi.encodeCall(ICityTreasury.redeem, (id));
            // solhint-disable-next-line avoid-low-level-calls
            return address(treasury).call(redeem);
        }
        bytes memory data;
        if (current == Attack.Book) {
            uint256 start = ((block.timestamp / 900) + 200) * 900;
            data = abi.encodeCall(IParkingMarket.book, (id, start, start + 900, 0));
        } else if (current == Attack.CheckIn) {
            data = abi.encodeCall(IParkingMarket.checkIn, (id));
        } else if (current == Attack.CheckOut) {
            data = abi.encodeCall(IParkingMarket.checkOut, (id));
        } else if (current == Attack.Cancel) {
            data = abi.encodeCall(IParkingMarket.cancel, (id));
        } else if (current == Attack.Settle) {
            data = abi.encodeCall(IParkingMarket.settle, (id));
        } else if (current == Attack.SetUnitPrice) {
            data = abi.encodeCall(IParkingMarket.setUnitPrice, (id, 1));
        } else if (current == Attack.SetAvailability) {
            uint256[3] memory none;
            data = abi.encodeCall(IParkingMarket.setAvailability, (id, none));
        } else {
            uint256[3] memory none;
            data = abi.encodeCall(IParkingMarket.registerSlot, (address(this), "", 1, none));
        }
        // solhint-disable-next-line avoid-low-level-calls
        return address(market).call(data);
    }
}
