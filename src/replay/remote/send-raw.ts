/**
 * Sending signed transactions to a remote node. Sending is made safe to repeat: a node that
 * already has a transaction answers "already known" or "nonce too low", and the hash tells
 * whether it is ours. A nonce that someone else's transaction took is read again from the
 * node and the account's transactions are signed again from it, with backoff.
 */
import { setTimeout as sleep } from "node:timers/promises";

import { ReplayError } from "../errors.js";
import type { JsonRpcClient, RpcAnswerError } from "./json-rpc.js";
import type { Fees, NonceSigner, SignedTx } from "./signer.js";

export interface SendOptions {
  /** One at a time, each answered before the next (a node mining on arrival keeps file order). */
  inOrder: boolean;
  fees: Fees;
  /** Rounds of nonce repair before giving up (default 5). */
  retries?: number;
}

const CHUNK = 500;
const ALREADY_KNOWN = /already known|known transaction|already imported|alreadyknown/i;
const NONCE_TAKEN =
  /nonce too low|nonce has already been used|noncetoolow|replacement transaction underpriced/i;

type Verdict = "sent" | "nonce-taken";

/**
 * Whether a send that came back with an error still put the transaction on its way. Besides
 * "already known", a node can answer with an error for a transaction it did take: "nonce too
 * low" for ours sent before a reconnect or a resume, and `hardhat node` with automine on
 * returns the revert of a transaction it mined. The hash settles it.
 */
async function verdictOf(
  client: JsonRpcClient,
  tx: SignedTx,
  error: RpcAnswerError | undefined,
): Promise<Verdict> {
  if (error === undefined || ALREADY_KNOWN.test(error.message)) return "sent";
  const known = await client.request("eth_getTransactionByHash", [tx.hash]);
  if (known !== null) return "sent";
  if (NONCE_TAKEN.test(error.message)) return "nonce-taken";
  throw new ReplayError("SEND_REFUSED", {
    hash: tx.hash,
    from: tx.request.from,
    reason: error.message,
  });
}

async function sendRound(
  client: JsonRpcClient,
  txs: readonly SignedTx[],
  inOrder: boolean,
): Promise<SignedTx[]> {
  const taken: SignedTx[] = [];
  const chunk = inOrder ? 1 : CHUNK;
  for (let from = 0; from < txs.length; from += chunk) {
    const part = txs.slice(from, from + chunk);
    const answers = await client.batch(
      part.map((tx) => ({ method: "eth_sendRawTransaction", params: [tx.raw] })),
    );
    for (const [i, answer] of answers.entries()) {
      const tx = part[i] as SignedTx;
      const verdict = await verdictOf(client, tx, answer.ok ? undefined : answer.error);
      if (verdict === "nonce-taken") taken.push(tx);
    }
  }
  return taken;
}

/** Signs the taken transactions again from each account's nonce as the node counts it. */
async function resign(
  client: JsonRpcClient,
  signer: NonceSigner,
  taken: readonly SignedTx[],
  fees: Fees,
): Promise<SignedTx[]> {
  const accounts = [...new Set(taken.map((tx) => tx.request.from.toLowerCase()))];
  const next = new Map<string, number>();
  for (const account of accounts) {
    const count = await client.request<string>("eth_getTransactionCount", [account, "pending"]);
    next.set(account, Number(count));
  }
  return taken.map((tx) => {
    const account = tx.request.from.toLowerCase();
    const nonce = next.get(account) as number;
    next.set(account, nonce + 1);
    signer.setNonce(account, nonce + 1);
    return signer.sign(tx.request, nonce, tx.tip, fees);
  });
}

/**
 * Sends `txs` (a block, in file order). Returns the transactions signed again, by the hash
 * they had before.
 */
export async function sendRawAll(
  client: JsonRpcClient,
  signer: NonceSigner,
  txs: readonly SignedTx[],
  options: SendOptions,
): Promise<Map<string, SignedTx>> {
  const replaced = new Map<string, SignedTx>();
  const original = new Map<string, string>();
  let pending = txs;
  for (let round = 0; ; round += 1) {
    const taken = await sendRound(client, pending, options.inOrder);
    if (taken.length === 0) return replaced;
    if (round >= (options.retries ?? 5)) {
      const tx = taken[0] as SignedTx;
      throw new ReplayError("SEND_REFUSED", {
        hash: tx.hash,
        from: tx.request.from,
        reason: "its nonce keeps being taken by other transactions",
      });
    }
    await sleep(250 * 2 ** round);
    // Every later transaction of an account whose nonce was taken moves too.
    const movedAccounts = new Set(taken.map((tx) => tx.request.from.toLowerCase()));
    const moving = pending.filter((tx) => movedAccounts.has(tx.request.from.toLowerCase()));
    const fresh = await resign(client, signer, moving, options.fees);
    moving.forEach((old, i) => {
      const first = original.get(old.hash) ?? old.hash;
      const now = fresh[i] as SignedTx;
      original.set(now.hash, first);
      replaced.set(first, now);
    });
    pending = fresh;
  }
}
