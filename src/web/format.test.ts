import { describe, expect, it } from 'vitest';
import { addDaysIso, formatDate, formatRupiah, humanizeDates } from './format.ts';

describe('format', () => {
  it('writes dates the Indonesian way, also inside engine texts', () => {
    expect(formatDate('2026-08-17', 'id')).toBe('17 Agu 2026');
    expect(humanizeDates('Bebas pada tanggal ekspirasi 2029-12-09 (atau lebih awal)', 'id')).toBe('Bebas pada tanggal ekspirasi 9 Des 2029 (atau lebih awal)');
    expect(humanizeDates('ends 2026-11-10', 'en')).toBe('ends 10 Nov 2026');
  });
  it('groups rupiah with dots and counts calendar days without time-zone drift', () => {
    expect(formatRupiah(1_000_000_000)).toBe('Rp 1.000.000.000');
    expect(addDaysIso('2026-11-25', -18)).toBe('2026-11-07');
    expect(addDaysIso('2028-02-28', 1)).toBe('2028-02-29');
  });
});
