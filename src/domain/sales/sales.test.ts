import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyStep, goodsLeft, initialStatus, possibleSteps, statusAfterPayment, SALE_STATUSES, type SaleStatus } from './order-flow.ts';
import { formatDocNumber, parseDocNumber } from './numbers.ts';
import { saleTotals } from './totals.ts';
import { computeSplit, proceedsRuleErrors, ruleInForce, sharePremi, SPLIT_PARTS, type ProceedsRule } from './proceeds.ts';

const rule = (over: Partial<ProceedsRule> = {}): ProceedsRule => ({
  id: '1', activityId: null, validFrom: '2026-01-01', base: 'revenue',
  shares: { premi: 3500, pnbp: 5000, working_capital: 0, programme: 1500 }, premiWeight: 'attendance', ...over,
});

describe('order flow', () => {
  it.each([
    ['counter', 'delivered'], ['marketplace', 'delivered'], ['consignment', 'delivered'], ['meal_supplier', 'delivered'], ['institution', 'quotation'],
  ] as const)('a %s sale starts %s', (channel, status) => {
    expect(initialStatus(channel)).toBe(status);
  });

  it.each([
    ['quotation', 'order', 'ordered'], ['ordered', 'deliver', 'delivered'], ['delivered', 'invoice', 'invoiced'],
    ['quotation', 'cancel', 'cancelled'], ['ordered', 'cancel', 'cancelled'],
    ['delivered', 'cancel', null], ['paid', 'invoice', null], ['cancelled', 'order', null], ['quotation', 'deliver', null],
  ] as const)('%s + %s → %s', (from, step, to) => {
    expect(applyStep(from, step)).toBe(to);
  });

  it('goods that left can never be cancelled', () => {
    for (const s of SALE_STATUSES) if (goodsLeft(s)) expect(possibleSteps(s)).not.toContain('cancel');
  });

  it.each([
    [{ status: 'delivered', invoiced: false, totalRupiah: 100, paidRupiah: 100 }, 'paid'],
    [{ status: 'invoiced', invoiced: true, totalRupiah: 100, paidRupiah: 40 }, 'invoiced'],
    [{ status: 'paid', invoiced: true, totalRupiah: 100, paidRupiah: 40 }, 'invoiced'],
    [{ status: 'paid', invoiced: false, totalRupiah: 100, paidRupiah: 0 }, 'delivered'],
    [{ status: 'ordered', invoiced: false, totalRupiah: 100, paidRupiah: 100 }, 'ordered'],
  ] as const)('after payment %o → %s', (s, expected) => {
    expect(statusAfterPayment({ ...s, status: s.status as SaleStatus })).toBe(expected);
  });
});

describe('document numbers', () => {
  it('formats and parses back', () => {
    expect(formatDocNumber('receipt', 2026, 42)).toBe('KWT-2026-000042');
    expect(formatDocNumber('invoice', 2026, 1)).toBe('INV-2026-000001');
    expect(parseDocNumber('PNW-2025-000123')).toEqual({ series: 'quotation', year: 2025, n: 123 });
    expect(parseDocNumber('KWT-2026-42')).toBeNull();
    expect(() => formatDocNumber('receipt', 2026, 0)).toThrow(RangeError);
  });
  it('round-trips every number', () => {
    fc.assert(fc.property(fc.constantFrom('receipt', 'invoice', 'quotation' as const), fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 9_999_999 }), (s, y, n) => {
      expect(parseDocNumber(formatDocNumber(s, y, n))).toEqual({ series: s, year: y, n });
    }));
  });
});

describe('sale totals', () => {
  it('multiplies exactly', () => {
    expect(saleTotals([{ qty: 3, unitPriceRupiah: 35_000 }, { qty: 1, unitPriceRupiah: 1_250_000 }])).toEqual({ amounts: [105_000, 1_250_000], totalRupiah: 1_355_000 });
  });
  it('refuses a zero or fractional quantity', () => {
    expect(() => saleTotals([{ qty: 0, unitPriceRupiah: 1 }])).toThrow(RangeError);
    expect(() => saleTotals([{ qty: 1.5, unitPriceRupiah: 1 }])).toThrow(RangeError);
  });
});

describe('proceeds split', () => {
  it.each([
    // DOMAIN.md: one UPT splits sales 35% premi / 50% PNBP / 15% programme.
    [rule(), 1_000_000, 400_000, { premi: 350_000, pnbp: 500_000, working_capital: 0, programme: 150_000 }, 1_000_000],
    // the 1990 rule: 50% premi / 15% PNBP / 35% working capital of profit.
    [rule({ base: 'profit', shares: { premi: 5000, pnbp: 1500, working_capital: 3500, programme: 0 } }), 1_000_000, 400_000, { premi: 300_000, pnbp: 90_000, working_capital: 210_000, programme: 0 }, 600_000],
    // a remainder rupiah goes to the largest remainder, earlier part on ties.
    [rule({ shares: { premi: 3333, pnbp: 3333, working_capital: 3334, programme: 0 } }), 100, 0, { premi: 33, pnbp: 33, working_capital: 34, programme: 0 }, 100],
    [rule({ base: 'profit' }), 100_000, 150_000, { premi: 0, pnbp: 0, working_capital: 0, programme: 0 }, 0],
  ] as const)('rule %#', (r, revenue, cost, parts, base) => {
    const s = computeSplit(r, revenue, cost);
    expect(s.parts).toEqual(parts);
    expect(s.baseRupiah).toBe(base);
  });

  it('a loss shares nothing and says so', () => {
    expect(computeSplit(rule({ base: 'profit' }), 10, 11).loss).toBe(true);
  });

  it('parts always sum to the base exactly, none negative (property)', () => {
    const bp = fc.tuple(fc.nat(10_000), fc.nat(10_000), fc.nat(10_000)).filter(([a, b, c]) => a + b + c <= 10_000);
    fc.assert(fc.property(bp, fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 1e12 }), fc.constantFrom('revenue', 'profit' as const), ([a, b, c], revenue, cost, base) => {
      const r = rule({ base, shares: { premi: a, pnbp: b, working_capital: c, programme: 10_000 - a - b - c } });
      const s = computeSplit(r, revenue, cost);
      expect(SPLIT_PARTS.reduce((t, k) => t + s.parts[k], 0)).toBe(s.baseRupiah);
      for (const k of SPLIT_PARTS) expect(s.parts[k]).toBeGreaterThanOrEqual(0);
    }));
  });

  it('the premi pool reaches the workers exactly, by weight (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e10 }), fc.array(fc.nat(300), { minLength: 1, maxLength: 60 }).filter((w) => w.some((x) => x > 0)), (pool, ws) => {
      const shares = sharePremi(pool, ws.map((weight, i) => ({ wbpId: String(i), weight })));
      expect(shares.reduce((t, s) => t + s.amountRupiah, 0)).toBe(pool);
      for (const s of shares) expect(ws[Number(s.wbpId)]).toBeGreaterThan(0);
    }));
  });

  it('nobody worked: the pool cannot be shared (caller refuses)', () => {
    expect(sharePremi(1000, [{ wbpId: '1', weight: 0 }])).toEqual([]);
  });

  it('validates rule shares', () => {
    expect(proceedsRuleErrors(rule())).toEqual([]);
    expect(proceedsRuleErrors(rule({ shares: { premi: 5000, pnbp: 5000, working_capital: 1, programme: 0 } }))).not.toEqual([]);
  });

  it.each([
    ['2026-03-01', null, '2'], ['2026-01-01', null, '1'], ['2025-12-01', null, null], ['2026-03-01', '7', '3'], ['2026-01-01', '7', '1'], ['2026-03-01', '8', '2'],
  ] as const)('rule in force on %s for activity %s is %s', (month, activity, id) => {
    const rules = [rule({ id: '1' }), rule({ id: '2', validFrom: '2026-03-01' }), rule({ id: '3', activityId: '7', validFrom: '2026-02-01' })];
    expect(ruleInForce(rules, month, activity)?.id ?? null).toBe(id);
  });
});
