import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addFigures, percentCut2, withPercentages, ZERO_FIGURES } from './realisation.ts';

describe('percentages as Ditjenpas publishes them', () => {
  it.each([
    [4175, 13500, '30.92'], // Jan–Mar 2021 trained, published 30.92% (30.9259… cut)
    [2963, 13500, '21.94'], // certified, published 21.94% (21.948… cut)
    [1, 3, '33.33'],
    [2, 3, '66.66'],
    [5, 5, '100.00'],
    [0, 7, '0.00'],
    [7, 0, null],
    [12, 5, '240.00'],
  ])('%i of %i → %s', (n, d, expected) => {
    expect(percentCut2(n, d)).toBe(expected);
  });
  it('never exceeds the exact value and is within a hundredth of it', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.integer({ min: 1, max: 1_000_000 }), (n, d) => {
        const p = Number(percentCut2(n, d));
        const exact = (n / d) * 100;
        return p <= exact + 1e-9 && exact - p < 0.01 + 1e-9;
      }),
    );
  });
});

describe('figures', () => {
  it('sum and carry both percentages', () => {
    const f = addFigures(addFigures(ZERO_FIGURES, { trained: 3, tested: 2, certified: 1 }), { trained: 1, tested: 2, certified: 2 });
    expect(withPercentages(f)).toEqual({ trained: 4, tested: 4, certified: 3, certifiedPct: '75.00', passPct: '75.00' });
  });
});
