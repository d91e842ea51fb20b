import { describe, expect, it } from 'vitest';
import { rkHolidayOf, rkOccasions } from './api.ts';

describe('remisi khusus holidays', () => {
  it('recognises the five holidays by keyword, never a collective leave day', () => {
    expect(rkHolidayOf('Hari Raya Idul Fitri 1447 Hijriyah')).toBe('idul_fitri');
    expect(rkHolidayOf('Cuti Bersama Idul Fitri')).toBeNull();
    expect(rkHolidayOf('Hari Raya Natal')).toBe('natal');
    expect(rkHolidayOf('Hari Raya Waisak 2570')).toBe('waisak');
    expect(rkHolidayOf('Tahun Baru Imlek 2577 Kongzili')).toBe('imlek');
    expect(rkHolidayOf('Hari Raya Nyepi')).toBe('nyepi');
    expect(rkHolidayOf('Hari Lahirnya Pancasila')).toBeNull();
  });
  it('takes the first day of a holiday spanning two days', () => {
    const days = [
      { date: '2026-03-21', name: 'Hari Raya Idul Fitri 1447 Hijriyah', national: true, source: 'x' },
      { date: '2026-03-20', name: 'Hari Raya Idul Fitri 1447 Hijriyah', national: true, source: 'x' },
      { date: '2026-12-25', name: 'Hari Raya Natal', national: true, source: 'x' },
    ];
    expect(rkOccasions(days).map((o) => [o.date, o.holiday])).toEqual([
      ['2026-03-20', 'idul_fitri'],
      ['2026-12-25', 'natal'],
    ]);
  });
});
