import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  addPeriod,
  addYears,
  compareDates,
  daysInMonth,
  diffDays,
  fromDayNumber,
  isValidDate,
  makeDate,
  maxDate,
  minDate,
  parseDate,
  toDayNumber,
  tryParseDate,
} from './date.ts';

/** Any real day from 1900 to 2200, built from a day number so it is always valid. */
const anyDate = fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2200-12-31') }).map(fromDayNumber);

describe('parsing and validity', () => {
  it.each([
    ['2018-06-1', '2018-06-01'],
    ['2018-6-1', '2018-06-01'],
    [' 2024-02-29 ', '2024-02-29'],
    ['2023-02-29', null],
    ['2023-13-01', null],
    ['2023-00-10', null],
    ['23-01-01', null],
    ['2023/01/01', null],
    ['', null],
  ])('tryParseDate(%j) = %j', (text, expected) => {
    expect(tryParseDate(text)).toBe(expected);
  });

  it('parseDate throws on a day that does not exist', () => {
    expect(() => parseDate('2021-02-29')).toThrow(RangeError);
  });

  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2018-06-1', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
  ])('isValidDate(%j) = %j', (text, expected) => {
    expect(isValidDate(text)).toBe(expected);
  });

  it('knows month lengths, including century leap years', () => {
    expect([daysInMonth(2024, 2), daysInMonth(2023, 2), daysInMonth(2000, 2), daysInMonth(1900, 2)]).toEqual([29, 28, 29, 28]);
    expect(daysInMonth(2025, 4)).toBe(30);
    expect(daysInMonth(2025, 12)).toBe(31);
  });

  it('makeDate refuses impossible days', () => {
    expect(() => makeDate(2025, 4, 31)).toThrow(RangeError);
  });
});

describe('day arithmetic', () => {
  it.each([
    ['2017-05-09', 0, '2017-05-09'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2025-01-10', 19, '2025-01-29'],
  ])('addDays(%s, %i) = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it.each([
    ['2017-05-09', '2019-05-09', 730],
    ['2024-01-01', '2025-01-01', 366],
    ['2024-02-17', '2024-08-17', 182],
    ['2025-08-17', '2025-08-10', -7],
  ])('diffDays(%s, %s) = %i', (a, b, expected) => {
    expect(diffDays(a, b)).toBe(expected);
  });

  it('agrees with UTC epoch days', () => {
    fc.assert(
      fc.property(anyDate, (d) => {
        expect(toDayNumber(d)).toBe(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000);
      }),
    );
  });

  it('round-trips day numbers and inverts addDays with diffDays', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -20000, max: 20000 }), (d, n) => {
        expect(fromDayNumber(toDayNumber(d))).toBe(d);
        expect(diffDays(d, addDays(d, n))).toBe(n);
        expect(addDays(addDays(d, n), -n)).toBe(d);
      }),
    );
  });

  it('orders like the strings do', () => {
    fc.assert(
      fc.property(anyDate, anyDate, (a, b) => {
        expect(compareDates(a, b)).toBe(a < b ? -1 : a > b ? 1 : 0);
        expect(maxDate(a, b) >= minDate(a, b)).toBe(true);
      }),
    );
  });
});

describe('calendar months and years', () => {
  it.each([
    // DOMAIN.md: 9 May 2017 + 2 years = 9 May 2019.
    ['2017-05-09', 24, '2019-05-09'],
    ['2025-01-15', 1, '2025-02-15'],
    ['2025-11-30', 3, '2026-02-28'],
    // End of month is clamped to the last day of the shorter month.
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-03-31', 1, '2024-04-30'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2024-05-31', -12, '2023-05-31'],
  ])('addMonths(%s, %i) = %s', (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });

  it('rolls over instead when asked (31 Jan + 1 month = 3 Mar in a common year)', () => {
    expect(addMonths('2023-01-31', 1, 'roll_over')).toBe('2023-03-03');
    expect(addMonths('2024-01-31', 1, 'roll_over')).toBe('2024-03-02');
  });

  it.each([
    ['2017-05-09', 2, '2019-05-09'],
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
  ])('addYears(%s, %i) = %s', (date, n, expected) => {
    expect(addYears(date, n)).toBe(expected);
  });

  it('adds years and months in one step, then days', () => {
    expect(addPeriod('2024-01-31', { years: 1, months: 1, days: 0 })).toBe('2025-02-28');
    expect(addPeriod('2024-01-10', { years: 1, months: 6, days: 15 })).toBe('2025-07-25');
    expect(addPeriod('2024-01-10', { years: 0, months: 0, days: 0 })).toBe('2024-01-10');
  });

  it('keeps the day of month when it exists in the target month', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -600, max: 600 }), (d, n) => {
        const r = addMonths(d, n);
        const day = Number(d.slice(8, 10));
        const lastOfTarget = daysInMonth(Number(r.slice(0, 4)), Number(r.slice(5, 7)));
        expect(Number(r.slice(8, 10))).toBe(Math.min(day, lastOfTarget));
        const months = (Number(r.slice(0, 4)) - Number(d.slice(0, 4))) * 12 + Number(r.slice(5, 7)) - Number(d.slice(5, 7));
        expect(months).toBe(n);
      }),
    );
  });

  it('is monotonic: a later start never gives an earlier result', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 300 }), (d, gap, n) => {
        expect(addMonths(addDays(d, gap), n) >= addMonths(d, n)).toBe(true);
      }),
    );
  });
});
