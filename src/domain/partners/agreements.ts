/**
 * Partner agreements (MoU / PKS, DOMAIN.md "Partners" and Permenkumham 53/2016 on Lapas Industri):
 * a period from start to end, at most 25 years (build-operate-transfer), and a renewal alert a
 * number of days before the end (90 unless the agreement or the installation says otherwise).
 */
import { addYears, diffDays, isAfter } from '../calendar/date.ts';
import { reason, type Reason } from '../work/text.ts';

export const MAX_AGREEMENT_YEARS = 25;
export const DEFAULT_ALERT_DAYS = 90;

export function checkAgreementPeriod(start: string, end: string): Reason | null {
  if (isAfter(start, end)) return reason('end_before_start', 'Tanggal berakhir sebelum tanggal mulai.', 'The end date is before the start date.');
  if (isAfter(end, addYears(start, MAX_AGREEMENT_YEARS))) {
    return reason('too_long', `Jangka waktu perjanjian paling lama ${MAX_AGREEMENT_YEARS} tahun.`, `An agreement lasts ${MAX_AGREEMENT_YEARS} years at most.`);
  }
  return null;
}

export interface ExpiryState {
  daysLeft: number;
  expired: boolean;
  /** Within the alert window and not yet ended. */
  alert: boolean;
}

/** Days are counted from today to the end date; the end date itself is the last valid day. */
export function expiryState(endDate: string, today: string, alertDays: number): ExpiryState {
  const daysLeft = diffDays(today, endDate);
  return { daysLeft, expired: daysLeft < 0, alert: daysLeft >= 0 && daysLeft <= alertDays };
}
