import { actorAddress } from "./chain.js";
import type { FastTx } from "./fast-sender.js";
import type { GasContext, MeasuredTx } from "./gas-context.js";
import { GAS } from "./pilot-setup.js";
import {
  EPOCH_SECONDS,
  RECYCLING_GAS,
  ReceiptKiosk,
  depositBatchTx,
  epochOf,
  nextEpochStart,
  petKilo,
  registerKiosks,
} from "./recycling-setup.js";
import { DAY, HOUR } from "./time.js";

/** The two days of a measurement: first-time depositors (cold), then the same again (warm). */
export const COLD_THEN_WARM = [
  [0, true],
  [1, false],
] as const;

/** Simulated seconds between two blocks of the same day. */
const BLOCK_SECONDS = 60;

/**
 * The recycling gas scenario's chain and clock. Day 0 starts an hour after an epoch starts
 * (10:00 KST with the deployed rules); every measurement lies in that epoch, except the
 * claims, which come on day {@link claimDay} (the next epoch).
 */
export class RecyclingScenario {
  /** Start of day 0. */
  readonly base: number;
  /** The epoch of days 0 to 29. */
  readonly epoch: bigint;

  constructor(
    readonly ctx: GasContext,
    now: number,
  ) {
    this.base = nextEpochStart(now + HOUR) + HOUR;
    this.epoch = BigInt(epochOf(this.base));
  }

  get chain(): GasContext["chain"] {
    return this.ctx.chain;
  }

  /** The first day of the next epoch. */
  static readonly claimDay = EPOCH_SECONDS / DAY;

  /** The time of the next block on `day`: a minute after the last block, or the day's start. */
  tick(day: number): number {
    return Math.max(this.ctx.sender.now + BLOCK_SECONDS, this.base + day * DAY);
  }

  /** `count` fresh addresses of `role`. */
  actors(role: string, count: number): string[] {
    return Array.from({ length: count }, (_, i) => actorAddress(this.chain.ethers, role, i));
  }

  /** `count` impersonated addresses of `role`, with ether for gas. */
  async senders(role: string, count: number): Promise<string[]> {
    const accounts = this.actors(role, count);
    await this.ctx.sender.prepareSenders(accounts);
    return accounts;
  }

  /** Impersonated kiosks, registered. */
  async kiosks(role: string, count: number): Promise<string[]> {
    const kiosks = await this.senders(role, count);
    await registerKiosks(this.chain, this.ctx.sender, kiosks);
    return kiosks;
  }

  /** Kiosks with signing keys, registered. `first` numbers them apart from other groups. */
  async receiptKiosks(first: number, count: number): Promise<ReceiptKiosk[]> {
    const domain = await ReceiptKiosk.domainOf(this.chain);
    const kiosks = Array.from(
      { length: count },
      (_, i) => new ReceiptKiosk(this.chain, domain, first + i),
    );
    await registerKiosks(
      this.chain,
      this.ctx.sender,
      kiosks.map((k) => k.address),
    );
    return kiosks;
  }

  /** Mines unmeasured `txs` (setup) in one block on `day`; throws if any fails. */
  async setupBlock(txs: readonly FastTx[], day: number): Promise<void> {
    const outcomes = await this.ctx.sender.runBlock(txs, this.tick(day));
    const failed = outcomes.find((o) => !o.ok);
    if (failed !== undefined)
      throw new Error(`setup transaction failed: ${failed.label} (${failed.hash})`);
  }

  /** Mines measured `txs` in one block on `day`. */
  async measureBlock(txs: readonly MeasuredTx[], day: number): Promise<void> {
    await this.ctx.measureBlock(txs, this.tick(day));
  }

  /**
   * One block on `day` with a receipt claim by each of `citizens` (impersonated), signed by
   * `kiosk`; sample name `op`. Cold when the citizens never deposited before.
   */
  async receiptBlock(
    kiosk: ReceiptKiosk,
    citizens: readonly string[],
    op: string,
    day: number,
    cold: boolean,
  ): Promise<void> {
    const now = this.tick(day);
    const txs: MeasuredTx[] = [];
    for (const citizen of citizens) {
      txs.push({ op, cold, tx: await kiosk.claimTx(petKilo(citizen), now) });
    }
    await this.measureBlock(txs, day);
  }

  /**
   * The first block of day 0, unmeasured: a deposit that moves the books to the epoch (its
   * first mint writes the epoch's counter from zero) and each receipt kiosk's first receipt
   * (it writes the kiosk's first word of used ids from zero), so that no measured transaction
   * pays for those one-off writes.
   */
  async warmUp(kiosk: string, receiptKiosks: readonly ReceiptKiosk[]): Promise<void> {
    const citizens = await this.senders("warm-up-citizen", receiptKiosks.length + 1);
    const [depositor, ...claimers] = citizens;
    if (depositor === undefined) throw new Error("no warm-up citizen");
    const txs: FastTx[] = [
      depositBatchTx(this.chain, kiosk, [petKilo(depositor)], "warm-up batch"),
    ];
    for (const [i, k] of receiptKiosks.entries()) {
      txs.push(await k.claimTx(petKilo(claimers[i] ?? depositor), this.tick(0)));
    }
    await this.setupBlock(txs, 0);
  }

  /** A credit transfer of `amount` from `from` to `to`. */
  spendTx(from: string, to: string, amount: bigint): FastTx {
    return {
      from,
      to: this.chain.addresses.credit,
      data: this.chain.contracts.credit.interface.encodeFunctionData("transfer", [to, amount]),
      gas: GAS.transfer,
      label: `spend ${amount} credits ${from} -> ${to}`,
    };
  }

  /** A merchant's redemption of `amount` credits at the treasury. */
  redeemTx(merchant: string, amount: bigint): FastTx {
    return {
      from: merchant,
      to: this.chain.addresses.treasury,
      data: this.chain.contracts.treasury.interface.encodeFunctionData("redeem", [amount]),
      gas: RECYCLING_GAS.redeem,
      label: `redeem ${amount} by ${merchant}`,
    };
  }

  /** A citizen's claim of the scenario's epoch. */
  claimTx(citizen: string): FastTx {
    return {
      from: citizen,
      to: this.chain.addresses.rewards,
      data: this.chain.contracts.rewards.interface.encodeFunctionData("claim", [this.epoch]),
      gas: RECYCLING_GAS.claim,
      label: `claim epoch ${this.epoch} by ${citizen}`,
    };
  }

  /** An admin transaction to `to` (registrar, scheme admin, faucet: the deployer holds them). */
  adminTx(to: string, data: string, gas: bigint, label: string): FastTx {
    return { from: this.chain.admin.address, to, data, gas, label };
  }
}
