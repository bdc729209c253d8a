/**
 * The `series` section of kpis.json: the figures behind report.html's charts, so that every
 * number the page draws can be checked against the JSON. Same conventions as the rest of
 * kpis.json: money of the run is a decimal string, kg and ratios are numbers, a ratio whose
 * denominator is 0 is null.
 */
import type { Decimal } from "./kpi-types.js";

/** One district's (or all districts') occupancy by KST hour of day, 24 entries each. */
export interface HourlyOccupancy {
  /** Booked hours / offered hours in that hour of day over the run; null where none offered. */
  rate: (number | null)[];
  bookedUnitHours: number[];
  availableUnitHours: number[];
}

export interface OccupancyByHour {
  /** 0 to 23: the KST hour each entry starts at. */
  hours: number[];
  all: HourlyOccupancy;
  byDistrict: Record<string, HourlyOccupancy>;
}

export interface KgByDay {
  /** KST dates, `2026-04-06`, every day from the run's first to the last day with data. */
  days: string[];
  /** kg collected (daily-cap excess included) by material, one entry per day. */
  byMaterial: Record<string, number[]>;
}

export interface CreditsByDay {
  days: string[];
  /** At deposits + at budget-pool claims, per day. */
  minted: Decimal[];
  mintedAtDeposits: Decimal[];
  mintedAtClaims: Decimal[];
  /** By merchants + into parking, per day: what the treasury burned for KRW. */
  redeemed: Decimal[];
  redeemedByMerchants: Decimal[];
  redeemedIntoParking: Decimal[];
  /** Minted minus redeemed since the run began, at each day's end: the supply then. */
  outstandingAtDayEnd: Decimal[];
}

/** One point of the Lorenz curve: the poorest `population` share earned `credits` share. */
export interface LorenzPoint {
  population: number;
  credits: number;
}

export interface CreditDistribution {
  /** Every citizen who joined, zeros included (as for the Gini). */
  citizens: number;
  /** From (0, 0) to (1, 1), citizens sorted by credits earned; at most 101 points. */
  lorenz: LorenzPoint[];
  gini: number | null;
}

/** Gas of one operation kind priced in KRW. */
export interface GasCostOfKind {
  count: number;
  meanGas: number;
  totalGas: number;
  /** Mean gas x gas price x KRW per ETH. */
  krwPerOperation: number;
  krwTotal: number;
}

export interface GasCost {
  gasPriceGwei: number;
  krwPerEth: number;
  /** The prices that are the report's default assumption rather than given for the run. */
  assumed: ("gasPriceGwei" | "krwPerEth")[];
  /** Where the two prices came from: the run's options or the documented assumptions. */
  note: string;
  /** Operations that went through, by kind. */
  byKind: Record<string, GasCostOfKind>;
  /** Every transaction of the run, reverted ones included. */
  totalGas: number;
  totalKrw: number;
}

export interface SeriesKpis {
  occupancyByHour: OccupancyByHour;
  kgByDay: KgByDay;
  creditsByDay: CreditsByDay;
  creditDistribution: CreditDistribution;
  gasCost: GasCost;
}
