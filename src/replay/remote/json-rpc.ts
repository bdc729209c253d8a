/**
 * JSON-RPC over HTTP to a remote node, with retries. A replay against a shared network must
 * outlive a dropped connection, a node restart or a slow answer: transport failures and
 * time-outs are retried with exponential backoff; an answer with a JSON-RPC error is not (the
 * caller decides what it means). Requests can go in one HTTP batch, which is how a block's
 * transactions and receipts travel.
 */
import { setTimeout as sleep } from "node:timers/promises";

import { ReplayError } from "../errors.js";

export interface RetryPolicy {
  /** Attempts after the first one. */
  retries: number;
  /** Wait before the first retry; doubles on each, up to `maxDelayMs`. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** A request unanswered this long counts as failed (and is retried). */
  timeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  retries: 8,
  initialDelayMs: 250,
  maxDelayMs: 4_000,
  timeoutMs: 60_000,
};

export interface RpcRequest {
  method: string;
  params: readonly unknown[];
}

/** A JSON-RPC error answer: the node understood the request and refused it. */
export class RpcAnswerError extends Error {
  override readonly name = "RpcAnswerError";
  readonly code: number;
  readonly data: unknown;

  constructor(method: string, code: number, message: string, data: unknown) {
    super(`${method}: ${message}`);
    this.code = code;
    this.data = data;
  }
}

interface RpcAnswer {
  id: number;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

/** What a batch entry came back as: a result or the node's refusal. */
export type RpcOutcome = { ok: true; result: unknown } | { ok: false; error: RpcAnswerError };

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
  return `${error.message}${cause}`;
}

export class JsonRpcClient {
  readonly url: string;
  readonly #policy: RetryPolicy;
  #nextId = 1;
  /** Retries so far, for the run's manifest. */
  retried = 0;
  /**
   * Runs once the node answers again after a transport failure, before the request that
   * failed is sent again. A node that restarted may have lost settings and pending
   * transactions (anvil comes back with automine on and an empty mempool): the sender puts
   * them right here, and may throw to stop the run.
   */
  onReconnect: (() => Promise<void>) | undefined;
  #recovering = false;
  #inHook = false;

  constructor(url: string, policy: Partial<RetryPolicy> = {}) {
    this.url = url;
    this.#policy = { ...DEFAULT_RETRY_POLICY, ...policy };
  }

  /** One request; a JSON-RPC error answer throws {@link RpcAnswerError}. */
  async request<T = unknown>(method: string, params: readonly unknown[] = []): Promise<T> {
    const [outcome] = await this.batch([{ method, params }]);
    if (outcome === undefined) throw new Error(`${method}: no answer`);
    if (!outcome.ok) throw outcome.error;
    return outcome.result as T;
  }

  /** Several requests in one HTTP round trip; each answer in the order asked. */
  async batch(requests: readonly RpcRequest[]): Promise<RpcOutcome[]> {
    if (requests.length === 0) return [];
    const body = requests.map(({ method, params }) => ({
      jsonrpc: "2.0",
      id: this.#nextId++,
      method,
      params,
    }));
    const answers = await this.#postWithRetries(JSON.stringify(body), requests[0]?.method ?? "");
    const byId = new Map(answers.map((answer) => [answer.id, answer]));
    return body.map(({ id, method }) => {
      const answer = byId.get(id);
      if (answer === undefined) {
        const error = new RpcAnswerError(method, -32603, "no answer in the batch", undefined);
        return { ok: false, error };
      }
      if (answer.error !== undefined) {
        const { code, message, data } = answer.error;
        return { ok: false, error: new RpcAnswerError(method, code, message, data) };
      }
      return { ok: true, result: answer.result };
    });
  }

  async #postWithRetries(body: string, method: string): Promise<RpcAnswer[]> {
    const { retries, initialDelayMs, maxDelayMs } = this.#policy;
    for (let attempt = 0; ; attempt += 1) {
      try {
        await this.#recover();
        return await this.#post(body);
      } catch (error) {
        // The reconnect hook's verdicts and its own exhausted retries are final.
        if (error instanceof ReplayError || error instanceof RpcAnswerError) throw error;
        this.#recovering = true;
        if (attempt >= retries) {
          throw new ReplayError(
            "NODE_UNREACHABLE",
            { url: this.url, method, attempts: attempt + 1, reason: describe(error) },
            { cause: error },
          );
        }
        this.retried += 1;
        await sleep(Math.min(maxDelayMs, initialDelayMs * 2 ** attempt));
      }
    }
  }

  async #recover(): Promise<void> {
    if (!this.#recovering || this.#inHook || this.onReconnect === undefined) return;
    this.#inHook = true;
    try {
      await this.onReconnect();
      this.#recovering = false;
    } finally {
      this.#inHook = false;
    }
  }

  async #post(body: string): Promise<RpcAnswer[]> {
    const response = await fetch(this.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      signal: AbortSignal.timeout(this.#policy.timeoutMs),
    });
    // A node behind a proxy answers 429/5xx while it restarts: worth another try.
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
    const parsed = (await response.json()) as RpcAnswer | RpcAnswer[];
    return Array.isArray(parsed) ? parsed : [parsed];
  }
}
