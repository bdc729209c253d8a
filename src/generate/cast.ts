/**
 * The cast of a run: every actor and slot the scenario asks for, with the traits drawn for
 * them once at the start (an owner's slots and prices, a citizen's participation and home
 * kiosk, a kiosk's capacity). Drawn from streams of their own, so the cast is the same
 * whatever scheme is run.
 */
import type { Scenario } from "../scenario/scenario-schema.js";
import type { Role } from "../scenario/trace-schema.js";
import { weeklyAvailability, type WeeklyAvailability } from "./availability.js";
import * as names from "./names.js";
import { cumulative, DayStreams, streamFor, type Random } from "./random.js";

export interface DistrictCast {
  name: string;
  /** Weight of this district as a destination of trips from other districts. */
  population: number;
  slots: number[];
  kiosks: number[];
  merchants: number[];
}

export interface Slot {
  name: string;
  owner: string;
  district: number;
  /** The current price (slot.price events change it). */
  unitPrice: bigint;
  prices: { min: number; max: number; step: number };
  entries: readonly string[];
  availability: WeeklyAvailability;
}

export interface Driver {
  name: string;
  district: number;
  /** Starting KRW (a citizen-driver's includes the citizen's). */
  krw: bigint;
  /** Index in `citizens` when the person is also a citizen (may pay with credits). */
  citizen: number | undefined;
}

export interface Citizen {
  name: string;
  district: number;
  /** Recycles at all (behaviour.citizens.participation). */
  recycles: boolean;
  /** Spends credits at merchants (spending.spenderShare). */
  spends: boolean;
  /** The kiosk the citizen goes to first; undefined when the city has none. */
  homeKiosk: number | undefined;
  /** One stream per day (deposits, spending): undefined for a citizen who never recycles. */
  days: DayStreams | undefined;
}

export interface Kiosk {
  name: string;
  district: number;
  capacityGrams: number;
}

export interface Person {
  name: string;
  roles: Role[];
  krw: bigint;
  district: string;
  capacityGrams?: number;
}

export interface Cast {
  districts: DistrictCast[];
  /** In join order. */
  people: Person[];
  owners: string[];
  slots: Slot[];
  drivers: Driver[];
  citizens: Citizen[];
  kiosks: Kiosk[];
  merchants: { name: string; district: number }[];
}

/** Persons of one district in both roles: `driversAlsoCitizens` of its drivers. */
function bothRolesCount(scenario: Scenario, drivers: number, citizens: number): number {
  return Math.min(citizens, Math.round(drivers * scenario.actors.driversAlsoCitizens));
}

/** A price rounded to a multiple of `step` (at least one step). */
export function roundPrice(value: number, step: number): bigint {
  return BigInt(Math.max(step, Math.round(value / step) * step));
}

/** Builds the cast. Draws: `cast` (owners' slots, kiosks), `citizen/<name>` per citizen. */
export function buildCast(scenario: Scenario, seed: number): Cast {
  const random = streamFor(seed, "cast");
  const cast: Cast = {
    districts: [],
    people: [],
    owners: [],
    slots: [],
    drivers: [],
    citizens: [],
    kiosks: [],
    merchants: [],
  };
  const counters = { driver: 0, citizen: 0, both: 0 };
  const krw = scenario.actors.startingKrw;

  scenario.districts.forEach((d, district) => {
    const place: DistrictCast = {
      name: d.name,
      population: d.population ?? 1,
      slots: [],
      kiosks: [],
      merchants: [],
    };
    cast.districts.push(place);
    addOwners(cast, scenario, random, district);
    addPlaces(cast, scenario, random, district);
  });
  // People come second, so that a citizen's home kiosk can be in any district.
  scenario.districts.forEach((d, district) => {
    const both = bothRolesCount(scenario, d.actors.drivers, d.actors.citizens);
    const addCitizen = (name: string, roles: Role[], money: bigint): number => {
      cast.people.push({ name, roles, krw: money, district: d.name });
      cast.citizens.push(drawCitizen(scenario, seed, name, district, cast));
      return cast.citizens.length - 1;
    };
    for (let i = 0; i < both; i++) {
      const name = names.citizenDriverName(++counters.both);
      const money = krw.driver + krw.citizen;
      const citizen = addCitizen(name, ["citizen", "driver"], money);
      cast.drivers.push({ name, district, krw: money, citizen });
    }
    for (let i = both; i < d.actors.drivers; i++) {
      const name = names.driverName(++counters.driver);
      cast.people.push({ name, roles: ["driver"], krw: krw.driver, district: d.name });
      cast.drivers.push({ name, district, krw: krw.driver, citizen: undefined });
    }
    for (let i = both; i < d.actors.citizens; i++) {
      addCitizen(names.citizenName(++counters.citizen), ["citizen"], krw.citizen);
    }
  });
  return cast;
}

/** The district's owners and their slots (count, price and availability pattern drawn). */
function addOwners(cast: Cast, scenario: Scenario, random: Random, district: number): void {
  const d = scenario.districts[district];
  const behaviour = scenario.behaviour.owners;
  const place = cast.districts[district];
  if (d === undefined || place === undefined) return;
  const patterns = behaviour.availability.map((p) => ({
    entries: p.availability,
    availability: weeklyAvailability(p.availability),
  }));
  const patternWeights = cumulative(behaviour.availability.map((p) => p.share));
  const prices = { ...(d.unitPrice ?? behaviour.unitPrice), step: behaviour.priceStep };
  for (let i = 0; i < d.actors.owners; i++) {
    const owner = names.ownerName(cast.owners.length + 1);
    cast.owners.push(owner);
    cast.people.push({
      name: owner,
      roles: ["owner"],
      krw: scenario.actors.startingKrw.owner,
      district: d.name,
    });
    const count = random.intBetween(behaviour.slotsPerOwner.min, behaviour.slotsPerOwner.max);
    for (let s = 0; s < count; s++) {
      const unitPrice = roundPrice(random.intBetween(prices.min, prices.max), prices.step);
      const pattern = patterns[random.pick(patternWeights)];
      if (pattern === undefined) continue;
      place.slots.push(cast.slots.length);
      const name = names.slotName(cast.slots.length + 1);
      cast.slots.push({ name, owner, district, unitPrice, prices, ...pattern });
    }
  }
}

/** The district's kiosks (capacity drawn) and merchants. */
function addPlaces(cast: Cast, scenario: Scenario, random: Random, district: number): void {
  const d = scenario.districts[district];
  const place = cast.districts[district];
  if (d === undefined || place === undefined) return;
  const krw = scenario.actors.startingKrw;
  const capacity = scenario.behaviour.kiosks.capacityGrams;
  for (let i = 0; i < d.actors.kiosks; i++) {
    const name = names.kioskName(cast.kiosks.length + 1);
    const capacityGrams = random.intBetween(capacity.min, capacity.max);
    place.kiosks.push(cast.kiosks.length);
    cast.kiosks.push({ name, district, capacityGrams });
    cast.people.push({ name, roles: ["kiosk"], krw: krw.kiosk, district: d.name, capacityGrams });
  }
  for (let i = 0; i < d.actors.merchants; i++) {
    const name = names.merchantName(cast.merchants.length + 1);
    place.merchants.push(cast.merchants.length);
    cast.merchants.push({ name, district });
    cast.people.push({ name, roles: ["merchant"], krw: krw.merchant, district: d.name });
  }
}

/** A citizen's traits, from the citizen's own stream (its later draws are its days). */
function drawCitizen(
  scenario: Scenario,
  seed: number,
  name: string,
  district: number,
  cast: Cast,
): Citizen {
  const random = streamFor(seed, `citizen/${name}`);
  const behaviour = scenario.behaviour.citizens;
  const recycles = random.chance(behaviour.participation);
  const spends = random.chance(behaviour.spending.spenderShare);
  // The district's kiosks, else (none there) the city's.
  const local = cast.districts[district]?.kiosks ?? [];
  const choices = local.length > 0 ? local : cast.kiosks.map((_, i) => i);
  const homeKiosk = choices[random.below(Math.max(1, choices.length))];
  return {
    name,
    district,
    recycles,
    spends,
    homeKiosk,
    days: recycles ? new DayStreams(random) : undefined,
  };
}
