import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  applyAllPresent,
  ATTENDANCE_REASON_CODES,
  ATTENDANCE_REASONS,
  attendanceRate,
  exceptionsNotAllocated,
  isPaid,
} from './attendance.ts';
import type { AttendanceReasonCode, AttendanceRow } from './attendance.ts';

describe('attendance reasons', () => {
  it.each<[AttendanceReasonCode, boolean]>([
    ['hadir', true],
    ['sakit', true],
    ['menolak', false],
    ['sidang', true],
    ['kunjungan', true],
    ['dibatalkan', true],
    ['izin', false],
    ['tidak_hadir', false],
    ['dipindah', false],
  ])('%s → pay %s', (code, pay) => {
    expect(isPaid(code)).toBe(pay);
    expect(ATTENDANCE_REASONS.find((r) => r.code === code)?.pay).toBe(pay);
  });

  it('sickness pay is a UPT policy', () => {
    expect(isPaid('sakit', { paySick: false })).toBe(false);
    expect(isPaid('hadir', { paySick: false })).toBe(true);
  });

  it('has one bilingual row per code', () => {
    expect(ATTENDANCE_REASONS.map((r) => r.code)).toEqual([...ATTENDANCE_REASON_CODES]);
    for (const r of ATTENDANCE_REASONS) expect(r.label.id && r.label.en).toBeTruthy();
  });
});

describe('applyAllPresent', () => {
  it('marks everyone present except the exceptions, in allocation order', () => {
    const rows = applyAllPresent(['W1', 'W2', 'W3', 'W2'], new Map<string, AttendanceReasonCode>([['W2', 'sidang'], ['W3', 'menolak']]));
    expect(rows).toEqual([
      { wbpId: 'W1', reason: 'hadir', paid: true },
      { wbpId: 'W2', reason: 'sidang', paid: true },
      { wbpId: 'W3', reason: 'menolak', paid: false },
    ]);
  });

  it('applies the sickness policy when writing the row', () => {
    const rows = applyAllPresent(['W1'], new Map<string, AttendanceReasonCode>([['W1', 'sakit']]), { paySick: false });
    expect(rows[0]?.paid).toBe(false);
  });

  it('lists exceptions for WBP not allocated, for the officer to see', () => {
    const exceptions = new Map<string, AttendanceReasonCode>([['W1', 'izin'], ['X9', 'sakit']]);
    expect(applyAllPresent(['W1'], exceptions)).toHaveLength(1);
    expect(exceptionsNotAllocated(['W1'], exceptions)).toEqual(['X9']);
  });

  it('property: one row per distinct allocated WBP, paid exactly as the reason says', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('A', 'B', 'C', 'D', 'E')),
        fc.array(fc.tuple(fc.constantFrom('A', 'B', 'C', 'Z'), fc.constantFrom(...ATTENDANCE_REASON_CODES))),
        (allocated, pairs) => {
          const exceptions = new Map<string, AttendanceReasonCode>(pairs);
          const rows = applyAllPresent(allocated, exceptions);
          return (
            rows.length === new Set(allocated).size &&
            rows.every((r) => r.reason === (exceptions.get(r.wbpId) ?? 'hadir') && r.paid === isPaid(r.reason))
          );
        },
      ),
    );
  });
});

describe('attendanceRate', () => {
  const row = (reason: AttendanceReasonCode): AttendanceRow => ({ wbpId: 'W', reason, paid: isPaid(reason) });

  it.each<[AttendanceReasonCode[], number, number, number | null]>([
    [[], 0, 0, null],
    [['hadir', 'hadir', 'hadir'], 3, 3, 10_000],
    [['hadir', 'sakit', 'menolak'], 1, 3, 3_333],
    [['hadir', 'hadir', 'izin'], 2, 3, 6_667],
    [['hadir', 'dibatalkan', 'dipindah'], 1, 1, 10_000],
    [['dibatalkan'], 0, 0, null],
    [['sidang', 'kunjungan'], 0, 2, 0],
  ])('%j → %i/%i = %s bp', (reasons, present, expected, bp) => {
    expect(attendanceRate(reasons.map(row))).toEqual({ present, expected, basisPoints: bp });
  });

  it('property: integer basis points within 0..10,000', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ATTENDANCE_REASON_CODES)), (reasons) => {
        const { basisPoints, present, expected } = attendanceRate(reasons.map(row));
        return basisPoints === null ? expected === 0 : Number.isInteger(basisPoints) && basisPoints >= 0 && basisPoints <= 10_000 && present <= expected;
      }),
    );
  });
});
