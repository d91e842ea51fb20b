import { describe, expect, it } from 'vitest';
import { displayValue, overcrowdingBp, parseDisplay } from './units.ts';

const ha = { scale: 10_000, ratio: false, unit: 'ha' };
const kg = { scale: 1000, ratio: false, unit: 'kg' };
const pct = { scale: 1, ratio: true, unit: 'persen' };

describe('cockpit units', () => {
  it('shows base integers in display units', () => {
    expect(displayValue(1_000_000, ha)).toBe('100,00');
    expect(displayValue(7_654_321, kg)).toBe('7.654,3');
    expect(displayValue(18_845, pct)).toBe('188,45%');
    expect(displayValue(7_000_000_000, { scale: 1, ratio: false, unit: 'rupiah' })).toBe('Rp 7.000.000.000');
    expect(displayValue(null, ha)).toBe('–');
  });
  it('reads typed values back into base integers', () => {
    expect(parseDisplay('100', ha)).toBe(1_000_000);
    expect(parseDisplay('2,5', ha)).toBe(25_000);
    expect(parseDisplay('1.234,5', kg)).toBe(1_234_500);
    expect(parseDisplay('1.234', kg)).toBe(1_234_000);
    expect(parseDisplay('150', pct)).toBe(15_000);
    expect(parseDisplay('-1', kg)).toBeNull();
    expect(parseDisplay('abc', kg)).toBeNull();
  });
  it('derives overcrowding from the occupancy ratio', () => {
    expect(overcrowdingBp(18_845)).toBe(8_845);
  });
});
