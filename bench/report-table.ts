import type { GasFigure, GasRow } from "./gas-stats.js";

/** A number rounded, with thousands separators. */
export const int = (n: number): string => Math.round(n).toLocaleString("en-US");

function pad(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((cell, i) => {
      const width = widths[i] ?? 0;
      return i === 0 ? cell.padEnd(width) : cell.padStart(width);
    })
    .join("  ");
}

/** A plain-text table: the first column left-aligned, the others right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [pad(header, widths), rule, ...rows.map((r) => pad(r, widths))];
}

/** A median and its sample count, `-` when there is none. */
export function figure(f: GasFigure): string {
  return f.median === null ? "-" : `${int(f.median)} (${f.n})`;
}

/** `met`, `met (cold over)` or `MISSED` against the row's target; empty without a target. */
export function verdict(row: GasRow): string {
  if (row.met === null) return "";
  const coldOver = row.target !== null && row.cold.median !== null && row.cold.median > row.target;
  if (!row.met) return "MISSED";
  return coldOver ? "met (cold over)" : "met";
}

/** The gas table of `rows`: operation, median, cold, warm, target, verdict. */
export function gasTable(rows: readonly GasRow[]): string[] {
  const cells = rows.map((row) => [
    row.label,
    row.all.median === null ? "-" : int(row.all.median),
    figure(row.cold),
    figure(row.warm),
    row.target === null ? "" : `<= ${int(row.target)}${row.targetOn === "warm" ? " warm" : ""}`,
    verdict(row),
  ]);
  return table(["operation", "median", "cold (n)", "warm (n)", "target", "verdict"], cells);
}
