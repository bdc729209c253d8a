/**
 * The remote-network options of `simulate` (`--network`, `--rpc-url`, `--time-mode`,
 * `--confirmations`, `--deployment-id`, `--resume`), checked before anything runs.
 */
import { GenerateOptionError } from "../generate/cli-options.js";
import {
  hasCheckpoint,
  readCheckpoint,
  type PersistedRequest,
  type Resumption,
} from "../replay/remote/checkpoint.js";
import type { RunRequest } from "./prepare-input.js";
import type { RemoteRunOptions } from "./remote-run.js";

const TIME_MODES = ["auto", "trace", "node"] as const;

function timeModeOption(text: string | undefined): RemoteRunOptions["timeMode"] {
  if (text === undefined) return undefined;
  const mode = TIME_MODES.find((m) => m === text.trim());
  if (mode === undefined) {
    throw new GenerateOptionError(
      `--time-mode: expected one of ${TIME_MODES.join(", ")}, got ${JSON.stringify(text)}`,
    );
  }
  return mode;
}

function wholeOption(
  name: string,
  value: string | number | undefined,
  min: number,
): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === "number" ? value : /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < min) {
    throw new GenerateOptionError(
      `--${name}: expected a whole number >= ${min}, got ${JSON.stringify(value)}`,
    );
  }
  return n;
}

/** The remote options of a request for network `network` (an `http` network). */
export function remoteOptionsOf(request: RunRequest, network: string): RemoteRunOptions {
  return {
    network,
    rpcUrl: request.rpcUrl,
    timeMode: timeModeOption(request.timeMode),
    confirmations: wholeOption("confirmations", request.confirmations, 1),
    deploymentId: request.deploymentId,
    retries: wholeOption("rpc-retries", request.rpcRetries, 0),
  };
}

/** The request options a resumed run repeats (the input is prepared again from them). */
export function persistedRequest(request: RunRequest): PersistedRequest {
  const { input, seed, scheme, gasPriceGwei, krwPerEth } = request;
  return { input, seed, scheme, gasPriceGwei, krwPerEth };
}

/** `--resume DIR`: the checkpoint and the request of the run it continues. */
export async function resumptionOf(
  dir: string,
  request: RunRequest,
): Promise<{ resumption: Resumption; request: RunRequest }> {
  if (!(await hasCheckpoint(dir))) {
    throw new GenerateOptionError(
      `--resume: ${dir} holds no checkpoint (checkpoint/run.json): nothing to resume`,
    );
  }
  const resumption = await readCheckpoint(dir);
  return {
    resumption,
    request: {
      ...resumption.run.request,
      out: dir,
      network: resumption.run.network,
      rpcUrl: request.rpcUrl ?? resumption.run.rpcUrl,
      rpcRetries: request.rpcRetries,
    },
  };
}
