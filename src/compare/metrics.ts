/**
 * The KPIs a comparison puts side by side, read from each run's kpis.json (see
 * src/report/kpi-types.ts and src/report/README.md for their definitions). Money is read
 * exactly (bigint) and then made a number for the statistics: a mean of whole won is a
 * fraction anyway, and the sums of a run stay far below 2^53 KRW, where numbers are exact.
 */
import { z } from "zod";

/** A kpis.json decimal string of whole KRW or credits. */
const money = z.string().regex(/^-?\d+$/, "expected a whole amount as a decimal string");
const ratio = z.number().nullable();

/** The part of kpis.json a comparison reads; anything else in the file is ignored. */
export const comparedKpisSchema = z.object({
  parking: z.object({
    occupancy: z.object({ rate: ratio }),
    charged: money,
  }),
  recycling: z.object({
    kgCollected: z.number(),
    creditsMinted: z.object({ total: money }),
    creditsPerKg: ratio,
    participation: z.object({ rate: ratio }),
    giniOfCreditsEarned: ratio,
  }),
  city: z.object({
    creditsRedeemed: money,
    platformFees: money,
    netCost: money,
    krwPaidOutPerKg: ratio,
  }),
});

export type ComparedKpis = z.output<typeof comparedKpisSchema>;

/** Whole units as a number (exact below 2^53). */
const amount = (decimal: string): number => Number(BigInt(decimal));

/** `kg * 1000 / amount`: kilograms per 1,000 KRW or credits; null when nothing was spent. */
function kgPerThousand(kg: number, decimal: string): number | null {
  const spent = amount(decimal);
  return spent > 0 ? (kg * 1000) / spent : null;
}

export interface MetricDefinition {
  /** Column stem in comparison.csv (`<key>_mean`, ...). */
  key: string;
  /** A heading an analyst reads. */
  title: string;
  unit: string;
  /** One line: what the figure is. */
  meaning: string;
  /** Figures shown after the decimal point in the page. */
  digits: number;
  read: (k: ComparedKpis) => number | null;
}

export const METRICS = [
  {
    key: "kg_collected",
    title: "Plastic collected",
    unit: "kg",
    meaning: "Everything kiosks took in, grams over a citizen's daily cap included.",
    digits: 1,
    read: (k) => k.recycling.kgCollected,
  },
  {
    key: "credits_minted",
    title: "Credits minted",
    unit: "credits",
    meaning: "Credits the city issued to citizens (at deposits and at budget-pool claims).",
    digits: 0,
    read: (k) => amount(k.recycling.creditsMinted.total),
  },
  {
    key: "credits_per_kg",
    title: "Credits per kg",
    unit: "credits/kg",
    meaning: "Credits minted per kg collected: what the scheme promises per kg (1 credit = 1 KRW).",
    digits: 1,
    read: (k) => k.recycling.creditsPerKg,
  },
  {
    key: "krw_paid_out",
    title: "KRW paid out",
    unit: "KRW",
    meaning: "KRW the treasury paid for credits redeemed by merchants and spent on parking.",
    digits: 0,
    read: (k) => amount(k.city.creditsRedeemed),
  },
  {
    key: "krw_paid_out_per_kg",
    title: "KRW paid out per kg",
    unit: "KRW/kg",
    meaning: "KRW the treasury paid out per kg collected.",
    digits: 1,
    read: (k) => k.city.krwPaidOutPerKg,
  },
  {
    key: "kg_per_1000_krw_paid_out",
    title: "Kilograms per 1,000 KRW paid out",
    unit: "kg per 1,000 KRW",
    meaning: "Plastic collected for every 1,000 KRW the treasury paid out (higher is cheaper).",
    digits: 2,
    read: (k) => kgPerThousand(k.recycling.kgCollected, k.city.creditsRedeemed),
  },
  {
    key: "kg_per_1000_credits_minted",
    title: "Kilograms per 1,000 credits minted",
    unit: "kg per 1,000 credits",
    meaning: "Plastic collected for every 1,000 credits issued, redeemed yet or not.",
    digits: 2,
    read: (k) => kgPerThousand(k.recycling.kgCollected, k.recycling.creditsMinted.total),
  },
  {
    key: "net_cost",
    title: "Net cost to the city",
    unit: "KRW",
    meaning: "KRW paid out for credits minus parking platform fees received (negative: a surplus).",
    digits: 0,
    read: (k) => amount(k.city.netCost),
  },
  {
    key: "participation",
    title: "Participation",
    unit: "share of citizens",
    meaning: "Share of citizens who made at least one deposit.",
    digits: 3,
    read: (k) => k.recycling.participation.rate,
  },
  {
    key: "gini_credits",
    title: "Gini of credits earned",
    unit: "0 = equal, 1 = one person",
    meaning: "Inequality of credits among all citizens who joined, non-earners included.",
    digits: 3,
    read: (k) => k.recycling.giniOfCreditsEarned,
  },
  {
    key: "parking_occupancy",
    title: "Parking occupancy",
    unit: "share of offered hours",
    meaning: "Booked hours (cancelled bookings left out) over the hours slots were offered.",
    digits: 3,
    read: (k) => k.parking.occupancy.rate,
  },
  {
    key: "parking_revenue",
    title: "Parking revenue",
    unit: "KRW",
    meaning: "What drivers paid: fees, penalties, late-cancel and no-show fees.",
    digits: 0,
    read: (k) => amount(k.parking.charged),
  },
  {
    key: "platform_fees",
    title: "Platform fees to the city",
    unit: "KRW",
    meaning: "The city's cut of parking revenue, received by the treasury.",
    digits: 0,
    read: (k) => amount(k.city.platformFees),
  },
] as const satisfies readonly MetricDefinition[];

export type MetricKey = (typeof METRICS)[number]["key"];

/** One run's value of every metric (null where a ratio is undefined, e.g. nothing paid out). */
export type MetricValues = Readonly<Record<MetricKey, number | null>>;

export function metricValues(kpis: ComparedKpis): MetricValues {
  return Object.fromEntries(METRICS.map((m) => [m.key, m.read(kpis)])) as Record<
    MetricKey,
    number | null
  >;
}

export function metricByKey(key: MetricKey): MetricDefinition {
  const found = METRICS.find((m) => m.key === key);
  if (found === undefined) throw new Error(`unknown metric ${key}`);
  return found;
}
