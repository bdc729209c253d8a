import type { EthereumProvider } from "hardhat/types/providers";

/** Where a replay's wall time can go, by the JSON-RPC methods it calls. */
export const RPC_PHASES = [
  "send",
  "mine",
  "receipts",
  "revertTraces",
  "accounts",
  "other",
] as const;
export type RpcPhase = (typeof RPC_PHASES)[number];

function phaseOf(method: string): RpcPhase {
  switch (method) {
    case "eth_sendTransaction":
    case "eth_sendRawTransaction":
      return "send";
    case "evm_mine":
    case "evm_setNextBlockTimestamp":
      return "mine";
    case "eth_getTransactionReceipt":
      return "receipts";
    case "debug_traceTransaction":
      return "revertTraces";
    case "hardhat_impersonateAccount":
    case "hardhat_setBalance":
      return "accounts";
    default:
      return "other";
  }
}

/** Busy wall-clock time of one phase and its request count. */
export interface PhaseFigure {
  readonly requests: number;
  /** Union of the intervals with at least one request of the phase in flight. */
  readonly ms: number;
}

/** Mining time of a slice of the run's blocks (to see it grow with the chain's state). */
export interface MineSlice {
  /** Blocks in the slice (a tenth of the run's blocks). */
  readonly blocks: number;
  readonly msPerBlock: number;
}

export interface RpcProfile {
  /** The window measured: from automine off to automine on again (the replay proper). */
  readonly windowMs: number;
  readonly phases: Readonly<Record<RpcPhase, PhaseFigure>>;
  /** Wall time with any request in flight (phases never overlap in a replay). */
  readonly busyMs: number;
  /** `evm_mine` time per tenth of the blocks, in order. */
  readonly mineSlices: readonly MineSlice[];
  /** Timestamp given to the last `evm_mine` (unix seconds), if any. */
  readonly lastBlockTime: number | null;
}

interface PhaseState {
  requests: number;
  inFlight: number;
  since: number;
  ms: number;
}

/** The timestamp of `evm_mine [timestamp]`, if given. */
function blockTimeOf(params: unknown): number | undefined {
  const value: unknown = Array.isArray(params) ? params[0] : undefined;
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.startsWith("0x")) return Number(BigInt(value));
  return undefined;
}

/** Whether a request turns automine off (true), on (false), or neither (undefined). */
function automineOff(args: { method: string; params?: unknown }): boolean | undefined {
  if (args.method !== "evm_setAutomine" || !Array.isArray(args.params)) return undefined;
  return args.params[0] === false;
}

/**
 * Times the JSON-RPC requests of a provider by phase, as wall-clock busy time (concurrent
 * receipt requests count once), and each `evm_mine`'s duration, within the window in which
 * automine is off: the fast path's replay proper (its sender turns automine off after the
 * deployment and back on at the end). The cost is two `performance.now()` calls and a few
 * counters per request.
 */
export class RpcProfiler {
  readonly #phases = new Map<RpcPhase, PhaseState>(
    RPC_PHASES.map((p) => [p, { requests: 0, inFlight: 0, since: 0, ms: 0 }]),
  );
  readonly #any: PhaseState = { requests: 0, inFlight: 0, since: 0, ms: 0 };
  readonly #mineMs: number[] = [];
  #lastBlockTime: number | null = null;
  #recording = false;
  #windowStart = 0;
  #windowMs = 0;

  /**
   * Makes `provider.request` go through the profiler (an own property over the class's
   * method, so everything holding the provider is measured). Returns the provider.
   */
  instrument(provider: EthereumProvider): EthereumProvider {
    const request = provider.request.bind(provider);
    const timed = async (args: Parameters<EthereumProvider["request"]>[0]): Promise<unknown> => {
      const off = automineOff(args);
      if (off === true) this.#open();
      if (!this.#recording) return request(args);
      const phase = this.#phases.get(phaseOf(args.method));
      const started = performance.now();
      this.#enter(this.#any, started);
      if (phase !== undefined) this.#enter(phase, started);
      try {
        return await request(args);
      } finally {
        const ended = performance.now();
        this.#leave(this.#any, ended);
        if (phase !== undefined) this.#leave(phase, ended);
        if (args.method === "evm_mine") {
          this.#mineMs.push(ended - started);
          this.#lastBlockTime = blockTimeOf(args.params) ?? this.#lastBlockTime;
        }
        if (off === false) this.#close(ended);
      }
    };
    Object.defineProperty(provider, "request", { value: timed, configurable: true });
    return provider;
  }

  /** Blocks mined (`evm_mine` requests) in the current or last window. */
  get blocksMined(): number {
    return this.#mineMs.length;
  }

  /** Figures of the last window (or of the one still open, up to now). */
  profile(): RpcProfile {
    const phases = Object.fromEntries(
      RPC_PHASES.map((p) => {
        const s = this.#phases.get(p);
        return [p, { requests: s?.requests ?? 0, ms: s?.ms ?? 0 }];
      }),
    ) as Record<RpcPhase, PhaseFigure>;
    const windowMs = this.#recording ? performance.now() - this.#windowStart : this.#windowMs;
    return {
      windowMs,
      phases,
      busyMs: this.#any.ms,
      mineSlices: this.#slices(),
      lastBlockTime: this.#lastBlockTime,
    };
  }

  /** Automine goes off: a new window starts, the figures start from zero. */
  #open(): void {
    for (const state of [...this.#phases.values(), this.#any]) {
      Object.assign(state, { requests: 0, inFlight: 0, ms: 0, since: 0 });
    }
    this.#mineMs.length = 0;
    this.#recording = true;
    this.#windowStart = performance.now();
  }

  #close(now: number): void {
    this.#recording = false;
    this.#windowMs = now - this.#windowStart;
  }

  #slices(): MineSlice[] {
    const all = this.#mineMs;
    const slices: MineSlice[] = [];
    for (let i = 0; i < 10; i++) {
      const part = all.slice(
        Math.floor((i * all.length) / 10),
        Math.floor(((i + 1) * all.length) / 10),
      );
      if (part.length === 0) continue;
      slices.push({
        blocks: part.length,
        msPerBlock: part.reduce((sum, ms) => sum + ms, 0) / part.length,
      });
    }
    return slices;
  }

  #enter(state: PhaseState, now: number): void {
    state.requests += 1;
    if (state.inFlight === 0) state.since = now;
    state.inFlight += 1;
  }

  #leave(state: PhaseState, now: number): void {
    state.inFlight -= 1;
    if (state.inFlight === 0) state.ms += now - state.since;
  }
}
