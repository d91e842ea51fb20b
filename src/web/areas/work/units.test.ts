import { describe, expect, it } from 'vitest';
import { basisPoints, formatBasisPoints, formatScaled, parseScaled, registerList, ruleOn, signedRupiah } from './units.ts';

const ok = (value: number) => ({ ok: true, value });

describe('parseScaled (hectares → m², kilograms → grams, exactly)', () => {
  it('reads the Indonesian decimal comma and thousands dot', () => {
    expect(parseScaled('1,5', 4)).toEqual(ok(15_000));
    expect(parseScaled('0,1', 4)).toEqual(ok(1_000));
    expect(parseScaled('12,345', 3)).toEqual(ok(12_345));
    expect(parseScaled('1.250,5', 3)).toEqual(ok(1_250_500));
    expect(parseScaled('1.500', 3)).toEqual(ok(1_500_000));
    expect(parseScaled(' 2 ', 4)).toEqual(ok(20_000));
    expect(parseScaled(',5', 3)).toEqual(ok(500));
  });

  it('takes a lone dot that cannot group thousands as the decimal point, and English grouping', () => {
    expect(parseScaled('1.5', 4)).toEqual(ok(15_000));
    expect(parseScaled('0.25', 3)).toEqual(ok(250));
    expect(parseScaled('1,250.5', 3)).toEqual(ok(1_250_500));
    expect(parseScaled('1,250,000', 3)).toEqual(ok(1_250_000_000));
  });

  it('has no float drift where binary fractions would (0,1 + 0,2 style values)', () => {
    expect(parseScaled('0,3', 3)).toEqual(ok(300));
    expect(parseScaled('1,005', 3)).toEqual(ok(1_005));
    expect(parseScaled('4,35', 4)).toEqual(ok(43_500));
    expect(parseScaled('1,1000', 3)).toEqual(ok(1_100));
  });

  it('refuses what is not a number, too many decimals, and values beyond exact integers', () => {
    expect(parseScaled('', 3)).toEqual({ ok: false, reason: 'empty' });
    expect(parseScaled('abc', 3)).toEqual({ ok: false, reason: 'invalid' });
    expect(parseScaled('1,2,3', 3)).toEqual({ ok: false, reason: 'invalid' });
    expect(parseScaled('1.2.3', 3)).toEqual({ ok: false, reason: 'invalid' });
    expect(parseScaled('12.34,5', 3)).toEqual({ ok: false, reason: 'invalid' });
    expect(parseScaled('-1', 3)).toEqual({ ok: false, reason: 'invalid' });
    expect(parseScaled('1,0001', 3)).toEqual({ ok: false, reason: 'too_precise' });
    expect(parseScaled('99999999999999999', 3)).toEqual({ ok: false, reason: 'too_big' });
  });
});

describe('formatting', () => {
  it('shows small units in the big unit exactly', () => {
    expect(formatScaled(12_500, 3)).toBe('12,5');
    expect(formatScaled(1_250_500, 3)).toBe('1.250,5');
    expect(formatScaled(40_000, 4)).toBe('4');
    expect(formatScaled(1, 4)).toBe('0,0001');
    expect(formatScaled(null, 3)).toBe('—');
  });

  it('writes basis points as a percentage with two decimals', () => {
    expect(formatBasisPoints(9_523)).toBe('95,23%');
    expect(formatBasisPoints(500)).toBe('5,00%');
    expect(formatBasisPoints(7)).toBe('0,07%');
    expect(formatBasisPoints(null)).toBe('—');
    expect(basisPoints(1, 3)).toBe(3_333);
    expect(basisPoints(5, 0)).toBeNull();
  });

  it('signs ledger amounts', () => {
    expect(signedRupiah(15_000)).toBe('+Rp 15.000');
    expect(signedRupiah(-1_234_567)).toBe('−Rp 1.234.567');
    expect(signedRupiah(0)).toBe('Rp 0');
  });
});

describe('register lists and pay rules', () => {
  it('splits a paste from Excel like the server does', () => {
    expect(registerList('B.I-1/2024\r\nB.I-2/2024\tB.I-3/2024; B.I-1/2024,\n\n')).toEqual(['B.I-1/2024', 'B.I-2/2024', 'B.I-3/2024']);
  });

  it('finds the rule in force on a date', () => {
    const rules = [
      { effectiveFrom: '2025-01-01', rateRupiah: 10_000 },
      { effectiveFrom: '2027-01-01', rateRupiah: 12_000 },
    ];
    expect(ruleOn(rules, '2026-06-01')?.rateRupiah).toBe(10_000);
    expect(ruleOn(rules, '2027-01-01')?.rateRupiah).toBe(12_000);
    expect(ruleOn(rules, '2024-12-31')).toBeNull();
  });
});
