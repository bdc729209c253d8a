/**
 * Reads every balance the reconciliation compares from the chain: each actor's KRW and
 * credits, the treasury, the parking escrow and the credit supply.
 */
import { Interface } from "ethers";

import type { DeployedContracts } from "../replay/types.js";

/** The part of an EIP-1193 provider the reader needs. */
export interface CallProvider {
  request(args: { method: string; params?: unknown[] }): Promise<unknown>;
}

export interface AccountBalance {
  krw: bigint;
  credits: bigint;
}

export interface ChainState {
  actors: Map<string, AccountBalance>;
  treasury: AccountBalance;
  escrow: AccountBalance;
  creditSupply: bigint;
  creditsRedeemed: bigint;
}

const ERC20 = new Interface([
  "function balanceOf(address) view returns (uint256)",
  "function totalSupply() view returns (uint256)",
]);
const TREASURY = new Interface(["function totalRedeemed() view returns (uint256)"]);

/** Calls in flight at once: enough to keep the node busy, few enough to stay polite. */
const CONCURRENCY = 256;

async function callUint(provider: CallProvider, to: string, data: string): Promise<bigint> {
  const result = await provider.request({ method: "eth_call", params: [{ to, data }, "latest"] });
  return BigInt(result as string);
}

function balanceCall(account: string): string {
  return ERC20.encodeFunctionData("balanceOf", [account]);
}

async function balanceOf(
  provider: CallProvider,
  contracts: DeployedContracts,
  account: string,
): Promise<AccountBalance> {
  const data = balanceCall(account);
  const [krw, credits] = await Promise.all([
    callUint(provider, contracts.krw, data),
    callUint(provider, contracts.credit, data),
  ]);
  return { krw, credits };
}

/** Reads the balances of `actors` (trace name -> address) and of the contracts. */
export async function readChainState(
  provider: CallProvider,
  contracts: DeployedContracts,
  actors: ReadonlyMap<string, string>,
): Promise<ChainState> {
  const entries = [...actors];
  const balances = new Map<string, AccountBalance>();
  for (let from = 0; from < entries.length; from += CONCURRENCY) {
    const chunk = entries.slice(from, from + CONCURRENCY);
    const read = await Promise.all(
      chunk.map(([, address]) => balanceOf(provider, contracts, address)),
    );
    chunk.forEach(([name], i) => balances.set(name, read[i] as AccountBalance));
  }
  const [treasury, escrow, creditSupply, creditsRedeemed] = await Promise.all([
    balanceOf(provider, contracts, contracts.treasury),
    balanceOf(provider, contracts, contracts.market),
    callUint(provider, contracts.credit, ERC20.encodeFunctionData("totalSupply")),
    callUint(provider, contracts.treasury, TREASURY.encodeFunctionData("totalRedeemed")),
  ]);
  return { actors: balances, treasury, escrow, creditSupply, creditsRedeemed };
}

/** The contracts' totals: what a run on a reused deployment finds before its first event. */
export type ContractTotals = Pick<
  ChainState,
  "treasury" | "escrow" | "creditSupply" | "creditsRedeemed"
>;

export async function readContractTotals(
  provider: CallProvider,
  contracts: DeployedContracts,
): Promise<ContractTotals> {
  const { treasury, escrow, creditSupply, creditsRedeemed } = await readChainState(
    provider,
    contracts,
    new Map(),
  );
  return { treasury, escrow, creditSupply, creditsRedeemed };
}

const minus = (a: AccountBalance, b: AccountBalance): AccountBalance => ({
  krw: a.krw - b.krw,
  credits: a.credits - b.credits,
});

/**
 * The run's own part of the contracts' totals. A run on a reused deployment starts from what
 * earlier runs left (its actors are new accounts, so theirs start at zero); the model starts
 * from zero, so the totals found before the run are taken off.
 */
export function withoutBaseline(state: ChainState, baseline: ContractTotals): ChainState {
  return {
    actors: state.actors,
    treasury: minus(state.treasury, baseline.treasury),
    escrow: minus(state.escrow, baseline.escrow),
    creditSupply: state.creditSupply - baseline.creditSupply,
    creditsRedeemed: state.creditsRedeemed - baseline.creditsRedeemed,
  };
}
