/**
 * The KPI tables of report.html: each indicator with its value, unit and a one-line meaning
 * a policy analyst can act on.
 */
import { figure, groupDigits, kg, num, percent, table, type Cell } from "./html.js";
import type { Decimal, Kpis } from "./kpi-types.js";

type Row = [indicator: string, value: Cell, meaning: string];

const HEADERS = ["Indicator", "Value", "Meaning"];

const krw = (amount: Decimal): Cell => figure(`${groupDigits(amount)} KRW`);
const credits = (amount: Decimal): Cell => figure(`${groupDigits(amount)} credits`);
const count = (n: number): Cell => figure(groupDigits(String(n)));
const hours = (h: number): Cell => figure(`${num(h)} h`);

/** A two-column breakdown (owner, district, material, reason...) as a table. */
function breakdown(headers: [string, string], entries: [string, Cell][]): string {
  return entries.length === 0 ? "" : table(headers, entries);
}

export function parkingTables({ parking: p, runDays }: Kpis): string[] {
  const rows: Row[] = [
    [
      "Slot occupancy",
      figure(percent(p.occupancy.rate)),
      `Share of the hours slots were offered on the ${runDays.days} day(s) from ${runDays.first} that were booked; cancelled bookings excluded, no-shows included.`,
    ],
    [
      "Hours booked",
      hours(p.occupancy.bookedUnitHours),
      "Slot hours held by bookings that were not cancelled.",
    ],
    [
      "Hours offered",
      hours(p.occupancy.availableUnitHours),
      "Slot hours inside the owners' weekly availability over the run's days.",
    ],
    ["Hours parked", hours(p.parkedHours), "Time between check-in and check-out, all drivers."],
    [
      "Slots / bookings",
      figure(`${p.slots} / ${p.bookings}`),
      "Slots registered; bookings that went through.",
    ],
    [
      "Charged to drivers",
      krw(p.charged),
      "Parking fees, overstay penalties, late-cancel and no-show fees.",
    ],
    [
      "Average cost per hour parked",
      figure(`${num(p.averageCostPerDriverHour)} KRW/h`),
      "Charged to drivers divided by hours parked.",
    ],
    [
      "Overstay penalties",
      krw(p.penalties),
      "Charged for leaving later than the booking's end plus grace.",
    ],
    [
      "Free / late cancellations",
      figure(`${p.cancellations.free} / ${p.cancellations.late}`),
      "Cancelled at least the free-cancel notice before start / later (part of the fee kept).",
    ],
    [
      "No-shows",
      count(p.noShows),
      "Bookings never checked in, settled after their end (fee kept).",
    ],
    ["Overstays", count(p.overstays), "Check-outs later than the booking's end plus grace."],
    [
      "Credits used for parking",
      credits(p.creditsUsed),
      "Recycling credits spent on bookings (redeemed by the treasury).",
    ],
    [
      "Credits cashed out through parking refunds",
      krw(p.creditsCashedOutThroughRefunds),
      "KRW refunded beyond the KRW paid: credits turned into cash by cancelling a credit-paid booking.",
    ],
  ];
  const byDistrict = Object.entries(p.occupancy.byDistrict).map(
    ([d, o]): [string, Cell, Cell, Cell] => [
      d,
      figure(percent(o.rate)),
      hours(o.bookedUnitHours),
      hours(o.availableUnitHours),
    ],
  );
  return [
    table(HEADERS, rows),
    table(["District", "Occupancy", "Hours booked", "Hours offered"], byDistrict),
    breakdown(
      ["Slot owner", "Owner revenue (after platform fee)"],
      Object.entries(p.revenueByOwner).map(([o, a]) => [o, krw(a)]),
    ),
    breakdown(
      ["District", "Revenue (owner share + platform fee)"],
      Object.entries(p.revenueByDistrict).map(([d, a]) => [d, krw(a)]),
    ),
  ];
}

function reasons(title: string, byReason: Record<string, number>): string {
  return breakdown(
    [title, "Count"],
    Object.entries(byReason).map(([r, n]) => [r, count(n)]),
  );
}

export function recyclingTables({ recycling: r }: Kpis): string[] {
  const rows: Row[] = [
    [
      "Plastic collected",
      figure(`${kg(r.kgCollected)} kg`),
      "Everything kiosks took in, including grams over a citizen's daily cap.",
    ],
    [
      "Plastic accepted for rewards",
      figure(`${kg(r.kgAccepted)} kg`),
      "Grams under each citizen's daily cap: the grams that earn credits.",
    ],
    [
      "Deposits",
      figure(`${r.deposits} (${r.viaReceipt} by receipt)`),
      "Deposits that went through, kiosk batches and signed receipts.",
    ],
    ["Rejected deposits", count(r.rejected), "Batch entries the contract skipped (reasons below)."],
    [
      "Credits minted",
      credits(r.creditsMinted.total),
      `At deposits ${groupDigits(r.creditsMinted.atDeposits)}, at budget-pool claims ${groupDigits(r.creditsMinted.atClaims)}.`,
    ],
    [
      "Credits per kg",
      figure(`${num(r.creditsPerKg)} credits/kg`),
      "Credits minted per kg collected: the reward rate the city actually paid.",
    ],
    [
      "Credits cut by the mint cap",
      credits(r.creditsCutByMintCap),
      "Rewards owed but not minted because the epoch's cap was reached.",
    ],
    [
      "Participation rate",
      figure(percent(r.participation.rate)),
      `${r.participation.citizensDepositing} of ${r.participation.citizensJoined} citizens made at least one accepted deposit.`,
    ],
    [
      "Gini of credits earned",
      figure(num(r.giniOfCreditsEarned)),
      "0: every citizen earned the same; 1: one citizen earned all. Citizens who earned nothing count as 0.",
    ],
  ];
  const materials = Object.keys(r.kgCollectedByMaterial).map((m): Cell[] => [
    m,
    figure(kg(r.kgCollectedByMaterial[m] ?? 0)),
    figure(kg(r.kgAcceptedByMaterial[m] ?? 0)),
  ]);
  return [
    table(HEADERS, rows),
    table(["Material", "Collected (kg)", "Accepted (kg)"], materials),
    reasons("Rejected deposit reason", r.rejectedByReason),
    reasons("Refused receipt reason", r.receiptsRefusedByReason),
  ];
}

export function cityTable({ city: c }: Kpis): string {
  const rows: Row[] = [
    [
      "Net cost to the city",
      krw(c.netCost),
      "Credits redeemed for KRW minus parking platform fees received (negative: a surplus).",
    ],
    [
      "Treasury KRW paid out per kg",
      figure(`${num(c.krwPaidOutPerKg)} KRW/kg`),
      "Credits redeemed divided by kg of plastic collected.",
    ],
    [
      "Credits redeemed",
      krw(c.creditsRedeemed),
      `By merchants ${groupDigits(c.redeemedByMerchants)}, into parking ${groupDigits(c.redeemedIntoParking)}.`,
    ],
    [
      "Platform fees",
      krw(c.platformFees),
      "The city's share of parking fees, penalties and cancel fees.",
    ],
    [
      "Credits spent at merchants",
      credits(c.creditsSpentAtMerchants),
      "Credits citizens paid to registered merchants.",
    ],
    [
      "Credits outstanding",
      credits(c.creditsOutstanding),
      "Minted and not yet redeemed: what the city may still have to pay.",
    ],
    [
      "Treasury funding / balance",
      figure(`${groupDigits(c.treasuryFunding)} / ${groupDigits(c.treasuryBalance)} KRW`),
      "Budget put into the treasury; what it holds at the end.",
    ],
  ];
  return table(HEADERS, rows);
}
