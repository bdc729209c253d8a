import { actorAddress } from "./chain.js";
import type { GasContext, MeasuredTx } from "./gas-context.js";
import { GAS, registerSlotTx, runSetup, type SlotSpec } from "./pilot-setup.js";
import { allWeek, weekly } from "./time.js";

/** Groups of slots of the gas scenario; each group's bookings end one way. */
export const SLOT_GROUPS = [
  "out",
  "overstay",
  "cancelFree",
  "cancelLate",
  "noShow",
  "credits",
] as const;
export type SlotGroup = (typeof SLOT_GROUPS)[number];

/**
 * Slots of `group` when groups have `perGroup`: the cancel groups get half as many, so that, as
 * in a city, most bookings share their reservation word with earlier ones (a cancel empties
 * the word again, and the next booking of that slot is cold).
 */
export function groupSize(group: SlotGroup, perGroup: number): number {
  return group === "cancelFree" || group === "cancelLate" ? Math.ceil(perGroup / 2) : perGroup;
}

/** A registered slot and its owner. */
export interface BenchSlot {
  readonly id: number;
  readonly owner: string;
}

/** Price of every slot of the gas scenario, KRW per 15-minute unit. */
export const GAS_UNIT_PRICE = 1_000n;
/** Slots each registry owner registers: the first is cold, the others warm. */
const SLOTS_PER_REGISTRY_OWNER = 4;
/** Daily 07:00-22:00 KST: changes all three availability words of a full-week slot. */
const DAYTIME = weekly(28, 88);

/**
 * Measures the slot operations (registerSlot, setAvailability, setUnitPrice) and registers the
 * slots the booking rounds use: {@link groupSize} slots per group, each with an owner of its
 * own, so that an owner's first payout is cold and the later ones warm.
 */
export async function measureSlotOps(
  ctx: GasContext,
  perGroup: number,
): Promise<ReadonlyMap<SlotGroup, readonly BenchSlot[]>> {
  const { chain, sender } = ctx;
  let lastId = 0;
  const groups = new Map<SlotGroup, BenchSlot[]>();
  const firstBlock: MeasuredTx[] = [];
  const register = (spec: SlotSpec, cold: boolean, label: string): MeasuredTx => {
    lastId += 1;
    return {
      op: "registerSlot",
      tx: registerSlotTx(chain, spec, `${label} (slot ${lastId})`),
      cold,
    };
  };

  // Group slots: one owner each, so each registration is the owner's first (cold).
  for (const group of SLOT_GROUPS) {
    const slots: BenchSlot[] = [];
    for (let i = 0; i < groupSize(group, perGroup); i++) {
      const owner = actorAddress(chain.ethers, `owner-${group}`, i);
      const spec = { owner, unitPrice: GAS_UNIT_PRICE, availability: allWeek() };
      firstBlock.push(register(spec, true, "register"));
      slots.push({ id: lastId, owner });
    }
    groups.set(group, slots);
  }

  // Registry owners register several slots each: the first cold, the others warm (one per block,
  // so that an owner's slots never share a block).
  const registryOwners = Array.from({ length: perGroup }, (_, i) =>
    actorAddress(chain.ethers, "registry", i),
  );
  await sender.prepareSenders(registryOwners);
  const registry: BenchSlot[] = [];
  for (let k = 0; k < SLOTS_PER_REGISTRY_OWNER; k++) {
    const block: MeasuredTx[] = k === 0 ? firstBlock : [];
    for (const owner of registryOwners) {
      const spec = { owner, unitPrice: GAS_UNIT_PRICE, availability: allWeek() };
      block.push(register(spec, k === 0, "register (registry)"));
      registry.push({ id: lastId, owner });
    }
    await ctx.measureBlock(block, sender.now + 1);
  }

  // Dark slots (no availability), registered unmeasured; their first setAvailability is cold.
  const dark: BenchSlot[] = [];
  const darkTxs = registryOwners.map((owner) => {
    lastId += 1;
    dark.push({ id: lastId, owner });
    const spec: SlotSpec = { owner, unitPrice: GAS_UNIT_PRICE, availability: [0n, 0n, 0n] };
    return registerSlotTx(chain, spec, `register dark slot ${lastId}`);
  });
  await runSetup(sender, darkTxs);

  const market = chain.contracts.market;
  const setAvailability = (slot: BenchSlot, cold: boolean): MeasuredTx => ({
    op: "setAvailability",
    cold,
    tx: {
      from: slot.owner,
      to: chain.addresses.market,
      data: market.interface.encodeFunctionData("setAvailability", [slot.id, [...DAYTIME]]),
      gas: GAS.setAvailability,
      label: `setAvailability slot ${slot.id}`,
    },
  });
  await ctx.measureBlock(
    dark.map((slot) => setAvailability(slot, true)),
    sender.now + 1,
  );
  await ctx.measureBlock(
    registry.map((slot) => setAvailability(slot, false)),
    sender.now + 1,
  );

  // Prices: the price word is written at registration, so a price change is never a first write.
  for (const price of [1_200n, 1_100n, 900n]) {
    const txs = registry.map((slot): MeasuredTx => ({
      op: "setUnitPrice",
      cold: false,
      tx: {
        from: slot.owner,
        to: chain.addresses.market,
        data: market.interface.encodeFunctionData("setUnitPrice", [slot.id, price]),
        gas: GAS.setUnitPrice,
        label: `setUnitPrice slot ${slot.id} -> ${price}`,
      },
    }));
    await ctx.measureBlock(txs, sender.now + 1);
  }

  await checkOwners(ctx, [...groups.values()].flat());
  return groups;
}

/** Slot ids are assumed sequential in the order sent (one sender, nonce order): checks it. */
async function checkOwners(ctx: GasContext, slots: readonly BenchSlot[]): Promise<void> {
  for (const slot of slots) {
    const owner = await ctx.chain.contracts.market.ownerOf(slot.id);
    if (owner.toLowerCase() !== slot.owner.toLowerCase()) {
      throw new Error(`slot ${slot.id} belongs to ${owner}, expected ${slot.owner}`);
    }
  }
}
