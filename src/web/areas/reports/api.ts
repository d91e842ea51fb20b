import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { buildUrl, get } from '../../api/client.ts';

export type ReportStatus = 'draft' | 'submitted' | 'verified' | 'returned' | 'received';

export interface ReportLine {
  code: string;
  name: { id: string; en: string };
  unit: string;
  scale: number;
  ratio: boolean;
  manual: boolean;
  month: number | null;
  toDate: number | null;
  target: number | null;
  attainmentBp: number | null;
  light: 'green' | 'amber' | 'red' | 'none';
}

export interface Report {
  id: number;
  uptId: number;
  uptName: string;
  kanwilId: number;
  kanwilName: string;
  month: string;
  status: ReportStatus;
  commentary: { summary: string; obstacles: string; plans: string };
  returnReason: string | null;
  version: number;
  deadline: string;
  late: boolean;
  figuresFrozen: boolean;
  figures: { unitName: string; refreshedAt: string | null; lines: ReportLine[] };
  /** What the figures may miss: records written after the rollup, lines the records now give differently. */
  freshness: { refreshedAt: string | null; writesAfterRefresh: number; changedSinceSubmission: Array<{ code: string; name: { id: string; en: string } }> };
  history: Array<{ step: string; by: string | null; at: string }>;
}

export interface ReportListItem {
  id: number;
  uptId: number;
  uptName: string;
  kanwilName: string;
  status: ReportStatus;
  submittedAt: string | null;
}

export interface LateItem {
  uptId: number;
  uptName: string;
  kanwilName: string;
  status: ReportStatus | null;
  submittedAt: string | null;
  reportId: number | null;
  missing: boolean;
  late: boolean;
}

export const reportKeys = {
  all: ['reports'] as const,
  list: (month: string) => ['reports', 'list', month] as const,
  late: (month: string) => ['reports', 'late', month] as const,
  one: (id: number) => ['reports', 'one', id] as const,
  consolidated: (month: string) => ['reports', 'consolidated', month] as const,
};

export const useReports = (month: string) =>
  useQuery<ReportListItem[]>({ queryKey: reportKeys.list(month), queryFn: ({ signal }) => get<{ items: ReportListItem[] }>('/reports', { month }, signal).then((r) => r.items), placeholderData: keepPreviousData });
export const useLateReports = (month: string) =>
  useQuery({ queryKey: reportKeys.late(month), queryFn: ({ signal }) => get<{ deadline: string; overdue: boolean; upts: number; items: LateItem[] }>('/reports/late', { month }, signal), placeholderData: keepPreviousData });
export const useReport = (id: number) => useQuery({ queryKey: reportKeys.one(id), queryFn: ({ signal }) => get<Report>(`/reports/${id}`, undefined, signal) });
export const useConsolidated = (month: string) =>
  useQuery({
    queryKey: reportKeys.consolidated(month),
    queryFn: ({ signal }) => get<{ unit: { name: string }; counts: { upts: number; submitted: number; missing: number; late: number } }>('/reports/consolidated', { month }, signal),
    placeholderData: keepPreviousData,
  });

export const reportFileUrl = (id: number, format: 'xlsx' | 'pdf') => buildUrl(`/reports/${id}/export`, { format });
export const consolidatedFileUrl = (month: string, format: 'xlsx' | 'pdf') => buildUrl('/reports/consolidated', { month, format });
