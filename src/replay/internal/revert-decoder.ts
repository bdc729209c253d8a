/**
 * Revert data to a name a report can count: the custom error's name where a contract of
 * the system declares it, else the standard `Error(string)` / `Panic(uint256)` forms.
 */
import { AbiCoder, ErrorFragment, Interface, dataSlice } from "ethers";

const ERROR_STRING_SELECTOR = "0x08c379a0";
const PANIC_SELECTOR = "0x4e487b71";

/** Name given to a failed transaction that used all its gas and returned nothing. */
export const OUT_OF_GAS = "OutOfGas";
/** Name given to a revert without data that did not run out of gas. */
export const EMPTY_REVERT = "Reverted";

export type RevertDecoder = (revertData: string, outOfGas: boolean) => string;

/** One interface holding every custom error of `interfaces`, first declaration wins. */
export function errorInterface(interfaces: readonly Interface[]): Interface {
  const bySelector = new Map<string, ErrorFragment>();
  for (const iface of interfaces) {
    iface.forEachError((fragment) => {
      if (!bySelector.has(fragment.selector)) bySelector.set(fragment.selector, fragment);
    });
  }
  return new Interface([...bySelector.values()]);
}

/** A decoder over the custom errors of `interfaces`. */
export function revertDecoder(interfaces: readonly Interface[]): RevertDecoder {
  const errors = errorInterface(interfaces);
  return (revertData, outOfGas) => decodeRevert(errors, revertData, outOfGas);
}

/**
 * `ParkingSlotAlreadyBooked` for a custom error; `Error: <reason>` for a require string;
 * `Panic(0x11)` for a panic; `OutOfGas` / `Reverted` with no data; the bare selector for an
 * error no known contract declares.
 */
export function decodeRevert(errors: Interface, revertData: string, outOfGas: boolean): string {
  if (revertData.length < 10) return outOfGas ? OUT_OF_GAS : EMPTY_REVERT;
  const selector = dataSlice(revertData, 0, 4);
  const coder = AbiCoder.defaultAbiCoder();
  try {
    if (selector === ERROR_STRING_SELECTOR) {
      const [reason] = coder.decode(["string"], dataSlice(revertData, 4));
      return `Error: ${String(reason)}`;
    }
    if (selector === PANIC_SELECTOR) {
      const [code] = coder.decode(["uint256"], dataSlice(revertData, 4));
      return `Panic(0x${(code as bigint).toString(16)})`;
    }
  } catch {
    return selector;
  }
  return errors.getError(selector)?.name ?? selector;
}
