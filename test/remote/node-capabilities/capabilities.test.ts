/**
 * What a remote replay relies on from a real local node, checked with real transactions on
 * anvil (@foundry-rs/anvil 1.7.1) and `hardhat node --network simNode` (Hardhat 3.18, EDR
 * 0.22), both started by scripts/local-node.ts. Transactions are EIP-1559, signed locally from
 * the test mnemonic (chain id 31337), sent with eth_sendRawTransaction, automine off.
 *
 * | Behaviour                     | anvil                         | hardhat node (simNode)        |
 * | ----------------------------- | ----------------------------- | ----------------------------- |
 * | evm_setAutomine false answers | null                          | true                          |
 * | evm_setNextBlockTimestamp T   | block at exactly T; answers   | block at exactly T; answers T |
 * | (number or hex string), then  | null                          | as a decimal string, e.g.     |
 * | evm_mine                      |                               | "1577837800"                  |
 * | a second block at the same T  | allowed                       | allowed (simNode's            |
 * |                               |                               | allowBlocksWithSameTimestamp) |
 * | evm_mine params taken         | [], [T], ["0x<T hex>"], [{    | [], [T], ["0x<T hex>"];       |
 * |                               | timestamp, blocks }]; answers | answers "0". [{ timestamp,    |
 * |                               | "0x0"                         | blocks }]: -32602 "Timestamp  |
 * |                               |                               | must be a non-negative number |
 * |                               |                               | not exceeding 2^64 - 1 at     |
 * |                               |                               | line 1 column N"              |
 * | next timestamp before the     | -32602 "Timestamp error: T is | -32000 "Timestamp T is lower  |
 * | latest block                  | lower than previous block's   | than the previous block's     |
 * |                               | timestamp"                    | timestamp P"                  |
 * | mempool ranks other senders'  | maxFeePerGas (the tip is      | the tip, maxPriorityFeePerGas |
 * | ready txs by                  | ignored)                      | (max fee alone does not       |
 * |                               |                               | order)                        |
 * | tip and max fee both 1 wei    | intended order; a sender's    | the same                      |
 * | lower per tx along the        | second tx in nonce order      |                               |
 * | intended order, sent at once  | between others'               |                               |
 * | eth_call that reverts         | code 3, data "0xdeadbeef",    | code 3, data "0xdeadbeef",    |
 * |                               | "execution reverted: custom   | "VM Exception while           |
 * |                               | error 0xdeadbeef"             | processing transaction:       |
 * |                               |                               | reverted with an unrecognized |
 * |                               |                               | custom error (return data:    |
 * |                               |                               | 0xdeadbeef)"                  |
 * | reverting tx, automine off    | send answers the hash;        | the same                      |
 * |                               | receipt status "0x0"          |                               |
 * | reverting tx, automine on     | send answers the hash         | send FAILS (code 3, data      |
 * |                               |                               | "0xdeadbeef", the VM          |
 * |                               |                               | Exception message) yet the tx |
 * |                               |                               | IS mined, status "0x0"        |
 * | debug_traceTransaction(hash,  | { failed: true, gas,          | { failed: true, gas,          |
 * | { disableStorage,             | returnValue: "0xdeadbeef",    | returnValue: "0xdeadbeef",    |
 * | disableMemory, disableStack   | structLogs: [] }              | structLogs: [steps] }         |
 * | })                            |                               |                               |
 * | same raw tx sent again while  | -32003 "transaction already   | -32000 "Known transaction:    |
 * | pending                       | imported"                     | 0x<hash>"                     |
 * | same raw tx sent again once   | -32003 "nonce too low"        | -32000 "Transaction nonce too |
 * | mined                         |                               | low. Expected nonce to be at  |
 * |                               |                               | least N but got M."           |
 * | and the tx is mined           | once                          | once                          |
 * | receipt right after a send    | may be null for a moment:     | there at once                 |
 * | with automine on              | poll                          |                               |
 * | restart with --state after    | same latest number, hash and  | (no state file)               |
 * | SIGTERM                       | balances; automine on again;  |                               |
 * |                               | the tx pending at SIGTERM is  |                               |
 * |                               | LOST (no tx, empty pool,      |                               |
 * |                               | nonce unchanged); sending the |                               |
 * |                               | same raw tx again gives the   |                               |
 * |                               | same hash and mines it        |                               |
 *
 * So a sender that wants file order inside a block on either node lowers both fees by 1 wei
 * per transaction along the file. On a resend, "already imported"/"Known transaction" mean the
 * transaction is in the pool; "nonce too low" only that the nonce is used: the receipt of the
 * hash tells whether by this transaction.
 */

import { expect } from "chai";

import { rpc, type LocalNode } from "../../../scripts/local-node.js";
import {
  MAX_FEE,
  REVERTER_RUNTIME,
  REVERTER_CREATION,
  REVERT_DATA,
  DUPLICATE_ERROR,
  RpcBlock,
  TxTrace,
  ANVIL,
  HARDHAT_NODE,
  recipient,
  signAll,
  minedNonce,
  hashOf,
  send,
  mine,
  latestBlock,
  receipt,
  minedReceipt,
  latestTime,
  rpcError,
  expectError,
} from "./shared.js";

for (const facts of [ANVIL, HARDHAT_NODE]) {
  describe(`${facts.kind}: what a remote replay relies on`, function () {
    this.timeout(20_000);
    let node: LocalNode | undefined;
    let url: string;

    before(async () => {
      node = await facts.start();
      url = node.url;
      // The replay's mode: transactions wait in the mempool until it mines a block.
      await rpc(url, "evm_setAutomine", [false]);
    });

    after(async () => {
      await node?.stop();
    });

    describe("block times", () => {
      it("mines blocks at exactly the time set, twice at the same time", async () => {
        const time = (await latestTime(url)) + 1_000;
        for (const _ of [1, 2]) {
          await rpc(url, "evm_setNextBlockTimestamp", [time]);
          await mine(url);
          expect(await latestTime(url)).to.equal(time);
        }
        await rpc(url, "evm_setNextBlockTimestamp", [`0x${(time + 5).toString(16)}`]);
        await mine(url);
        expect(await latestTime(url)).to.equal(time + 5);
      });

      it("mines at a time given to evm_mine as a number or a hex string", async () => {
        const time = (await latestTime(url)) + 1_000;
        await mine(url, time);
        expect(await latestTime(url)).to.equal(time);
        await mine(url, time);
        expect(await latestTime(url)).to.equal(time);
        await mine(url, `0x${(time + 7).toString(16)}`);
        expect(await latestTime(url)).to.equal(time + 7);
      });

      const takesOrRefuses = facts.minesWithOptionsObject ? "takes" : "refuses";
      it(`${takesOrRefuses} evm_mine's { timestamp, blocks } object`, async () => {
        const before = await latestBlock(url);
        const time = Number(before.timestamp) + 1_000;
        const call = mine(url, { timestamp: time, blocks: 1 });
        if (facts.minesWithOptionsObject) {
          await call;
          expect(await latestTime(url)).to.equal(time);
        } else {
          expect((await rpcError(call)).message).to.match(/^Timestamp must be a non-negative/);
          expect((await latestBlock(url)).number).to.equal(before.number);
        }
      });

      it("refuses a next block time before the latest block", async () => {
        const error = await rpcError(
          rpc(url, "evm_setNextBlockTimestamp", [(await latestTime(url)) - 1]),
        );
        expect(error.message).to.match(facts.earlierTimestamp);
      });
    });

    describe("order inside a block", () => {
      /** Sends signed transactions all at once, in the reverse of their intended order. */
      async function sendAtOnce(raws: string[]): Promise<RpcBlock> {
        await Promise.all([...raws].reverse().map((raw) => send(url, raw)));
        await mine(url);
        return latestBlock(url);
      }

      it("keeps the intended order when tip and max fee both decrease along it", async () => {
        // Sender 1 twice: its second transaction is ready only after its first is mined.
        const senders = [1, 2, 1, 3];
        const raws = await signAll(
          url,
          senders.map((sender, k) => ({
            sender,
            to: recipient(k),
            tip: 1_000n - BigInt(k),
            maxFee: MAX_FEE - BigInt(k),
          })),
        );
        const block = await sendAtOnce(raws);
        expect(block.transactions).to.deep.equal(raws.map(hashOf));
      });

      it(`ranks transactions of different senders by ${facts.ranksBy}`, async () => {
        // The two fees disagree: the first has the higher tip, the second the higher max fee.
        const raws = await signAll(url, [
          { sender: 4, to: recipient(10), tip: 1_000n, maxFee: MAX_FEE - 1n },
          { sender: 5, to: recipient(11), tip: 999n, maxFee: MAX_FEE },
        ]);
        const [byTip, byMaxFee] = raws.map(hashOf);
        const block = await sendAtOnce(raws);
        expect(block.transactions).to.deep.equal(
          facts.ranksBy === "maxPriorityFeePerGas" ? [byTip, byMaxFee] : [byMaxFee, byTip],
        );
      });
    });

    describe("a reverting transaction", () => {
      let reverter: string;

      before(async () => {
        const [raw] = await signAll(url, [
          { sender: 6, data: REVERTER_CREATION, gasLimit: 100_000n },
        ]);
        await send(url, raw!);
        await mine(url);
        const deployed = await receipt(url, hashOf(raw!));
        expect(deployed?.status).to.equal("0x1");
        reverter = deployed?.contractAddress ?? expect.fail("no contract address");
        expect(await rpc(url, "eth_getCode", [reverter, "latest"])).to.equal(REVERTER_RUNTIME);
      });

      it("reverts eth_call with code 3 and the revert data", async () => {
        const error = await rpcError(
          rpc(url, "eth_call", [{ to: reverter, data: "0x" }, "latest"]),
        );
        expect(error.code).to.equal(3);
        expect(error.data).to.equal(REVERT_DATA);
      });

      it("is mined with status 0; debug_traceTransaction gives the revert data", async () => {
        const [raw] = await signAll(url, [{ sender: 6, to: reverter, gasLimit: 100_000n }]);
        const hash = hashOf(raw!);
        expect(await send(url, raw!)).to.equal(hash);
        await mine(url);
        expect((await receipt(url, hash))?.status).to.equal("0x0");
        const trace = await rpc<TxTrace>(url, "debug_traceTransaction", [
          hash,
          { disableStorage: true, disableMemory: true, disableStack: true },
        ]);
        expect(trace.failed).to.equal(true);
        expect(trace.returnValue).to.equal(REVERT_DATA);
      });

      const onSend = facts.automineRevertFails ? "fails the send yet mines it" : "returns its hash";
      it(`with automine on, ${onSend}`, async () => {
        const [raw] = await signAll(url, [{ sender: 6, to: reverter, gasLimit: 100_000n }]);
        const hash = hashOf(raw!);
        await rpc(url, "evm_setAutomine", [true]);
        try {
          if (facts.automineRevertFails) {
            const error = await rpcError(send(url, raw!));
            expect(error.code).to.equal(3);
            expect(error.data).to.equal(REVERT_DATA);
          } else {
            expect(await send(url, raw!)).to.equal(hash);
          }
          expect((await minedReceipt(url, hash)).status).to.equal("0x0");
        } finally {
          await rpc(url, "evm_setAutomine", [false]);
        }
      });
    });

    describe("the same signed transaction sent twice", () => {
      it("is refused while pending and once mined, and mined once", async () => {
        const [raw] = await signAll(url, [{ sender: 7, to: recipient(20) }]);
        const hash = hashOf(raw!);
        expect(await send(url, raw!)).to.equal(hash);

        const whilePending = await rpcError(send(url, raw!));
        expect(whilePending.message).to.match(DUPLICATE_ERROR);
        expectError(whilePending, facts.duplicatePending(hash));
        await mine(url);
        const mined = await receipt(url, hash);
        expect(mined?.status).to.equal("0x1");

        const onceMined = await rpcError(send(url, raw!));
        expect(onceMined.message).to.match(DUPLICATE_ERROR);
        expectError(onceMined, facts.duplicateMined);
        await mine(url);
        expect((await latestBlock(url)).transactions).to.deep.equal([]);
        expect((await receipt(url, hash))?.blockNumber).to.equal(mined?.blockNumber);
        expect(await minedNonce(url, 7)).to.equal(1);
      });
    });
  });
}
