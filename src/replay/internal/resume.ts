/**
 * Continuing a checkpointed replay: the chain must be the one the run left, and the name
 * maps that planning fills from the trace (actors, slot owners, booking drivers) are rebuilt
 * from the events already done, without sending anything.
 */
import { rolesOf } from "../../scenario/trace-schema.js";
import { ReplayError } from "../errors.js";
import type { Resumption } from "../remote/checkpoint.js";
import type { InstalledScheme, TracedEvent } from "../types.js";
import type { PlanContext } from "./plan-types.js";

/** The part of an EIP-1193 provider resuming needs. */
interface Provider {
  request(args: { method: string; params?: unknown[] }): Promise<unknown>;
}

/** Refuses to resume on a chain that is not the run's (another chain, or blocks lost). */
export async function assertSameChain(provider: Provider, resume: Resumption): Promise<void> {
  const chainId = BigInt((await provider.request({ method: "eth_chainId" })) as string);
  if (chainId !== BigInt(resume.run.chainId)) {
    throw new ReplayError("RESUME_CHAIN_CHANGED", {
      reason: `chain id ${chainId} instead of ${resume.run.chainId}`,
    });
  }
  const code = (await provider.request({
    method: "eth_getCode",
    params: [resume.run.contracts.market, "latest"],
  })) as string;
  if (code === "0x") {
    throw new ReplayError("RESUME_CHAIN_CHANGED", { reason: "the market contract has no code" });
  }
  const last = resume.state.sender.lastBlock;
  if (last === null) return;
  const block = (await provider.request({
    method: "eth_getBlockByNumber",
    params: [`0x${last.number.toString(16)}`, false],
  })) as { hash: string } | null;
  if (block?.hash !== last.hash) {
    throw new ReplayError("RESUME_CHAIN_CHANGED", {
      reason: `block ${last.number} is ${block === null ? "missing" : `now ${block.hash}`}, not ${last.hash}`,
    });
  }
}

/** Puts the checkpoint's chain ids and schemes into a fresh planning context. */
export function restoreContext(ctx: PlanContext, resume: Resumption): void {
  for (const [name, id] of resume.state.slots) ctx.slots.set(name, BigInt(id));
  for (const [name, id] of resume.state.bookings) ctx.bookings.set(name, BigInt(id));
  ctx.schemes.splice(0, ctx.schemes.length, ...(resume.state.schemes as InstalledScheme[]));
}

/** What planning would have learned from an event already done, without planning it. */
export async function rememberNames(input: TracedEvent, ctx: PlanContext): Promise<void> {
  const { event } = input;
  switch (event.kind) {
    case "actor.join": {
      const { address } = ctx.actors.join(event.actor, rolesOf(event));
      await ctx.sender.addAccount(address, ctx.actors.wallet(event.actor).privateKey);
      return;
    }
    case "slot.register":
      ctx.slotOwners.set(event.slot, event.owner);
      return;
    case "parking.book":
      ctx.bookingDrivers.set(event.booking, event.driver);
      return;
    default:
      return;
  }
}
