import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/date.ts';
import { checkAgreementPeriod, expiryState } from './agreements.ts';

describe('agreement period', () => {
  it.each([
    ['2026-01-01', '2051-01-01', null],
    ['2026-01-01', '2051-01-02', 'too_long'],
    ['2024-02-29', '2049-02-28', null], // 25 years from a leap day end on 28 February
    ['2026-05-01', '2026-04-30', 'end_before_start'],
    ['2026-05-01', '2026-05-01', null],
  ])('%s → %s: %s', (start, end, code) => {
    expect(checkAgreementPeriod(start, end)?.code ?? null).toBe(code);
  });
});

describe('expiry alert', () => {
  it.each([
    ['2027-01-31', '2026-11-25', 90, { daysLeft: 67, expired: false, alert: true }],
    ['2027-01-31', '2026-11-25', 30, { daysLeft: 67, expired: false, alert: false }],
    ['2026-11-25', '2026-11-25', 90, { daysLeft: 0, expired: false, alert: true }],
    ['2026-11-24', '2026-11-25', 90, { daysLeft: -1, expired: true, alert: false }],
  ])('ends %s, today %s, window %i', (end, today, days, expected) => {
    expect(expiryState(end, today, days)).toEqual(expected);
  });
  it('alerts exactly within the window', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), fc.integer({ min: 1, max: 365 }), (offset, window) => {
        const s = expiryState(addDays('2026-11-25', offset), '2026-11-25', window);
        return s.daysLeft === offset && s.alert === (offset >= 0 && offset <= window) && s.expired === offset < 0;
      }),
    );
  });
});
