import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Activity, BulkAllocationReport } from '../../../shared/schemas/work.ts';
import { get, type Query } from '../../api/client.ts';
import type { Reason, SheetRow } from './attendanceDraft.ts';

export type { Activity, BulkAllocationReport };

export interface DashboardActivity {
  id: number;
  name: string;
  category: string;
  uptId: number;
  uptName: string;
  capacity: number;
  allocated: number;
  presentToday: number;
  sheetToday: boolean;
}
export interface WorkDashboard {
  today: string;
  month: string;
  activities: DashboardActivity[];
  totals: {
    workingToday: number;
    allocated: number;
    attendanceRows: number;
    attendanceRateBasisPoints: number | null;
    premiEarnedRupiah: number;
    premiPaidOutRupiah: number;
    harvestKg: number;
  };
}

export interface Allocation {
  id: number;
  wbpId: number;
  noRegister: string;
  name: string;
  status: 'active' | 'waitlist' | 'ended';
  startDate: string;
  endDate: string | null;
  endReason: string | null;
  version: number;
}

export interface AttendanceSheet {
  activityId: number;
  date: string;
  session: string;
  version: number | null;
  submittedAt: string | null;
  reasons: Reason[];
  rows: SheetRow[];
}

export interface WbpWork {
  allocations: Array<{ id: number; activity: string; category: string; status: string; startDate: string; endDate: string | null; endReason: string | null }>;
  months: Array<{ month: string; days: number; present: number; paid: number }>;
  premiBalanceRupiah: number;
}

export const workKeys = {
  dashboard: (q: Query) => ['work-dashboard', q] as const,
  activities: (q: Query) => ['work-activities', q] as const,
  activity: (id: number) => ['work-activity', id] as const,
  allocations: (id: number, status: string) => ['work-allocations', id, status] as const,
  attendance: (id: number, date: string, session: string) => ['work-attendance', id, date, session] as const,
  wbpWork: (wbpId: number) => ['wbp-work', wbpId] as const,
};

export const useWorkDashboard = (q: Query) =>
  useQuery({ queryKey: workKeys.dashboard(q), queryFn: ({ signal }) => get<WorkDashboard>('/work/dashboard', q, signal), placeholderData: keepPreviousData });

export const useActivities = (q: Query, enabled = true) =>
  useQuery<Activity[]>({
    queryKey: workKeys.activities(q),
    queryFn: ({ signal }) => get<{ items: Activity[] }>('/work/activities', q, signal).then((r) => r.items),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useActivity = (id: number) =>
  useQuery({ queryKey: workKeys.activity(id), queryFn: ({ signal }) => get<Activity>(`/work/activities/${id}`, undefined, signal), enabled: id > 0 });

export const useAllocations = (id: number, status: string, enabled = true) =>
  useQuery<Allocation[]>({
    queryKey: workKeys.allocations(id, status),
    queryFn: ({ signal }) => get<{ items: Allocation[] }>(`/work/activities/${id}/allocations`, { status }, signal).then((r) => r.items),
    placeholderData: keepPreviousData,
    enabled: enabled && id > 0,
  });

export const useAttendance = (id: number, date: string, session: string) =>
  useQuery({
    queryKey: workKeys.attendance(id, date, session),
    queryFn: ({ signal }) => get<AttendanceSheet>(`/work/activities/${id}/attendance`, { date, session }, signal),
    enabled: id > 0 && !!date && !!session,
    // Fresh each time the page opens; then the sheet on screen is what the officer edits, never
    // replaced behind their back (a reconnect does not refetch it).
    staleTime: Infinity,
    refetchOnMount: 'always',
    refetchOnReconnect: false,
  });

export const useWbpWork = (wbpId: number, enabled = true) =>
  useQuery({ queryKey: workKeys.wbpWork(wbpId), queryFn: ({ signal }) => get<WbpWork>(`/wbp/${wbpId}/work`, undefined, signal), enabled: enabled && wbpId > 0 });
