import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { distributeByWeight, largestRemainder, shareErrors, splitRupiah } from './split.ts';

describe('splitRupiah', () => {
  it.each<[string, number, Array<[string, number]>, number[]]>([
    ['35/50/15 of sales (DOMAIN.md example)', 1_000_000, [['premi', 3_500], ['pnbp', 5_000], ['program', 1_500]], [350_000, 500_000, 150_000]],
    ['50/15/35 of profit', 7_000_001, [['premi', 5_000], ['pnbp', 1_500], ['modal', 3_500]], [3_500_001, 1_050_000, 2_450_000]],
    ['thirds: the odd rupiah go to the largest remainders, then list order', 100, [['a', 3_333], ['b', 3_333], ['c', 3_334]], [33, 33, 34]],
    ['1 rupiah over three equal-ish shares', 1, [['a', 3_333], ['b', 3_334], ['c', 3_333]], [0, 1, 0]],
    ['2 rupiah, equal shares: earlier keys first', 2, [['a', 2_500], ['b', 2_500], ['c', 2_500], ['d', 2_500]], [1, 1, 0, 0]],
    ['a refund mirrors the sale', -1_000_001, [['premi', 3_500], ['pnbp', 5_000], ['program', 1_500]], [-350_000, -500_001, -150_000]],
    ['a zero share gets nothing', 999, [['a', 0], ['b', 10_000]], [0, 999]],
    ['30/70', 10, [['premi', 3_000], ['pnbp', 7_000]], [3, 7]],
  ])('%s', (_name, total, shares, expected) => {
    const parts = splitRupiah(total, shares.map(([key, basisPoints]) => ({ key, basisPoints })));
    expect(parts.map((p) => p.amountRupiah)).toEqual(expected);
    expect(parts.map((p) => p.key)).toEqual(shares.map(([k]) => k));
  });

  it.each([
    [[{ key: 'a', basisPoints: 5_000 }], 'shares sum to 5000 bp, not 10000'],
    [[{ key: 'a', basisPoints: 5_000 }, { key: 'a', basisPoints: 5_000 }], 'keys must be unique'],
    [[{ key: 'a', basisPoints: 10_500 }, { key: 'b', basisPoints: -500 }], 'basis points must be integers ≥ 0'],
    [[], 'at least one share is needed'],
  ])('refuses a bad split rule: %j', (shares, message) => {
    expect(shareErrors(shares)).toContain(message);
    expect(() => splitRupiah(100, shares)).toThrow(RangeError);
  });

  it('refuses fractional totals', () => {
    expect(() => splitRupiah(10.5, [{ key: 'a', basisPoints: 10_000 }])).toThrow(RangeError);
  });

  /** Random shares summing to 10,000 bp: cut points on 0..10,000. */
  const anyShares = fc
    .uniqueArray(fc.integer({ min: 1, max: 9_999 }), { maxLength: 11 })
    .map((cuts) => {
      const points = [0, ...cuts.sort((a, b) => a - b), 10_000];
      return points.slice(1).map((p, i) => ({ key: `k${i}`, basisPoints: p - (points[i] ?? 0) }));
    });
  const anyTotal = fc.integer({ min: -(10 ** 13), max: 10 ** 13 });

  it('property: integer parts summing exactly to the total, each within 1 rupiah of its exact share (totals up to 10^13)', () => {
    fc.assert(
      fc.property(anyTotal, anyShares, (total, shares) => {
        const parts = splitRupiah(total, shares);
        const sum = parts.reduce((a, p) => a + BigInt(p.amountRupiah), 0n);
        return (
          sum === BigInt(total) &&
          parts.every((p, i) => {
            const exact = BigInt(total) * BigInt(shares[i]?.basisPoints ?? 0);
            const diff = BigInt(p.amountRupiah) * 10_000n - exact;
            return Number.isSafeInteger(p.amountRupiah) && diff < 10_000n && diff > -10_000n;
          })
        );
      }),
      { numRuns: 500 },
    );
  });

  it('property: splitting −total gives exactly the negated parts', () => {
    fc.assert(
      fc.property(anyTotal, anyShares, (total, shares) => {
        const pos = splitRupiah(total, shares).map((p) => p.amountRupiah);
        const neg = splitRupiah(-total, shares).map((p) => p.amountRupiah);
        return pos.every((v, i) => v === -(neg[i] ?? Number.NaN));
      }),
    );
  });
});

describe('distributeByWeight', () => {
  it('shares the premi part by attendance days', () => {
    expect(distributeByWeight(1_000_000, [{ wbpId: 'A', weight: 20 }, { wbpId: 'B', weight: 10 }, { wbpId: 'C', weight: 0 }, { wbpId: 'D', weight: 3 }])).toEqual([
      { wbpId: 'A', amountRupiah: 606_061 },
      { wbpId: 'B', amountRupiah: 303_030 },
      { wbpId: 'C', amountRupiah: 0 },
      { wbpId: 'D', amountRupiah: 90_909 },
    ]);
  });

  it('refuses negative or fractional weights, and a non-zero total with no weight', () => {
    expect(() => distributeByWeight(10, [{ wbpId: 'A', weight: -1 }])).toThrow(RangeError);
    expect(() => distributeByWeight(10, [{ wbpId: 'A', weight: 1.5 }])).toThrow(RangeError);
    expect(() => distributeByWeight(10, [{ wbpId: 'A', weight: 0 }])).toThrow(RangeError);
    expect(distributeByWeight(0, [{ wbpId: 'A', weight: 0 }])).toEqual([{ wbpId: 'A', amountRupiah: 0 }]);
    expect(distributeByWeight(0, [])).toEqual([]);
  });

  it('property: parts sum to the total, zero weights get 0, larger weights never get less', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 13 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 30 }).filter((ws) => ws.some((w) => w > 0)),
        (total, ws) => {
          const parts = distributeByWeight(total, ws.map((weight, i) => ({ wbpId: `w${i}`, weight })));
          const amounts = parts.map((p) => p.amountRupiah);
          const sumOk = amounts.reduce((a, b) => a + BigInt(b), 0n) === BigInt(total);
          const zeroOk = ws.every((w, i) => w > 0 || amounts[i] === 0);
          const monotone = ws.every((wi, i) => ws.every((wj, j) => !(wi < wj) || (amounts[i] ?? 0) <= (amounts[j] ?? 0)));
          return sumOk && zeroOk && monotone;
        },
      ),
    );
  });

  it('largestRemainder core keeps the total for huge totals', () => {
    const parts = largestRemainder(10n ** 20n + 7n, [1n, 1n, 1n]);
    expect(parts.reduce((a, b) => a + b, 0n)).toBe(10n ** 20n + 7n);
  });
});
