import { actorAddress, openPilotChain, type BenchChain } from "./chain.js";
import type { BenchConfig } from "./config.js";
import { FastSender, type FastTx } from "./fast-sender.js";
import { GAS, runSetup } from "./pilot-setup.js";
import type { ThroughputFigure } from "./results.js";
import { timeFastReplay, timeNaiveCalls, type NaiveCall } from "./timing.js";

/** Simulated time between two blocks of transfers. */
const BLOCK_SECONDS = 12;

interface TransferChain {
  readonly chain: BenchChain;
  readonly sender: FastSender;
  readonly senders: readonly string[];
}

/** A fresh chain whose `config.transferSenders` impersonated senders each hold KRW. */
async function prepareTransferChain(config: BenchConfig): Promise<TransferChain> {
  const chain = await openPilotChain();
  const sender = await FastSender.open(chain.connection.provider);
  const senders = Array.from({ length: config.transferSenders }, (_, i) =>
    actorAddress(chain.ethers, "sender", i),
  );
  await sender.prepareSenders([chain.admin.address], false);
  await sender.prepareSenders(senders);
  const { krw } = chain.contracts;
  await runSetup(
    sender,
    senders.map((to): FastTx => ({
      from: chain.admin.address,
      to: chain.addresses.krw,
      data: krw.interface.encodeFunctionData("mint", [to, 1_000_000_000n]),
      gas: GAS.mint,
      label: `mint KRW to ${to}`,
    })),
  );
  return { chain, sender, senders };
}

/** Transfer `j`: 1 KRW from sender `j % n` to the next sender (both balances already non-zero). */
function transferParties(senders: readonly string[], j: number): { from: string; to: string } {
  const from = senders[j % senders.length];
  const to = senders[(j + 1) % senders.length];
  if (from === undefined || to === undefined) throw new Error("no transfer senders");
  return { from, to };
}

/**
 * The raw limit of the in-process network: plain KRW transfers from impersonated senders,
 * `config.transfersPerBlock` a block, sent raw with automine off, every receipt checked.
 */
export async function measureRawTransfers(config: BenchConfig): Promise<ThroughputFigure> {
  const { chain, sender, senders } = await prepareTransferChain(config);
  try {
    const { krw } = chain.contracts;
    // Calldata encoded once per recipient, before the clock starts.
    const calldata = new Map(
      senders.map((to) => [to, krw.interface.encodeFunctionData("transfer", [to, 1n])]),
    );
    const txs = Array.from({ length: config.transfers }, (_, j): FastTx => {
      const { from, to } = transferParties(senders, j);
      const data = calldata.get(to);
      if (data === undefined) throw new Error(`no calldata for ${to}`);
      return { from, to: chain.addresses.krw, data, gas: GAS.transfer, label: `transfer #${j}` };
    });
    return await timeFastReplay(chain, sender, txs, {
      section: "transfers",
      perBlock: config.transfersPerBlock,
      blockSeconds: BLOCK_SECONDS,
    });
  } finally {
    await chain.connection.close();
  }
}

/** The same transfers (the first `count`) as ethers contract calls, each awaited, automine on. */
export async function measureNaiveTransfers(
  config: BenchConfig,
  count: number,
): Promise<ThroughputFigure> {
  const { chain, sender, senders } = await prepareTransferChain(config);
  try {
    await sender.restoreAutomine();
    const tokens = await Promise.all(
      senders.map(async (s) => chain.contracts.krw.connect(await chain.ethers.getSigner(s))),
    );
    const calls = Array.from({ length: count }, (_, j): NaiveCall => {
      const { to } = transferParties(senders, j);
      const token = tokens[j % tokens.length];
      if (token === undefined) throw new Error("no transfer senders");
      return { label: `transfer #${j}`, send: () => token.transfer(to, 1n) };
    });
    return await timeNaiveCalls(chain, "transfers", calls);
  } finally {
    await chain.connection.close();
  }
}
