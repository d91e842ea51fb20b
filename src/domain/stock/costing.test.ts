import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../calendar/date.ts';
import { bomVariance, consumedLines, costBatch, stockValue, valueMoves } from './costing.ts';
import type { ConsumedLine } from './costing.ts';
import { appendMove, keyOf, reverse } from './ledger.ts';
import type { MoveKind, StockMove } from './ledger.ts';

const mv = (id: string, kind: MoveKind, date: string, qty: number, over: Partial<StockMove> = {}): StockMove => ({
  id,
  date,
  itemId: 'tepung',
  locationId: 'dapur',
  qty,
  kind,
  ...over,
});

const unwrap = <T>(r: { ok: true; value: T } | { ok: false; errors: unknown[] }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};

describe('moving-average valuation', () => {
  // Flour in grams: 25 kg at Rp 300.000 (Rp 12/g), then 10 kg at Rp 155.000 (Rp 15,5/g: a total, not a unit cost).
  const moves: StockMove[] = [
    mv('r1', 'receipt', '2026-01-05', 25_000, { totalCostRupiah: 300_000 }),
    mv('c1', 'consumption', '2026-01-06', -10_000),
    mv('r2', 'receipt', '2026-01-07', 10_000, { totalCostRupiah: 155_000 }),
    mv('c2', 'consumption', '2026-01-08', -12_500),
    mv('c3', 'consumption', '2026-01-09', -12_500),
  ];

  it('values each consumption at the average of the stock at that moment', () => {
    expect(Object.fromEntries(valueMoves(moves))).toEqual({
      r1: 300_000,
      c1: -120_000,
      r2: 155_000,
      // 335.000 for 25.000 g: half is 167.500
      c2: -167_500,
      c3: -167_500,
    });
    expect(stockValue(moves)).toEqual([{ key: keyOf(moves[0] as StockMove), qty: 0, valueRupiah: 0 }]);
  });

  it('rounds half up and lets the last gram take whatever value is left', () => {
    const odd = [mv('r', 'receipt', '2026-01-01', 3, { totalCostRupiah: 100 }), mv('a', 'sale', '2026-01-02', -1), mv('b', 'sale', '2026-01-03', -1), mv('c', 'sale', '2026-01-04', -1)];
    expect([...valueMoves(odd).values()]).toEqual([100, -33, -34, -33]);
  });

  it('a reversal takes back exactly the value its original moved', () => {
    const rev = reverse(moves[3] as StockMove, '2026-01-08');
    const values = valueMoves([...moves.slice(0, 4), rev]);
    expect(values.get('rev:c2')).toBe(167_500);
  });

  it('a reversed receipt whose stock was used since is valued at the average (value never goes negative)', () => {
    const list = [
      mv('free', 'receipt', '2026-01-01', 10, { totalCostRupiah: 0 }),
      mv('paid', 'receipt', '2026-01-02', 10, { totalCostRupiah: 1_000 }),
      mv('use', 'consumption', '2026-01-03', -5),
    ];
    const values = valueMoves([...list, reverse(list[1] as StockMove, '2026-01-04')]);
    expect([...values.values()]).toEqual([0, 1_000, -250, -500]);
    const early = valueMoves([...list.slice(0, 2), reverse(list[1] as StockMove, '2026-01-02')]);
    expect(early.get('rev:paid')).toBe(-1_000);
  });

  it('a found surplus without cost enters at the current average; unit costs multiply', () => {
    const list = [mv('r', 'receipt', '2026-01-01', 100, { unitCostRupiah: 7 }), mv('adj', 'adjustment', '2026-01-02', 10)];
    expect([...valueMoves(list).values()]).toEqual([700, 70]);
  });
});

describe('costBatch — from what was actually consumed', () => {
  it('costs a bakery batch from its consumption moves, not from the recipe', () => {
    const moves: StockMove[] = [
      mv('r1', 'receipt', '2026-01-05', 25_000, { totalCostRupiah: 300_000 }),
      mv('r2', 'receipt', '2026-01-05', 30, { itemId: 'telur', unitCostRupiah: 2_000 }),
      // The recipe says 10 kg flour and 20 eggs; the kitchen actually used 12 kg and 24 eggs.
      mv('b1', 'consumption', '2026-01-06', -12_000),
      mv('b2', 'consumption', '2026-01-06', -24, { itemId: 'telur' }),
    ];
    const consumed = consumedLines(moves, ['b1', 'b2']);
    expect(consumed).toEqual([
      { itemId: 'tepung', qty: -12_000, valueRupiah: -144_000 },
      { itemId: 'telur', qty: -24, valueRupiah: -48_000 },
    ]);
    expect(unwrap(costBatch({ consumed, outputQty: 190, scrapQty: 10 }))).toEqual({
      totalCostRupiah: 192_000,
      outputCostRupiah: 182_400,
      unitCostRupiah: 960,
      scrapCostRupiah: 9_600,
    });
  });

  it.each<[string, ConsumedLine[], number, number, { total: number; output: number; unit: number | null; scrap: number }]>([
    ['odd rupiah stays with the output', [{ itemId: 'x', qty: -1, valueRupiah: -100 }], 2, 1, { total: 100, output: 67, unit: 34, scrap: 33 }],
    ['no scrap', [{ itemId: 'x', qty: -3, unitCostRupiah: 1_000 }], 7, 0, { total: 3_000, output: 3_000, unit: 429, scrap: 0 }],
    ['only scrap: scrap carries the cost', [{ itemId: 'x', qty: -3, unitCostRupiah: 1_000 }], 0, 5, { total: 3_000, output: 0, unit: null, scrap: 3_000 }],
    ['material given back lowers the cost', [{ itemId: 'x', qty: -10, unitCostRupiah: 100 }, { itemId: 'x', qty: 4, unitCostRupiah: 100 }], 3, 0, { total: 600, output: 600, unit: 200, scrap: 0 }],
    ['free material', [], 10, 2, { total: 0, output: 0, unit: 0, scrap: 0 }],
  ])('%s', (_name, consumed, outputQty, scrapQty, e) => {
    expect(unwrap(costBatch({ consumed, outputQty, scrapQty }))).toEqual({ totalCostRupiah: e.total, outputCostRupiah: e.output, unitCostRupiah: e.unit, scrapCostRupiah: e.scrap });
  });

  it('refuses a negative total, so scrap can never carry a negative cost', () => {
    const r = costBatch({ consumed: [{ itemId: 'x', qty: 5, valueRupiah: 500 }], outputQty: 1, scrapQty: 1 });
    expect(r.ok ? [] : r.errors.map((e) => e.code)).toEqual(['negative_cost']);
  });

  it.each([
    [0, 0],
    [-1, 2],
    [1.5, 0],
  ])('refuses output %s / scrap %s', (outputQty, scrapQty) => {
    const r = costBatch({ consumed: [], outputQty, scrapQty });
    expect(r.ok ? [] : r.errors.map((e) => e.code)).toEqual(['invalid_quantities']);
  });

  it('property: output + scrap absorb the total exactly; scrap ≥ 0 and never above its share', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ qty: fc.integer({ min: 1, max: 1_000_000 }), cost: fc.integer({ min: 0, max: 1_000_000 }) }), { maxLength: 10 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        (lines, outputQty, scrapQty) => {
          fc.pre(outputQty + scrapQty > 0);
          const consumed = lines.map((l) => ({ itemId: 'x', qty: -l.qty, unitCostRupiah: l.cost }));
          const r = unwrap(costBatch({ consumed, outputQty, scrapQty }));
          const total = lines.reduce((a, l) => a + l.qty * l.cost, 0);
          return (
            r.totalCostRupiah === total &&
            r.outputCostRupiah + r.scrapCostRupiah === total &&
            r.scrapCostRupiah >= 0 &&
            r.outputCostRupiah >= 0 &&
            r.scrapCostRupiah * (outputQty + scrapQty) <= total * scrapQty &&
            [r.totalCostRupiah, r.outputCostRupiah, r.scrapCostRupiah, r.unitCostRupiah ?? 0].every(Number.isSafeInteger)
          );
        },
      ),
    );
  });
});

describe('valuation invariants (fast-check)', () => {
  type Op = { kind: 'in' | 'out' | 'rev'; qty: number; cost: number; pick: number };
  const anyOps = fc.array(
    fc.record({ kind: fc.constantFrom('in' as const, 'out' as const, 'out' as const, 'rev' as const), qty: fc.integer({ min: 1, max: 50_000 }), cost: fc.integer({ min: 0, max: 5_000_000 }), pick: fc.nat() }),
    { minLength: 5, maxLength: 40, size: 'max' },
  );

  function build(ops: readonly Op[]): StockMove[] {
    let moves: StockMove[] = [];
    ops.forEach((op, i) => {
      const date = addDays('2026-01-01', i);
      const target = moves[op.pick % Math.max(moves.length, 1)];
      const move: StockMove | null =
        op.kind === 'in'
          ? mv(`m${i}`, 'receipt', date, op.qty, { totalCostRupiah: op.cost })
          : op.kind === 'out'
            ? mv(`m${i}`, 'consumption', date, -op.qty)
            : target === undefined
              ? null
              : reverse(target, date);
      if (move !== null) moves = appendMove(moves, move).moves;
    });
    return moves;
  }

  it('stock value = sum of move values, never negative, and 0 when the stock is empty', () => {
    fc.assert(
      fc.property(anyOps.map(build), (moves) => {
        const values = valueMoves(moves);
        const sum = [...values.values()].reduce((a, v) => a + v, 0);
        const [state] = stockValue(moves);
        if (state === undefined) return moves.length === 0;
        return state.valueRupiah === sum && state.valueRupiah >= 0 && (state.qty !== 0 || state.valueRupiah === 0);
      }),
    );
  });

  it('each outgoing value is within the stock value, at every step', () => {
    fc.assert(
      fc.property(anyOps.map(build), (moves) => {
        for (let n = 1; n <= moves.length; n++) {
          const [state] = stockValue(moves.slice(0, n));
          if (state !== undefined && (state.valueRupiah < 0 || (state.qty === 0 && state.valueRupiah !== 0))) return false;
        }
        return true;
      }),
    );
  });
});

describe('bomVariance', () => {
  const bom = { outputQty: 100, lines: [{ itemId: 'tepung', qty: 10_000 }, { itemId: 'telur', qty: 20 }, { itemId: 'ragi', qty: 100 }] };

  it('shows planned versus actual per material, unplanned ones last', () => {
    const consumed = [
      { itemId: 'tepung', qty: -12_000 },
      { itemId: 'telur', qty: -20 },
      { itemId: 'gula', qty: -500 },
      { itemId: 'tepung', qty: 500 },
    ];
    expect(bomVariance(bom, consumed)).toEqual([
      { itemId: 'tepung', plannedQty: 10_000, actualQty: 11_500, varianceQty: 1_500, varianceBasisPoints: 1_500, status: 'over' },
      { itemId: 'telur', plannedQty: 20, actualQty: 20, varianceQty: 0, varianceBasisPoints: 0, status: 'as_planned' },
      { itemId: 'ragi', plannedQty: 100, actualQty: 0, varianceQty: -100, varianceBasisPoints: -10_000, status: 'not_used' },
      { itemId: 'gula', plannedQty: 0, actualQty: 500, varianceQty: 500, varianceBasisPoints: null, status: 'unplanned' },
    ]);
  });

  it('scales the plan to the quantity produced (rounded half up)', () => {
    const rows = bomVariance(bom, [{ itemId: 'telur', qty: -30 }], 150);
    expect(rows.map((r) => [r.itemId, r.plannedQty, r.status])).toEqual([
      ['tepung', 15_000, 'not_used'],
      ['telur', 30, 'as_planned'],
      ['ragi', 150, 'not_used'],
    ]);
    expect(bomVariance({ outputQty: 3, lines: [{ itemId: 'a', qty: 1 }] }, [{ itemId: 'a', qty: -1 }], 2)[0]).toMatchObject({ plannedQty: 1, status: 'as_planned' });
    expect(() => bomVariance({ outputQty: 0, lines: [] }, [])).toThrow(RangeError);
  });
});
