/**
 * Remisi khusus occasions from a list of holidays (data, passed in: holiday dates move each year).
 *
 * Keppres 174/1999 ps. 5: RK is given on the inmate's main religious holiday — Idul Fitri (Islam),
 * Natal (Kristen, Katolik), Nyepi (Hindu), Waisak (Buddha) — and Imlek for Konghucu. Names in the
 * national holiday list vary ("Hari Raya Idul Fitri 1439 Hijriyah", "Hari Raya Waisak 2562",
 * "Tahun Baru Imlek 2569 Kongzili"), so matching is by keyword. Collective leave days ("cuti
 * bersama") are not the holiday and never match.
 *
 * A holiday spanning consecutive days (Idul Fitri always, Nyepi in 2018) is one occasion on its
 * first day. RK is given once a year per religion, so a year's occasion is its first such holiday
 * (in a year with two Idul Fitri, e.g. 2033, the second gets none — CHOICE, noted in README.md).
 */
import type { IsoDate } from '../calendar/date.ts';
import { addDays, parseDate, yearOf } from '../calendar/date.ts';
import type { ReligiousHoliday } from './rules.ts';
import type { Holiday, Religion } from './types.ts';

/** One row of shared/data/holidays/<year>.json. */
export interface HolidayFileRow {
  holiday_date: string;
  holiday_name: string;
  is_national_holiday?: boolean;
}

export const RELIGIOUS_HOLIDAY_PATTERNS: Record<ReligiousHoliday, RegExp> = {
  idul_fitri: /\bidul[\s-]?fitri\b|\bidulfitri\b|\blebaran\b/iu,
  natal: /\bnatal\b|\bchristmas\b/iu,
  nyepi: /\bnyepi\b/iu,
  waisak: /\bwai?sak\b|\bvesak\b/iu,
  imlek: /\bimlek\b|\bchinese new year\b/iu,
};

const NOT_THE_HOLIDAY = /\bcuti\s+bersama\b/iu;

/** Default religion → holiday, as in every registered rule set (Keppres 174/1999 ps. 5). */
export const DEFAULT_HOLIDAY_BY_RELIGION: Record<Religion, ReligiousHoliday> = {
  islam: 'idul_fitri',
  kristen: 'natal',
  katolik: 'natal',
  hindu: 'nyepi',
  buddha: 'waisak',
  konghucu: 'imlek',
};

/** Converts holiday-file rows (dates not always zero-padded, e.g. `2018-06-1`); throws on a bad date. */
export function holidaysFromFileRows(rows: readonly HolidayFileRow[]): Holiday[] {
  return rows.map((row) => ({
    date: parseDate(row.holiday_date),
    name: row.holiday_name.trim(),
    ...(row.is_national_holiday === undefined ? {} : { national: row.is_national_holiday }),
  }));
}

export function religiousHolidayOf(name: string): ReligiousHoliday | null {
  if (NOT_THE_HOLIDAY.test(name)) return null;
  for (const [holiday, pattern] of Object.entries(RELIGIOUS_HOLIDAY_PATTERNS) as Array<[ReligiousHoliday, RegExp]>) {
    if (pattern.test(name)) return holiday;
  }
  return null;
}

export interface Occasion {
  year: number;
  date: IsoDate;
  name: string;
}

/** First day of each run of consecutive days of `holiday`, oldest first. */
export function holidayFirstDays(holidays: readonly Holiday[], holiday: ReligiousHoliday): Occasion[] {
  const matching = new Map<IsoDate, string>();
  for (const h of holidays) {
    if (religiousHolidayOf(h.name) === holiday && !matching.has(h.date)) matching.set(h.date, h.name);
  }
  const dates = [...matching.keys()].sort();
  return dates
    .filter((date) => !matching.has(addDays(date, -1)))
    .map((date) => ({ year: yearOf(date), date, name: matching.get(date) ?? '' }));
}

/** The remisi khusus occasion of each year for a religion (first such holiday of the year). */
export function remisiKhususOccasions(
  holidays: readonly Holiday[],
  religion: Religion,
  holidayByReligion: Record<Religion, ReligiousHoliday> = DEFAULT_HOLIDAY_BY_RELIGION,
): Occasion[] {
  const byYear = new Map<number, Occasion>();
  for (const occasion of holidayFirstDays(holidays, holidayByReligion[religion])) {
    if (!byYear.has(occasion.year)) byYear.set(occasion.year, occasion);
  }
  return [...byYear.values()];
}

/** The occasion in one year, or null when the list has no such holiday that year. */
export function remisiKhususOccasion(
  holidays: readonly Holiday[],
  religion: Religion,
  year: number,
  holidayByReligion: Record<Religion, ReligiousHoliday> = DEFAULT_HOLIDAY_BY_RELIGION,
): Occasion | null {
  return remisiKhususOccasions(holidays, religion, holidayByReligion).find((o) => o.year === year) ?? null;
}
