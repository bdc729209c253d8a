/**
 * The few per-event figures the KPIs need that the model's counters do not aggregate:
 * booked units net of cancellations (by district, for occupancy) and which citizens made an
 * accepted deposit (for participation). Fed with the model's outputs as they stream by.
 */
import type { Outcome } from "../model/types.js";

/** What the collector reads of a model output (the model's `ModelOutput` fits). */
export interface OutputForReport {
  outcome: Outcome;
}

export interface OutcomeTotals {
  /** Units (15 min) of bookings that were not cancelled, by slot district. */
  keptUnitsByDistrict: ReadonlyMap<string, number>;
  /** Units of bookings cancelled (free or late), which free their slot again. */
  cancelledUnits: number;
  /** Citizens with at least one deposit that went through (batch or receipt). */
  depositingCitizens: ReadonlySet<string>;
}

export class OutcomeCollector implements OutcomeTotals {
  readonly keptUnitsByDistrict = new Map<string, number>();
  readonly depositingCitizens = new Set<string>();
  cancelledUnits = 0;

  add(output: OutputForReport): void {
    const { outcome } = output;
    if (outcome.status !== "ok") return;
    const effect = outcome.effect;
    if (effect.type === "booked") this.addUnits(effect.district, effect.units);
    if (effect.type === "closed" && isCancel(effect.closing)) {
      this.addUnits(effect.district, -effect.units);
      this.cancelledUnits += effect.units;
    }
    if (effect.type === "deposited") this.depositingCitizens.add(effect.citizen);
  }

  private addUnits(district: string, units: number): void {
    this.keptUnitsByDistrict.set(district, (this.keptUnitsByDistrict.get(district) ?? 0) + units);
  }
}

function isCancel(closing: string): boolean {
  return closing === "freeCancel" || closing === "lateCancel";
}
