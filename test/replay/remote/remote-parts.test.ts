/**
 * The remote sender's parts without a node: deterministic signing with falling fees,
 * JSON-RPC retries against a real HTTP server that drops requests,
 * the drift of block times, contract totals taken off, and the options' refusals.
 */
import { createServer, type Server } from "node:http";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { expect } from "chai";
import { Transaction, Wallet } from "ethers";

import { GenerateOptionError } from "../../../src/generate/cli-options.js";
import { withoutBaseline, type ChainState } from "../../../src/reconcile/read-chain.js";
import { ReplayError } from "../../../src/replay/errors.js";
import { JsonRpcClient, RpcAnswerError } from "../../../src/replay/remote/json-rpc.js";
import { NonceSigner } from "../../../src/replay/remote/signer.js";
import type { EventRecord } from "../../../src/replay/types.js";
import { DriftCollector } from "../../../src/report/drift.js";
import { remoteOptionsOf, resumptionOf } from "../../../src/run/remote-options.js";

const KEY_A = Wallet.createRandom().privateKey;
const KEY_B = Wallet.createRandom().privateKey;

function signerWith(...keys: string[]): NonceSigner {
  const signer = new NonceSigner(31337n);
  for (const key of keys) {
    signer.addKey(key);
    signer.setNonce(new Wallet(key).address, 7);
  }
  return signer;
}

describe("remote replay parts", () => {
  describe("signing a block", () => {
    const a = new Wallet(KEY_A).address;
    const b = new Wallet(KEY_B).address;
    const block = [
      { from: a, to: b, data: "0x", gas: 21_000 },
      { from: b, to: a, data: "0x1234", gas: 50_000 },
      { from: a, to: b, data: "0x", gas: 21_000 },
    ];

    it("gives the same hashes for the same nonces and fees (what a resume relies on)", () => {
      const first = signerWith(KEY_A, KEY_B).signBlock(block, { maxFeePerGas: 10n ** 9n });
      const again = signerWith(KEY_A, KEY_B).signBlock(block, { maxFeePerGas: 10n ** 9n });
      expect(again.map((t) => t.hash)).to.deep.equal(first.map((t) => t.hash));
      const otherFee = signerWith(KEY_A, KEY_B).signBlock(block, { maxFeePerGas: 2n * 10n ** 9n });
      expect(otherFee[0]?.hash).to.not.equal(first[0]?.hash);
    });

    it("counts nonces per account and lowers both fees by one wei per transaction", () => {
      const signer = signerWith(KEY_A, KEY_B);
      const signed = signer.signBlock(block, { maxFeePerGas: 1_000n });
      const txs = signed.map((s) => Transaction.from(s.raw));
      expect(txs.map((t) => t.nonce)).to.deep.equal([7, 7, 8]);
      expect(txs.map((t) => t.from)).to.deep.equal([a, b, a]);
      expect(txs.map((t) => t.maxPriorityFeePerGas)).to.deep.equal([3n, 2n, 1n]);
      expect(txs.map((t) => t.maxFeePerGas)).to.deep.equal([1_003n, 1_002n, 1_001n]);
      expect(txs.map((t) => t.gasLimit)).to.deep.equal([21_000n, 50_000n, 21_000n]);
      expect(signer.nonce(a)).to.equal(9);
      expect(signer.nonce(b)).to.equal(8);
    });

    it("refuses to sign for an account without a key", () => {
      const signer = signerWith(KEY_A);
      expect(() => signer.signBlock(block, { maxFeePerGas: 1n })).to.throw(/no key|unknown/);
    });
  });

  describe("JSON-RPC with retries", () => {
    let server: Server;
    let url = "";
    let failuresLeft = 0;
    let stallsLeft = 0;
    let requests = 0;

    before(async () => {
      server = createServer((req, res) => {
        requests += 1;
        if (failuresLeft > 0) {
          failuresLeft -= 1;
          req.socket.destroy(); // a dropped connection
          return;
        }
        if (stallsLeft > 0) {
          stallsLeft -= 1;
          return; // never answered: the client's time-out decides
        }
        let body = "";
        req.on("data", (chunk: Buffer) => (body += chunk.toString()));
        req.on("end", () => {
          const batch = JSON.parse(body) as { id: number; method: string }[];
          const answers = batch.map(({ id, method }) =>
            method === "eth_chainId"
              ? { jsonrpc: "2.0", id, result: "0x7a69" }
              : { jsonrpc: "2.0", id, error: { code: -32601, message: `${method} not found` } },
          );
          res.setHeader("content-type", "application/json");
          res.end(JSON.stringify(answers));
        });
      });
      await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
      const address = server.address();
      if (address === null || typeof address === "string") throw new Error("no port");
      url = `http://127.0.0.1:${address.port}`;
    });

    after(() => new Promise<void>((done) => server.close(() => done())));
    beforeEach(() => {
      requests = 0;
      failuresLeft = 0;
      stallsLeft = 0;
    });

    it("retries a request left unanswered past its time-out", async () => {
      stallsLeft = 1;
      const client = new JsonRpcClient(url, { retries: 2, initialDelayMs: 10, timeoutMs: 200 });
      expect(await client.request("eth_chainId")).to.equal("0x7a69");
      expect(requests).to.equal(2);
      expect(client.retried).to.equal(1);
    });

    it("runs the reconnect hook once the node answers again, before the failed request", async () => {
      failuresLeft = 1;
      const client = new JsonRpcClient(url, { retries: 3, initialDelayMs: 10 });
      const seen: number[] = [];
      client.onReconnect = async () => {
        seen.push(requests);
        await client.request("eth_chainId");
      };
      await client.request("eth_chainId");
      // request 1 dropped; the hook ran before request 2 (its own), then the retry (3).
      expect(seen).to.deep.equal([1]);
      expect(requests).to.equal(3);
      await client.request("eth_chainId");
      expect(seen).to.deep.equal([1]);
    });

    it("stops when the reconnect hook refuses to go on", async () => {
      failuresLeft = 1;
      const client = new JsonRpcClient(url, { retries: 3, initialDelayMs: 10 });
      client.onReconnect = () => Promise.reject(new ReplayError("NODE_LOST_BLOCKS", {}));
      const error = await client.request("eth_chainId").catch((e: unknown) => e);
      expect((error as ReplayError).code).to.equal("NODE_LOST_BLOCKS");
      expect(requests).to.equal(1);
    });

    it("retries a dropped connection with backoff and then answers", async () => {
      failuresLeft = 2;
      const client = new JsonRpcClient(url, { retries: 3, initialDelayMs: 10 });
      expect(await client.request("eth_chainId")).to.equal("0x7a69");
      expect(requests).to.equal(3);
      expect(client.retried).to.equal(2);
    });

    it("gives up after its retries with NODE_UNREACHABLE naming the URL", async () => {
      failuresLeft = 10;
      const client = new JsonRpcClient(url, { retries: 2, initialDelayMs: 10 });
      const error = await client.request("eth_chainId").catch((e: unknown) => e);
      expect(error).to.be.instanceOf(ReplayError);
      expect((error as ReplayError).code).to.equal("NODE_UNREACHABLE");
      expect((error as ReplayError).message).to.contain(url);
      expect(requests).to.equal(3);
    });

    it("does not retry an answer with a JSON-RPC error, and keeps batch answers in order", async () => {
      const client = new JsonRpcClient(url, { retries: 3, initialDelayMs: 10 });
      const error = await client.request("evm_mine").catch((e: unknown) => e);
      expect(error).to.be.instanceOf(RpcAnswerError);
      expect(requests).to.equal(1);
      const answers = await client.batch([
        { method: "evm_mine", params: [] },
        { method: "eth_chainId", params: [] },
      ]);
      expect(answers.map((a) => a.ok)).to.deep.equal([false, true]);
    });
  });

  describe("drift", () => {
    const record = (time: number, timestamp: number, txCount = 1): EventRecord => ({
      line: 1,
      kind: "treasury.fund",
      time,
      timestamp,
      status: "ok",
      gasUsed: 0,
      txGasUsed: 0,
      txCount,
      batchSize: 1,
    });

    it("is zero when block times follow the trace", () => {
      const drift = new DriftCollector();
      drift.add(record(100, 100));
      drift.add(record(160, 160));
      expect(drift.summary()).to.deep.equal({ offsetSeconds: 0, maxSeconds: 0, meanSeconds: 0 });
    });

    it("measures each transaction against the first one's offset", () => {
      const drift = new DriftCollector();
      drift.add(record(100, 1_100));
      drift.add(record(200, 1_110)); // 90 s early
      drift.add(record(300, 1_300)); // on time
      drift.add(record(400, 0, 0)); // sent nothing: ignored
      expect(drift.summary()).to.deep.equal({
        offsetSeconds: 1_000,
        maxSeconds: 90,
        meanSeconds: 30,
      });
    });
  });

  describe("contract totals of a reused deployment", () => {
    it("are taken off the contracts, never off the actors", () => {
      const balance = (krw: bigint, credits: bigint) => ({ krw, credits });
      const state: ChainState = {
        actors: new Map([["driver-1", balance(500n, 3n)]]),
        treasury: balance(1_000n, 10n),
        escrow: balance(300n, 0n),
        creditSupply: 50n,
        creditsRedeemed: 20n,
      };
      const baseline = {
        treasury: balance(400n, 4n),
        escrow: balance(100n, 0n),
        creditSupply: 30n,
        creditsRedeemed: 5n,
      };
      const own = withoutBaseline(state, baseline);
      expect(own.treasury).to.deep.equal(balance(600n, 6n));
      expect(own.escrow).to.deep.equal(balance(200n, 0n));
      expect(own.creditSupply).to.equal(20n);
      expect(own.creditsRedeemed).to.equal(15n);
      expect(own.actors.get("driver-1")).to.deep.equal(balance(500n, 3n));
    });
  });

  describe("options", () => {
    it("refuses a bad --time-mode, --confirmations and --rpc-retries (exit code 2)", () => {
      const check = (request: Record<string, string>, pattern: RegExp) => {
        const run = () => remoteOptionsOf({ input: "x.jsonl", ...request }, "anvil");
        expect(run).to.throw(GenerateOptionError, pattern);
      };
      check({ timeMode: "wall" }, /--time-mode: expected one of auto, trace, node/);
      check({ confirmations: "0" }, /--confirmations: expected a whole number >= 1/);
      check({ rpcRetries: "-1" }, /--rpc-retries: expected a whole number >= 0/);
      expect(remoteOptionsOf({ input: "x", timeMode: "node" }, "anvil").timeMode).to.equal("node");
    });

    it("refuses --resume of a folder without a checkpoint", async () => {
      const dir = await mkdtemp(join(tmpdir(), "city-pilot-resume-"));
      const error = await resumptionOf(dir, { input: "" }).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(GenerateOptionError);
      expect((error as Error).message).to.contain("holds no checkpoint");
    });
  });
});
