/**
 * Plans of the events that move money between accounts: actors joining, the city funding
 * its treasury, credits spent at merchants and redeemed.
 */
import { MaxUint256 } from "ethers";

import { rolesOf, type TraceEventOf } from "../../scenario/trace-schema.js";
import type { TracedEvent } from "../types.js";
import { districtId } from "./encoding.js";
import { GAS_LIMITS } from "./gas.js";
import {
  actorAddress,
  call,
  type PlanContext,
  type PlannedTx,
  type PlannedUnit,
} from "./plan-types.js";

type Input<K extends TracedEvent["event"]["kind"]> = TracedEvent & { event: TraceEventOf<K> };

/**
 * `actor.join`: the actor's account comes to life (impersonated, gas money), its starting
 * KRW is minted by the faucet, a driver approves the market for KRW and credits once (max
 * allowance, so no booking needs an approval), a merchant is registered with the treasury,
 * a kiosk with the rewards contract.
 */
export async function planActorJoin(
  input: Input<"actor.join">,
  ctx: PlanContext,
): Promise<PlannedUnit> {
  const { event } = input;
  const roles = rolesOf(event);
  const { address } = ctx.actors.join(event.actor, roles);
  await ctx.sender.addAccount(address, ctx.actors.wallet(event.actor).privateKey);
  const { abi, contracts } = ctx;
  const { admin } = contracts;
  const txs: PlannedTx[] = [];
  if (event.krw > 0n) {
    txs.push({
      request: call(
        abi.krw,
        contracts.krw,
        admin,
        "mint",
        [address, event.krw],
        GAS_LIMITS.krwMint,
      ),
    });
  }
  if (roles.includes("driver")) {
    for (const [iface, token] of [
      [abi.krw, contracts.krw],
      [abi.credit, contracts.credit],
    ] as const) {
      const approve = [contracts.market, MaxUint256];
      txs.push({ request: call(iface, token, address, "approve", approve, GAS_LIMITS.approve) });
    }
  }
  if (roles.includes("merchant")) {
    const args = [address, true];
    txs.push({
      request: call(
        abi.treasury,
        contracts.treasury,
        admin,
        "setMerchant",
        args,
        GAS_LIMITS.setMerchant,
      ),
    });
  }
  if (roles.includes("kiosk")) {
    const args = [address, districtId(event.district ?? ""), event.capacityGrams ?? 0];
    const rewards = contracts.recycling;
    txs.push({
      request: call(abi.recycling, rewards, admin, "registerKiosk", args, GAS_LIMITS.registerKiosk),
    });
  }
  return { inputs: [input], txs };
}

/**
 * `treasury.fund`: the faucet mints the amount to the city admin, who pays it in with
 * `fund` (rather than minting straight to the treasury), so that the chain shows a
 * `TreasuryFunded` event for every funding, as a real city's budget transfer would.
 */
export function planTreasuryFund(input: Input<"treasury.fund">, ctx: PlanContext): PlannedUnit {
  const { abi, contracts } = ctx;
  const { admin } = contracts;
  const amount = input.event.krw;
  return {
    inputs: [input],
    txs: [
      { request: call(abi.krw, contracts.krw, admin, "mint", [admin, amount], GAS_LIMITS.krwMint) },
      {
        request: call(
          abi.treasury,
          contracts.treasury,
          admin,
          "fund",
          [amount],
          GAS_LIMITS.treasuryFund,
        ),
      },
    ],
  };
}

/** `credit.spend`: a plain ERC-20 transfer of credits from the citizen to the merchant. */
export function planCreditSpend(input: Input<"credit.spend">, ctx: PlanContext): PlannedUnit {
  const { event } = input;
  const from = actorAddress(ctx, event.citizen, input);
  const args = [actorAddress(ctx, event.merchant, input), event.credits];
  return {
    inputs: [input],
    txs: [
      {
        request: call(
          ctx.abi.credit,
          ctx.contracts.credit,
          from,
          "transfer",
          args,
          GAS_LIMITS.creditTransfer,
        ),
      },
    ],
  };
}

/** `merchant.redeem`: the merchant redeems credits through the treasury for KRW. */
export function planMerchantRedeem(input: Input<"merchant.redeem">, ctx: PlanContext): PlannedUnit {
  const { event } = input;
  const from = actorAddress(ctx, event.merchant, input);
  return {
    inputs: [input],
    txs: [
      {
        request: call(
          ctx.abi.treasury,
          ctx.contracts.treasury,
          from,
          "redeem",
          [event.credits],
          GAS_LIMITS.redeem,
        ),
      },
    ],
  };
}
