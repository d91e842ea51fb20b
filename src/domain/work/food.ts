/**
 * Food security ("ketahanan pangan"): planted area and harvest by sector, and the meal-supplier
 * offtake check. Sources: DOMAIN.md "Work and production" (land plots in ha, planting, harvest in
 * kg by sector; since 2025 meal suppliers must buy at least 5% of prison-farm output) and
 * "National targets" (Resolusi Pemasyarakatan 2020 point 08: 100 ha of food crops planted).
 *
 * Integers only: areas in m² (1 ha = 10,000 m², so 0.25 ha = 2,500 m²), harvests in grams (or any
 * one integer unit the caller keeps consistently), shares in basis points.
 *
 * Choices where the brief is silent:
 * - A planting counts in the period it is PLANTED (its `plantedOn` date), whole, however long it
 *   grows; a plot planted twice in a period counts twice. That is cumulative planted area, the way
 *   the "100 ha planted" target reads ("ditanami"), not the area under crop on one day.
 * - Periods are inclusive at both ends ({ from, to }, as officers write "1–31 Jan").
 * - Plantings or harvests of a category with no food sector (e.g. kerajinan) are left out of the
 *   totals and listed, so a mis-categorised record is visible rather than silently counted.
 * - The offtake share is floored to the basis point (a display never overstates compliance) and
 *   the ≥ 5% test is exact (offtake × 10,000 ≥ 500 × harvest), so 4.999% never passes.
 */
import { compareDates } from '../calendar/date.ts';
import type { IsoDate } from '../calendar/date.ts';
import { FOOD_SECTORS, sectorOf } from './activity.ts';
import type { ActivityCategory, FoodSector } from './activity.ts';
import { groupThousands } from './text.ts';
import type { Lang } from './text.ts';

export { sectorOf };

export const M2_PER_HECTARE = 10_000;

/** Since 2025, suppliers of prison meals buy ≥ 5% of prison-farm output (DOMAIN.md). Configurable. */
export const MEAL_SUPPLIER_MIN_OFFTAKE_BP = 500;

export interface DatePeriod {
  from: IsoDate;
  to: IsoDate;
}

export function inPeriod(date: IsoDate, period: DatePeriod): boolean {
  return compareDates(date, period.from) >= 0 && compareDates(date, period.to) <= 0;
}

/**
 * "1,25" or "1.25" hectares → 12,500 m²; at most 4 decimals (1 m²). Either mark is read as the
 * decimal separator (farm areas are never written with thousands separators); null otherwise.
 */
export function parseHectares(text: string): number | null {
  const m = /^(\d+)(?:[.,](\d{1,4}))?$/u.exec(text.trim());
  if (m === null) return null;
  const whole = Number(m[1]);
  const fraction = Number((m[2] ?? '').padEnd(4, '0'));
  const m2 = whole * M2_PER_HECTARE + fraction;
  return Number.isSafeInteger(m2) ? m2 : null;
}

/** 12,500 m² → "1,25 ha" (id) / "1.25 ha" (en); trailing zeros dropped. */
export function formatHectares(m2: number, lang: Lang): string {
  if (!Number.isSafeInteger(m2) || m2 < 0) throw new RangeError(`Area must be whole m² ≥ 0: ${m2}`);
  const whole = Math.floor(m2 / M2_PER_HECTARE);
  const fraction = String(m2 % M2_PER_HECTARE).padStart(4, '0').replace(/0+$/u, '');
  const mark = lang === 'id' ? ',' : '.';
  return `${groupThousands(whole, lang)}${fraction === '' ? '' : mark + fraction} ha`;
}

/** 99,930,500 g → "99.930,5 kg" (id) / "99,930.5 kg" (en). */
export function formatKg(grams: number, lang: Lang): string {
  if (!Number.isSafeInteger(grams) || grams < 0) throw new RangeError(`Weight must be whole grams ≥ 0: ${grams}`);
  const fraction = String(grams % 1000).padStart(3, '0').replace(/0+$/u, '');
  const mark = lang === 'id' ? ',' : '.';
  return `${groupThousands(Math.floor(grams / 1000), lang)}${fraction === '' ? '' : mark + fraction} kg`;
}

export interface Planting {
  id: string;
  plotId: string;
  crop: string;
  category: ActivityCategory;
  areaM2: number;
  plantedOn: IsoDate;
}

export interface Harvest {
  id: string;
  plotId: string;
  category: ActivityCategory;
  harvestedOn: IsoDate;
  grams: number;
}

export interface SectorTotals {
  total: number;
  bySector: Record<FoodSector, number>;
  /** Ids of records in the period whose category has no food sector. */
  excluded: string[];
}

function emptySectors(): Record<FoodSector, number> {
  return Object.fromEntries(FOOD_SECTORS.map((s) => [s, 0])) as Record<FoodSector, number>;
}

function totalsBySector<T extends { id: string; category: ActivityCategory }>(records: readonly T[], amount: (r: T) => number): SectorTotals {
  const bySector = emptySectors();
  const excluded: string[] = [];
  let total = 0;
  for (const r of records) {
    const sector = sectorOf(r.category);
    const value = amount(r);
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`Amount of ${r.id} must be an integer ≥ 0: ${value}`);
    if (sector === null) {
      excluded.push(r.id);
      continue;
    }
    bySector[sector] += value;
    total += value;
  }
  return { total, bySector, excluded };
}

/**
 * m² planted in the period, by sector (Resolusi Pemasyarakatan 2020 point 08, "100 ha planted"; see
 * the file comment for what counts). Divide by M2_PER_HECTARE only to display.
 */
export function haPlanted(plantings: readonly Planting[], period: DatePeriod): SectorTotals {
  return totalsBySector(plantings.filter((p) => inPeriod(p.plantedOn, period)), (p) => p.areaM2);
}

/** Grams harvested in the period, by sector (the national figures: farming, fisheries, livestock). */
export function harvestBySector(harvests: readonly Harvest[], period: DatePeriod): SectorTotals {
  return totalsBySector(harvests.filter((h) => inPeriod(h.harvestedOn, period)), (h) => h.grams);
}

function safe(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`Out of the safe integer range: ${value}`);
  return Number(value);
}

export interface OfftakeCheck {
  /** offtake ÷ harvest in basis points, floored; null when nothing was harvested. */
  basisPoints: number | null;
  /** Whether the minimum is met; null when nothing was harvested (no obligation to measure). */
  meetsMinimum: boolean | null;
  minimumBasisPoints: number;
}

/**
 * Share of the farm output bought by meal suppliers (DOMAIN.md: since 2025, at least 5%). Both quantities in the same integer unit (kg
 * or grams). Can pass 10,000 bp when suppliers bought stock harvested in an earlier period.
 */
export function offtakeShare(harvestKg: number, offtakeKg: number, minimumBasisPoints = MEAL_SUPPLIER_MIN_OFFTAKE_BP): OfftakeCheck {
  for (const q of [harvestKg, offtakeKg]) if (!Number.isSafeInteger(q) || q < 0) throw new RangeError(`Quantities must be integers ≥ 0: ${q}`);
  if (harvestKg === 0) return { basisPoints: null, meetsMinimum: null, minimumBasisPoints };
  const offtake = BigInt(offtakeKg) * 10_000n;
  const harvest = BigInt(harvestKg);
  return {
    basisPoints: safe(offtake / harvest),
    meetsMinimum: offtake >= BigInt(minimumBasisPoints) * harvest,
    minimumBasisPoints,
  };
}
