import { useQuery } from '@tanstack/react-query';
import { get } from '../../api/client.ts';

/** One row of GET /imports (the API documents it only as a record). */
export interface ImportHistoryRow {
  id: number;
  uptId: number;
  uptName: string;
  fileName: string;
  status: string;
  rowsTotal: number;
  rowsCreated: number;
  rowsUpdated: number;
  rowsUnchanged: number;
  rowsRejected: number;
  createdBy: string | null;
  createdAt: string;
}

export const importKeys = { history: ['imports'] as const };

export const useImportHistory = () =>
  useQuery({ queryKey: importKeys.history, queryFn: ({ signal }) => get<{ items: ImportHistoryRow[] }>('/imports', undefined, signal).then((r) => r.items) });

/** Target fields of the SDP mapping, in the order officers think of them (domain/import/sdp-mapping.ts). */
export const TARGET_FIELDS = [
  'noRegister',
  'name',
  'sex',
  'birthDate',
  'religion',
  'status',
  'crime',
  'detentionStart',
  'verdictDate',
  'sentenceYears',
  'sentenceMonths',
  'sentenceDays',
  'sentenceText',
  'fineRupiah',
  'subsidiaryDays',
  'expiryDate',
  'twoThirdsDate',
  'upt',
] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];
export const MAX_BYTES = 20 * 1024 * 1024;
