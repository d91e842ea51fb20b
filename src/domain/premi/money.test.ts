import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { divRoundHalfUp, formatRupiah, mulRupiah, sumRupiah } from './money.ts';
import { formatShortDate, groupThousands } from '../work/text.ts';

describe('rupiah helpers', () => {
  it.each([
    [12_000, 'id', 'Rp 12.000'],
    [12_000, 'en', 'Rp 12,000'],
    [0, 'id', 'Rp 0'],
    [999, 'en', 'Rp 999'],
    [-5_000, 'id', '-Rp 5.000'],
    [7_000_000_000, 'id', 'Rp 7.000.000.000'],
  ] as const)('formatRupiah(%i, %s) = %s', (amount, lang, text) => {
    expect(formatRupiah(amount, lang)).toBe(text);
  });

  it('refuses fractions of a rupiah', () => {
    expect(() => formatRupiah(1.5, 'id')).toThrow(RangeError);
    expect(() => sumRupiah([1, 0.5])).toThrow(RangeError);
    expect(() => sumRupiah([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
    expect(() => mulRupiah(2 ** 40, 2 ** 20)).toThrow(RangeError);
  });

  it.each([
    [7n, 2n, 4n],
    [5n, 2n, 3n],
    [4n, 3n, 1n],
    [-5n, 2n, -3n],
    [-7n, 4n, -2n],
  ])('divRoundHalfUp(%s, %s) = %s', (n, d, q) => {
    expect(divRoundHalfUp(n, d)).toBe(q);
  });

  it('property: divRoundHalfUp is within ½ of the exact quotient and symmetric', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), fc.bigInt({ min: 1n, max: 10n ** 9n }), (n, d) => {
        const q = divRoundHalfUp(n, d);
        const err = 2n * (q * d - n);
        return err <= d && err >= -d && divRoundHalfUp(-n, d) === -q;
      }),
    );
  });

  it('groups thousands and writes short dates in both languages', () => {
    expect(groupThousands(1_234_567, 'id')).toBe('1.234.567');
    expect(groupThousands(-1_234, 'en')).toBe('-1,234');
    expect(formatShortDate('2027-01-01', 'id')).toBe('1 Jan 2027');
    expect(formatShortDate('2026-08-17', 'id')).toBe('17 Agu 2026');
    expect(formatShortDate('2026-05-09', 'en')).toBe('9 May 2026');
  });
});
