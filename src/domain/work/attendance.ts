/**
 * Attendance at a work session, each reason carrying an explicit pay / no-pay decision (STYLE.md,
 * after HMPPS activities management). Premi is earned for work (PP 32/1999 art. 29); absences the WBP
 * did not cause — court, a visit, a session cancelled by the UPT — are paid so the inmate is not
 * penalised for the institution's or the court's timetable. Sickness is paid by default and
 * configurable per UPT (`paySick`), since practice varies (DOMAIN.md: "where practice varies, make
 * it configurable").
 */
import type { Bilingual } from './text.ts';

export const ATTENDANCE_REASON_CODES = [
  'hadir',
  'sakit',
  'menolak',
  'sidang',
  'kunjungan',
  'dibatalkan',
  'izin',
  'tidak_hadir',
  'dipindah',
] as const;

export type AttendanceReasonCode = (typeof ATTENDANCE_REASON_CODES)[number];

export interface AttendanceReason {
  code: AttendanceReasonCode;
  pay: boolean;
  /** Counts as attended (only 'hadir'). */
  attended: boolean;
  label: Bilingual;
}

export const ATTENDANCE_REASONS: readonly AttendanceReason[] = [
  { code: 'hadir', pay: true, attended: true, label: { id: 'Hadir', en: 'Present' } },
  { code: 'sakit', pay: true, attended: false, label: { id: 'Sakit', en: 'Sick' } },
  { code: 'menolak', pay: false, attended: false, label: { id: 'Menolak bekerja', en: 'Refused to work' } },
  { code: 'sidang', pay: true, attended: false, label: { id: 'Sidang', en: 'At court' } },
  { code: 'kunjungan', pay: true, attended: false, label: { id: 'Kunjungan', en: 'Visit' } },
  { code: 'dibatalkan', pay: true, attended: false, label: { id: 'Dibatalkan oleh UPT', en: 'Cancelled by the UPT' } },
  { code: 'izin', pay: false, attended: false, label: { id: 'Izin', en: 'Leave' } },
  { code: 'tidak_hadir', pay: false, attended: false, label: { id: 'Tidak hadir tanpa keterangan', en: 'Absent without reason' } },
  { code: 'dipindah', pay: false, attended: false, label: { id: 'Dipindahkan', en: 'Transferred' } },
];

export function isAttendanceReasonCode(value: string): value is AttendanceReasonCode {
  return (ATTENDANCE_REASON_CODES as readonly string[]).includes(value);
}

/** UPT policy; only sickness pay varies in practice. */
export interface AttendancePolicy {
  paySick: boolean;
}

export const DEFAULT_ATTENDANCE_POLICY: AttendancePolicy = { paySick: true };

function definition(code: AttendanceReasonCode): AttendanceReason {
  const found = ATTENDANCE_REASONS.find((r) => r.code === code);
  if (found === undefined) throw new RangeError(`Unknown attendance reason: ${code}`);
  return found;
}

/** Pay decision for a reason under a policy (PP 32/1999 art. 29: premi for work; see the file comment). */
export function isPaid(code: AttendanceReasonCode, policy: AttendancePolicy = DEFAULT_ATTENDANCE_POLICY): boolean {
  return code === 'sakit' ? policy.paySick : definition(code).pay;
}

export interface AttendanceRow {
  wbpId: string;
  reason: AttendanceReasonCode;
  /** Decided when the row is written, so a later policy change does not rewrite past pay. */
  paid: boolean;
}

/**
 * "Attend all" (HMPPS bulk action): every allocated WBP present, except those listed with another
 * reason. Rows follow `allocated` order, duplicates removed. Exceptions for WBP not allocated are
 * ignored here; `exceptionsNotAllocated` lists them so the page can show them to the officer.
 */
export function applyAllPresent(
  allocated: readonly string[],
  exceptions: ReadonlyMap<string, AttendanceReasonCode>,
  policy: AttendancePolicy = DEFAULT_ATTENDANCE_POLICY,
): AttendanceRow[] {
  const seen = new Set<string>();
  const rows: AttendanceRow[] = [];
  for (const wbpId of allocated) {
    if (seen.has(wbpId)) continue;
    seen.add(wbpId);
    const code = exceptions.get(wbpId) ?? 'hadir';
    rows.push({ wbpId, reason: code, paid: isPaid(code, policy) });
  }
  return rows;
}

export function exceptionsNotAllocated(allocated: readonly string[], exceptions: ReadonlyMap<string, AttendanceReasonCode>): string[] {
  const set = new Set(allocated);
  return [...exceptions.keys()].filter((id) => !set.has(id));
}

export interface AttendanceRate {
  present: number;
  /** Rows that count: all except sessions cancelled by the UPT and WBP transferred out. */
  expected: number;
  /** present / expected in basis points, rounded half up; null when nothing was expected. */
  basisPoints: number | null;
}

/** Reasons that say nothing about the WBP's own attendance. */
const NOT_EXPECTED: readonly AttendanceReasonCode[] = ['dibatalkan', 'dipindah'];

/**
 * Attendance rate = present ÷ expected. Choice: a session the UPT cancelled, or a WBP transferred
 * away, is left out of the denominator (neither is the WBP's absence); court, visits, sickness and
 * leave stay in it (the WBP did not work). Integer basis points, no floats.
 */
export function attendanceRate(rows: readonly AttendanceRow[]): AttendanceRate {
  const counted = rows.filter((r) => !NOT_EXPECTED.includes(r.reason));
  const present = counted.filter((r) => definition(r.reason).attended).length;
  const expected = counted.length;
  const basisPoints = expected === 0 ? null : Math.floor((present * 10_000 * 2 + expected) / (2 * expected));
  return { present, expected, basisPoints };
}
