/**
 * Balance by balance: does the chain hold what the model says? Every actor's KRW and
 * credits, the treasury, the parking escrow, the credit supply and the credits redeemed.
 */
import type { ModelState } from "../model/snapshot.js";
import type { ChainState } from "./read-chain.js";

/** One figure on which the chain and the model disagree. */
export interface BalanceDifference {
  /** An actor's trace name, or `treasury`, `parking-escrow`, `credit-supply`... */
  account: string;
  asset: "krw" | "credits";
  model: bigint;
  chain: bigint;
}

function differ(
  out: BalanceDifference[],
  account: string,
  asset: "krw" | "credits",
  model: bigint,
  chain: bigint,
): void {
  if (model !== chain) out.push({ account, asset, model, chain });
}

/** Every difference between the model's final state and the chain's. */
export function compareBalances(model: ModelState, chain: ChainState): BalanceDifference[] {
  const out: BalanceDifference[] = [];
  const names = new Set([...model.balances.keys(), ...chain.actors.keys()]);
  for (const name of names) {
    const expected = model.balances.get(name) ?? { krw: 0n, credits: 0n };
    const actual = chain.actors.get(name) ?? { krw: 0n, credits: 0n };
    differ(out, name, "krw", expected.krw, actual.krw);
    differ(out, name, "credits", expected.credits, actual.credits);
  }
  differ(out, "treasury", "krw", model.treasuryKrw, chain.treasury.krw);
  differ(out, "treasury", "credits", 0n, chain.treasury.credits);
  differ(out, "parking-escrow", "krw", model.escrowKrw, chain.escrow.krw);
  differ(out, "parking-escrow", "credits", 0n, chain.escrow.credits);
  differ(out, "credit-supply", "credits", model.creditSupply, chain.creditSupply);
  differ(out, "credits-redeemed", "credits", model.creditsRedeemed, chain.creditsRedeemed);
  return out;
}

/** A plain-text table of the differences, for the terminal. */
export function formatDifferences(differences: readonly BalanceDifference[]): string {
  const rows = differences.map((d) => [d.account, d.asset, d.model.toString(), d.chain.toString()]);
  const header = ["account", "asset", "model", "chain"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
