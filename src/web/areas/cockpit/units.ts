/** Figures of an indicator in its display unit: ha from m², kg from grams, % from basis points. */
export interface UnitInfo {
  scale: number;
  ratio: boolean;
  unit: string;
}

const fmt = (digits: number) => new Intl.NumberFormat('id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function displayValue(v: number | null | undefined, ind: UnitInfo): string {
  if (v === null || v === undefined) return '–';
  if (ind.ratio) return `${fmt(2).format(v / 100)}%`;
  if (ind.unit === 'rupiah') return `Rp ${fmt(0).format(v)}`;
  if (ind.scale === 1) return fmt(0).format(v);
  return fmt(ind.scale >= 10_000 ? 2 : 1).format(v / ind.scale);
}

/** The unit as officers read it ('%' for ratios). */
export const unitLabel = (ind: UnitInfo) => (ind.ratio ? '%' : ind.unit);

/** Attainment in basis points as a percentage. */
export const formatAttainment = (bp: number | null | undefined) => (bp === null || bp === undefined ? '–' : `${fmt(1).format(bp / 100)}%`);

/**
 * A value typed in the display unit (ha, kg, %, with a decimal comma or point) → the base
 * integer the API stores, or null when it does not read as a number ≥ 0.
 */
export function parseDisplay(text: string, ind: UnitInfo): number | null {
  const t = text.trim().replace(/\s/g, '');
  if (!t) return null;
  // Indonesian: 1.234,5 ; also accept 1234.5
  const normal = t.includes(',') ? t.replace(/\./g, '').replace(',', '.') : /^\d{1,3}(\.\d{3})+$/.test(t) ? t.replace(/\./g, '') : t;
  if (!/^\d+(\.\d+)?$/.test(normal)) return null;
  const factor = ind.ratio ? 100 : ind.scale;
  const v = Math.round(Number(normal) * factor);
  return Number.isSafeInteger(v) ? v : null;
}

/** 'YYYY-MM-01' → 'November 2026' in the user's language. */
export function monthLabel(month: string, lang: 'id' | 'en'): string {
  const d = new Date(`${month.slice(0, 7)}-01T00:00:00Z`);
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}

/** Overcrowding from an occupancy ratio (both conventions are published; DOMAIN.md). */
export const overcrowdingBp = (ratioBp: number | null) => (ratioBp === null ? null : ratioBp - 10_000);
