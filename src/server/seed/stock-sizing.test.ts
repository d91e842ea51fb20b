import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { counterQty, isStocked, unitsWorth } from './stock-sizing.ts';

describe('demo stock sizing', () => {
  it('a batch worth the same money holds fewer of a dearer product, never none', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 50_000_000 }), fc.integer({ min: 1, max: 5_000_000 }), fc.integer({ min: 1, max: 5_000_000 }), (worth, a, b) => {
      const [cheap, dear] = a <= b ? [a, b] : [b, a];
      expect(unitsWorth(worth, dear)).toBeLessThanOrEqual(unitsWorth(worth, cheap));
      expect(unitsWorth(worth, dear)).toBeGreaterThanOrEqual(1);
    }));
  });

  it('the 5,000-tables outlet (regression): Rp 5 million of tables is 2, of bread 833', () => {
    expect(unitsWorth(5_000_000, 2_500_000)).toBe(2);
    expect(unitsWorth(5_000_000, 6_000)).toBe(833);
  });

  it('a counter buyer takes one table and at most 36 of a cheap item', () => {
    const max = (_min: number, hi: number) => hi;
    const min = (lo: number) => lo;
    expect(counterQty(1_200_000, max)).toBe(1);
    expect(counterQty(35_000, max)).toBe(3);
    expect(counterQty(6_000, max)).toBe(36);
    expect(counterQty(6_000, min)).toBe(3);
  });

  it('services are not stocked', () => {
    expect(isStocked('jasa')).toBe(false);
    expect(isStocked('kuliner')).toBe(true);
  });
});
