import type { Interface } from "ethers";

import type { BenchChain } from "./chain.js";
import type { BenchFailure } from "./results.js";

/** Failures explained one by one; the rest keep their plain detail. */
const MAX_EXPLAINED = 20;

interface TraceResult {
  readonly failed?: unknown;
  readonly returnValue?: unknown;
}

/** The custom error (or reason) in `revertData`, decoded with the pilot's contract ABIs. */
function decodeRevert(chain: BenchChain, revertData: string): string {
  if (revertData === "0x") return "reverted without data (out of gas or a bare revert)";
  const { market, rewards, krw, credit, treasury } = chain.contracts;
  const interfaces: Interface[] = [
    market.interface,
    rewards.interface,
    krw.interface,
    credit.interface,
    treasury.interface,
  ];
  for (const iface of interfaces) {
    const parsed = iface.parseError(revertData);
    if (parsed !== null) return `${parsed.name}(${parsed.args.map(String).join(", ")})`;
  }
  return `reverted with undecoded data ${revertData.slice(0, 74)}`;
}

/**
 * Adds the decoded revert reason to the first failures of `failures` that were mined, read
 * from `debug_traceTransaction` (run after the clock stopped, so it costs the figures nothing).
 */
export async function explainFailures(
  chain: BenchChain,
  failures: readonly BenchFailure[],
): Promise<BenchFailure[]> {
  const explained: BenchFailure[] = [];
  for (const [i, failure] of failures.entries()) {
    if (i >= MAX_EXPLAINED || failure.hash === undefined || !failure.mined) {
      explained.push(failure);
      continue;
    }
    try {
      const trace = (await chain.connection.provider.request({
        method: "debug_traceTransaction",
        params: [failure.hash, { disableStack: true, disableMemory: true, disableStorage: true }],
      })) as TraceResult | null;
      const raw = typeof trace?.returnValue === "string" ? trace.returnValue : "";
      const data = raw.startsWith("0x") ? raw : `0x${raw}`;
      explained.push({ ...failure, detail: `${decodeRevert(chain, data)}; ${failure.detail}` });
    } catch {
      explained.push(failure);
    }
  }
  return explained;
}
