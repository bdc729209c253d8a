/**
 * What the replay needs of the recycling contracts beyond their ABIs: the names of the
 * reject reasons (an enum, so only its index is in the logs) and the EIP-712 receipt.
 */
import { Interface } from "ethers";

import {
  BudgetPoolScheme__factory,
  FlatScheme__factory,
  MaterialScheme__factory,
  PerItemScheme__factory,
  RecyclingRewards__factory,
  TieredScheme__factory,
} from "../../../typechain-types/index.js";

/**
 * `IRecyclingRewards.RejectReason`, by enum value. Kept in step with the Solidity enum by
 * test/replay/recycling-abi.test.ts.
 */
export const REJECT_REASONS = [
  "None",
  "ZeroCitizen",
  "InvalidMaterial",
  "ZeroGrams",
  "OverMaxDeposit",
  "ItemsOverGrams",
  "BeforeEpochStart",
  "OverKioskCapacity",
] as const;

export const recyclingInterface: Interface = RecyclingRewards__factory.createInterface();

/** Every scheme contract's interface, for their custom errors. */
export const schemeInterfaces: readonly Interface[] = [
  FlatScheme__factory.createInterface(),
  MaterialScheme__factory.createInterface(),
  TieredScheme__factory.createInterface(),
  PerItemScheme__factory.createInterface(),
  BudgetPoolScheme__factory.createInterface(),
];

/** EIP-712 types of a kiosk's deposit receipt (`ReceiptVerifier.RECEIPT_TYPEHASH`). */
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
