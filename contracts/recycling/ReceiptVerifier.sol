// SPDX-License-Identifier: MIT
// City pilot simulator (recycling/ReceiptVerifier.sol)
pragma solidity ^0.8.24;

import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {IRecyclingRewards} from "../interfaces/IRecyclingRewards.sol";
import {ReceiptBitmap} from "./libraries/ReceiptBitmap.sol";

/**
 * @dev Kiosk receipts of the rewards contract: EIP-712 (domain "RecyclingRewards", version
 * "1", this chain, this contract), a unique low-s ECDSA signature by the receipt's kiosk, and
 * each receipt id used once per kiosk.
 */
abstract contract ReceiptVerifier is IRecyclingRewards, EIP712 {
    using ReceiptBitmap for mapping(uint256 => uint256);

    /// @dev The EIP-712 type of a {Receipt}.
    bytes32 public constant RECEIPT_TYPEHASH = keccak256(
        "Receipt(address citizen,address kiosk,uint8 material,uint256 grams,uint256 items,uint256 id,uint256 expiry)"
    );

    mapping(address kiosk => mapping(uint256 word => uint256 bits)) private _usedReceipts;

    constructor() EIP712("RecyclingRewards", "1") {}

    /// @inheritdoc IRecyclingRewards
    function receiptUsed(address kiosk, uint256 id) external view returns (bool) {
        return _usedReceipts[kiosk].isUsed(id);
    }

    /// @inheritdoc IRecyclingRewards
    function receiptDigest(Receipt calldata receipt) external view returns (bytes32) {
        return _hashReceipt(receipt);
    }

    /// @inheritdoc IRecyclingRewards
    function DOMAIN_SEPARATOR() external view returns (bytes32) {
        return _domainSeparatorV4();
    }

    /**
     * @dev Checks that `signature` is the receipt kiosk's over `receipt` and uses the receipt's
     * id (reverting if it was used).
     */
    function _useReceipt(Receipt calldata receipt, bytes calldata signature) internal {
        address kiosk = receipt.kiosk;
        _checkSigner(_hashReceipt(receipt), signature, kiosk);
        if (!_usedReceipts[kiosk].use(receipt.id)) revert RecyclingReceiptUsed(kiosk, receipt.id);
        emit ReceiptUsed(kiosk, receipt.id, receipt.citizen);
    }

    /// @dev The EIP-712 digest of `receipt`.
    function _hashReceipt(Receipt calldata receipt) private view returns (bytes32) {
        return
            _hashTypedDataV4(
                keccak256(
                    abi.encode(
                        RECEIPT_TYPEHASH,
                        receipt.citizen,
                        receipt.kiosk,
                        receipt.material,
                        receipt.grams,
                        receipt.items,
                        receipt.id,
                        receipt.expiry
                    )
                )
            );
    }

    /// @dev Reverts unless `signature` is `kiosk`'s, unique (low s), over `digest`.
    function _checkSigner(bytes32 digest, bytes calldata signature, address kiosk) private pure {
        (address signer, ECDSA.RecoverError err, bytes32 errArg) = ECDSA.tryRecoverCalldata(
            digest,
            signature
        );
        if (err == ECDSA.RecoverError.InvalidSignatureLength) {
            revert RecyclingInvalidSignatureLength(uint256(errArg));
        }
        if (err == ECDSA.RecoverError.InvalidSignatureS) revert RecyclingMalleableSignature(errArg);
        if (err == ECDSA.RecoverError.InvalidSignature) revert RecyclingInvalidSignature();
        if (signer != kiosk) revert RecyclingWrongSigner(kiosk, signer);
    }
}
