import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { msg } from '../../../shared/i18n/zod-issues.ts';
import { CalendarDate } from '../../../shared/schemas/common.ts';
import { buildUrl, get } from '../../api/client.ts';

export interface PremiEntry {
  id: number;
  date: string;
  kind: 'earning' | 'payout' | 'reversal' | 'adjustment' | 'proceeds_share';
  label: string;
  amountRupiah: number;
  reverses: number | null;
  reversed: boolean;
  reference: string | null;
  runningBalance: number;
}
export interface PremiLedger {
  wbpId: number;
  noRegister: string;
  name: string;
  balanceRupiah: number;
  entries: PremiEntry[];
}

export const premiKeys = { ledger: (wbpId: number) => ['premi', wbpId] as const };

export const usePremiLedger = (wbpId: number) =>
  useQuery({ queryKey: premiKeys.ledger(wbpId), queryFn: ({ signal }) => get<PremiLedger>(`/premi/wbp/${wbpId}`, undefined, signal), enabled: wbpId > 0 });

export const statementUrl = (wbpId: number) => buildUrl(`/premi/wbp/${wbpId}/statement`);

/*
 * The bodies of the reversal and payout routes, as the server declares them
 * (src/server/modules/work/premi.ts); they are not in src/shared/schemas yet.
 */
export const ReverseInput = z.strictObject({ reason: z.string(msg('required')).trim().min(1, msg('required')).min(5, msg('too_short')).max(300, msg('too_long')) });
export const PayoutInput = z.strictObject({ date: CalendarDate, reference: z.string(msg('required')).trim().min(1, msg('required')).min(3, msg('too_short')).max(200, msg('too_long')) });

/** "attendance:12:2026-11-25" → the activity and the day of the sheet the earning came from. */
export function attendanceRef(reference: string | null): { activityId: number; date: string } | null {
  const m = /^attendance:(\d+):(\d{4}-\d{2}-\d{2})$/.exec(reference ?? '');
  return m ? { activityId: Number(m[1]), date: m[2]! } : null;
}
