import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../calendar/date.ts';
import { appendEntry, balance, payoutOnRelease, reverse, statement, validateEntry } from './ledger.ts';
import type { PremiEntry, PremiEntryKind } from './ledger.ts';

const W = 'WBP-001';
const entry = (id: string, date: string, kind: PremiEntryKind, amount: number, over: Partial<PremiEntry> = {}): PremiEntry => ({
  id,
  wbpId: W,
  date,
  kind,
  amount,
  reference: `ref ${id}`,
  ...over,
});

const base: PremiEntry[] = [
  entry('e1', '2026-01-31', 'earning', 350_000),
  entry('e2', '2026-02-28', 'earning', 320_000),
  entry('e3', '2026-03-05', 'payout', -100_000),
  entry('e4', '2026-03-31', 'proceeds_share', 45_001),
];

const unwrap = <T>(r: { ok: true; value: T } | { ok: false; errors: unknown[] }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};

describe('append-only entries', () => {
  it('balance is the sum', () => {
    expect(balance(base)).toBe(615_001);
    expect(balance([])).toBe(0);
  });

  it.each<[string, PremiEntry, string[]]>([
    ['earning', entry('n', '2026-04-01', 'earning', 1), []],
    ['negative earning', entry('n', '2026-04-01', 'earning', -1), ['sign']],
    ['fractional rupiah', entry('n', '2026-04-01', 'earning', 10.5), ['not_integer']],
    ['positive payout', entry('n', '2026-04-01', 'payout', 5), ['sign']],
    ['payout above the balance', entry('n', '2026-04-01', 'payout', -615_002), ['payout_exceeds_balance']],
    ['payout of the whole balance', entry('n', '2026-04-01', 'payout', -615_001), []],
    ['zero adjustment', entry('n', '2026-04-01', 'adjustment', 0), ['zero_amount']],
    ['negative adjustment', entry('n', '2026-04-01', 'adjustment', -20_000), []],
    ['duplicate id', entry('e1', '2026-04-01', 'earning', 1), ['duplicate_id']],
    ['another WBP', entry('n', '2026-04-01', 'earning', 1, { wbpId: 'WBP-002' }), ['other_wbp']],
    ['bad date', entry('n', '2026-04-31', 'earning', 1), ['invalid_date']],
    ['reverses on an earning', entry('n', '2026-04-01', 'earning', 1, { reverses: 'e1' }), ['reverses_on_non_reversal']],
    ['hand-made reversal with the wrong amount', entry('n', '2026-04-01', 'reversal', -1, { reverses: 'e1' }), ['reversal_amount']],
  ])('%s', (_name, candidate, codes) => {
    expect(validateEntry(base, candidate).map((r) => r.code)).toEqual(codes);
    const appended = appendEntry(base, candidate);
    expect(appended.ok).toBe(codes.length === 0);
  });

  it('never modifies the ledger it is given', () => {
    const copy = structuredClone(base);
    appendEntry(base, entry('n', '2026-04-01', 'earning', 1));
    reverse(base, base[0] as PremiEntry, '2026-04-01', 'salah input');
    expect(base).toEqual(copy);
  });
});

describe('reverse', () => {
  it('makes a −amount entry pointing at the original, with the reason as reference', () => {
    const rev = unwrap(reverse(base, base[1] as PremiEntry, '2026-03-02', 'Absensi salah'));
    expect(rev).toEqual({ id: 'rev:e2', wbpId: W, date: '2026-03-02', kind: 'reversal', amount: -320_000, reverses: 'e2', reference: 'Absensi salah' });
    expect(balance([...base, rev])).toBe(295_001);
  });

  it('refuses reversing a reversal, reversing twice, a missing entry, or dating before the entry', () => {
    const rev = unwrap(reverse(base, base[0] as PremiEntry, '2026-04-01', 'x'));
    const ledger = [...base, rev];
    const codes = (r: ReturnType<typeof reverse>): string[] => (r.ok ? [] : r.errors.map((e) => e.code));
    expect(codes(reverse(ledger, rev, '2026-04-02', 'y'))).toEqual(['reverse_reversal']);
    expect(codes(reverse(ledger, base[0] as PremiEntry, '2026-04-02', 'y'))).toEqual(['already_reversed']);
    expect(codes(reverse(ledger, entry('zz', '2026-01-01', 'earning', 5), '2026-04-02', 'y'))).toEqual(['not_found']);
    expect(codes(reverse(ledger, base[3] as PremiEntry, '2026-03-30', 'y'))).toEqual(['reversal_before_entry']);
  });

  it('a reversed payout gives the money back; a reversed earning after payout is a debt', () => {
    const payout = base[2] as PremiEntry;
    expect(balance([...base, unwrap(reverse(base, payout, '2026-04-01', 'transfer gagal'))])).toBe(715_001);
    const paidOut = [entry('a', '2026-01-01', 'earning', 100), entry('b', '2026-01-02', 'payout', -100)];
    const debt = [...paidOut, unwrap(reverse(paidOut, paidOut[0] as PremiEntry, '2026-01-03', 'salah'))];
    expect(balance(debt)).toBe(-100);
    const release = payoutOnRelease(debt, '2026-02-01');
    expect(release.ok ? [] : release.errors.map((e) => e.code)).toEqual(['negative_balance']);
  });
});

describe('statement and payout on release', () => {
  it('pays out the balance and prints running balances ending at 0', () => {
    const { payout, statement: s } = unwrap(payoutOnRelease(base, '2026-04-15'));
    expect(payout).toMatchObject({ kind: 'payout', amount: -615_001, date: '2026-04-15', wbpId: W });
    expect(s.lines.map((l) => l.runningBalance)).toEqual([350_000, 670_000, 570_000, 615_001, 0]);
    expect(s.closingBalance).toBe(0);
    expect(s.lines[4]?.label).toEqual({ id: 'Pembayaran', en: 'Payout' });
  });

  it('makes no payout when the balance is 0, and refuses entries after the release date', () => {
    const zero = [entry('a', '2026-01-01', 'earning', 100), entry('b', '2026-01-02', 'payout', -100)];
    expect(unwrap(payoutOnRelease(zero, '2026-01-05')).payout).toBeNull();
    expect(unwrap(payoutOnRelease([], '2026-01-05'))).toEqual({ payout: null, statement: { wbpId: null, lines: [], closingBalance: 0 } });
    const late = payoutOnRelease(base, '2026-03-30');
    expect(late.ok ? [] : late.errors.map((e) => e.code)).toEqual(['entries_after_release']);
  });

  it('orders the statement by date, same-day entries in ledger order', () => {
    const s = statement([entry('b', '2026-02-01', 'earning', 2), entry('a', '2026-01-01', 'earning', 1), entry('c', '2026-02-01', 'adjustment', -1)]);
    expect(s.lines.map((l) => [l.entryId, l.runningBalance])).toEqual([
      ['a', 1],
      ['b', 3],
      ['c', 2],
    ]);
  });

  it('refuses mixing WBP in one ledger', () => {
    const mixed = [entry('a', '2026-01-01', 'earning', 1), entry('b', '2026-01-01', 'earning', 1, { wbpId: 'X' })];
    expect(() => statement(mixed)).toThrow(RangeError);
    expect(() => payoutOnRelease(mixed, '2026-02-01')).toThrow(RangeError);
  });
});

type Op =
  | { t: 'earn'; amount: number }
  | { t: 'share'; amount: number }
  | { t: 'adjust'; amount: number }
  | { t: 'pay'; permille: number }
  | { t: 'reverse'; pick: number };

const anyOp: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ t: fc.constant('earn' as const), amount: fc.integer({ min: 1, max: 5_000_000 }) }),
  fc.record({ t: fc.constant('share' as const), amount: fc.integer({ min: 1, max: 5_000_000 }) }),
  fc.record({ t: fc.constant('adjust' as const), amount: fc.integer({ min: -100_000, max: 100_000 }).filter((n) => n !== 0) }),
  fc.record({ t: fc.constant('pay' as const), permille: fc.integer({ min: 0, max: 1000 }) }),
  fc.record({ t: fc.constant('reverse' as const), pick: fc.nat() }),
);

/** Builds a ledger by appending random operations; refused ones are skipped, as the service would. */
function build(ops: readonly Op[]): PremiEntry[] {
  let ledger: PremiEntry[] = [];
  ops.forEach((op, i) => {
    const date = addDays('2026-01-01', i);
    let candidate: PremiEntry | null = null;
    if (op.t === 'earn') candidate = entry(`x${i}`, date, 'earning', op.amount);
    if (op.t === 'share') candidate = entry(`x${i}`, date, 'proceeds_share', op.amount);
    if (op.t === 'adjust') candidate = entry(`x${i}`, date, 'adjustment', op.amount);
    if (op.t === 'pay') candidate = entry(`x${i}`, date, 'payout', -Math.floor((Math.max(balance(ledger), 0) * op.permille) / 1000));
    if (op.t === 'reverse' && ledger.length > 0) {
      const r = reverse(ledger, ledger[op.pick % ledger.length] as PremiEntry, date, 'koreksi');
      if (r.ok) candidate = r.value;
    }
    if (candidate === null) return;
    const appended = appendEntry(ledger, candidate);
    if (appended.ok) ledger = appended.value;
  });
  return ledger;
}

describe('ledger invariants (fast-check)', () => {
  const anyLedger = fc.array(anyOp, { minLength: 5, maxLength: 40, size: 'max' }).map(build);

  it('balance equals the sum of entries, and amounts stay integers', () => {
    fc.assert(
      fc.property(anyLedger, (ledger) => {
        const s = statement(ledger);
        return balance(ledger) === ledger.reduce((a, e) => a + e.amount, 0) && s.closingBalance === balance(ledger) && ledger.every((e) => Number.isSafeInteger(e.amount));
      }),
    );
  });

  it('reversing any entry removes exactly its effect', () => {
    fc.assert(
      fc.property(anyLedger, fc.nat(), (ledger, pick) => {
        if (ledger.length === 0) return true;
        const target = ledger[pick % ledger.length] as PremiEntry;
        const r = reverse(ledger, target, '2030-01-01', 'koreksi');
        if (!r.ok) return target.kind === 'reversal' || ledger.some((e) => e.reverses === target.id);
        return balance([...ledger, r.value]) === balance(ledger) - target.amount;
      }),
    );
  });

  it('adding an entry together with its reversal never changes the balance', () => {
    fc.assert(
      fc.property(anyLedger, fc.integer({ min: -1_000_000, max: 1_000_000 }).filter((n) => n !== 0), (ledger, amount) => {
        const extra = entry('pair', '2030-01-01', amount > 0 ? 'earning' : 'adjustment', amount);
        const withPair = [...ledger, extra];
        const rev = reverse(withPair, extra, '2030-01-02', 'batal');
        return rev.ok && balance([...withPair, rev.value]) === balance(ledger);
      }),
    );
  });

  it('a release payout leaves the balance at 0 (when it is not a debt)', () => {
    fc.assert(
      fc.property(anyLedger, (ledger) => {
        const r = payoutOnRelease(ledger, '2030-01-01');
        if (!r.ok) return balance(ledger) < 0;
        const after = r.value.payout === null ? ledger : [...ledger, r.value.payout];
        return balance(after) === 0 && r.value.statement.closingBalance === 0 && Number.isSafeInteger(r.value.payout?.amount ?? 0);
      }),
    );
  });
});
