/**
 * The shape of kpis.json. Money (KRW, credits) is a decimal string, since JSON numbers lose
 * whole numbers beyond 2^53 and money is exact everywhere else; counts, kilograms, hours,
 * gas and ratios are JSON numbers. A ratio is `null` where its denominator is 0.
 */
import type { GasStats } from "./gas.js";
import type { SeriesKpis } from "./series-types.js";

/** A bigint amount written in decimal (`"12500"`); read it back with `BigInt(value)`. */
export type Decimal = string;

export const KPIS_FORMAT = "city-pilot-sim/kpis/v1";

/** The note kpis.json carries so that a reader needs no other document. */
export const KPI_UNITS: Readonly<Record<string, string>> = {
  money:
    "KRW and credits are decimal strings of whole units (1 credit = 1 KRW face value); parse with BigInt",
  kg: "kilograms as numbers: grams / 1000, exact to the gram",
  hours: "hours as numbers; a parking unit is 15 minutes, so a unit-hour is 4 units",
  ratios:
    "ratios are numbers in [0, 1] unless named per kg or per hour; null where undefined (0 / 0)",
  gas: "gas units; median and p90 interpolate between ranks (numpy default)",
  series:
    "series: the charts' figures; hours of day and days are KST; gas costs in KRW are numbers (an estimate at series.gasCost's prices)",
};

export interface OccupancyFigures {
  /** Booked hours of bookings not cancelled / hours the slots were offered. */
  rate: number | null;
  bookedUnitHours: number;
  availableUnitHours: number;
}

export interface ParkingKpis {
  slots: number;
  bookings: number;
  /** Over the run's days (see `runDays` of kpis.json). */
  occupancy: OccupancyFigures & { byDistrict: Record<string, OccupancyFigures> };
  /** Hours between check-in and check-out. */
  parkedHours: number;
  /** Fees, overstay penalties, late-cancel fees and no-show fees: what drivers paid. */
  charged: Decimal;
  penalties: Decimal;
  cancelFees: Decimal;
  /** Slot owners' share of `charged`, by owner (every slot owner, 0 included). */
  revenueByOwner: Record<string, Decimal>;
  /** `charged` (owner share + platform fee) by slot district (every district with a slot). */
  revenueByDistrict: Record<string, Decimal>;
  /** `charged` / `parkedHours`: what a driver pays per hour actually parked, KRW per hour. */
  averageCostPerDriverHour: number | null;
  checkIns: number;
  checkOuts: number;
  cancellations: { free: number; late: number; total: number };
  noShows: number;
  /** Check-outs later than end + grace. */
  overstays: number;
  /** Credits redeemed through the treasury to pay bookings. */
  creditsUsed: Decimal;
  /** KRW refunded to drivers beyond the KRW they paid in: credits turned into KRW. */
  creditsCashedOutThroughRefunds: Decimal;
}

export interface RecyclingKpis {
  /** Deposits that went through (kiosk batch entries and receipts). */
  deposits: number;
  viaReceipt: number;
  /** Batch entries the contract skipped, by reason. */
  rejected: number;
  rejectedByReason: Record<string, number>;
  /** Receipts that reverted, by reason (expired, reused, or breaking a deposit rule). */
  receiptsRefusedByReason: Record<string, number>;
  /** Everything kiosks took in, daily-cap excess included. */
  kgCollected: number;
  kgCollectedByMaterial: Record<string, number>;
  /** Grams under the citizens' daily cap: the grams that earn. */
  kgAccepted: number;
  kgAcceptedByMaterial: Record<string, number>;
  creditsMinted: { atDeposits: Decimal; atClaims: Decimal; total: Decimal };
  creditsMintedByEpoch: Record<string, Decimal>;
  claims: number;
  /** Rewards owed but not minted because the epoch's mint cap was reached. */
  creditsCutByMintCap: Decimal;
  /** Credits minted per kg collected. */
  creditsPerKg: number | null;
  /** Credits minted per kg accepted. */
  creditsPerAcceptedKg: number | null;
  participation: { citizensJoined: number; citizensDepositing: number; rate: number | null };
  /** Gini of credits earned (deposits + claims) over every citizen who joined, zeros included. */
  giniOfCreditsEarned: number | null;
}

export interface CityKpis {
  treasuryFunding: Decimal;
  treasuryBalance: Decimal;
  /** Credits the treasury redeemed (burned) for KRW: merchants' and those paid into parking. */
  creditsRedeemed: Decimal;
  redeemedByMerchants: Decimal;
  redeemedIntoParking: Decimal;
  /** Parking platform fees received by the treasury. */
  platformFees: Decimal;
  /** `creditsRedeemed - platformFees` (negative when fees exceed redemptions). */
  netCost: Decimal;
  /** `creditsRedeemed` / kg collected: KRW the treasury paid out per kg, KRW per kg. */
  krwPaidOutPerKg: number | null;
  creditsSpentAtMerchants: Decimal;
  /** Credits minted and not yet redeemed: the city's outstanding liability. */
  creditsOutstanding: Decimal;
}

export interface CountKpis {
  events: number;
  transactions: number;
  blocks: number;
  /** The model's outcome per kind: ok, failed (reverts) and rejected (batch entries skipped). */
  outcomesByKind: Record<string, { ok: number; failed: number; rejected: number }>;
}

/** Gas per operation (the run's event, transaction and block counts are under `counts`). */
export type GasKpis = Omit<GasStats, "events" | "transactions" | "blocks">;

export interface Kpis {
  format: typeof KPIS_FORMAT;
  units: Readonly<Record<string, string>>;
  /** The KST days occupancy is measured over. */
  runDays: { first: string; days: number };
  parking: ParkingKpis;
  recycling: RecyclingKpis;
  city: CityKpis;
  gas: GasKpis;
  counts: CountKpis;
  /** The figures behind report.html's charts. */
  series: SeriesKpis;
}
