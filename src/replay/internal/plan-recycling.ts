/**
 * Plans of the recycling events: kiosk batches, signed receipts, claims, scheme changes.
 */
import { getCreateAddress } from "ethers";

import { schemeChoiceOf, unixSeconds, type TraceEventOf } from "../../scenario/trace-schema.js";
import type { TracedEvent } from "../types.js";
import { materialIndex, receiptId } from "./encoding.js";
import { GAS_LIMITS, depositBatchGas } from "./gas.js";
import { actorAddress, call, type PlanContext, type PlannedUnit } from "./plan-types.js";
import { REJECT_REASONS, RECEIPT_TYPES, receiptDomain } from "./recycling-abi.js";
import { schemeCreationCode } from "./schemes.js";
import type { MinedTx } from "./sender.js";

type Input<K extends TracedEvent["event"]["kind"]> = TracedEvent & { event: TraceEventOf<K> };
export type DepositInput = Input<"recycle.deposit">;

/** A receipt's default life when the trace gives no `expires`: one day (SPEC.md section 4). */
export const DEFAULT_RECEIPT_SECONDS = 86_400;

/**
 * Whether `next` may join the open batch `batch`: a deposit of the same kiosk at the same
 * time, right after it in the file (the caller closes the batch at any other event), and
 * room left. Applying such a batch equals applying its deposits one by one, since nothing
 * else runs between them.
 */
export function joinsBatch(
  batch: readonly DepositInput[],
  next: TracedEvent,
  maxBatchSize: number,
): next is DepositInput {
  const first = batch[0];
  return (
    first !== undefined &&
    next.event.kind === "recycle.deposit" &&
    next.event.kiosk === first.event.kiosk &&
    next.time === first.time &&
    batch.length < maxBatchSize
  );
}

/** The reject reason of each skipped entry of a mined batch, by entry index. */
export function batchRejections(
  ctx: PlanContext,
  rewards: string,
  mined: MinedTx,
): ReadonlyMap<number, string> {
  const rejected = new Map<number, string>();
  const topic = ctx.abi.recycling.getEvent("DepositRejected")?.topicHash;
  for (const log of mined.logs) {
    if (log.address.toLowerCase() !== rewards.toLowerCase() || log.topics[0] !== topic) continue;
    const parsed = ctx.abi.recycling.parseLog({ topics: [...log.topics], data: log.data });
    if (parsed === null) continue;
    const reason = Number(parsed.args.getValue("reason"));
    rejected.set(
      Number(parsed.args.getValue("index")),
      REJECT_REASONS[reason] ?? `Reason${reason}`,
    );
  }
  return rejected;
}

/** Consecutive deposits of one kiosk at one time: one `depositBatch` sent by the kiosk. */
export function planDepositBatch(batch: readonly DepositInput[], ctx: PlanContext): PlannedUnit {
  const first = batch[0];
  if (first === undefined) throw new Error("empty deposit batch");
  const rewards = ctx.contracts.recycling;
  const kiosk = actorAddress(ctx, first.event.kiosk, first);
  const entries = batch.map((input) => [
    actorAddress(ctx, input.event.citizen, input),
    materialIndex(input.event.material),
    input.event.grams,
    input.event.items,
  ]);
  const gas = depositBatchGas(entries.length);
  return {
    inputs: batch,
    txs: [{ request: call(ctx.abi.recycling, rewards, kiosk, "depositBatch", [entries], gas) }],
    rejections: (mined) => batchRejections(ctx, rewards, mined),
  };
}

/** `recycle.receipt`: the kiosk signs (EIP-712), the citizen submits. */
export async function planReceipt(
  input: Input<"recycle.receipt">,
  ctx: PlanContext,
): Promise<PlannedUnit> {
  const { event } = input;
  const rewards = ctx.contracts.recycling;
  const receipt = {
    citizen: actorAddress(ctx, event.citizen, input),
    kiosk: actorAddress(ctx, event.kiosk, input),
    material: materialIndex(event.material),
    grams: event.grams,
    items: event.items,
    id: receiptId(event.receipt),
    expiry:
      event.expires === undefined
        ? input.time + DEFAULT_RECEIPT_SECONDS
        : unixSeconds(event.expires),
  };
  const domain = receiptDomain(ctx.chainId, rewards);
  const signature = await ctx.actors
    .wallet(event.kiosk)
    .signTypedData(domain, RECEIPT_TYPES, receipt);
  const args = [receipt, signature];
  return {
    inputs: [input],
    txs: [
      {
        request: call(
          ctx.abi.recycling,
          rewards,
          receipt.citizen,
          "claimReceipt",
          args,
          GAS_LIMITS.claimReceipt,
        ),
      },
    ],
  };
}

/** `recycle.claim`: the citizen collects an ended epoch's pooled rewards. */
export function planClaim(input: Input<"recycle.claim">, ctx: PlanContext): PlannedUnit {
  const { event } = input;
  const rewards = ctx.contracts.recycling;
  const from = actorAddress(ctx, event.citizen, input);
  return {
    inputs: [input],
    txs: [
      { request: call(ctx.abi.recycling, rewards, from, "claim", [event.epoch], GAS_LIMITS.claim) },
    ],
  };
}

/**
 * `scheme.set`: the admin deploys a new scheme instance (its own params over the SPEC
 * defaults) and installs it. The instance's address is the admin's next CREATE address, so
 * `setScheme` rides in the same block; the block builder mines whatever was pending before
 * a `scheme.set`, so that the admin's pending nonce is exact here.
 */
export async function planSchemeSet(
  input: Input<"scheme.set">,
  ctx: PlanContext,
): Promise<PlannedUnit> {
  const choice = schemeChoiceOf(input.event);
  if (choice === undefined) throw new Error(`line ${input.line}: scheme.set without a scheme`);
  const { admin, recycling } = ctx.contracts;
  const address = getCreateAddress({ from: admin, nonce: await ctx.sender.nextNonce(admin) });
  const install = call(
    ctx.abi.recycling,
    recycling,
    admin,
    "setScheme",
    [address],
    GAS_LIMITS.setScheme,
  );
  return {
    inputs: [input],
    txs: [
      { request: { from: admin, data: schemeCreationCode(choice), gas: GAS_LIMITS.schemeDeploy } },
      {
        request: install,
        onMined: (mined) => {
          if (mined.ok) ctx.schemes.push({ ...choice, address, line: input.line });
        },
      },
    ],
  };
}
