import { SCHEME_KINDS, type SchemeKind } from "../ignition/rewardSchemes.js";
import type { GasRow, OpInfo } from "./gas-stats.js";

/** Kiosk batch sizes whose gas per deposit is measured. */
export const BATCH_SIZES = [1, 10, 50, 100] as const;
export type BatchSize = (typeof BATCH_SIZES)[number];

/** The batch size whose warm gas per deposit has a ceiling. */
export const TARGET_BATCH = 50;
/** Ceilings (SPEC section 8, issue "Recycling rewards"): per deposit, per receipt claim. */
export const DEPOSIT_TARGET = 35_000;
export const RECEIPT_TARGET = 90_000;

/** The recycling operations whose gas is measured, in table order. */
export const RECYCLING_OPS = [
  "deposit1",
  "deposit10",
  "deposit50",
  "deposit100",
  "claimReceipt",
  "claim",
  "spend",
  "redeem",
] as const;
export type RecyclingOp = (typeof RECYCLING_OPS)[number];

/** The operation of a kiosk batch of `size`. */
export function depositOp(size: BatchSize): RecyclingOp {
  return `deposit${size}`;
}

const FIRST_DEPOSIT = "citizen's first deposit (ledger entry and credit balance 0 -> >0)";

function batchInfo(size: BatchSize): OpInfo {
  const label = `deposit, batch of ${size} (per deposit)`;
  return size === TARGET_BATCH
    ? { label, cold: FIRST_DEPOSIT, target: DEPOSIT_TARGET, targetOn: "warm" }
    : { label, cold: FIRST_DEPOSIT };
}

/** Labels, cold definitions and targets of each recycling operation. */
export const RECYCLING_OP_INFO: Readonly<Record<RecyclingOp, OpInfo>> = {
  deposit1: batchInfo(1),
  deposit10: batchInfo(10),
  deposit50: batchInfo(50),
  deposit100: batchInfo(100),
  claimReceipt: {
    label: "claimReceipt",
    cold: FIRST_DEPOSIT,
    target: RECEIPT_TARGET,
    targetOn: "warm",
  },
  claim: {
    label: "claim (budgetPool epoch)",
    cold: "citizen's first credits (credit balance 0 -> >0)",
  },
  spend: {
    label: "spend credits at a merchant",
    cold: "first payment to the merchant (its credit balance 0 -> >0)",
  },
  redeem: {
    label: "merchant redeem (treasury)",
    cold: "merchant's first redemption (its KRW balance 0 -> >0)",
  },
};

/** The gas of one scheme: a kiosk batch of 50 (per deposit) and a receipt claim. */
export interface SchemeGasRow {
  readonly kind: SchemeKind;
  readonly batch: GasRow;
  readonly receipt: GasRow;
}

/** Sample names of the scheme comparison. */
export function schemeOp(kind: SchemeKind, what: "batch" | "receipt"): string {
  return `${kind}:${what}`;
}

/** Operations and their infos of the scheme comparison (same ceilings as the main table). */
export function schemeOpInfos(): { ops: string[]; infos: Record<string, OpInfo> } {
  const infos: Record<string, OpInfo> = {};
  for (const kind of SCHEME_KINDS) {
    infos[schemeOp(kind, "batch")] = {
      label: `${kind}, batch of ${TARGET_BATCH}`,
      cold: FIRST_DEPOSIT,
      target: DEPOSIT_TARGET,
      targetOn: "warm",
    };
    infos[schemeOp(kind, "receipt")] = {
      label: `${kind}, receipt`,
      cold: FIRST_DEPOSIT,
      target: RECEIPT_TARGET,
      targetOn: "warm",
    };
  }
  return { ops: Object.keys(infos), infos };
}
