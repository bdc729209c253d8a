/**
 * The headline figures at the top of report.html: one card per KPI, with its unit and a
 * one-line meaning. Each card names the kpis.json path it shows (`data-kpi`) and how the
 * number was rounded (`data-format`), and the value is read through that very path, so the
 * page and kpis.json cannot drift apart unnoticed.
 */
import { formatPrice } from "./gas-cost.js";
import { DASH, escapeHtml, groupDigits, kg, num, percent } from "./html.js";
import type { Kpis } from "./kpi-types.js";

/**
 * How a value is shown: `percent` a ratio as a percentage to 0.1; `whole` a decimal string of
 * money, exact; `2dp` / `3dp` a number to at most 2 or 3 decimals.
 */
export type HeadlineFormat = "percent" | "whole" | "2dp" | "3dp";

export interface Headline {
  label: string;
  /** Dotted path into kpis.json. */
  path: string;
  format: HeadlineFormat;
  /** Written after the number (`KRW`, `kg`...); empty for a plain ratio. */
  unit: string;
  meaning: string;
}

export function headlines(kpis: Kpis): Headline[] {
  const pricing = kpis.series.gasCost;
  return [
    {
      label: "Slot occupancy",
      path: "parking.occupancy.rate",
      format: "percent",
      unit: "",
      meaning: "Share of the slot hours offered that were booked (cancellations excluded).",
    },
    {
      label: "Charged to drivers",
      path: "parking.charged",
      format: "whole",
      unit: "KRW",
      meaning: "Parking fees, overstay penalties, late-cancel and no-show fees.",
    },
    {
      label: "Cost per hour parked",
      path: "parking.averageCostPerDriverHour",
      format: "2dp",
      unit: "KRW/h",
      meaning: "What drivers paid per hour between check-in and check-out.",
    },
    {
      label: "Plastic collected",
      path: "recycling.kgCollected",
      format: "3dp",
      unit: "kg",
      meaning: "Everything kiosks took in, grams over the daily cap included.",
    },
    {
      label: "Credits minted",
      path: "recycling.creditsMinted.total",
      format: "whole",
      unit: "credits",
      meaning: "Rewards paid to citizens, at deposits and at budget-pool claims.",
    },
    {
      label: "Credits per kg",
      path: "recycling.creditsPerKg",
      format: "2dp",
      unit: "credits/kg",
      meaning: "The reward rate the city actually paid per kg collected.",
    },
    {
      label: "Participation",
      path: "recycling.participation.rate",
      format: "percent",
      unit: "",
      meaning: "Citizens who made at least one accepted deposit, of those who joined.",
    },
    {
      label: "Gini of credits earned",
      path: "recycling.giniOfCreditsEarned",
      format: "2dp",
      unit: "",
      meaning: "0: every citizen earned the same; 1: one citizen earned everything.",
    },
    {
      label: "Net cost to the city",
      path: "city.netCost",
      format: "whole",
      unit: "KRW",
      meaning: "Credits redeemed for KRW minus parking platform fees (negative: a surplus).",
    },
    {
      label: "Credits outstanding",
      path: "city.creditsOutstanding",
      format: "whole",
      unit: "credits",
      meaning: "Minted and not yet redeemed: what the city may still have to pay.",
    },
    {
      label: "Chain cost of the run",
      path: "series.gasCost.totalKrw",
      format: "2dp",
      unit: "KRW",
      meaning:
        `All gas of the run at ${formatPrice(pricing.gasPriceGwei)} gwei and ` +
        `${formatPrice(pricing.krwPerEth)} KRW/ETH` +
        (pricing.assumed.length > 0 ? " (assumed prices: see the gas section)." : "."),
    },
  ];
}

/** The value at a dotted path of kpis.json. */
export function valueAt(kpis: Kpis, path: string): unknown {
  let value: unknown = kpis;
  for (const key of path.split(".")) {
    if (typeof value !== "object" || value === null || !(key in value)) {
      throw new Error(`kpis.json has no ${path}`);
    }
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function numberOrNull(path: string, value: unknown): number | null {
  if (value === null || typeof value === "number") return value;
  throw new Error(`kpis.json ${path} is not a number`);
}

/** The shown text of one headline value, unit included. */
export function headlineText(kpis: Kpis, h: Headline): string {
  const value = valueAt(kpis, h.path);
  const withUnit = (text: string) => (h.unit === "" || text === DASH ? text : `${text} ${h.unit}`);
  if (h.format === "whole") {
    if (typeof value !== "string") throw new Error(`kpis.json ${h.path} is not a decimal`);
    return withUnit(groupDigits(value));
  }
  const n = numberOrNull(h.path, value);
  if (h.format === "percent") return percent(n);
  if (h.format === "3dp") return withUnit(n === null ? DASH : kg(n));
  return withUnit(num(n));
}

export function headlineCards(kpis: Kpis): string {
  const cards = headlines(kpis).map(
    (h) =>
      `<div class="kpi" data-kpi="${escapeHtml(h.path)}" data-format="${h.format}">` +
      `<div class="kpi-label">${escapeHtml(h.label)}</div>` +
      `<div class="kpi-value">${escapeHtml(headlineText(kpis, h))}</div>` +
      `<div class="kpi-meaning">${escapeHtml(h.meaning)}</div></div>`,
  );
  return `<div class="kpis">${cards.join("")}</div>`;
}
