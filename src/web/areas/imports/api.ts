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

export { TARGET_FIELDS, type TargetField } from '../../../shared/schemas/imports.ts';
export const MAX_BYTES = 20 * 1024 * 1024;
