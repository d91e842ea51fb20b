/** Bilingual wording helpers (Indonesian first) and breakdown-line construction. */
import type { Period } from '../calendar/date.ts';
import type { Bilingual, BreakdownLine } from './types.ts';

export function bi(id: string, en: string): Bilingual {
  return { id, en };
}

export function line(code: string, label: Bilingual, value: string | undefined, rule: string, regulation: string): BreakdownLine {
  return value === undefined ? { code, label, rule, regulation } : { code, label, value, rule, regulation };
}

/** "45 hari" — the value column of a breakdown line. */
export function daysValue(days: number): string {
  return `${days} hari`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A sentence as pronounced: "2 tahun 3 bulan 10 hari" / "2 years 3 months 10 days". */
export function periodText(p: Period): Bilingual {
  return bi(`${p.years} tahun ${p.months} bulan ${p.days} hari`, `${plural(p.years, 'year')} ${plural(p.months, 'month')} ${plural(p.days, 'day')}`);
}

/** Days as 30-day months: 45 → "1 bulan 15 hari" / "1 month 15 days". */
export function thirtyDayText(days: number, monthDays = 30): Bilingual {
  const months = Math.floor(days / monthDays);
  const rest = days - months * monthDays;
  if (months === 0) return bi(`${rest} hari`, plural(rest, 'day'));
  if (rest === 0) return bi(`${months} bulan`, plural(months, 'month'));
  return bi(`${months} bulan ${rest} hari`, `${plural(months, 'month')} ${plural(rest, 'day')}`);
}

/** Joins reasons into one sentence per language. */
export function joinReasons(reasons: readonly Bilingual[]): Bilingual {
  return bi(reasons.map((r) => r.id).join('; '), reasons.map((r) => r.en).join('; '));
}
