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
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

import { expect } from "chai";
import { HDNodeWallet, Mnemonic, Transaction } from "ethers";

import {
  PROJECT_ROOT,
  RpcError,
  rpc,
  startAnvil,
  startHardhatNode,
  stopAllNodes,
  type LocalNode,
  type NodeKind,
} from "../../scripts/local-node.js";

const MNEMONIC = Mnemonic.fromPhrase("test test test test test test test test test test test junk");
const CHAIN_ID = 31_337;
const GWEI = 10n ** 9n;
/** Far above either node's base fee (1 gwei at genesis, falling while blocks are empty). */
const MAX_FEE = 100n * GWEI;
/** 2020-01-01, where simNode starts too. */
const GENESIS_TIME = 1_577_836_800;

/**
 * Runtime code that always reverts with the 4 bytes 0xdeadbeef (a custom error without
 * arguments): PUSH4 deadbeef, PUSH1 e0, SHL, PUSH0, MSTORE, PUSH1 4, PUSH0, REVERT.
 */
const REVERTER_RUNTIME = "0x63deadbeef60e01b5f5260045ffd";
/**
 * Creation code returning that runtime: PUSH1 14 (size), PUSH1 10 (offset of the runtime in
 * this code), PUSH0, CODECOPY, PUSH1 14, PUSH0, RETURN; then the 14 bytes of runtime.
 */
const REVERTER_CREATION = "0x600e600a5f39600e5ff3" + REVERTER_RUNTIME.slice(2);
const REVERT_DATA = "0xdeadbeef";

/** Errors a resend may get: the transaction is in the pool, or its nonce is used. */
const DUPLICATE_ERROR = /already known|already imported|known transaction|nonce too low/i;

interface RpcBlock {
  number: string;
  hash: string;
  timestamp: string;
  transactions: string[];
}

interface RpcReceipt {
  status: string;
  blockNumber: string;
  contractAddress: string | null;
}

interface TxTrace {
  failed: boolean;
  returnValue: string;
}

interface TxSpec {
  /** Index of the sender in the test mnemonic (anvil funds 0..9, hardhat node 0..19). */
  sender: number;
  to?: string;
  data?: string;
  gasLimit?: bigint;
  tip?: bigint;
  maxFee?: bigint;
}

/** What differs between the two nodes; everything else is asserted the same for both. */
interface NodeFacts {
  kind: NodeKind;
  start(): Promise<LocalNode>;
  /** evm_mine also takes anvil's `{ timestamp, blocks }` object. */
  minesWithOptionsObject: boolean;
  /** Message for an evm_setNextBlockTimestamp before the latest block. */
  earlierTimestamp: RegExp;
  /** The fee its mempool ranks ready transactions of different senders by. */
  ranksBy: "maxFeePerGas" | "maxPriorityFeePerGas";
  /** Error sending a transaction again while it is pending. */
  duplicatePending(hash: string): { code: number; message: string | RegExp };
  /** Error sending a transaction again once it is mined. */
  duplicateMined: { code: number; message: string | RegExp };
  /** With automine on, sending a transaction that reverts fails (though it is mined). */
  automineRevertFails: boolean;
}

const ANVIL: NodeFacts = {
  kind: "anvil",
  start: () => startAnvil({ timestamp: GENESIS_TIME }),
  minesWithOptionsObject: true,
  earlierTimestamp: /^Timestamp error: \d+ is lower than previous block's timestamp$/,
  ranksBy: "maxFeePerGas",
  duplicatePending: () => ({ code: -32003, message: "transaction already imported" }),
  duplicateMined: { code: -32003, message: "nonce too low" },
  automineRevertFails: false,
};

const HARDHAT_NODE: NodeFacts = {
  kind: "hardhat-node",
  start: () => startHardhatNode(),
  minesWithOptionsObject: false,
  earlierTimestamp: /^Timestamp \d+ is lower than the previous block's timestamp \d+$/,
  ranksBy: "maxPriorityFeePerGas",
  duplicatePending: (hash) => ({ code: -32000, message: `Known transaction: ${hash}` }),
  duplicateMined: {
    code: -32000,
    message: /^Transaction nonce too low\. Expected nonce to be at least \d+ but got \d+\.$/,
  },
  automineRevertFails: true,
};

const wallets = new Map<number, HDNodeWallet>();

function account(index: number): HDNodeWallet {
  let wallet = wallets.get(index);
  if (wallet === undefined) {
    wallet = HDNodeWallet.fromMnemonic(MNEMONIC, `m/44'/60'/0'/0/${index}`);
    wallets.set(index, wallet);
  }
  return wallet;
}

/** A fresh address per label, so that transfers differ by recipient. */
function recipient(label: number): string {
  return "0x" + (0xc1700000 + label).toString(16).padStart(40, "0");
}

/** Signs EIP-1559 transactions in order, numbering each sender's nonces from its mined count. */
async function signAll(url: string, specs: readonly TxSpec[]): Promise<string[]> {
  const nextNonce = new Map<number, number>();
  const raws: string[] = [];
  for (const spec of specs) {
    const nonce = nextNonce.get(spec.sender) ?? (await minedNonce(url, spec.sender));
    nextNonce.set(spec.sender, nonce + 1);
    raws.push(
      await account(spec.sender).signTransaction({
        type: 2,
        chainId: CHAIN_ID,
        nonce,
        to: spec.to ?? null,
        data: spec.data ?? "0x",
        value: spec.to === undefined ? 0n : 1n,
        gasLimit: spec.gasLimit ?? 21_000n,
        maxFeePerGas: spec.maxFee ?? MAX_FEE,
        maxPriorityFeePerGas: spec.tip ?? 1_000n,
      }),
    );
  }
  return raws;
}

async function minedNonce(url: string, sender: number): Promise<number> {
  return Number(
    await rpc<string>(url, "eth_getTransactionCount", [account(sender).address, "latest"]),
  );
}

function hashOf(raw: string): string {
  const hash = Transaction.from(raw).hash;
  if (hash === null) throw new Error("unsigned transaction");
  return hash;
}

const send = (url: string, raw: string) => rpc<string>(url, "eth_sendRawTransaction", [raw]);
const mine = (url: string, ...params: unknown[]) => rpc(url, "evm_mine", params);
const latestBlock = (url: string) => rpc<RpcBlock>(url, "eth_getBlockByNumber", ["latest", false]);
const receipt = (url: string, hash: string) =>
  rpc<RpcReceipt | null>(url, "eth_getTransactionReceipt", [hash]);
const balance = (url: string, address: string) =>
  rpc<string>(url, "eth_getBalance", [address, "latest"]);

/**
 * The receipt of a transaction mined by automine. anvil's receipt is sometimes not there yet
 * right after eth_sendRawTransaction answers (it mines just after), so this polls.
 */
async function minedReceipt(url: string, hash: string): Promise<RpcReceipt> {
  return eventually(async () => (await receipt(url, hash)) ?? undefined, `${hash} mined`);
}

/** Polls `probe` until it gives a value (every 20 ms, for 2 s at most). */
async function eventually<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let tries = 0; tries < 100; tries++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return expect.fail(`not ${what} after 2 s`);
}

async function latestTime(url: string): Promise<number> {
  return Number((await latestBlock(url)).timestamp);
}

/** What a promise rejects with (fails the test if it resolves). */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return expect.fail("expected a rejection");
}

/** The JSON-RPC error a call fails with. */
async function rpcError(call: Promise<unknown>): Promise<RpcError> {
  const error = await rejection(call);
  expect(error).to.be.instanceOf(RpcError);
  return error as RpcError;
}

async function answers(url: string): Promise<boolean> {
  return rpc(url, "eth_chainId").then(
    () => true,
    () => false,
  );
}

function expectError(error: RpcError, expected: { code: number; message: string | RegExp }) {
  expect(error.code).to.equal(expected.code);
  if (typeof expected.message === "string") expect(error.message).to.equal(expected.message);
  else expect(error.message).to.match(expected.message);
}

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

describe("anvil: restart from a state file (--state)", function () {
  this.timeout(30_000);
  let directory: string;
  let node: LocalNode;
  let beforeStop: RpcBlock;
  let balancesBeforeStop: string[];
  let pendingRaw: string;
  let answeredWhileStopped: boolean;
  const addresses = [account(1).address, recipient(0), recipient(1)];

  before(async () => {
    directory = await mkdtemp(join(tmpdir(), "anvil-state-"));
    const statePath = join(directory, "state.json");
    node = await startAnvil({ statePath, timestamp: GENESIS_TIME });
    const url = node.url;
    // Automine is on: each transfer is a block; then two empty blocks.
    const raws = await signAll(
      url,
      [0, 1, 0].map((k) => ({ sender: 1, to: recipient(k) })),
    );
    for (const raw of raws) await minedReceipt(url, await send(url, raw));
    await mine(url);
    await mine(url);
    beforeStop = await latestBlock(url);
    balancesBeforeStop = await Promise.all(addresses.map((address) => balance(url, address)));

    await rpc(url, "evm_setAutomine", [false]);
    [pendingRaw] = (await signAll(url, [{ sender: 2, to: recipient(2) }])) as [string];
    await send(url, pendingRaw);

    await node.stop("SIGTERM");
    answeredWhileStopped = await answers(url);
    node = await startAnvil({ statePath, port: node.port, timestamp: GENESIS_TIME });
  });

  after(async () => {
    await stopAllNodes();
    if (directory !== undefined) await rm(directory, { recursive: true, force: true });
  });

  it("stops: nothing answers on its port", () => {
    expect(answeredWhileStopped).to.equal(false);
  });

  it("has the same latest block and balances after the restart", async () => {
    const latest = await latestBlock(node.url);
    expect([latest.number, latest.hash]).to.deep.equal([beforeStop.number, beforeStop.hash]);
    expect(Number(latest.number)).to.equal(5);
    const balances = await Promise.all(addresses.map((address) => balance(node.url, address)));
    expect(balances).to.deep.equal(balancesBeforeStop);
  });

  it("has automine on again", async () => {
    expect(await rpc(node.url, "anvil_getAutomine")).to.equal(true);
  });

  it("has lost the transaction pending at SIGTERM; sending it again mines it", async () => {
    const hash = hashOf(pendingRaw);
    expect(await rpc(node.url, "eth_getTransactionByHash", [hash])).to.equal(null);
    expect(await rpc(node.url, "txpool_status")).to.deep.equal({ pending: "0x0", queued: "0x0" });
    expect(await minedNonce(node.url, 2)).to.equal(0);

    expect(await send(node.url, pendingRaw)).to.equal(hash);
    const mined = await minedReceipt(node.url, hash);
    expect(mined.status).to.equal("0x1");
    expect(Number(mined.blockNumber)).to.equal(Number(beforeStop.number) + 1);
  });
});

describe("local-node: starting and stopping", function () {
  this.timeout(30_000);

  after(() => stopAllNodes());

  it("fails a node that cannot start with the end of its output", async () => {
    const error = await rejection(startAnvil({ extraArgs: ["--no-such-flag"] }));
    expect(error).to.be.instanceOf(Error);
    expect((error as Error).message).to.match(/^anvil on port \d+ exited .*unexpected argument/s);
  });

  it("refuses a port in use rather than take the node there for its own", async () => {
    const node = await startAnvil();
    const error = await rejection(startHardhatNode({ port: node.port }));
    expect((error as Error).message).to.equal(`port ${node.port} is not free`);
    await node.stop();
  });

  it("kills the nodes a process leaves running when it exits", async () => {
    const directory = await mkdtemp(join(tmpdir(), "local-node-"));
    try {
      const script = join(directory, "leave-nodes.mts");
      const module = new URL("../../scripts/local-node.ts", import.meta.url).href;
      await writeFile(
        script,
        `import { startAnvil, startHardhatNode } from ${JSON.stringify(module)};\n` +
          "const nodes = await Promise.all([startAnvil(), startHardhatNode()]);\n" +
          "console.log(JSON.stringify(nodes.map((node) => node.url)));\n",
      );
      // The script ends without stopping its nodes; they must not keep it alive either.
      const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", script], {
        cwd: PROJECT_ROOT,
        timeout: 20_000,
      });
      const urls = JSON.parse(stdout) as string[];
      expect(urls).to.have.length(2);
      // SIGKILL is sent as the script exits; the nodes may take a moment to go.
      const anyAnswers = async () => (await Promise.all(urls.map(answers))).some(Boolean);
      await eventually(async () => ((await anyAnswers()) ? undefined : true), "all gone");
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
