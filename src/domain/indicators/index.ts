/**
 * Pure rules of the national cockpit: how a target is allocated to the units below it, how a
 * realisation compares with its target (traffic lights), and how ratios aggregate.
 *
 * DOMAIN.md "National targets": indicators, targets and their allocation (Pusat → Kanwil → UPT)
 * are data; realisation is computed from operational records.
 */
import { largestRemainder } from '../premi/split.ts';

export type Direction = 'higher' | 'lower';
/** 'na': the indicator does not apply to the unit (see applicability.ts). */
export type Light = 'green' | 'amber' | 'red' | 'none' | 'na';

/** Thresholds in basis points of the expected value: ≥ green is green, ≥ amber is amber, else red. */
export interface Thresholds {
  green: number;
  amber: number;
}
export const DEFAULT_THRESHOLDS: Thresholds = { green: 10_000, amber: 8_000 };

/**
 * Allocates an integer target to children in proportion to their weights (capacity, population,
 * or 1 each), by largest remainder: the parts always sum exactly to the parent's target.
 * All weights zero spreads the target equally. Ties go to the earlier child (callers sort).
 */
export function allocateTarget(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError(`Target must be an integer ≥ 0: ${total}`);
  if (weights.length === 0) return [];
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) throw new RangeError('Weights must be integers ≥ 0');
  const ws = weights.every((w) => w === 0) ? weights.map(() => 1) : weights;
  return largestRemainder(BigInt(total), ws.map((w) => BigInt(w))).map((p) => Number(p));
}

/**
 * The part of a yearly target expected by the end of `monthsElapsed` months (1–12): pro rata for
 * targets that accumulate over the year (sum), the whole target for levels (last, ratios).
 */
export function expectedToDate(target: number, monthsElapsed: number, accumulates: boolean): number {
  if (!accumulates) return target;
  const m = Math.min(12, Math.max(0, monthsElapsed));
  return Math.round((target * m) / 12);
}

/**
 * Traffic light of a realisation against what was expected, direction-aware:
 * - higher is better: attainment = realised / expected;
 * - lower is better: attainment = expected / realised (a realisation at or under the ceiling is
 *   full attainment; a ceiling of zero — zero overstaying — is met only by zero).
 * No target (null) gives 'none'.
 */
export function trafficLight(realised: number, expected: number | null, direction: Direction, t: Thresholds = DEFAULT_THRESHOLDS): Light {
  if (expected === null || !Number.isFinite(expected)) return 'none';
  const bp = attainmentBasisPoints(realised, expected, direction);
  if (bp === null) return 'none';
  if (bp >= t.green) return 'green';
  if (bp >= t.amber) return 'amber';
  return 'red';
}

/** Attainment in basis points (10,000 = fully met), or null when it cannot be said. */
export function attainmentBasisPoints(realised: number, expected: number, direction: Direction): number | null {
  if (direction === 'higher') {
    if (expected <= 0) return realised >= 0 ? 10_000 : 0;
    return Math.floor((realised * 10_000) / expected);
  }
  if (realised <= expected) return 10_000;
  if (expected <= 0) return 0;
  return Math.floor((expected * 10_000) / realised);
}

/** A ratio in basis points from summed numerators and denominators (never an average of ratios). */
export function ratioBasisPoints(numerator: number, denominator: number): number | null {
  if (denominator <= 0) return null;
  return Math.round((numerator * 10_000) / denominator);
}

/**
 * Occupancy, both conventions as published (DOMAIN.md "Who and where"):
 * occupancy ratio = occupants / capacity; overcrowding = (occupants − capacity) / capacity.
 */
export function occupancy(occupants: number, capacity: number): { ratioBasisPoints: number | null; overcrowdingBasisPoints: number | null } {
  if (capacity <= 0) return { ratioBasisPoints: null, overcrowdingBasisPoints: null };
  return {
    ratioBasisPoints: Math.round((occupants * 10_000) / capacity),
    overcrowdingBasisPoints: Math.round(((occupants - capacity) * 10_000) / capacity),
  };
}

/** Months from `from` to `to` inclusive, as 'YYYY-MM-01'. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const ey = Number(to.slice(0, 4));
  const em = Number(to.slice(5, 7));
  while (y < ey || (y === ey && m <= em)) {
    out.push(`${y}-${String(m).padStart(2, '0')}-01`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** The deadline of a month's report: day `day` of the next month. */
export function reportDeadline(month: string, day: number): string {
  let y = Number(month.slice(0, 4));
  let m = Number(month.slice(5, 7)) + 1;
  if (m > 12) {
    m = 1;
    y += 1;
  }
  return `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
