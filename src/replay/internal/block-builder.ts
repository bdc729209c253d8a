/**
 * Groups the trace's events into blocks: all transactions of one time go into one block, in
 * file order, except that a block is mined early (and the next one mined at the same time)
 * when an event needs an id still being created in it, or when the next event's gas would
 * not fit. Consecutive deposits of one kiosk at one time become one batch transaction.
 *
 * One block is in flight while the next is planned: planning (encoding, receipt signatures)
 * runs in JavaScript while the network mines. A block is sent only once the one before it is
 * mined and its records are out, and an event that needs what a block in flight will tell
 * (an id it creates, the admin's nonce after it) waits for it.
 */
import { ReplayError } from "../errors.js";
import { TX_GAS_CAP, maxBatchEntries } from "./gas.js";
import type { EventRecord, TracedEvent } from "../types.js";
import { planDepositBatch, joinsBatch, type DepositInput } from "./plan-recycling.js";
import type { PlanContext, PlannedUnit } from "./plan-types.js";
import type { MinedTx } from "./sender.js";
import { idsCreated, idsNeeded, needsMinedBlock, planEvent } from "./planner.js";
import { recordsOf } from "./records.js";
import type { RevertDecoder } from "./revert-decoder.js";

export interface BlockBuilderOptions {
  decode: RevertDecoder;
  /** Receives every record, in file order, as soon as its block is mined. */
  emit: (record: EventRecord) => void;
  maxBatchSize: number;
  /** Runs after each block's records are out (a remote run saves its checkpoint here). */
  afterBlock?: () => Promise<void>;
}

interface InFlightBlock {
  units: PlannedUnit[];
  /** Ids its transactions create (`slot:<name>`, `booking:<name>`). */
  creating: ReadonlySet<string>;
  requests: number;
  mined: Promise<MinedTx[]>;
}

export class BlockBuilder {
  readonly #ctx: PlanContext;
  readonly #options: BlockBuilderOptions;
  #time: number | undefined;
  #units: PlannedUnit[] = [];
  #gas = 0;
  #creating = new Set<string>();
  #inFlight: InFlightBlock | undefined;
  #batch: DepositInput[] = [];
  #blocks = 0;
  #transactions = 0;

  constructor(ctx: PlanContext, options: BlockBuilderOptions) {
    this.#ctx = ctx;
    this.#options = options;
  }

  get blocks(): number {
    return this.#blocks;
  }

  get transactions(): number {
    return this.#transactions;
  }

  /** Takes the next event of the trace (events arrive in file order). */
  async add(input: TracedEvent): Promise<void> {
    if (this.#time !== undefined && input.time < this.#time) {
      throw new ReplayError("TIME_BACKWARDS", {
        line: input.line,
        time: input.time,
        previous: this.#time,
      });
    }
    if (input.time !== this.#time) {
      await this.flush();
      this.#time = input.time;
    }
    if (joinsBatch(this.#batch, input, this.#maxBatchSize())) {
      this.#batch.push(input);
      return;
    }
    await this.#closeBatch();
    if (input.event.kind === "recycle.deposit") {
      this.#batch = [{ ...input, event: input.event }];
      return;
    }
    const needed = idsNeeded(input);
    const waitsForAll = needsMinedBlock(input);
    if (waitsForAll || needed.some((key) => this.#creating.has(key))) await this.#mine();
    if (waitsForAll || needed.some((key) => this.#inFlight?.creating.has(key) === true)) {
      await this.#settle();
    }
    await this.#push(await planEvent(input, this.#ctx), idsCreated(input));
  }

  /** Sends whatever is pending to be mined (at the end of a time). */
  async flush(): Promise<void> {
    await this.#closeBatch();
    await this.#mine();
  }

  /** At the end of the trace: everything mined and every record out. */
  async finish(): Promise<void> {
    await this.flush();
    await this.#settle();
  }

  /** The batch size option, within what one transaction's gas allows. */
  #maxBatchSize(): number {
    return Math.min(this.#options.maxBatchSize, maxBatchEntries(this.#ctx.sender.blockGasLimit));
  }

  async #closeBatch(): Promise<void> {
    if (this.#batch.length === 0) return;
    const unit = planDepositBatch(this.#batch, this.#ctx);
    this.#batch = [];
    await this.#push(unit, []);
  }

  async #push(unit: PlannedUnit, created: readonly string[]): Promise<void> {
    const gas = unit.txs.reduce((sum, tx) => sum + tx.request.gas, 0);
    const limit = this.#ctx.sender.blockGasLimit;
    const txLimit = Math.min(limit, TX_GAS_CAP);
    const largest = Math.max(0, ...unit.txs.map((tx) => tx.request.gas));
    if (gas > limit || largest > txLimit) {
      const line = unit.inputs[0]?.line ?? 0;
      throw new ReplayError("TX_TOO_LARGE", { line, gas: Math.max(gas, largest), limit: txLimit });
    }
    if (this.#gas + gas > limit) await this.#mine();
    this.#units.push(unit);
    this.#gas += gas;
    for (const key of created) this.#creating.add(key);
  }

  /** Sends the pending block once the one in flight is settled; does not wait for it. */
  async #mine(): Promise<void> {
    const units = this.#units;
    if (units.length === 0) return;
    this.#units = [];
    this.#gas = 0;
    const creating = this.#creating;
    this.#creating = new Set();
    await this.#settle();
    const requests = units.flatMap((unit) => unit.txs.map((tx) => tx.request));
    const mined = this.#ctx.sender.executeBlock(this.#time ?? 0, requests);
    // Awaited in #settle; until then a failure must not count as unhandled.
    mined.catch(() => undefined);
    this.#inFlight = { units, creating, requests: requests.length, mined };
  }

  /** Waits for the block in flight, then learns from it and puts its records out. */
  async #settle(): Promise<void> {
    const block = this.#inFlight;
    if (block === undefined) return;
    this.#inFlight = undefined;
    const mined = await block.mined;
    if (block.requests > 0) this.#blocks += 1;
    this.#transactions += block.requests;
    let next = 0;
    for (const unit of block.units) {
      const own = mined.slice(next, next + unit.txs.length);
      next += unit.txs.length;
      unit.txs.forEach((tx, i) => {
        const result = own[i];
        if (result !== undefined) tx.onMined?.(result);
      });
      for (const record of recordsOf(unit, own, this.#options.decode)) this.#options.emit(record);
    }
    await this.#options.afterBlock?.();
  }
}
