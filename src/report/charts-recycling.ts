/**
 * The recycling and credit charts: kg by material per day, credits minted and redeemed per
 * day, and the Lorenz curve of credits earned.
 */
import { BASE_OPTIONS, axisTitle, colour, type ChartSpec } from "./chart-embed.js";
import { num } from "./html.js";
import type { Kpis } from "./kpi-types.js";

export function kgByMaterialChart({ series }: Kpis): ChartSpec {
  const { days, byMaterial } = series.kgByDay;
  const materials = Object.entries(byMaterial);
  // A material nobody brought would only crowd the legend (its kg stay in kpis.json).
  const drawn = materials.filter(([, kg]) => kg.some((v) => v > 0));
  return {
    id: "chart-kg-by-material",
    title: "Plastic collected per day, by material",
    caption:
      "Kilograms kiosks took in each KST day, stacked by material, grams over a citizen's " +
      "daily cap included (they are collected, though they earn nothing).",
    config: {
      type: "bar",
      data: {
        labels: days,
        datasets: (drawn.length > 0 ? drawn : materials).map(([material, kg], i) => ({
          label: material,
          data: kg,
          backgroundColor: colour(i),
        })),
      },
      options: {
        ...BASE_OPTIONS,
        scales: {
          x: { stacked: true, title: axisTitle("Day (KST)") },
          y: { stacked: true, beginAtZero: true, title: axisTitle("kg") },
        },
      },
    },
  };
}

export function creditsChart({ series }: Kpis): ChartSpec {
  const c = series.creditsByDay;
  // The stock outstanding soon dwarfs a day's flows, so it gets its own axis on the right.
  const line = (label: string, values: string[], i: number, stock = false) => ({
    label,
    data: values.map(Number),
    borderColor: colour(i),
    backgroundColor: colour(i),
    borderWidth: 2,
    borderDash: stock ? [6, 4] : [],
    pointRadius: 2,
    yAxisID: stock ? "stock" : "y",
  });
  return {
    id: "chart-credits-over-time",
    title: "Credits minted and redeemed per day",
    caption:
      "Credits minted each KST day (at deposits and budget-pool claims) and redeemed for KRW " +
      "by the treasury (merchants' redemptions and credits paid into parking), left axis. The " +
      "dashed line, right axis, is the credits outstanding at the end of each day: what the " +
      "city may still have to pay.",
    config: {
      type: "line",
      data: {
        labels: c.days,
        datasets: [
          line("Minted", c.minted, 2),
          line("Redeemed", c.redeemed, 3),
          line("Outstanding (end of day)", c.outstandingAtDayEnd, 0, true),
        ],
      },
      options: {
        ...BASE_OPTIONS,
        scales: {
          x: { title: axisTitle("Day (KST)") },
          y: { beginAtZero: true, title: axisTitle("credits per day (1 credit = 1 KRW)") },
          stock: {
            position: "right",
            beginAtZero: true,
            grid: { drawOnChartArea: false },
            title: axisTitle("credits outstanding"),
          },
        },
      },
    },
  };
}

export function lorenzChart({ series }: Kpis): ChartSpec {
  const d = series.creditDistribution;
  const points = d.lorenz.map((p) => ({ x: p.population * 100, y: p.credits * 100 }));
  const reading =
    d.gini === null
      ? "Nobody earned credits, so there is no curve."
      : `The further the curve sags below the diagonal, the more unequal: Gini ${num(d.gini)} ` +
        "(0: everyone earned the same; 1: one citizen earned everything).";
  return {
    id: "chart-lorenz",
    title: `Distribution of credits earned (Gini ${num(d.gini)})`,
    caption:
      `The ${d.citizens} citizens who joined, from who earned the fewest credits to the most: ` +
      "the curve gives the share of all credits earned by the poorest x % of them; citizens " +
      `who earned nothing count. ${reading}`,
    config: {
      type: "scatter",
      data: {
        datasets: [
          {
            label: "Lorenz curve",
            data: points,
            showLine: true,
            borderColor: colour(4),
            backgroundColor: colour(4),
            borderWidth: 2,
            pointRadius: 0,
          },
          {
            label: "Equal shares",
            data: [
              { x: 0, y: 0 },
              { x: 100, y: 100 },
            ],
            showLine: true,
            borderColor: "#999",
            backgroundColor: "#999",
            borderDash: [6, 4],
            borderWidth: 1,
            pointRadius: 0,
          },
        ],
      },
      options: {
        ...BASE_OPTIONS,
        scales: {
          x: { min: 0, max: 100, title: axisTitle("Citizens, poorest first (%)") },
          y: { min: 0, max: 100, title: axisTitle("Credits earned (% of all)") },
        },
      },
    },
  };
}
