import { useQuery } from '@tanstack/react-query';
import type { Holiday } from '../../../shared/schemas/holidays.ts';
import { get } from '../../api/client.ts';

export const holidayKeys = { year: (year: number) => ['holidays', year] as const };

export const useHolidays = (year: number) =>
  useQuery({
    queryKey: holidayKeys.year(year),
    queryFn: ({ signal }) => get<{ items: Holiday[] }>('/holidays', { year }, signal).then((r) => r.items),
    staleTime: 10 * 60_000,
  });

export const RK_HOLIDAYS = ['idul_fitri', 'natal', 'nyepi', 'waisak', 'imlek'] as const;
export type RkHoliday = (typeof RK_HOLIDAYS)[number];

/**
 * Which remisi khusus a holiday is (Keppres 174/1999 ps. 5), by keyword as the engine matches
 * names ("Hari Raya Idul Fitri 1447 Hijriyah", "Tahun Baru Imlek 2577 Kongzili"); collective
 * leave days (cuti bersama) are not the holiday.
 */
export function rkHolidayOf(name: string): RkHoliday | null {
  if (/\bcuti\s+bersama\b/iu.test(name)) return null;
  if (/\bidul[\s-]?fitri\b|\bidulfitri\b|\blebaran\b/iu.test(name)) return 'idul_fitri';
  if (/\bnatal\b|\bchristmas\b/iu.test(name)) return 'natal';
  if (/\bnyepi\b/iu.test(name)) return 'nyepi';
  if (/\bwai?sak\b|\bvesak\b/iu.test(name)) return 'waisak';
  if (/\bimlek\b|\bchinese new year\b/iu.test(name)) return 'imlek';
  return null;
}

/** The remisi khusus occasions of a year: the first day of each religious holiday (Idul Fitri spans two). */
export function rkOccasions(holidays: Holiday[]): Array<{ date: string; name: string; holiday: RkHoliday }> {
  const seen = new Set<RkHoliday>();
  const out: Array<{ date: string; name: string; holiday: RkHoliday }> = [];
  for (const h of [...holidays].sort((a, b) => (a.date < b.date ? -1 : 1))) {
    const k = rkHolidayOf(h.name);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push({ date: h.date, name: h.name, holiday: k });
  }
  return out;
}
