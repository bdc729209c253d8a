import { SCHEME_KINDS, schemeDeployment, type SchemeKind } from "../ignition/rewardSchemes.js";
import type { BenchChain } from "./chain.js";
import type { MeasuredTx } from "./gas-context.js";
import { GAS, runSetup } from "./pilot-setup.js";
import { TARGET_BATCH, schemeOp } from "./recycling-ops.js";
import { COLD_THEN_WARM, RecyclingScenario } from "./recycling-scenario.js";
import { RECYCLING_GAS, depositBatchTx, petKilo, type ReceiptKiosk } from "./recycling-setup.js";

/** Merchants of the spend and redeem measurements (plus one for the warm-up). */
const MERCHANTS = 5;
/** Credits per spend and per redemption (a citizen holds 600 after two receipts). */
const SPEND = 50n;
const REDEEM = 20n;
/** Blocks of spends after the first (cold) one. */
const WARM_SPEND_BLOCKS = 3;
/** KRW the treasury holds for redemptions. */
const TREASURY_KRW = 10n ** 12n;

/** One new instance of each scheme kind, with the spec defaults. Needs automine on. */
export async function deploySchemes(chain: BenchChain): Promise<Record<SchemeKind, string>> {
  const addresses: Partial<Record<SchemeKind, string>> = {};
  for (const kind of SCHEME_KINDS) {
    const { contractName, args } = schemeDeployment(kind);
    const scheme = await chain.ethers.deployContract(contractName, args);
    await scheme.waitForDeployment();
    addresses[kind] = await scheme.getAddress();
  }
  return addresses as Record<SchemeKind, string>;
}

/**
 * Impersonated merchants registered at the treasury (the first one only warms up), and KRW
 * in the treasury to pay their redemptions.
 */
export async function registerMerchants(s: RecyclingScenario): Promise<string[]> {
  const merchants = await s.senders("merchant", MERCHANTS + 1);
  const { treasury, krw } = s.chain.contracts;
  const { addresses } = s.chain;
  await runSetup(s.ctx.sender, [
    ...merchants.map((m) =>
      s.adminTx(
        addresses.treasury,
        treasury.interface.encodeFunctionData("setMerchant", [m, true]),
        RECYCLING_GAS.setMerchant,
        `register merchant ${m}`,
      ),
    ),
    s.adminTx(
      addresses.krw,
      krw.interface.encodeFunctionData("mint", [addresses.treasury, TREASURY_KRW]),
      GAS.mint,
      "fund treasury",
    ),
  ]);
  return merchants;
}

/**
 * On `day`: credits spent by `citizens` (each holds credits) at the merchants, one block in
 * which every merchant is paid for the first time (cold), then blocks of payments to merchants
 * that hold credits (warm); then each merchant redeems part of its credits twice (the first
 * redemption pays it KRW from zero). A warm-up payment and redemption by `merchants[0]` first
 * write the treasury's redemption counter, so that no measured redemption pays for it.
 */
export async function measureSpendAndRedeem(
  s: RecyclingScenario,
  citizens: readonly string[],
  merchants: readonly string[],
  day: number,
): Promise<void> {
  const [warmUp, ...paid] = merchants;
  const first = citizens[0];
  if (warmUp === undefined || first === undefined) throw new Error("no merchants or citizens");
  await s.setupBlock([s.spendTx(first, warmUp, SPEND)], day);
  await s.setupBlock([s.redeemTx(warmUp, REDEEM)], day);
  for (let block = 0; block <= WARM_SPEND_BLOCKS; block++) {
    const txs = paid.map((merchant, j): MeasuredTx => {
      // Distinct spenders within a block (at least as many citizens as merchants).
      const spender = citizens[(block * paid.length + j) % citizens.length] ?? first;
      return { op: "spend", cold: block === 0, tx: s.spendTx(spender, merchant, SPEND) };
    });
    await s.measureBlock(txs, day);
  }
  for (const cold of [true, false]) {
    await s.measureBlock(
      paid.map((m) => ({ op: "redeem", cold, tx: s.redeemTx(m, REDEEM) })),
      day,
    );
  }
}

/** What the scheme comparison needs. */
export interface SchemePhase {
  readonly schemes: Readonly<Record<SchemeKind, string>>;
  /** Each sends one batch of 50 fresh citizens per scheme, cold then warm. */
  readonly batchKiosks: readonly string[];
  /** One receipt kiosk per scheme kind, in `SCHEME_KINDS` order. */
  readonly receiptKiosks: readonly ReceiptKiosk[];
  /** Receipt claims per scheme and day. */
  readonly receiptCitizens: number;
  readonly warmUpKiosk: string;
  /** Citizens holding credits: they earn budgetPool points too, and claim warm. */
  readonly creditHolders: readonly string[];
  readonly firstDay: number;
}

/** Who claims the budgetPool epoch: without credits (cold), with credits (warm), warm-up. */
export interface Claimers {
  readonly cold: readonly string[];
  readonly warm: readonly string[];
  readonly warmUp: string;
}

/**
 * For each scheme kind, two days: a new instance becomes the active scheme, then batches of
 * 50 fresh citizens and receipts of fresh citizens (cold), and the same again the next day
 * (warm). The budgetPool comes last and stays active; during its first day, the credit holders
 * and a warm-up claimer earn points too, in an unmeasured batch.
 */
export async function measureSchemes(s: RecyclingScenario, phase: SchemePhase): Promise<Claimers> {
  const { rewards } = s.chain.contracts;
  let claimers: Claimers | undefined;
  for (const [i, kind] of SCHEME_KINDS.entries()) {
    const day = phase.firstDay + 2 * i;
    const kiosk = phase.receiptKiosks[i];
    if (kiosk === undefined) throw new Error(`no receipt kiosk for ${kind}`);
    const setScheme = rewards.interface.encodeFunctionData("setScheme", [phase.schemes[kind]]);
    await s.setupBlock(
      [s.adminTx(s.chain.addresses.rewards, setScheme, RECYCLING_GAS.setScheme, `set ${kind}`)],
      day,
    );
    const receiptCitizens = await s.senders(`${kind}-receipt-citizen`, phase.receiptCitizens);
    if (kind === "budgetPool") {
      const [warmUp] = await s.senders("claim-warm-up", 1);
      if (warmUp === undefined) throw new Error("no warm-up claimer");
      const earners = [...phase.creditHolders, warmUp].map(petKilo);
      await s.setupBlock([depositBatchTx(s.chain, phase.warmUpKiosk, earners, "points")], day);
      claimers = { cold: receiptCitizens, warm: phase.creditHolders, warmUp };
    }
    const batches = phase.batchKiosks.map((k, j) => ({
      kiosk: k,
      citizens: s.actors(`citizen-${kind}-k${j}`, TARGET_BATCH),
    }));
    for (const [offset, cold] of COLD_THEN_WARM) {
      const d = day + offset;
      const txs = batches.map((b): MeasuredTx => ({
        op: schemeOp(kind, "batch"),
        cold,
        operations: TARGET_BATCH,
        tx: depositBatchTx(s.chain, b.kiosk, b.citizens.map(petKilo), `${kind} batch day ${d}`),
      }));
      await s.measureBlock(txs, d);
      await s.receiptBlock(kiosk, receiptCitizens, schemeOp(kind, "receipt"), d, cold);
    }
  }
  if (claimers === undefined) throw new Error("no budgetPool scheme");
  return claimers;
}

/**
 * In the next epoch: a warm-up claim (the epoch's first payout writes the pool's paid-out
 * total from zero), then one block with every other claim: cold and warm.
 */
export async function measureClaims(s: RecyclingScenario, claimers: Claimers): Promise<void> {
  const day = RecyclingScenario.claimDay;
  await s.setupBlock([s.claimTx(claimers.warmUp)], day);
  await s.measureBlock(
    [
      ...claimers.cold.map((c): MeasuredTx => ({ op: "claim", cold: true, tx: s.claimTx(c) })),
      ...claimers.warm.map((c): MeasuredTx => ({ op: "claim", cold: false, tx: s.claimTx(c) })),
    ],
    day,
  );
}
