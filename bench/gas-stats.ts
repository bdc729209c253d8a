import { median } from "simple-statistics";

/** The parking operations whose gas is measured, in table order. */
export const GAS_OPS = [
  "registerSlot",
  "setAvailability",
  "setUnitPrice",
  "bookKrw",
  "bookCredits",
  "checkIn",
  "checkOut",
  "checkOutOverstay",
  "cancelFree",
  "cancelLate",
  "settle",
] as const;
export type GasOp = (typeof GAS_OPS)[number];

/** How an operation is shown and judged. */
export interface OpInfo {
  readonly label: string;
  /** What makes a sample cold (the first write of storage), or undefined if nothing can. */
  readonly cold: string | undefined;
  /** The ceiling, in gas per transaction (per deposit for kiosk batches). */
  readonly target?: number;
  /**
   * Which figures the ceiling applies to: the median and the warm median (default), or the
   * warm median only (a kiosk batch, whose ceiling is quoted for warm depositors).
   */
  readonly targetOn?: "medianAndWarm" | "warm";
}

const BOOK_TARGET = 120_000;
const CHECKOUT_TARGET = 80_000;
const FIRST_PAYOUT = "first payout to the slot's owner (owner's KRW balance 0 -> >0)";
const FIRST_RESERVATION = "slot's 64-hour reservation word empty before (0 -> >0)";

/** Labels, cold definitions and targets of each operation. */
export const GAS_OP_INFO: Readonly<Record<GasOp, OpInfo>> = {
  registerSlot: { label: "registerSlot", cold: "owner's first slot (ERC-721 balance 0 -> 1)" },
  setAvailability: { label: "setAvailability", cold: "slot had no availability (bitmap 0 -> >0)" },
  setUnitPrice: { label: "setUnitPrice", cold: undefined },
  bookKrw: { label: "book (KRW only)", cold: FIRST_RESERVATION, target: BOOK_TARGET },
  bookCredits: { label: "book (with credits)", cold: FIRST_RESERVATION, target: BOOK_TARGET },
  checkIn: { label: "checkIn", cold: undefined },
  checkOut: { label: "checkOut (no overstay)", cold: FIRST_PAYOUT, target: CHECKOUT_TARGET },
  checkOutOverstay: { label: "checkOut (overstay)", cold: FIRST_PAYOUT, target: CHECKOUT_TARGET },
  cancelFree: { label: "cancel (free)", cold: undefined },
  cancelLate: { label: "cancel (late)", cold: FIRST_PAYOUT },
  settle: { label: "settle (no-show)", cold: FIRST_PAYOUT },
};

/**
 * One measured transaction: its operation, gas used (receipt; divided by the deposits of a
 * kiosk batch) and whether it was cold.
 */
export interface GasSample {
  readonly op: string;
  readonly gas: number;
  readonly cold: boolean;
}

/** A median over `n` samples (null when there are none). */
export interface GasFigure {
  readonly n: number;
  readonly median: number | null;
}

/** One row of the gas table. */
export interface GasRow {
  readonly op: string;
  readonly label: string;
  readonly all: GasFigure;
  readonly cold: GasFigure;
  readonly warm: GasFigure;
  readonly coldMeans: string | null;
  readonly target: number | null;
  /** Which figures the target applies to. */
  readonly targetOn: "medianAndWarm" | "warm";
  /** Those figures within the target; null when the operation has no target. */
  readonly met: boolean | null;
}

function figure(values: readonly number[]): GasFigure {
  return { n: values.length, median: values.length === 0 ? null : median([...values]) };
}

/**
 * Medians per operation of `ops` (in that order): over all samples, the cold ones and the
 * warm ones.
 */
export function summarizeGas<Op extends string>(
  ops: readonly Op[],
  infos: Readonly<Record<Op, OpInfo>>,
  samples: readonly GasSample[],
): GasRow[] {
  return ops.map((op) => {
    const info = infos[op];
    const mine = samples.filter((s) => s.op === op);
    const all = figure(mine.map((s) => s.gas));
    const cold = figure(mine.filter((s) => s.cold).map((s) => s.gas));
    const warm = figure(mine.filter((s) => !s.cold).map((s) => s.gas));
    const target = info.target ?? null;
    const targetOn = info.targetOn ?? "medianAndWarm";
    const within = (f: GasFigure): boolean =>
      f.median === null || target === null || f.median <= target;
    const judged = targetOn === "warm" ? [warm] : [all, warm];
    return {
      op,
      label: info.label,
      all,
      cold,
      warm,
      coldMeans: info.cold ?? null,
      target,
      targetOn,
      met: target === null || all.median === null ? null : judged.every(within),
    };
  });
}
