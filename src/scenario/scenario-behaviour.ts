/**
 * How the actors of a scenario behave: what the seeded generator draws from. One block per
 * kind of actor, every field with a default, so a scenario only writes what it changes.
 * Defaults are the figures of scenarios/README.md (sourced or labelled assumptions).
 */
import { z } from "zod";

import { moneySchema, availabilityEntrySchema } from "./trace-schema.js";
import {
  hourlyProfileSchema,
  materialSharesSchema,
  oddsRangeSchema,
  oddsSchema,
  perMaterialSchema,
  rateSchema,
  sharedListSchema,
  skewedSchema,
  wholeRangeSchema,
  wholeSchema,
} from "./scenario-parts.js";

const MINUTES_PER_WEEK = 7 * 24 * 60;

export const availabilityPatternSchema = z
  .strictObject({
    name: z.string().min(1).optional().describe("A label for reports, e.g. 'daytime'."),
    share: oddsSchema.describe("Share of slots with this pattern; shares add up to 1."),
    availability: z
      .array(availabilityEntrySchema)
      .min(1, "must have at least one range")
      .describe("Weekly KST ranges, as in a trace's slot.register: 'Mon-Fri 09:00-18:00'."),
  })
  .describe("A weekly availability pattern and the share of slots that follow it.");

const DEFAULT_PATTERNS = [
  { name: "daytime", share: 0.5, availability: ["Mon-Fri 09:00-18:00"] },
  {
    name: "night",
    share: 0.3,
    availability: ["Mon-Fri 00:00-08:00", "Mon-Fri 19:00-24:00", "Sat-Sun 00:00-24:00"],
  },
  { name: "always", share: 0.2, availability: ["Mon-Sun 00:00-24:00"] },
];

export const ownersBehaviourSchema = z
  .strictObject({
    slotsPerOwner: wholeRangeSchema
      .refine((r) => r.min >= 1, { message: "must be at least 1", path: ["min"] })
      .default({ min: 1, max: 2 })
      .describe("Slots each owner registers, drawn uniformly."),
    unitPrice: wholeRangeSchema
      .refine((r) => r.min >= 1, { message: "must be at least 1", path: ["min"] })
      .default({ min: 250, max: 350 })
      .describe("KRW per 15-minute unit of a new slot, drawn uniformly (then rounded)."),
    priceStep: wholeSchema
      .min(1, "must be at least 1")
      .default(50)
      .describe("Unit prices are rounded to a multiple of this many KRW."),
    availability: sharedListSchema(availabilityPatternSchema)
      .default(DEFAULT_PATTERNS)
      .describe("Weekly availability patterns of slots, with the share of slots of each."),
    priceChangesPerSlotPerWeek: rateSchema
      .default(0)
      .describe("Expected slot.price events per slot per week (the new price is drawn anew)."),
  })
  .describe("Slot owners: how many slots they share, at what price, when.");

const WEEKDAY_ARRIVALS = [
  0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 1.5, 4, 6, 5, 4, 4.5, 5, 4.5, 4, 4, 4, 4.5, 5, 4.5, 3.5, 2.5, 1.5,
  0.6,
];
const WEEKEND_ARRIVALS = [
  0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1, 2, 3, 4, 4.5, 4.5, 4.5, 4.5, 4.5, 4, 4, 4, 4, 3, 2, 1.2,
  0.5,
];

export const driversBehaviourSchema = z
  .strictObject({
    tripsPerWeek: rateSchema
      .default(3)
      .describe("Expected bookings per driver per week (Poisson), before cancellations."),
    weekdayArrivals: hourlyProfileSchema
      .default(WEEKDAY_ARRIVALS)
      .describe(
        "Relative weight of each hour (KST) of a Mon-Fri day as a booking start. Weekday and " +
          "weekend weights share one scale: a weekend hour of weight 2 gets half the starts of " +
          "a weekday hour of weight 4.",
      ),
    weekendArrivals: hourlyProfileSchema
      .default(WEEKEND_ARRIVALS)
      .describe("Relative weight of each hour (KST) of a Sat/Sun day, on the weekday scale."),
    otherDistrictShare: oddsSchema
      .default(0.2)
      .describe("Share of trips to a slot outside the driver's district (weighted by population)."),
    stayMinutes: skewedSchema("minutes", { min: 15, max: 24 * 60 })
      .default({ mean: 130, sd: 90, min: 15, max: 24 * 60 })
      .describe("Booked length (rounded up to 15-minute units, at most 96 units)."),
    leadMinutes: skewedSchema("minutes", { min: 0, max: MINUTES_PER_WEEK })
      .default({ mean: 180, sd: 300, min: 15, max: 3 * 24 * 60 })
      .describe("Time from booking to the booked start."),
    checkInOffsetMinutes: z
      .strictObject({
        min: z.number().min(-15, "check-in opens 15 minutes before the start"),
        max: z.number(),
      })
      .refine((r) => r.min <= r.max, { message: "min must not exceed max", path: ["max"] })
      .default({ min: -15, max: 15 })
      .describe("Check-in time relative to the booked start, in minutes, drawn uniformly."),
    cancelOdds: oddsSchema.default(0.08).describe("Odds that a booking is cancelled."),
    lateCancelShare: oddsSchema
      .default(0.3)
      .describe("Share of cancellations made less than freeCancelSeconds before the start."),
    noShowOdds: oddsSchema
      .default(0.03)
      .describe("Odds that a booking not cancelled is never checked in (settled by a keeper)."),
    overstayOdds: oddsSchema
      .default(0.1)
      .describe("Odds that a checked-in driver leaves after the booked end."),
    overstayMinutes: skewedSchema("minutes", { min: 1, max: 24 * 60 })
      .default({ mean: 25, sd: 20, min: 1, max: 180 })
      .describe("How long after the booked end an overstaying driver checks out."),
    earlyLeaveMinutes: wholeRangeSchema
      .default({ min: 0, max: 20 })
      .describe("A punctual driver checks out this many minutes before the end, uniformly."),
    creditPayment: z
      .strictObject({
        share: oddsSchema
          .default(0.3)
          .describe("Share of bookings by drivers holding credits that use some of them."),
        maxFeeShare: oddsSchema
          .default(1)
          .describe("At most this share of the fee is paid with credits."),
      })
      .prefault({})
      .describe("Paying parking with recycling credits (drivers who are also citizens)."),
  })
  .describe("Drivers: when they book, for how long, and how they keep their bookings.");

const RECYCLING_HOURS = [
  0, 0, 0, 0, 0, 0, 0.5, 1.5, 2.5, 2.5, 2.5, 2.5, 3, 3, 3, 3, 3, 3.5, 4, 4, 3.5, 2.5, 1, 0,
];

const gramsSchema = skewedSchema("grams", { min: 1, max: 20_000 });

export const citizensBehaviourSchema = z
  .strictObject({
    participation: oddsSchema
      .default(0.6)
      .describe("Share of citizens who recycle at kiosks at all."),
    depositsPerWeek: rateSchema
      .default(1.5)
      .describe("Expected deposits per participating citizen per week (Poisson)."),
    hourly: hourlyProfileSchema
      .default(RECYCLING_HOURS)
      .describe("Relative weight of each hour (KST) as a deposit time."),
    materialMix: materialSharesSchema({
      CLEAR_PET: 0.3,
      PET: 0.2,
      HDPE: 0.15,
      PP: 0.2,
      PS: 0.1,
      OTHER: 0.05,
    }).describe("Share of deposits of each material; shares add up to 1."),
    gramsPerDeposit: perMaterialSchema(
      gramsSchema,
      {
        CLEAR_PET: { mean: 250, sd: 150, min: 10, max: 5000 },
        PET: { mean: 300, sd: 200, min: 10, max: 5000 },
        HDPE: { mean: 400, sd: 250, min: 20, max: 5000 },
        PP: { mean: 300, sd: 200, min: 10, max: 5000 },
        PS: { mean: 150, sd: 100, min: 5, max: 5000 },
        OTHER: { mean: 200, sd: 150, min: 5, max: 5000 },
      },
      "Grams of one deposit",
    ).describe("Grams of one deposit, per material."),
    gramsPerItem: perMaterialSchema(
      z.number().positive("must be greater than 0"),
      { CLEAR_PET: 16, PET: 19, HDPE: 40, PP: 20, PS: 8, OTHER: 15 },
      "Average grams of one item",
    ).describe("Weight of one item (a bottle, a cup), per material: items = round(grams / this)."),
    receiptShare: oddsSchema
      .default(0.3)
      .describe("Share of deposits sent by the citizen as a kiosk-signed receipt (else batched)."),
    receiptDelayMinutes: wholeRangeSchema
      .default({ min: 0, max: 120 })
      .describe("Minutes from the deposit to the citizen sending its receipt, uniformly."),
    receiptExpiryMinutes: wholeSchema
      .min(1, "must be at least 1")
      .default(24 * 60)
      .describe("A receipt expires this many minutes after it is issued."),
    spending: z
      .strictObject({
        spenderShare: oddsSchema
          .default(0.8)
          .describe("Share of citizens who spend credits at merchants."),
        minBalance: moneySchema
          .prefault(1000)
          .describe("A citizen spends only once holding at least this many credits."),
        dailyOdds: oddsSchema
          .default(0.3)
          .describe("Odds per day that a spender holding minBalance spends."),
        balanceShare: oddsRangeSchema
          .default({ min: 0.3, max: 1 })
          .describe("Share of the balance spent at once, drawn uniformly."),
      })
      .prefault({})
      .describe("Spending credits at merchants (credit.spend)."),
    rewardElasticity: z
      .strictObject({
        elasticity: z
          .number()
          .min(0, "must not be negative")
          .max(5, "must be at most 5")
          .describe("Deposit frequency changes by this factor times the reward's relative change."),
        referenceCreditsPerKg: z
          .number()
          .positive("must be greater than 0")
          .describe("The reward level (credits per kg) at which depositsPerWeek holds."),
      })
      .optional()
      .describe("Optional response of recycling frequency to the reward level (compare runs)."),
  })
  .describe("Citizens: how often they recycle, what, and how they spend credits.");

export const kiosksBehaviourSchema = z
  .strictObject({
    capacityGrams: wholeRangeSchema
      .refine((r) => r.min >= 1, { message: "must be at least 1", path: ["min"] })
      .default({ min: 40_000, max: 60_000 })
      .describe("Daily intake capacity of a kiosk in grams, drawn uniformly per kiosk."),
    batchMinutes: wholeSchema
      .min(1, "must be at least 1")
      .max(24 * 60, "must be at most 1440")
      .default(60)
      .describe("A kiosk sends its pending deposits as one batch every this many minutes."),
  })
  .describe("Kiosks (reverse vending machines).");

export const merchantsBehaviourSchema = z
  .strictObject({
    redeemEveryDays: wholeSchema
      .min(1, "must be at least 1")
      .default(1)
      .describe("A merchant redeems its credits every this many days."),
    redeemMinCredits: moneySchema
      .prefault(1000)
      .describe("A merchant redeems only once holding at least this many credits."),
    redeemHour: wholeSchema
      .max(23, "must be at most 23")
      .default(21)
      .describe("Hour of the day (KST) at which merchants redeem."),
  })
  .describe("Merchants who accept credits.");

export const behaviourSchema = z
  .strictObject({
    owners: ownersBehaviourSchema.prefault({}),
    drivers: driversBehaviourSchema.prefault({}),
    citizens: citizensBehaviourSchema.prefault({}),
    kiosks: kiosksBehaviourSchema.prefault({}),
    merchants: merchantsBehaviourSchema.prefault({}),
  })
  .describe("Behaviour of each kind of actor; every field has a default.");

export type Behaviour = z.output<typeof behaviourSchema>;
