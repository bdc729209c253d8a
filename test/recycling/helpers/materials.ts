/**
 * The Solidity `Material` enum and the `RejectReason` enum of the rewards contract, by name.
 */
import { MATERIALS, type MaterialName } from "../../../ignition/rewardSchemes.js";

/** Material index by name, in the enum's order. */
export const M: Readonly<Record<MaterialName, number>> = Object.fromEntries(
  MATERIALS.map((name, i) => [name, i]),
) as Record<MaterialName, number>;

/** `IRecyclingRewards.RejectReason` by name. */
export const Reason = {
  None: 0,
  ZeroCitizen: 1,
  InvalidMaterial: 2,
  ZeroGrams: 3,
  OverMaxDeposit: 4,
  ItemsOverGrams: 5,
  BeforeEpochStart: 6,
  OverKioskCapacity: 7,
} as const;
