import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, diffDays, fromDayNumber, toDayNumber } from '../calendar/date.ts';
import {
  ACTIVITY_CATEGORIES,
  CATEGORY_LABELS,
  isActivityCategory,
  isoWeekday,
  occurrences,
  overlappingSlots,
  PLACE_KIND_LABELS,
  PLACE_KINDS,
  sectorOf,
  weeklySchedule,
} from './activity.ts';
import type { Weekday } from './activity.ts';

const anyDate = fc.integer({ min: toDayNumber('2000-01-01'), max: toDayNumber('2100-12-31') }).map(fromDayNumber);

describe('categories and sectors', () => {
  it.each([
    ['pertanian', 'farming'],
    ['perkebunan', 'farming'],
    ['perikanan', 'fisheries'],
    ['peternakan', 'livestock'],
    ['industri', null],
    ['kuliner', null],
    ['kerajinan', null],
    ['jasa', null],
  ] as const)('sectorOf(%s) = %s', (category, sector) => {
    expect(sectorOf(category)).toBe(sector);
  });

  it('labels every category and place kind in both languages', () => {
    for (const c of ACTIVITY_CATEGORIES) expect(CATEGORY_LABELS[c].id.length * CATEGORY_LABELS[c].en.length).toBeGreaterThan(0);
    for (const p of PLACE_KINDS) expect(PLACE_KIND_LABELS[p].id.length * PLACE_KIND_LABELS[p].en.length).toBeGreaterThan(0);
    expect(isActivityCategory('perikanan')).toBe(true);
    expect(isActivityCategory('manufaktur')).toBe(false);
  });
});

describe('isoWeekday', () => {
  it.each([
    ['1970-01-01', 4],
    ['2026-01-05', 1],
    ['2026-01-11', 7],
    ['2024-02-29', 4],
    ['1969-12-29', 1],
  ])('%s is weekday %i', (date, weekday) => {
    expect(isoWeekday(date)).toBe(weekday);
  });

  it('advances by one each day, wrapping 7 → 1', () => {
    fc.assert(fc.property(anyDate, (d) => isoWeekday(addDays(d, 1)) === (isoWeekday(d) % 7) + 1));
  });
});

describe('occurrences', () => {
  const weekdaysMorning = weeklySchedule([1, 2, 3, 4, 5], ['pagi'], 20);

  it('lists Mon–Fri mornings in a week, both ends inclusive', () => {
    const list = occurrences(weekdaysMorning, '2026-01-05', '2026-01-11');
    expect(list.map((o) => o.date)).toEqual(['2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09']);
    expect(list.every((o) => o.session === 'pagi')).toBe(true);
  });

  it('leaves out holidays', () => {
    const list = occurrences(weekdaysMorning, '2026-01-05', '2026-01-09', ['2026-01-07']);
    expect(list.map((o) => o.date)).not.toContain('2026-01-07');
    expect(list).toHaveLength(4);
  });

  it('orders pagi before siang and supports uneven slots', () => {
    const schedule = { slots: [{ weekday: 6 as Weekday, session: 'siang' as const }, { weekday: 6 as Weekday, session: 'pagi' as const }], capacity: 5 };
    expect(occurrences(schedule, '2026-01-10', '2026-01-10')).toEqual([
      { date: '2026-01-10', weekday: 6, session: 'pagi' },
      { date: '2026-01-10', weekday: 6, session: 'siang' },
    ]);
  });

  it('is empty when from is after to', () => {
    expect(occurrences(weekdaysMorning, '2026-01-10', '2026-01-05')).toEqual([]);
  });

  it('property: a full-week two-session schedule runs twice a day, every day in range', () => {
    const all = weeklySchedule([1, 2, 3, 4, 5, 6, 7], ['pagi', 'siang'], 1);
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 0, max: 60 }), (from, span) => {
        const to = addDays(from, span);
        return occurrences(all, from, to).length === 2 * (diffDays(from, to) + 1);
      }),
    );
  });

  it('property: every occurrence matches a slot and is not a holiday', () => {
    fc.assert(
      fc.property(
        anyDate,
        fc.integer({ min: 0, max: 40 }),
        fc.subarray([1, 2, 3, 4, 5, 6, 7] as Weekday[]),
        fc.subarray(['pagi', 'siang'] as const),
        fc.array(fc.integer({ min: 0, max: 40 })),
        (from, span, days, sessions, holidayOffsets) => {
          const schedule = weeklySchedule(days, sessions, 3);
          const holidays = holidayOffsets.map((o) => addDays(from, o));
          return occurrences(schedule, from, addDays(from, span), holidays).every(
            (o) => !holidays.includes(o.date) && days.includes(o.weekday) && sessions.includes(o.session) && isoWeekday(o.date) === o.weekday,
          );
        },
      ),
    );
  });
});

describe('weeklySchedule and overlappingSlots', () => {
  it('builds the grid in calendar order without duplicates', () => {
    expect(weeklySchedule([3, 1, 1], ['siang', 'pagi'], 4).slots).toEqual([
      { weekday: 1, session: 'pagi' },
      { weekday: 1, session: 'siang' },
      { weekday: 3, session: 'pagi' },
      { weekday: 3, session: 'siang' },
    ]);
  });

  it('finds shared weekday × session only', () => {
    const a = weeklySchedule([1, 2], ['pagi'], 1).slots;
    const b = weeklySchedule([2, 3], ['pagi', 'siang'], 1).slots;
    expect(overlappingSlots(a, b)).toEqual([{ weekday: 2, session: 'pagi' }]);
    expect(overlappingSlots(a, weeklySchedule([1, 2], ['siang'], 1).slots)).toEqual([]);
  });
});
