import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatHectares, formatKg, harvestBySector, haPlanted, M2_PER_HECTARE, offtakeShare, parseHectares, sectorOf } from './food.ts';
import type { Harvest, Planting } from './food.ts';

const planting = (id: string, over: Partial<Planting>): Planting => ({
  id,
  plotId: 'P1',
  crop: 'padi',
  category: 'pertanian',
  areaM2: 10_000,
  plantedOn: '2026-01-10',
  ...over,
});

describe('areas as integer m²', () => {
  it.each([
    ['1', 10_000],
    ['1,25', 12_500],
    ['0.5', 5_000],
    ['100', 1_000_000],
    ['0,0001', 1],
    [' 2,75 ', 27_500],
    ['1,23456', null],
    ['1.250.000', null],
    ['-1', null],
    ['', null],
  ])('parseHectares(%j) = %j', (text, m2) => {
    expect(parseHectares(text)).toBe(m2);
  });

  it.each([
    [12_500, 'id', '1,25 ha'],
    [12_500, 'en', '1.25 ha'],
    [1_000_000, 'id', '100 ha'],
    [12_345_678_9, 'en', '12,345.6789 ha'],
    [0, 'id', '0 ha'],
  ] as const)('formatHectares(%i, %s) = %s', (m2, lang, text) => {
    expect(formatHectares(m2, lang)).toBe(text);
  });

  it('property: format then parse (id) gives back the m²', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 99_999 * M2_PER_HECTARE }), (m2) => parseHectares(formatHectares(m2, 'id').replace(/ ha$/u, '').replaceAll('.', '')) === m2));
  });

  it.each([
    [99_930_000, 'id', '99.930 kg'],
    [19_608_500, 'en', '19,608.5 kg'],
    [4_019_005, 'id', '4.019,005 kg'],
  ] as const)('formatKg(%i, %s) = %s', (g, lang, text) => {
    expect(formatKg(g, lang)).toBe(text);
  });
});

describe('haPlanted', () => {
  const plantings: Planting[] = [
    planting('a', { plantedOn: '2026-01-01', areaM2: 5_000 }),
    planting('b', { plantedOn: '2026-01-31', category: 'perkebunan', areaM2: 2_500 }),
    planting('c', { plantedOn: '2026-02-01', areaM2: 10_000 }),
    planting('d', { plantedOn: '2026-01-15', category: 'perikanan', areaM2: 400 }),
    planting('e', { plantedOn: '2026-01-15', category: 'kerajinan', areaM2: 999 }),
    planting('f', { plantedOn: '2025-12-31', areaM2: 7_000 }),
    planting('g', { plantedOn: '2026-01-20', plotId: 'P1', areaM2: 5_000 }),
  ];

  it('counts each planting once, in the period it is planted (both ends inclusive)', () => {
    expect(haPlanted(plantings, { from: '2026-01-01', to: '2026-01-31' })).toEqual({
      total: 12_900,
      bySector: { farming: 12_500, fisheries: 400, livestock: 0 },
      excluded: ['e'],
    });
  });

  it('property: periods that tile the year add up to the year', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ day: fc.integer({ min: 1, max: 28 }), month: fc.integer({ min: 1, max: 12 }), area: fc.integer({ min: 0, max: 1_000_000 }) })),
        (rows) => {
          const list = rows.map((r, i) => planting(String(i), { plantedOn: `2026-${String(r.month).padStart(2, '0')}-${String(r.day).padStart(2, '0')}`, areaM2: r.area }));
          const h1 = haPlanted(list, { from: '2026-01-01', to: '2026-06-30' }).total;
          const h2 = haPlanted(list, { from: '2026-07-01', to: '2026-12-31' }).total;
          return h1 + h2 === haPlanted(list, { from: '2026-01-01', to: '2026-12-31' }).total && h1 + h2 === rows.reduce((a, r) => a + r.area, 0);
        },
      ),
    );
  });
});

describe('harvestBySector', () => {
  it('sums grams by the published sectors', () => {
    const harvests: Harvest[] = [
      { id: 'h1', plotId: 'P1', category: 'pertanian', harvestedOn: '2026-01-15', grams: 99_930_000 },
      { id: 'h2', plotId: 'K1', category: 'perikanan', harvestedOn: '2026-01-15', grams: 19_608_000 },
      { id: 'h3', plotId: 'T1', category: 'peternakan', harvestedOn: '2026-01-15', grams: 4_019_000 },
      { id: 'h4', plotId: 'T1', category: 'peternakan', harvestedOn: '2026-01-16', grams: 1 },
    ];
    expect(harvestBySector(harvests, { from: '2026-01-15', to: '2026-01-15' })).toEqual({
      total: 123_557_000,
      bySector: { farming: 99_930_000, fisheries: 19_608_000, livestock: 4_019_000 },
      excluded: [],
    });
  });

  it('re-exports sectorOf', () => {
    expect(sectorOf('peternakan')).toBe('livestock');
  });
});

describe('offtakeShare (meal suppliers buy ≥ 5%)', () => {
  it.each([
    [1_000, 50, 500, true],
    [1_000, 49, 490, false],
    [99_930, 4_996, 499, false],
    [99_930, 4_997, 500, true],
    [100_000, 4_999, 499, false],
    [200, 300, 15_000, true],
    [500, 0, 0, false],
  ])('harvest %i, offtake %i → %i bp, meets %s', (harvest, offtake, bp, meets) => {
    expect(offtakeShare(harvest, offtake)).toEqual({ basisPoints: bp, meetsMinimum: meets, minimumBasisPoints: 500 });
  });

  it('has nothing to measure without a harvest', () => {
    expect(offtakeShare(0, 10)).toEqual({ basisPoints: null, meetsMinimum: null, minimumBasisPoints: 500 });
  });

  it('property: meets ⇔ offtake × 20 ≥ harvest; floored bp never overstates', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 0, max: 1e9 }), (harvest, offtake) => {
        const r = offtakeShare(harvest, offtake);
        const bp = r.basisPoints ?? -1;
        return r.meetsMinimum === offtake * 20 >= harvest && bp * harvest <= offtake * 10_000 && (bp + 1) * harvest > offtake * 10_000;
      }),
    );
  });
});
