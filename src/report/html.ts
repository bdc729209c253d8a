/**
 * HTML building blocks for report.html: escaping, tables, number formats. Every piece of
 * text goes through `escapeHtml`, names from a trace included, so a trace cannot inject
 * markup into a report someone opens in a browser.
 */

const ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

const NUMBER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const KG = new Intl.NumberFormat("en-US", { maximumFractionDigits: 3 });

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Markup already built from escaped parts, told apart from text that still needs escaping. */
export interface Html {
  html: string;
  /** Right-aligned, in tabular figures. */
  numeric?: boolean;
}

/** A formatted figure (escaped, right-aligned). */
export const figure = (text: string): Html => ({ html: escapeHtml(text), numeric: true });

/** Text, or a figure; a plain number is formatted as a figure. */
export type Cell = string | number | Html;

function cellHtml(cell: Cell): string {
  if (typeof cell === "number") return cellHtml(figure(NUMBER.format(cell)));
  if (typeof cell === "string") return `<td>${escapeHtml(cell)}</td>`;
  return cell.numeric === true ? `<td class="n">${cell.html}</td>` : `<td>${cell.html}</td>`;
}

export function table(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const head = headers.map((h) => `<th>${escapeHtml(h)}</th>`).join("");
  const body = rows.map((row) => `<tr>${row.map(cellHtml).join("")}</tr>`);
  return `<table><thead><tr>${head}</tr></thead><tbody>${body.join("")}</tbody></table>`;
}

/** Label-value rows, the label as a row header (the run's facts). */
export function facts(rows: readonly (readonly [string, string])[]): string {
  const body = rows.map(
    ([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`,
  );
  return `<table><tbody>${body.join("")}</tbody></table>`;
}

export function section(title: string, ...parts: string[]): string {
  return `<section><h2>${escapeHtml(title)}</h2>${parts.join("")}</section>`;
}

export function paragraph(text: string): string {
  return `<p>${escapeHtml(text)}</p>`;
}

/** `1234567` or `"-1234567"` as `1,234,567` / `-1,234,567`, exact for any bigint string. */
export function groupDigits(value: string): string {
  const negative = value.startsWith("-");
  const digits = negative ? value.slice(1) : value;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return negative ? `-${grouped}` : grouped;
}

export const DASH = "–";

/** A ratio or figure that may be undefined (null): a dash then. */
export function num(value: number | null): string {
  return value === null ? DASH : NUMBER.format(value);
}

export function kg(value: number): string {
  return KG.format(value);
}

export function percent(rate: number | null): string {
  return rate === null ? DASH : `${(rate * 100).toFixed(1)} %`;
}

export const STYLE = `
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; color: #222; line-height: 1.4; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
th, td { padding: 0.25rem 0.75rem; border-bottom: 1px solid #eee; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
th { background: #f4f4f4; }
.verdict { padding: 0.75rem 1rem; border-radius: 4px; font-weight: 600; }
.ok { background: #e6f4ea; color: #1e6b34; } .fail { background: #fce8e6; color: #a52714; }
.note { color: #666; font-size: 0.9rem; }
h3 { font-size: 1.05rem; margin: 0 0 0.5rem; }
.kpis { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: 0.75rem; }
.kpi { border: 1px solid #ddd; border-radius: 6px; padding: 0.6rem 0.8rem; }
.kpi-label { font-size: 0.85rem; color: #555; }
.kpi-value { font-size: 1.4rem; font-weight: 600; font-variant-numeric: tabular-nums; }
.kpi-meaning { font-size: 0.8rem; color: #666; }
figure.chart { margin: 1.5rem 0; }
.chart-box { position: relative; height: 22rem; }
figcaption { color: #444; font-size: 0.9rem; margin-top: 0.4rem; }
`;
