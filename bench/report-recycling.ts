import type { GasRow } from "./gas-stats.js";
import { DEPOSIT_TARGET, RECEIPT_TARGET, TARGET_BATCH } from "./recycling-ops.js";
import { figure, gasTable, int, table, verdict } from "./report-table.js";
import type { BenchResults } from "./results.js";

type RecyclingGasResults = NonNullable<BenchResults["recyclingGas"]>;

/** How the recycling figures are made and judged. */
const RECYCLING_NOTES = [
  "Kiosk batches: gas per deposit = the batch's gasUsed / its deposits (1 kg of PET each);",
  "n counts batches. Cold: first-time depositors; warm: the same citizens the next day, in",
  "the same epoch. Receipts likewise (one claim per citizen and day).",
  "Both targets apply to the warm median (citizens who deposited earlier in the epoch): cold",
  "and warm samples are half and half here, so the overall median is no city's mix.",
  "Cold means the first write of the storage the operation touches:",
];

/** The rows' cold definitions, the batch sizes folded into one line. */
function coldLines(rows: readonly GasRow[]): string[] {
  const byMeaning = new Map<string, string[]>();
  for (const row of rows) {
    const label = row.op.startsWith("deposit") ? "deposit (every batch size)" : row.label;
    const meaning = row.coldMeans ?? "nothing it writes can be a first write (all warm)";
    const labels = byMeaning.get(meaning) ?? [];
    if (!labels.includes(label)) labels.push(label);
    byMeaning.set(meaning, labels);
  }
  return [...byMeaning].map(([meaning, labels]) => `  ${labels.join(", ")}: ${meaning}`);
}

/** The scheme comparison: batch of 50 per deposit and receipt claim, cold and warm. */
function schemeTable(gas: RecyclingGasResults): string[] {
  const rows = gas.schemes.map((s) => [
    s.kind,
    figure(s.batch.cold),
    figure(s.batch.warm),
    verdict(s.batch),
    figure(s.receipt.cold),
    figure(s.receipt.warm),
    verdict(s.receipt),
  ]);
  const header = [
    "scheme",
    `batch ${TARGET_BATCH} cold`,
    `batch ${TARGET_BATCH} warm`,
    `<= ${int(DEPOSIT_TARGET)} warm`,
    "receipt cold",
    "receipt warm",
    `<= ${int(RECEIPT_TARGET)} warm`,
  ];
  return [
    `Gas by reward scheme (a new instance of each with the spec defaults; batches per deposit)`,
    ...table(header, rows),
    "",
    "budgetPool pays nothing at the deposit (no mint): it adds points per citizen and per epoch.",
  ];
}

/** The recycling gas table, its notes, and the scheme comparison. */
export function formatRecyclingGas(gas: RecyclingGasResults): string[] {
  return [
    `Gas per recycling operation (receipt gasUsed; ${int(gas.transactions)} transactions;` +
      " flat scheme as deployed)",
    ...gasTable(gas.rows),
    "",
    ...RECYCLING_NOTES,
    ...coldLines(gas.rows),
    "",
    ...schemeTable(gas),
  ];
}
