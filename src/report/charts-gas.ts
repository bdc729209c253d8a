/**
 * Gas per operation priced in KRW: a bar per operation kind and the table behind it.
 */
import { BASE_OPTIONS, axisTitle, colour, type ChartSpec } from "./chart-embed.js";
import { figure, groupDigits, table, type Cell } from "./html.js";
import type { Kpis } from "./kpi-types.js";
import type { GasCost, GasCostOfKind } from "./series-types.js";

const KRW_FORMAT = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/** KRW of gas: an estimate, so two decimals at most (a fraction of a won is still visible). */
export const gasKrw = (krw: number): string => `${KRW_FORMAT.format(krw)} KRW`;

const gasUnits = (gas: number): Cell => figure(groupDigits(String(Math.round(gas))));

/** Kinds by KRW per operation, dearest first (ties by name). */
function byCost(cost: GasCost): [string, GasCostOfKind][] {
  return Object.entries(cost.byKind).sort(([ka, a], [kb, b]) =>
    a.krwPerOperation === b.krwPerOperation
      ? ka.localeCompare(kb)
      : b.krwPerOperation - a.krwPerOperation,
  );
}

export function gasCostTable(cost: GasCost): string {
  const rows: Cell[][] = byCost(cost).map(([kind, c]) => [
    kind,
    figure(groupDigits(String(c.count))),
    gasUnits(c.meanGas),
    figure(gasKrw(c.krwPerOperation)),
    gasUnits(c.totalGas),
    figure(gasKrw(c.krwTotal)),
  ]);
  rows.push([
    "Whole run (reverted transactions included)",
    "",
    "",
    "",
    gasUnits(cost.totalGas),
    figure(gasKrw(cost.totalKrw)),
  ]);
  return table(
    ["Operation", "Count", "Mean gas", "KRW per operation", "Total gas", "Total KRW"],
    rows,
  );
}

export function gasCostChart({ series }: Kpis): ChartSpec {
  const cost = series.gasCost;
  const kinds = byCost(cost);
  return {
    id: "chart-gas-cost",
    title: "Cost of one operation on chain",
    caption:
      "Mean gas of each operation that went through, priced in KRW (a batched deposit counts " +
      `its share of the batch). Prices: ${cost.note}`,
    config: {
      type: "bar",
      data: {
        labels: kinds.map(([kind]) => kind),
        datasets: [
          {
            label: "KRW per operation",
            data: kinds.map(([, c]) => c.krwPerOperation),
            backgroundColor: colour(5),
          },
        ],
      },
      options: {
        ...BASE_OPTIONS,
        indexAxis: "y",
        plugins: { legend: { display: false } },
        scales: { x: { beginAtZero: true, title: axisTitle("KRW per operation") } },
      },
    },
    after: gasCostTable(cost),
  };
}
