import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../calendar/date.ts';
import { appendMove, availableFrom, inLedgerOrder, keyOf, onHand, pickLots, qtyOnHand, reverse, validateMove } from './ledger.ts';
import type { Lot, MoveKind, StockMove } from './ledger.ts';

const FLOUR = 'tepung-terigu'; // grams
const LOC = 'gudang-lapas-a';

let seq = 0;
const mv = (kind: MoveKind, date: string, qty: number, over: Partial<StockMove> = {}): StockMove => ({
  id: `m${++seq}`,
  date,
  itemId: FLOUR,
  locationId: LOC,
  qty,
  kind,
  ...over,
});

const lotA = { code: 'A', expiry: '2026-03-31' };
const lotB = { code: 'B', expiry: '2026-02-28' };
const lotC = { code: 'C' };

const ledger: StockMove[] = [
  mv('receipt', '2026-01-05', 25_000, { id: 'r1', lot: lotA, totalCostRupiah: 300_000 }),
  mv('receipt', '2026-01-06', 10_000, { id: 'r2', lot: lotB, unitCostRupiah: 13 }),
  mv('receipt', '2026-01-07', 5_000, { id: 'r3', lot: lotC, unitCostRupiah: 11 }),
  mv('consumption', '2026-01-10', -4_000, { id: 'c1', lot: lotB }),
  mv('sale', '2026-01-20', -1_000, { id: 's1', lot: lotA, idempotencyKey: 'pos-7f3a' }),
];

const codes = (moves: StockMove[], move: StockMove): string[] => {
  const check = validateMove(moves, move);
  return check.status === 'refused' ? check.reasons.map((r) => r.code) : [check.status];
};

describe('onHand', () => {
  it('is kept per item × location × lot, with the lot expiry', () => {
    expect(onHand(ledger)).toEqual([
      { itemId: FLOUR, locationId: LOC, lotCode: 'A', expiry: '2026-03-31', qty: 24_000 },
      { itemId: FLOUR, locationId: LOC, lotCode: 'B', expiry: '2026-02-28', qty: 6_000 },
      { itemId: FLOUR, locationId: LOC, lotCode: 'C', expiry: null, qty: 5_000 },
    ]);
  });

  it('counts moves up to a date, and leaves out empty stocks', () => {
    expect(onHand(ledger, '2026-01-06').map((b) => [b.lotCode, b.qty])).toEqual([
      ['A', 25_000],
      ['B', 10_000],
    ]);
    expect(onHand([mv('receipt', '2026-01-01', 5), mv('sale', '2026-01-02', -5)])).toEqual([]);
    expect(qtyOnHand(ledger, { itemId: FLOUR, locationId: LOC, lotCode: 'B' }, '2026-01-09')).toBe(10_000);
  });
});

describe('validateMove', () => {
  it.each<[string, StockMove, string[]]>([
    ['a plain receipt', mv('receipt', '2026-01-21', 1_000), ['accepted']],
    ['consumption within stock', mv('consumption', '2026-01-21', -6_000, { lot: lotB }), ['accepted']],
    ['consumption beyond stock', mv('consumption', '2026-01-21', -6_001, { lot: lotB }), ['insufficient_stock']],
    ['sale beyond stock', mv('sale', '2026-01-21', -24_001, { lot: lotA }), ['insufficient_stock']],
    ['transfer out beyond stock', mv('transfer_out', '2026-01-21', -5_001, { lot: lotC }), ['insufficient_stock']],
    ['scrap beyond stock', mv('scrap', '2026-01-21', -5_001, { lot: lotC }), ['insufficient_stock']],
    ['negative adjustment beyond stock', mv('adjustment', '2026-01-21', -5_001, { lot: lotC }), ['insufficient_stock']],
    ['stock of another location is not available', mv('sale', '2026-01-21', -1, { lot: lotC, locationId: 'showroom' }), ['insufficient_stock']],
    ['backdated sale taking what a later sale used', mv('sale', '2026-01-06', -24_500, { lot: lotA }), ['insufficient_stock']],
    ['backdated sale before the receipt', mv('sale', '2026-01-04', -1, { lot: lotA }), ['insufficient_stock']],
    ['consuming on the expiry day', mv('consumption', '2026-02-28', -1, { lot: { code: 'B' } }), ['accepted']],
    ['consuming an expired lot', mv('consumption', '2026-03-01', -1, { lot: { code: 'B' } }), ['expired_lot']],
    ['selling an expired lot', mv('sale', '2026-03-01', -1, { lot: lotB }), ['expired_lot']],
    ['scrapping an expired lot', mv('scrap', '2026-03-01', -6_000, { lot: lotB }), ['accepted']],
    ['a lot with another expiry', mv('receipt', '2026-01-21', 1, { lot: { code: 'A', expiry: '2026-04-30' } }), ['lot_expiry_mismatch']],
    ['receipt with a negative qty', mv('receipt', '2026-01-21', -1), ['sign', 'insufficient_stock']],
    ['output with a fractional qty', mv('output', '2026-01-21', 2.5), ['invalid_qty']],
    ['zero adjustment', mv('adjustment', '2026-01-21', 0), ['invalid_qty']],
    ['fractional cost', mv('receipt', '2026-01-21', 1, { unitCostRupiah: 1.5 }), ['invalid_cost']],
    ['duplicate id', mv('receipt', '2026-01-21', 1, { id: 'r1' }), ['duplicate_id']],
    ['reverses on a sale', mv('sale', '2026-01-21', -1, { lot: lotA, reverses: 's1' }), ['reverses_on_non_reversal']],
    ['empty lot code', mv('receipt', '2026-01-21', 1, { lot: { code: ' ' } }), ['invalid_lot']],
  ])('%s', (_name, move, expected) => {
    expect(codes(ledger, move)).toEqual(expected);
  });

  it('a retried sale (same idempotency key) returns the recorded move and never counts twice', () => {
    const retry = mv('sale', '2026-01-20', -1_000, { id: 'client-retry', lot: lotA, idempotencyKey: 'pos-7f3a' });
    const check = validateMove(ledger, retry);
    expect(check).toEqual({ status: 'duplicate', move: ledger[4] });
    const { moves } = appendMove(ledger, retry);
    expect(onHand(moves)).toEqual(onHand(ledger));
  });

  it('the same key with a different sale is a conflict, not a silent merge', () => {
    expect(codes(ledger, mv('sale', '2026-01-20', -2_000, { lot: lotA, idempotencyKey: 'pos-7f3a' }))).toEqual(['idempotency_conflict']);
  });

  it('reversal: once, matching, not of a reversal, not dated before', () => {
    const rev = reverse(ledger[3] as StockMove, '2026-01-11');
    expect(rev).toEqual({ id: 'rev:c1', date: '2026-01-11', itemId: FLOUR, locationId: LOC, lot: lotB, qty: 4_000, kind: 'reversal', reverses: 'c1' });
    expect(codes(ledger, rev)).toEqual(['accepted']);
    const after = [...ledger, rev];
    expect(qtyOnHand(after, { itemId: FLOUR, locationId: LOC, lotCode: 'B' })).toBe(10_000);
    expect(codes(after, { ...rev, id: 'rev2' })).toEqual(['already_reversed']);
    expect(codes(after, reverse(rev, '2026-01-12'))).toEqual(['reverse_reversal']);
    expect(codes(ledger, { ...rev, qty: 3_999 })).toEqual(['reversal_mismatch']);
    expect(codes(ledger, reverse(ledger[3] as StockMove, '2026-01-09'))).toEqual(['reversal_before_move']);
    expect(codes(ledger, { ...rev, reverses: 'nope' })).toEqual(['not_found']);
  });

  it('refuses reversing a receipt whose stock was already used', () => {
    expect(codes(ledger, reverse(ledger[1] as StockMove, '2026-01-21'))).toEqual(['insufficient_stock']);
  });
});

describe('pickLots (FEFO)', () => {
  it('takes the first expiry first, then later ones, then lots without expiry', () => {
    expect(pickLots(ledger, FLOUR, LOC, 32_000, '2026-01-21')).toEqual({
      picks: [
        { lot: lotB, qty: 6_000 },
        { lot: lotA, qty: 24_000 },
        { lot: lotC, qty: 2_000 },
      ],
      shortfall: 0,
    });
  });

  it('never picks an expired lot and reports the shortfall', () => {
    expect(pickLots(ledger, FLOUR, LOC, 40_000, '2026-03-01')).toEqual({
      picks: [
        { lot: lotA, qty: 24_000 },
        { lot: lotC, qty: 5_000 },
      ],
      shortfall: 11_000,
    });
  });

  it('does not take what a later move needs', () => {
    const later = [...ledger, mv('sale', '2026-02-10', -20_000, { lot: lotA })];
    expect(pickLots(later, FLOUR, LOC, 10_000, '2026-01-21').picks).toEqual([
      { lot: lotB, qty: 6_000 },
      { lot: lotA, qty: 4_000 },
    ]);
    expect(availableFrom(later, { itemId: FLOUR, locationId: LOC, lotCode: 'A' }, '2026-01-21')).toBe(4_000);
  });

  it('ignores other items and locations, and receipts after the date', () => {
    const more = [...ledger, mv('receipt', '2026-01-05', 99, { itemId: 'gula', lot: { code: 'Z', expiry: '2026-01-30' } }), mv('receipt', '2026-02-01', 7, { lot: { code: 'D', expiry: '2026-01-25' } })];
    expect(pickLots(more, FLOUR, 'showroom', 1, '2026-01-21')).toEqual({ picks: [], shortfall: 1 });
    expect(pickLots(more, FLOUR, LOC, 1, '2026-01-21').picks).toEqual([{ lot: lotB, qty: 1 }]);
  });
});

type Op = { kind: MoveKind; lot: number; qty: number; day: number; reverseOf: number; retry: boolean };

const LOTS: readonly Lot[] = [{ code: 'L1', expiry: '2026-01-20' }, { code: 'L2', expiry: '2026-02-10' }, { code: 'L3' }];

const anyOp: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom<MoveKind>('receipt', 'output', 'consumption', 'sale', 'scrap', 'transfer_out', 'transfer_in', 'adjustment', 'reversal'),
  lot: fc.integer({ min: 0, max: 2 }),
  qty: fc.integer({ min: 1, max: 5_000 }),
  day: fc.integer({ min: 0, max: 60 }),
  reverseOf: fc.nat(),
  retry: fc.boolean(),
});

/** Appends random moves through appendMove; refused ones are dropped, as the service would. */
function build(ops: readonly Op[]): StockMove[] {
  let moves: StockMove[] = [];
  ops.forEach((op, i) => {
    // Mostly in date order, with some backdating (day jitter of up to 3 days).
    const date = addDays('2026-01-01', i + (op.day % 4) - 3);
    let move: StockMove;
    if (op.kind === 'reversal') {
      const target = moves[op.reverseOf % Math.max(moves.length, 1)];
      if (target === undefined) return;
      move = reverse(target, date);
    } else {
      const sign = ['consumption', 'sale', 'scrap', 'transfer_out'].includes(op.kind) || (op.kind === 'adjustment' && op.qty % 2 === 0) ? -1 : 1;
      const qty = sign < 0 ? (op.qty % 1_500) + 1 : op.qty;
      move = { id: `p${i}`, date, itemId: 'beras', locationId: 'g1', lot: { ...(LOTS[op.lot] as Lot) }, qty: sign * qty, kind: op.kind, idempotencyKey: `k${i}` };
    }
    moves = appendMove(moves, move).moves;
    const last = moves[moves.length - 1];
    if (op.retry && last !== undefined && last.idempotencyKey !== undefined) moves = appendMove(moves, { ...last, id: `${last.id}-retry` }).moves;
  });
  return moves;
}

describe('ledger invariants (fast-check)', () => {
  const anyLedger = fc.array(anyOp, { minLength: 5, maxLength: 40, size: 'max' }).map(build);

  it('no stock is ever negative, on any date', () => {
    fc.assert(
      fc.property(anyLedger, (moves) => {
        const running = new Map<string, number>();
        for (const m of inLedgerOrder(moves)) {
          running.set(keyOf(m), (running.get(keyOf(m)) ?? 0) + m.qty);
          if ((running.get(keyOf(m)) ?? 0) < 0) return false;
        }
        return true;
      }),
    );
  });

  it('retries never count twice; ids and reversals stay unique', () => {
    fc.assert(
      fc.property(anyLedger, (moves) => {
        const keys = moves.flatMap((m) => (m.idempotencyKey === undefined ? [] : [m.idempotencyKey]));
        const reversed = moves.flatMap((m) => (m.reverses === undefined ? [] : [m.reverses]));
        return new Set(keys).size === keys.length && new Set(moves.map((m) => m.id)).size === moves.length && new Set(reversed).size === reversed.length;
      }),
    );
  });

  it('no consumption or sale from an expired lot', () => {
    fc.assert(
      fc.property(anyLedger, (moves) =>
        moves.every((m) => !['consumption', 'sale'].includes(m.kind) || m.lot?.expiry === undefined || m.date <= m.lot.expiry),
      ),
    );
  });

  it('FEFO picks are never expired, in expiry order, cover request − shortfall, and all validate', () => {
    fc.assert(
      fc.property(anyLedger, fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 0, max: 60 }), (moves, qty, day) => {
        const date = addDays('2026-01-01', day);
        const { picks, shortfall } = pickLots(moves, 'beras', 'g1', qty, date);
        const expiries = picks.map((p) => p.lot?.expiry ?? '9999-12-31');
        if (expiries.some((e) => e < date) || expiries.some((e, i) => i > 0 && e < (expiries[i - 1] ?? ''))) return false;
        if (picks.reduce((a, p) => a + p.qty, 0) + shortfall !== qty || shortfall < 0) return false;
        let ledgerNow = moves;
        for (const [i, p] of picks.entries()) {
          const move: StockMove = { id: `pick${i}`, date, itemId: 'beras', locationId: 'g1', qty: -p.qty, kind: 'consumption', ...(p.lot === null ? {} : { lot: p.lot }) };
          const { moves: next, check } = appendMove(ledgerNow, move);
          if (check.status !== 'accepted') return false;
          ledgerNow = next;
        }
        return true;
      }),
    );
  });

  it('reversing any accepted move restores the stock it changed', () => {
    fc.assert(
      fc.property(anyLedger, fc.nat(), (moves, pick) => {
        const target = moves[pick % Math.max(moves.length, 1)];
        if (target === undefined) return true;
        const { check, moves: after } = appendMove(moves, reverse(target, '2026-12-31'));
        if (check.status !== 'accepted') return check.status === 'refused';
        const key = { itemId: target.itemId, locationId: target.locationId, lotCode: target.lot?.code ?? null };
        return qtyOnHand(after, key) === qtyOnHand(moves, key) - target.qty;
      }),
    );
  });
});
