/**
 * The parking charts: occupancy by KST hour of day and district, and revenue by owner.
 */
import { BASE_OPTIONS, axisTitle, colour, type ChartSpec } from "./chart-embed.js";
import type { Decimal, Kpis } from "./kpi-types.js";
import type { HourlyOccupancy } from "./series-types.js";

/** Owners drawn one by one; the rest are summed into one bar. */
export const TOP_OWNERS = 15;

const hourLabel = (hour: number): string => `${String(hour).padStart(2, "0")}:00`;

/** Rates as percentages; null (nothing offered that hour) stays a gap in the line. */
const percents = (o: HourlyOccupancy): (number | null)[] =>
  o.rate.map((rate) => (rate === null ? null : rate * 100));

export function occupancyChart({ series, runDays }: Kpis): ChartSpec {
  const { hours, all, byDistrict } = series.occupancyByHour;
  const districts = Object.entries(byDistrict).map(([district, o], i) => ({
    label: district,
    data: percents(o),
    borderColor: colour(i),
    backgroundColor: colour(i),
    borderWidth: 2,
    pointRadius: 2,
  }));
  return {
    id: "chart-occupancy-by-hour",
    title: "Slot occupancy by hour of day and district",
    caption:
      `Share of the slot hours offered in each KST hour of the day, over the ${runDays.days} day(s) ` +
      `from ${runDays.first}, that were booked (cancelled bookings excluded, no-shows included). ` +
      "The black line is all districts together; a gap means no slot was offered in that hour.",
    config: {
      type: "line",
      data: {
        labels: hours.map(hourLabel),
        datasets: [
          {
            label: "All districts",
            data: percents(all),
            borderColor: "#111",
            backgroundColor: "#111",
            borderWidth: 3,
            pointRadius: 0,
          },
          ...districts,
        ],
      },
      options: {
        ...BASE_OPTIONS,
        scales: {
          x: { title: axisTitle("Hour of day (KST)") },
          y: { min: 0, suggestedMax: 100, title: axisTitle("Occupancy (% of offered hours)") },
        },
      },
    },
  };
}

export interface RankedAmount {
  label: string;
  amount: bigint;
}

/**
 * The `top` largest amounts, largest first (ties by name), then one entry summing the
 * others, so a chart of thousands of owners stays readable and still adds up.
 */
export function topWithOthers(amounts: Record<string, Decimal>, top: number): RankedAmount[] {
  const ranked = Object.entries(amounts)
    .map(([label, amount]) => ({ label, amount: BigInt(amount) }))
    .sort((a, b) =>
      a.amount === b.amount ? a.label.localeCompare(b.label) : a.amount > b.amount ? -1 : 1,
    );
  if (ranked.length <= top) return ranked;
  const rest = ranked.slice(top);
  const others = rest.reduce((sum, r) => sum + r.amount, 0n);
  return [...ranked.slice(0, top), { label: `others (${rest.length} owners)`, amount: others }];
}

export function revenueByOwnerChart({ parking }: Kpis): ChartSpec {
  const rows = topWithOthers(parking.revenueByOwner, TOP_OWNERS);
  const owners = Object.keys(parking.revenueByOwner).length;
  return {
    id: "chart-revenue-by-owner",
    title: "Parking revenue by slot owner",
    caption:
      `What each slot owner received (fees, penalties, late-cancel and no-show fees, after the ` +
      `platform fee), in KRW, largest first. ${owners} owner(s)` +
      (owners > TOP_OWNERS ? `; the last bar sums all but the top ${TOP_OWNERS}.` : "."),
    config: {
      type: "bar",
      data: {
        labels: rows.map((r) => r.label),
        datasets: [
          {
            label: "Owner revenue (KRW)",
            data: rows.map((r) => Number(r.amount)),
            backgroundColor: rows.map((r, i) => (i < TOP_OWNERS ? colour(0) : "#999")),
          },
        ],
      },
      options: {
        ...BASE_OPTIONS,
        indexAxis: "y",
        plugins: { legend: { display: false } },
        scales: { x: { beginAtZero: true, title: axisTitle("KRW") } },
      },
    },
  };
}
