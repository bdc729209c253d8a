/**
 * balances.csv: `actor,role,address,krw,credits`, one row per actor in order of joining,
 * then the treasury and the parking escrow (role `contract`). The figures are the chain's,
 * as read for the reconciliation.
 */
import type { ActorForReport, ContractsForReport } from "./types.js";

export const BALANCES_HEADER = ["actor", "role", "address", "krw", "credits"] as const;

/** A balance pair as the reconciler reads it from the chain (its `AccountBalance`). */
export interface BalanceForReport {
  krw: bigint;
  credits: bigint;
}

/** The chain's figures (the reconciler's `ChainState` fits). */
export interface ChainBalancesForReport {
  actors: ReadonlyMap<string, BalanceForReport>;
  treasury: BalanceForReport;
  escrow: BalanceForReport;
}

export interface BalancesCsvParameters {
  /** By name, in order of joining (the replay's `actors`). */
  actors: Iterable<ActorForReport>;
  contracts: ContractsForReport;
  chain: ChainBalancesForReport;
}

/**
 * One CSV field per RFC 4180: quoted when it holds a comma, a quote or a line break, with
 * quotes doubled. Values are written as they are (no spreadsheet-formula guard such as a
 * leading `'`), since the file is data for programs and a changed name would no longer match
 * the trace.
 */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvRow(fields: readonly string[]): string {
  return fields.map(csvField).join(",");
}

/** A person in several roles (a resident who recycles and drives) reads `citizen+driver`. */
export function roleLabel(roles: readonly string[]): string {
  return roles.join("+");
}

function balanceRow(name: string, role: string, address: string, b: BalanceForReport): string {
  return csvRow([name, role, address, b.krw.toString(), b.credits.toString()]);
}

/** The whole file, CRLF-free (`\n` line ends) with a final newline. */
export function formatBalancesCsv({ actors, contracts, chain }: BalancesCsvParameters): string {
  const rows = [csvRow(BALANCES_HEADER)];
  for (const actor of actors) {
    const balance = chain.actors.get(actor.name);
    // The reconciler reads every actor the replay knows; a gap means the inputs do not match.
    if (balance === undefined) throw new Error(`no chain balance read for actor ${actor.name}`);
    rows.push(balanceRow(actor.name, roleLabel(actor.roles), actor.address, balance));
  }
  rows.push(balanceRow("treasury", "contract", contracts.treasury, chain.treasury));
  rows.push(balanceRow("parking-escrow", "contract", contracts.market, chain.escrow));
  return rows.join("\n") + "\n";
}
