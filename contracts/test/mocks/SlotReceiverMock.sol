// SPDX-License-Identifier: MIT
// City pilot simulator (test/mocks/SlotReceiverMock.sol)
pragma solidity ^0.8.24;

import {IERC721Receiver} from "@openzeppelin/contracts/token/ERC721/IERC721Receiver.sol";

/**
 * @dev An ERC-721 receiver for the parking tests. It records every slot it receives and, once
 * armed with calldata, calls its sender (the market) back with it from inside
 * `onERC721Received`, bubbling up any revert: a slot's receiver callback must not be able to
 * re-enter the market.
 */
contract SlotReceiverMock is IERC721Receiver {
    /// @dev `onERC721Received` ran for `tokenId`, minted or sent by `operator` from `from`.
    event SlotReceived(address operator, address from, uint256 tokenId);

    bytes private _reentry;

    /// @dev Makes the next callbacks call the sender with `data` (empty: no call).
    function arm(bytes calldata data) external {
        _reentry = data;
    }

    /// @inheritdoc IERC721Receiver
    function onERC721Received(
        address operator,
        address from,
        uint256 tokenId,
        bytes calldata
    ) external returns (bytes4) {
        emit SlotReceived(operator, from, tokenId);
        if (_reentry.length > 0) {
            // solhint-disable-next-line avoid-low-level-calls
            (bool ok, bytes memory reason) = msg.sender.call(_reentry);
            if (!ok) {
                assembly ("memory-safe") {
                    revert(add(reason, 32), mload(reason))
                }
            }
        }
        return IERC721Receiver.onERC721Received.selector;
    }
}
