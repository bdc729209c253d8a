/**
 * The recycling rewards ABI the replay uses, written from
 * contracts/interfaces/IRecyclingRewards.sol. It stands in until the recycling contracts
 * are compiled on this branch (then the typechain factory replaces it), and it lets the
 * replay encode batches and decode their reject reasons without them.
 */
import { Interface } from "ethers";

/** `IRecyclingRewards.RejectReason`, by enum value. */
export const REJECT_REASONS = [
  "None",
  "InvalidMaterial",
  "ZeroCitizen",
  "ZeroGrams",
  "OverMaxDeposit",
  "ItemsOverGrams",
  "BeforeEpochStart",
  "OverKioskCapacity",
] as const;

const DEPOSIT = "(address citizen, uint8 material, uint256 grams, uint256 items)";
const RECEIPT =
  "(address citizen, address kiosk, uint8 material, uint256 grams, uint256 items, uint256 id, uint256 expiry)";

export const recyclingInterface = new Interface([
  "function registerKiosk(address kiosk, bytes32 district, uint256 capacityGrams)",
  `function depositBatch(${DEPOSIT}[] deposits)`,
  `function claimReceipt(${RECEIPT} receipt, bytes signature) returns (uint256)`,
  "function claim(uint256 epoch) returns (uint256)",
  "function setScheme(address scheme)",
  "event DepositRejected(address indexed kiosk, address indexed citizen, uint256 index, uint8 reason)",
  "error RecyclingInvalidParams()",
  "error RecyclingUnknownKiosk(address kiosk)",
  "error RecyclingKioskAlreadyRegistered(address kiosk)",
  "error RecyclingInvalidKiosk(address kiosk, uint256 capacityGrams)",
  "error RecyclingInvalidScheme(address scheme)",
  "error RecyclingTooManySchemes(uint256 epoch)",
  "error RecyclingNotReceiptCitizen(address citizen, address caller)",
  "error RecyclingReceiptExpired(uint256 expiry, uint256 now)",
  "error RecyclingReceiptUsed(address kiosk, uint256 id)",
  "error RecyclingInvalidSignature()",
  "error RecyclingInvalidSignatureLength(uint256 length)",
  "error RecyclingMalleableSignature(bytes32 s)",
  "error RecyclingWrongSigner(address kiosk, address signer)",
  "error RecyclingInvalidMaterial(uint256 material)",
  "error RecyclingZeroCitizen()",
  "error RecyclingZeroGrams()",
  "error RecyclingDepositTooLarge(uint256 grams, uint256 maxGrams)",
  "error RecyclingTooManyItems(uint256 items, uint256 grams)",
  "error RecyclingBeforeEpochStart(uint256 now, uint256 epochStart)",
  "error RecyclingKioskCapacityExceeded(address kiosk, uint256 intakeGrams, uint256 grams, uint256 capacityGrams)",
  "error RecyclingEpochNotEnded(uint256 epoch)",
  "error RecyclingAlreadyClaimed(address citizen, uint256 epoch)",
  "error SchemeUnauthorizedCaller(address caller)",
  "error SchemeAlreadyBound(address rewards)",
  "error SchemeInvalidParams(uint256 index)",
]);

/** EIP-712 types of a kiosk's deposit receipt. */
export const RECEIPT_TYPES = {
  Receipt: [
    { name: "citizen", type: "address" },
    { name: "kiosk", type: "address" },
    { name: "material", type: "uint8" },
    { name: "grams", type: "uint256" },
    { name: "items", type: "uint256" },
    { name: "id", type: "uint256" },
    { name: "expiry", type: "uint256" },
  ],
};

/** EIP-712 domain of the rewards contract at `verifyingContract` on `chainId`. */
export function receiptDomain(chainId: bigint, verifyingContract: string) {
  return { name: "RecyclingRewards", version: "1", chainId, verifyingContract };
}
