/**
 * Network options the fast replay path needs, and the check that a connection has them.
 *
 * - `mining.mempool.order: "fifo"`: transactions of one block execute in the order they
 *   were sent, which is the trace's file order. The default ("priority") orders by tip, and
 *   impersonated senders' tips are equal only by accident.
 * - `allowBlocksWithSameTimestamp`: the replay mines a second block at the same time when a
 *   transaction needs an id created earlier in the block (a booking checked in at the time
 *   it was booked) or when a time's transactions outgrow one block.
 * - `initialDate` before the first event: block timestamps only move forward, and the
 *   in-process chain starts at the wall-clock time unless told otherwise.
 */
import type { EdrNetworkConfigOverride, NetworkConfig } from "hardhat/types/config";

import { ReplayError } from "./errors.js";

/** How long before the first event the chain starts: the deployment fits in it. */
export const DEPLOY_LEAD_SECONDS = 86_400;

/**
 * Options to create the replay's connection with, e.g.
 * `hre.network.create({ override: fastPathNetworkOverride(firstEventTime) })`.
 * Block gas limit: the default (60M) holds several hundred parking transactions; the replay
 * splits a time's transactions over blocks of the same timestamp when it must.
 */
export function fastPathNetworkOverride(firstEventTime: number): EdrNetworkConfigOverride {
  return {
    initialDate: new Date((firstEventTime - DEPLOY_LEAD_SECONDS) * 1000).toISOString(),
    allowBlocksWithSameTimestamp: true,
    mining: { auto: true, interval: 0, mempool: { order: "fifo" } },
  };
}

/** What a network config lacks for the fast path (empty when it has everything). */
export function fastPathGaps(config: Readonly<NetworkConfig>): string[] {
  if (config.type !== "edr-simulated") return ["type 'edr-simulated'"];
  const gaps: string[] = [];
  if (config.mining.mempool.order !== "fifo") gaps.push("mining.mempool.order 'fifo'");
  if (!config.allowBlocksWithSameTimestamp) gaps.push("allowBlocksWithSameTimestamp true");
  return gaps;
}

/** Throws NETWORK_NOT_FAST unless the connection's network suits the fast path. */
export function assertFastPathNetwork(config: Readonly<NetworkConfig>): void {
  const gaps = fastPathGaps(config);
  if (gaps.length > 0) throw new ReplayError("NETWORK_NOT_FAST", { missing: gaps.join(", ") });
}
