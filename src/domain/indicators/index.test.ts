import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateTarget, attainmentBasisPoints, expectedToDate, monthsBetween, occupancy, ratioBasisPoints, reportDeadline, trafficLight } from './index.ts';

describe('allocateTarget', () => {
  it('always sums exactly to the parent target', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 60 }), (total, weights) => {
        const parts = allocateTarget(total, weights);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        expect(parts.every((p) => Number.isInteger(p) && p >= 0)).toBe(true);
      }),
    );
  });
  it.each([
    [7_000_000_000, [1, 1, 1], [2_333_333_334, 2_333_333_333, 2_333_333_333]],
    [10, [3, 1], [8, 2]],
    [100, [0, 0], [50, 50]],
    [5, [1, 0, 4], [1, 0, 4]],
  ])('%i over %j gives %j', (total, weights, expected) => {
    expect(allocateTarget(total, weights)).toEqual(expected);
  });
  it('refuses a negative or fractional target', () => {
    expect(() => allocateTarget(-1, [1])).toThrow(RangeError);
    expect(() => allocateTarget(1.5, [1])).toThrow(RangeError);
  });
});

describe('trafficLight', () => {
  it.each([
    // realised, expected, direction, light
    [100, 100, 'higher', 'green'],
    [85, 100, 'higher', 'amber'],
    [79, 100, 'higher', 'red'],
    [0, 0, 'higher', 'green'],
    [0, 0, 'lower', 'green'], // zero overstaying met
    [1, 0, 'lower', 'red'], // one overstay against a zero ceiling
    [90, 100, 'lower', 'green'],
    [110, 100, 'lower', 'amber'],
    [200, 100, 'lower', 'red'],
    [5, null, 'higher', 'none'],
  ] as const)('%d against %s (%s) is %s', (realised, expected, direction, light) => {
    expect(trafficLight(realised, expected, direction)).toBe(light);
  });
  it('uses the thresholds given as data', () => {
    expect(trafficLight(60, 100, 'higher', { green: 6_000, amber: 3_000 })).toBe('green');
    expect(trafficLight(40, 100, 'higher', { green: 6_000, amber: 3_000 })).toBe('amber');
  });
  it('never gets worse when a higher-is-better realisation grows', () => {
    const rank = { red: 0, amber: 1, green: 2, none: -1, na: -1 };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }), (a, b, e) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(rank[trafficLight(hi, e, 'higher')]).toBeGreaterThanOrEqual(rank[trafficLight(lo, e, 'higher')]);
        expect(rank[trafficLight(lo, e, 'lower')]).toBeGreaterThanOrEqual(rank[trafficLight(hi, e, 'lower')]);
      }),
    );
  });
  it('attainment of the published Jan–Mar 2021 training figure is 30.92%', () => {
    // 4,175 WBP trained of a 13,500 target (DOMAIN.md).
    expect(attainmentBasisPoints(4175, 13_500, 'higher')).toBe(3092);
  });
});

describe('ratios and occupancy', () => {
  it('aggregates as a ratio of sums, never an average of percentages', () => {
    // Two units: 200/100 and 100/300 → 300/400 = 75%, not the mean of 200% and 33%.
    expect(ratioBasisPoints(200 + 100, 100 + 300)).toBe(7500);
    expect(ratioBasisPoints(1, 0)).toBeNull();
  });
  it('gives both published conventions for 30 Nov 2025 (275,633 / 146,260)', () => {
    const o = occupancy(275_633, 146_260);
    expect(o.overcrowdingBasisPoints).toBe(8845); // 88.45%
    expect(o.ratioBasisPoints).toBe(18845); // 188.45%
  });
});

describe('periods', () => {
  it('expects a pro-rata share of accumulating targets and the whole of levels', () => {
    expect(expectedToDate(1200, 3, true)).toBe(300);
    expect(expectedToDate(1200, 3, false)).toBe(1200);
    expect(expectedToDate(1200, 14, true)).toBe(1200);
  });
  it('lists months across a year end and puts the deadline in the next month', () => {
    expect(monthsBetween('2025-11-01', '2026-02-01')).toEqual(['2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01']);
    expect(reportDeadline('2026-12-01', 5)).toBe('2027-01-05');
    expect(reportDeadline('2026-10-01', 5)).toBe('2026-11-05');
  });
});
