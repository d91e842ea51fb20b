import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HOLIDAY_BY_RELIGION,
  holidayFirstDays,
  holidaysFromFileRows,
  religiousHolidayOf,
  remisiKhususOccasion,
  remisiKhususOccasions,
} from './holidays.ts';
import type { HolidayFileRow } from './holidays.ts';
import { RULE_SETS } from './rules.ts';
import type { Holiday } from './types.ts';

/** shared/data beside the repository, or GIATJA_SHARED_DATA (same convention as the seeder). */
function holidaysDir(): string {
  const override = process.env.GIATJA_SHARED_DATA;
  if (override !== undefined && override.trim() !== '') return path.join(path.resolve(override), 'holidays');
  const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
  return path.resolve(repositoryRoot, '..', 'shared', 'data', 'holidays');
}

function loadRealHolidays(): Holiday[] {
  const dir = holidaysDir();
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => holidaysFromFileRows(JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as HolidayFileRow[]));
}

describe('religiousHolidayOf', () => {
  it.each([
    ['Hari Raya Idul Fitri 1439 Hijriyah', 'idul_fitri'],
    ['Hari Raya Idul Fitri 1436 H', 'idul_fitri'],
    ['Hari Raya Idul Adha 1445 Hijriyah', null],
    ['Cuti Bersama Hari Raya Idul Fitri', null],
    ['Hari Raya Natal', 'natal'],
    ['Hari Suci Nyepi', 'nyepi'],
    ['Hari Raya Nyepi', 'nyepi'],
    ['Hari Raya Waisak 2562', 'waisak'],
    ['Tahun Baru Imlek 2569 Kongzili', 'imlek'],
    ['Tahun Baru Islam 1446 Hijriyah', null],
    ['Kenaikan Isa Al Masih', null],
  ])('%s → %s', (name, expected) => {
    expect(religiousHolidayOf(name)).toBe(expected);
  });
});

describe('holidaysFromFileRows', () => {
  it('pads dates like 2018-06-1 and keeps the national flag', () => {
    expect(holidaysFromFileRows([{ holiday_date: '2018-06-1', holiday_name: ' Hari Lahirnya Pancasila ', is_national_holiday: true }])).toEqual([
      { date: '2018-06-01', name: 'Hari Lahirnya Pancasila', national: true },
    ]);
  });
  it('throws on a date that does not exist', () => {
    expect(() => holidaysFromFileRows([{ holiday_date: '2018-02-30', holiday_name: 'x' }])).toThrow(RangeError);
  });
});

describe('occasions from a list', () => {
  const list: Holiday[] = [
    { date: '2023-04-23', name: 'Hari Raya Idul Fitri 1444 Hijriyah' },
    { date: '2023-04-22', name: 'Hari Raya Idul Fitri 1444 Hijriyah' },
    { date: '2018-03-17', name: 'Hari Raya Nyepi' },
    { date: '2018-03-18', name: 'Hari Raya Nyepi' },
  ];
  it('takes the first day of a two-day holiday, whatever the list order', () => {
    expect(holidayFirstDays(list, 'idul_fitri').map((o) => o.date)).toEqual(['2023-04-22']);
    expect(remisiKhususOccasion(list, 'hindu', 2018)?.date).toBe('2018-03-17');
  });
  it('gives one occasion a year even when the holiday falls twice in a year', () => {
    const twice: Holiday[] = [
      { date: '2033-01-02', name: 'Hari Raya Idul Fitri 1454 H' },
      { date: '2033-12-23', name: 'Hari Raya Idul Fitri 1455 H' },
    ];
    expect(remisiKhususOccasions(twice, 'islam').map((o) => o.date)).toEqual(['2033-01-02']);
  });
  it('returns null for a year without data', () => {
    expect(remisiKhususOccasion(list, 'islam', 2030)).toBeNull();
  });
  it('uses the same religion table as the rule sets', () => {
    for (const set of RULE_SETS) expect(set.remission.khusus.holidayByReligion).toEqual(DEFAULT_HOLIDAY_BY_RELIGION);
  });
});

describe('real holiday files (shared/data/holidays)', () => {
  const holidays = loadRealHolidays();

  it('finds exactly one occasion per religion for every year 2015–2028', () => {
    for (const religion of ['islam', 'kristen', 'katolik', 'hindu', 'buddha', 'konghucu'] as const) {
      const years = remisiKhususOccasions(holidays, religion).map((o) => o.year);
      expect(years, religion).toEqual(Array.from({ length: 14 }, (_, i) => 2015 + i));
    }
  });

  it.each([
    ['islam', 2018, '2018-06-15'],
    ['islam', 2023, '2023-04-22'],
    ['islam', 2024, '2024-04-10'],
    ['islam', 2025, '2025-03-31'],
    ['islam', 2026, '2026-03-20'],
    ['islam', 2028, '2028-02-27'],
    ['kristen', 2024, '2024-12-25'],
    ['katolik', 2025, '2025-12-25'],
    ['hindu', 2018, '2018-03-17'],
    ['hindu', 2025, '2025-03-29'],
    ['buddha', 2021, '2021-05-26'],
    ['buddha', 2025, '2025-05-12'],
    ['konghucu', 2019, '2019-02-05'],
    ['konghucu', 2026, '2026-02-17'],
  ] as const)('%s %i → %s', (religion, year, date) => {
    expect(remisiKhususOccasion(holidays, religion, year)?.date).toBe(date);
  });
});
