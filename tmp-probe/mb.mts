import { JsonRpcClient } from "../src/replay/remote/json-rpc.js";
import { NonceSigner } from "../src/replay/remote/signer.js";
import { HDNodeWallet, Mnemonic } from "ethers";
const url = process.argv[2];
const c = new JsonRpcClient(url);
const root = HDNodeWallet.fromMnemonic(Mnemonic.fromPhrase("test test test test test test test test test test test junk"), "m/44'/60'/0'/0");
const w = [0,1,2].map(i => root.deriveChild(i));
const s = new NonceSigner(31337n);
for (const x of w) { s.addKey(x.privateKey); s.setNonce(x.address, Number(await c.request("eth_getTransactionCount", [x.address, "pending"]))); }
await c.request("evm_setAutomine", [false]);
const t: Record<string, number> = { sign: 0, send: 0, mine: 0, rcpt: 0, block: 0 };
let time = Number((await c.request<any>("eth_getBlockByNumber", ["latest", false])).timestamp) + 10;
const N = 200;
for (let k = 0; k < N; k++) {
  let a = performance.now();
  const signed = s.signBlock([{ from: w[0].address, to: w[1].address, data: "0x", value: 1n, gas: 21000 }, { from: w[1].address, to: w[2].address, data: "0x", value: 1n, gas: 21000 }], { maxFeePerGas: 10n ** 10n });
  let b = performance.now(); t.sign += b - a; a = b;
  await c.batch(signed.map((x) => ({ method: "eth_sendRawTransaction", params: [x.raw] })));
  b = performance.now(); t.send += b - a; a = b;
  await c.request("evm_mine", [time++]);
  b = performance.now(); t.mine += b - a; a = b;
  const r = await c.batch(signed.map((x) => ({ method: "eth_getTransactionReceipt", params: [x.hash] })));
  b = performance.now(); t.rcpt += b - a; a = b;
  await c.request("eth_getBlockByNumber", ["latest", false]);
  b = performance.now(); t.block += b - a; a = b;
  if (r.some((x: any) => x.result === null)) console.log("null receipt");
}
await c.request("evm_setAutomine", [true]);
for (const k in t) console.log(k, (t[k] / N).toFixed(2), "ms");
