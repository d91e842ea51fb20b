import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/date.ts';
import { billingErrors, billingStatus, defaultExpiry, paymentErrors } from './billing.ts';
import { isKodeBilling, isNtpn, normaliseCode6, normaliseKodeBilling, normaliseNtpn } from './codes.ts';
import { addUp, reconcile, type ReconBilling } from './reconcile.ts';

describe('codes', () => {
  it.each<[string, string | null]>([
    ['820260101234567', '820260101234567'],
    ['8202 6010 1234 567', '820260101234567'],
    ['820-260-101-234-567', '820260101234567'],
    ['82026010123456', null], // 14 digits
    ['8202601012345678', null], // 16 digits
    ['82026010123456A', null],
    ['', null],
  ])('kode billing %j → %j', (input, out) => {
    expect(normaliseKodeBilling(input)).toBe(out);
    if (out) expect(isKodeBilling(out)).toBe(true);
  });

  it.each<[string, string | null]>([
    ['0A1B2C3D4E5F6G7H', '0A1B2C3D4E5F6G7H'],
    ['0a1b 2c3d 4e5f 6g7h', '0A1B2C3D4E5F6G7H'],
    ['1234567890123456', '1234567890123456'],
    ['123456789012345', null],
    ['0A1B2C3D4E5F6G7H8', null],
    ['0A1B2C3D4E5F6G7!', null],
  ])('NTPN %j → %j', (input, out) => {
    expect(normaliseNtpn(input)).toBe(out);
    if (out) expect(isNtpn(out)).toBe(true);
  });

  it.each<[string, string | null]>([['425111', '425111'], [' 425 111 ', '425111'], ['42511', null], ['42511A', null]])('6-digit code %j → %j', (input, out) => {
    expect(normaliseCode6(input)).toBe(out);
  });

  it('normalised NTPN are always valid and idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const n = normaliseNtpn(s);
      if (n !== null) {
        expect(isNtpn(n)).toBe(true);
        expect(normaliseNtpn(n)).toBe(n);
      }
    }));
  });
});

describe('billing status and payment', () => {
  const b = { amount: 1_500_000, createdOn: '2026-11-02', expiresOn: defaultExpiry('2026-11-02'), paidNet: 0 };

  it('expires 7 days after creation by default', () => expect(b.expiresOn).toBe('2026-11-09'));

  it.each<[string, number, string]>([
    ['2026-11-02', 0, 'unpaid'],
    ['2026-11-09', 0, 'unpaid'], // payable on its expiry day
    ['2026-11-10', 0, 'expired'],
    ['2026-11-10', 1_500_000, 'paid'],
    ['2026-11-05', 1_500_000, 'paid'],
  ])('on %s with %i paid → %s', (today, paidNet, status) => {
    expect(billingStatus({ ...b, paidNet }, today)).toBe(status);
  });

  it.each<[string, { amount: number; paidOn: string }, number, string[]]>([
    ['exact amount within validity', { amount: 1_500_000, paidOn: '2026-11-04' }, 0, []],
    ['on the expiry day', { amount: 1_500_000, paidOn: '2026-11-09' }, 0, []],
    ['after expiry is refused', { amount: 1_500_000, paidOn: '2026-11-10' }, 0, ['paid_after_expiry']],
    ['before the billing', { amount: 1_500_000, paidOn: '2026-11-01' }, 0, ['paid_before_billing']],
    ['in the future', { amount: 1_500_000, paidOn: '2026-11-30' }, 0, ['paid_in_future']],
    ['different amount', { amount: 1_499_999, paidOn: '2026-11-04' }, 0, ['amount_mismatch']],
    ['twice', { amount: 1_500_000, paidOn: '2026-11-04' }, 1_500_000, ['already_paid']],
  ])('payment: %s', (_, p, paidNet, codes) => {
    expect(paymentErrors({ ...b, paidNet }, p, '2026-11-25').map((e) => e.code)).toEqual(codes);
  });

  it.each<[string, { createdOn: string; expiresOn: string; periodMonth: string; amount: number }, string[]]>([
    ['fine', { createdOn: '2026-11-02', expiresOn: '2026-11-09', periodMonth: '2026-10-01', amount: 1 }, []],
    ['future creation', { createdOn: '2026-11-26', expiresOn: '2026-12-03', periodMonth: '2026-11-01', amount: 1 }, ['created_in_future']],
    ['expiry before creation', { createdOn: '2026-11-02', expiresOn: '2026-11-01', periodMonth: '2026-11-01', amount: 1 }, ['expiry_before_created']],
    ['period after creation month', { createdOn: '2026-11-02', expiresOn: '2026-11-09', periodMonth: '2026-12-01', amount: 1 }, ['period_after_billing']],
    ['zero amount', { createdOn: '2026-11-02', expiresOn: '2026-11-09', periodMonth: '2026-11-01', amount: 0 }, ['amount']],
  ])('billing: %s', (_, input, codes) => {
    expect(billingErrors(input, '2026-11-25').map((e) => e.code)).toEqual(codes);
  });
});

describe('reconciliation', () => {
  const bill = (id: number, amount: number, createdOn: string, paidNet = 0): ReconBilling => ({ id, kodeBilling: String(id).padStart(15, '8'), amount, createdOn, expiresOn: addDays(createdOn, 7), paidNet });
  const today = '2026-11-25';

  it.each<[string, number[], ReconBilling[], Partial<ReturnType<typeof reconcile>>, string[]]>([
    ['nothing', [], [], { due: 0, billed: 0, paid: 0, gap: 0 }, []],
    ['due, not billed', [1_000_000], [], { due: 1_000_000, unbilled: 1_000_000 }, ['due_not_billed']],
    ['split reversed nets to zero', [1_000_000, -1_000_000], [], { due: 0, unbilled: 0 }, []],
    ['billed and paid exactly', [1_000_000], [bill(1, 1_000_000, '2026-11-02', 1_000_000)], { billed: 1_000_000, paid: 1_000_000, gap: 0 }, []],
    ['billed, not paid, still payable', [1_000_000], [bill(1, 1_000_000, '2026-11-20')], { billed: 1_000_000, open: 1_000_000, paid: 0 }, ['billed_not_paid']],
    ['expired unpaid covers nothing', [1_000_000], [bill(1, 1_000_000, '2026-11-02')], { billed: 0, expiredUnpaid: 1_000_000, unbilled: 1_000_000 }, ['due_not_billed', 'expired_unpaid']],
    ['paid more than due', [400_000], [bill(1, 500_000, '2026-11-02', 500_000)], { paid: 500_000, overpaid: 100_000, gap: -100_000 }, ['paid_more_than_due']],
    ['billed more than due, unpaid', [400_000], [bill(1, 500_000, '2026-11-20')], { overpaid: 100_000 }, ['billed_not_paid', 'billed_more_than_due']],
    ['payment reversed: unpaid again', [500_000], [bill(1, 500_000, '2026-11-20', 0)], { paid: 0, open: 500_000 }, ['billed_not_paid']],
  ])('%s', (_, splits, billings, expected, gaps) => {
    const r = reconcile(splits, billings, today);
    expect(r).toMatchObject(expected);
    expect(r.gaps.map((g) => g.code)).toEqual(gaps);
  });

  const arbBilling = fc.record({
    id: fc.integer({ min: 1, max: 1e6 }),
    amount: fc.integer({ min: 1, max: 1e10 }),
    created: fc.integer({ min: 0, max: 40 }),
    paid: fc.boolean(),
  }).map(({ id, amount, created, paid }) => bill(id, amount, addDays('2026-10-20', created), paid ? amount : 0));

  it('never loses a rupiah: due = paid + open + unbilled − overpaid, for one month and for sums', () => {
    fc.assert(fc.property(fc.array(fc.array(fc.integer({ min: -1e10, max: 1e10 }), { maxLength: 6 }), { minLength: 1, maxLength: 5 }), fc.array(fc.array(arbBilling, { maxLength: 5 }), { minLength: 5, maxLength: 5 }), (splitMonths, billMonths) => {
      const rs = splitMonths.map((s, i) => reconcile(s, billMonths[i]!, today));
      for (const r of [...rs, addUp(rs)]) {
        expect(r.paid + r.open + r.unbilled - r.overpaid).toBe(r.due);
        expect(r.billed).toBe(r.paid + r.open);
        expect(r.gap).toBe(r.due - r.paid);
      }
      for (const r of rs) {
        const listed = r.gaps.filter((g) => g.code === 'billed_not_paid').reduce((a, g) => a + g.amount, 0);
        expect(listed).toBe(r.open);
        expect(r.gaps.filter((g) => g.code === 'expired_unpaid').reduce((a, g) => a + g.amount, 0)).toBe(r.expiredUnpaid);
      }
    }));
  });
});
