import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, fromDayNumber, toDayNumber } from '../calendar/date.ts';
import { applyAllPresent } from '../work/attendance.ts';
import type { AttendanceReasonCode, AttendanceRow } from '../work/attendance.ts';
import { dayEquivalent, describeHistory, floorBreaches, floorOn, premiForDay, ruleOn, validatePayRule } from './pay-rules.ts';
import type { PayFloor, PayRule } from './pay-rules.ts';

const daily = (effectiveFrom: string, rateRupiah: number): PayRule => ({ effectiveFrom, kind: 'daily', rateRupiah });

const rules: PayRule[] = [daily('2026-01-01', 15_000), daily('2026-07-01', 17_500), daily('2027-01-01', 12_000)];
const floors: PayFloor[] = [
  { effectiveFrom: '2025-01-01', minPerDayRupiah: 10_000 },
  { effectiveFrom: '2027-06-01', minPerDayRupiah: 13_000 },
];

describe('ruleOn', () => {
  it.each([
    ['2025-12-31', null],
    ['2026-01-01', 15_000],
    ['2026-06-30', 15_000],
    ['2026-07-01', 17_500],
    ['2027-01-01', 12_000],
    ['2030-01-01', 12_000],
  ])('on %s the rate is %s', (date, rate) => {
    expect(ruleOn(rules, date)?.rateRupiah ?? null).toBe(rate);
  });

  it('does not depend on list order, and a same-day duplicate later in the list wins', () => {
    expect(ruleOn([...rules].reverse(), '2026-08-01')?.rateRupiah).toBe(17_500);
    expect(ruleOn([daily('2026-01-01', 1), daily('2026-01-01', 2)], '2026-01-01')?.rateRupiah).toBe(2);
  });

  it('property: the rule in force is the latest one not after the date', () => {
    const anyDate = fc.integer({ min: toDayNumber('2024-01-01'), max: toDayNumber('2028-12-31') }).map(fromDayNumber);
    fc.assert(
      fc.property(fc.uniqueArray(anyDate, { maxLength: 8 }), anyDate, (dates, on) => {
        const list = dates.map((d, i) => daily(d, 10_000 + i));
        const found = ruleOn(list, on);
        const eligible = dates.filter((d) => d <= on).sort();
        return eligible.length === 0 ? found === null : found?.effectiveFrom === eligible[eligible.length - 1];
      }),
    );
  });
});

describe('validatePayRule', () => {
  it.each<[string, PayRule, string[]]>([
    ['daily at the floor', daily('2026-01-01', 10_000), []],
    ['daily under the floor', daily('2026-01-01', 9_999), ['below_floor']],
    ['daily under a later floor', daily('2027-06-01', 12_999), ['below_floor']],
    ['before any floor', daily('2024-06-01', 1), []],
    ['hourly day equivalent at the floor', { effectiveFrom: '2026-01-01', kind: 'hourly', rateRupiah: 2_500, hoursPerSession: 4 }, []],
    ['hourly day equivalent under the floor', { effectiveFrom: '2026-01-01', kind: 'hourly', rateRupiah: 2_500, hoursPerSession: 3.5 }, ['below_floor']],
    ['hourly without hours', { effectiveFrom: '2026-01-01', kind: 'hourly', rateRupiah: 2_500 }, ['invalid_hours']],
    ['hourly with 10-minute hours', { effectiveFrom: '2026-01-01', kind: 'hourly', rateRupiah: 2_500, hoursPerSession: 3.1 }, ['invalid_hours']],
    ['piece rate is not floor-checked', { effectiveFrom: '2026-01-01', kind: 'piece', rateRupiah: 500 }, []],
    ['piece rate of zero', { effectiveFrom: '2026-01-01', kind: 'piece', rateRupiah: 0 }, ['invalid_rate']],
    ['proceeds share with 0', { effectiveFrom: '2026-01-01', kind: 'proceeds_share', rateRupiah: 0 }, []],
    ['proceeds share with a rate', { effectiveFrom: '2026-01-01', kind: 'proceeds_share', rateRupiah: 100 }, ['proceeds_share_rate']],
    ['fraction of a rupiah', daily('2026-01-01', 10_000.5), ['invalid_rate']],
    ['negative rate', daily('2026-01-01', -1), ['invalid_rate']],
    ['impossible date', daily('2026-02-30', 20_000), ['invalid_date']],
    ['duplicate date', daily('2026-07-01', 20_000), ['duplicate_date']],
  ])('%s', (_name, rule, codes) => {
    expect(validatePayRule(rule, { floors, existing: rules.slice(1) }).map((r) => r.code)).toEqual(codes);
  });

  it('explains a floor refusal in both languages', () => {
    const [r] = validatePayRule(daily('2026-01-01', 9_000), { floors });
    expect(r?.id).toBe('Tarif Rp 9.000/hari di bawah batas minimum Rp 10.000/hari.');
    expect(r?.en).toBe('Rate Rp 9,000/day is below the floor of Rp 10,000/day.');
  });

  it('finds where a raised floor overtakes a rule already set', () => {
    expect(floorBreaches(rules, floors)).toEqual([{ from: '2027-06-01', rule: rules[2], floor: floors[1] }]);
    expect(floorOn(floors, '2024-12-31')).toBeNull();
  });

  it('day equivalents round half up from quarter hours', () => {
    expect(dayEquivalent({ effectiveFrom: '2026-01-01', kind: 'hourly', rateRupiah: 3_333, hoursPerSession: 3.5 })).toBe(11_666);
    expect(dayEquivalent({ effectiveFrom: '2026-01-01', kind: 'piece', rateRupiah: 3_333 })).toBeNull();
  });
});

describe('describeHistory', () => {
  it('reads like HMPPS pay history, in Indonesian and English', () => {
    expect(describeHistory(rules, 'id')).toEqual([
      'Tarif ditetapkan Rp 15.000/hari mulai 1 Jan 2026',
      'Tarif dinaikkan menjadi Rp 17.500/hari mulai 1 Jul 2026',
      'Tarif diturunkan menjadi Rp 12.000/hari mulai 1 Jan 2027',
    ]);
    expect(describeHistory(rules, 'en')).toEqual([
      'Rate set at Rp 15,000/day from 1 Jan 2026',
      'Rate increased to Rp 17,500/day from 1 Jul 2026',
      'Rate reduced to Rp 12,000/day from 1 Jan 2027',
    ]);
  });

  it('marks future-dated changes and changes of pay kind', () => {
    const list: PayRule[] = [
      daily('2026-01-01', 15_000),
      { effectiveFrom: '2026-03-01', kind: 'piece', rateRupiah: 750 },
      { effectiveFrom: '2026-09-01', kind: 'hourly', rateRupiah: 4_000, hoursPerSession: 3.5 },
      { effectiveFrom: '2026-10-01', kind: 'hourly', rateRupiah: 4_000, hoursPerSession: 4 },
      { effectiveFrom: '2027-01-01', kind: 'proceeds_share', rateRupiah: 0 },
    ];
    expect(describeHistory(list, 'en', '2026-06-01')).toEqual([
      'Rate set at Rp 15,000/day from 1 Jan 2026',
      'Pay changed to Rp 750/piece from 1 Mar 2026',
      'Pay changed to Rp 4,000/hour (3.5 h per session) from 1 Sep 2026 (scheduled)',
      'Rate now Rp 4,000/hour (4 h per session) from 1 Oct 2026 (scheduled)',
      'Pay changed to a share of sales proceeds from 1 Jan 2027 (scheduled)',
    ]);
    expect(describeHistory(list, 'id', '2026-06-01')[2]).toBe('Cara pembayaran diubah menjadi Rp 4.000/jam (3,5 jam per sesi) mulai 1 Sep 2026 (terjadwal)');
  });
});

describe('premiForDay', () => {
  const rows = (pairs: Array<[string, AttendanceReasonCode]>): AttendanceRow[] => applyAllPresent(pairs.map(([w]) => w), new Map(pairs));

  it('pays a daily rate to paid reasons only, once a day', () => {
    const day = premiForDay({
      date: '2026-07-15',
      rules,
      rows: [
        ...rows([['W1', 'hadir'], ['W2', 'sidang'], ['W3', 'menolak'], ['W4', 'tidak_hadir']]),
        { wbpId: 'W1', reason: 'hadir', paid: true },
      ],
    });
    expect(day.rule?.rateRupiah).toBe(17_500);
    expect(day.amounts.map((a) => [a.wbpId, a.amountRupiah])).toEqual([
      ['W1', 17_500],
      ['W2', 17_500],
      ['W3', 0],
      ['W4', 0],
    ]);
  });

  it('pays hourly by paid sessions, or by actual hours when given (rounded half up)', () => {
    const hourly: PayRule[] = [{ effectiveFrom: '2026-01-01', kind: 'hourly', rateRupiah: 3_333, hoursPerSession: 3 }];
    const day = premiForDay({
      date: '2026-02-02',
      rules: hourly,
      rows: [
        { wbpId: 'W1', reason: 'hadir', paid: true, session: 'pagi' },
        { wbpId: 'W1', reason: 'hadir', paid: true, session: 'siang' },
        { wbpId: 'W2', reason: 'hadir', paid: true, session: 'pagi' },
        { wbpId: 'W3', reason: 'izin', paid: false, session: 'pagi' },
      ],
      hours: new Map([['W2', 2.5], ['W3', 4]]),
    });
    expect(day.amounts).toEqual([
      { wbpId: 'W1', amountRupiah: 19_998, paidSessions: 2 },
      { wbpId: 'W2', amountRupiah: 8_333, paidSessions: 1 },
      { wbpId: 'W3', amountRupiah: 0, paidSessions: 0 },
    ]);
  });

  it('pays pieces only to WBP with a paid row; a proceeds share pays nothing per day', () => {
    const piece: PayRule[] = [{ effectiveFrom: '2026-01-01', kind: 'piece', rateRupiah: 750 }];
    const r = rows([['W1', 'hadir'], ['W2', 'sakit'], ['W3', 'menolak']]);
    const pieces = new Map([['W1', 12], ['W3', 5]]);
    expect(premiForDay({ date: '2026-02-02', rules: piece, rows: r, pieces }).amounts.map((a) => a.amountRupiah)).toEqual([9_000, 0, 0]);
    const share: PayRule[] = [{ effectiveFrom: '2026-01-01', kind: 'proceeds_share', rateRupiah: 0 }];
    expect(premiForDay({ date: '2026-02-02', rules: share, rows: r }).amounts.map((a) => a.amountRupiah)).toEqual([0, 0, 0]);
  });

  it('pays nothing before the first rule', () => {
    expect(premiForDay({ date: '2025-12-31', rules, rows: rows([['W1', 'hadir']]) })).toEqual({ rule: null, amounts: [] });
  });

  it('property: amounts are non-negative integers and unpaid WBP get 0', () => {
    const codes = ['hadir', 'sakit', 'menolak', 'sidang', 'izin'] as const;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('A', 'B', 'C'), fc.constantFrom(...codes)), { maxLength: 10 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 48 }),
        fc.integer({ min: 0, max: 400 }),
        (pairs, rate, quarterHours, offset) => {
          const list: PayRule[] = [{ effectiveFrom: '2026-01-01', kind: 'hourly', rateRupiah: rate, hoursPerSession: quarterHours / 4 }];
          const rowList = pairs.map(([wbpId, reason]) => ({ wbpId, reason, paid: reason !== 'menolak' && reason !== 'izin' }));
          const day = premiForDay({ date: addDays('2026-01-01', offset), rules: list, rows: rowList });
          return day.amounts.every(
            (a) => Number.isSafeInteger(a.amountRupiah) && a.amountRupiah >= 0 && (rowList.some((r) => r.wbpId === a.wbpId && r.paid) || a.amountRupiah === 0),
          );
        },
      ),
    );
  });
});
