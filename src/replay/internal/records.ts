/**
 * Mined transactions to per-event records: status, decoded error, gas.
 */
import type { EventRecord, TracedEvent } from "../types.js";
import type { PlannedUnit } from "./plan-types.js";
import type { RevertDecoder } from "./revert-decoder.js";
import type { MinedTx } from "./sender.js";

/**
 * `total` split into `parts` whole shares that add up to it; the first `total % parts`
 * shares get one more.
 */
export function splitEvenly(total: number, parts: number): number[] {
  const share = Math.floor(total / parts);
  const extra = total - share * parts;
  return Array.from({ length: parts }, (_, i) => share + (i < extra ? 1 : 0));
}

function baseRecord(input: TracedEvent, mined: readonly MinedTx[]): EventRecord {
  const last = mined.at(-1);
  const txGasUsed = mined.reduce((sum, tx) => sum + tx.gasUsed, 0);
  const record: EventRecord = {
    line: input.line,
    kind: input.event.kind,
    time: input.time,
    status: "ok",
    gasUsed: txGasUsed,
    txGasUsed,
    txCount: mined.length,
    batchSize: 1,
    timestamp: last?.timestamp ?? input.time,
  };
  if (last !== undefined) {
    record.txHash = last.hash;
    record.blockNumber = last.blockNumber;
  }
  return record;
}

/** The error name of the first failed transaction, if any failed. */
function firstFailure(mined: readonly MinedTx[], decode: RevertDecoder): string | undefined {
  const failed = mined.find((tx) => !tx.ok);
  if (failed === undefined) return undefined;
  return decode(failed.revertData ?? "0x", failed.gasUsed >= failed.gasLimit);
}

/**
 * Records of a mined unit, one per trace event, in file order. An event with several
 * transactions (an `actor.join`) is reverted if any of them reverted, with the first
 * failure's error. The entries of a kiosk batch share its gas evenly; each is `rejected`
 * with its reason where the contract skipped it, or `reverted` with the batch if the batch
 * itself reverted.
 */
export function recordsOf(
  unit: PlannedUnit,
  mined: readonly MinedTx[],
  decode: RevertDecoder,
): EventRecord[] {
  const error = firstFailure(mined, decode);
  const batchTx = unit.rejections === undefined ? undefined : mined[0];
  if (batchTx === undefined || unit.rejections === undefined) {
    return unit.inputs.map((input) => {
      const record = baseRecord(input, mined);
      if (error !== undefined) Object.assign(record, { status: "reverted", error });
      return record;
    });
  }
  const rejected = batchTx.ok ? unit.rejections(batchTx) : new Map<number, string>();
  const shares = splitEvenly(batchTx.gasUsed, unit.inputs.length);
  return unit.inputs.map((input, index) => {
    const record = baseRecord(input, mined);
    record.gasUsed = shares[index] ?? 0;
    record.batchSize = unit.inputs.length;
    const reason = rejected.get(index);
    if (error !== undefined) Object.assign(record, { status: "reverted", error });
    else if (reason !== undefined) Object.assign(record, { status: "rejected", error: reason });
    return record;
  });
}
