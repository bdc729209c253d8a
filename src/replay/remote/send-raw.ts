/**
 * Sending signed transactions to a remote node, safe to repeat. A node that already has a
 * transaction answers with an error ("already known", "nonce too low"; `hardhat node` with
 * automine on even returns the revert of a transaction it mined): the hash settles whether
 * the transaction is on its way. A used nonce whose transaction the node does not know is
 * asked about again with backoff (a node just restarted may still be catching up); if it
 * stays unknown the run stops rather than sign the event again under another nonce, which
 * could execute it twice.
 */
import { setTimeout as sleep } from "node:timers/promises";

import { ReplayError } from "../errors.js";
import type { JsonRpcClient, RpcAnswerError } from "./json-rpc.js";
import type { SignedTx } from "./signer.js";

export interface SendOptions {
  /** One at a time, each answered before the next (a node mining on arrival keeps file order). */
  inOrder: boolean;
  /** Times a used nonce's transaction is looked for again (default 4, backoff from 250 ms). */
  retries?: number;
}

const CHUNK = 500;
const ALREADY_KNOWN = /already known|known transaction|already imported|alreadyknown/i;
const NONCE_USED = /nonce too low|nonce has already been used|noncetoolow/i;

async function isKnown(client: JsonRpcClient, tx: SignedTx): Promise<boolean> {
  return (await client.request("eth_getTransactionByHash", [tx.hash])) !== null;
}

/** Whether a send that came back with an error still put the transaction on its way. */
async function settle(
  client: JsonRpcClient,
  tx: SignedTx,
  error: RpcAnswerError,
  retries: number,
): Promise<void> {
  if (ALREADY_KNOWN.test(error.message)) return;
  for (let attempt = 0; ; attempt += 1) {
    if (await isKnown(client, tx)) return;
    if (!NONCE_USED.test(error.message)) {
      throw new ReplayError("SEND_REFUSED", {
        hash: tx.hash,
        from: tx.request.from,
        reason: error.message,
      });
    }
    if (attempt >= retries) {
      throw new ReplayError("NONCE_USED", {
        nonce: tx.nonce,
        from: tx.request.from,
        hash: tx.hash,
      });
    }
    await sleep(250 * 2 ** attempt);
  }
}

/** Sends `txs` (a block, in file order); each ends up on its way or the run stops. */
export async function sendRawAll(
  client: JsonRpcClient,
  txs: readonly SignedTx[],
  options: SendOptions,
): Promise<void> {
  const chunk = options.inOrder ? 1 : CHUNK;
  for (let from = 0; from < txs.length; from += chunk) {
    const part = txs.slice(from, from + chunk);
    const answers = await client.batch(
      part.map((tx) => ({ method: "eth_sendRawTransaction", params: [tx.raw] })),
    );
    for (const [i, answer] of answers.entries()) {
      if (!answer.ok) await settle(client, part[i] as SignedTx, answer.error, options.retries ?? 4);
    }
  }
}
