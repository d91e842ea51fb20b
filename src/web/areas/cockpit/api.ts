import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { get } from '../../api/client.ts';

export type Light = 'green' | 'amber' | 'red' | 'none' | 'na';

export interface Indicator {
  id: number;
  code: string;
  programme: string;
  point: number | null;
  name: { id: string; en: string };
  definition: { id: string; en: string };
  unit: string;
  scale: number;
  direction: 'higher' | 'lower';
  timeAggregate: 'sum' | 'last';
  ratio: boolean;
  sourceKey: string;
  manual: boolean;
  computedFrom: { id: string; en: string };
}

export interface Figure {
  value: number;
  denominator: number | null;
  realised: number | null;
  target: number | null;
  expected: number | null;
  attainmentBp: number | null;
  light: Light;
}

export interface Child extends Figure {
  id: number;
  name: string;
}

export interface DashboardItem extends Figure {
  indicator: Indicator;
  manual: boolean;
  children: Child[];
  ranking: number[];
}

export type Unit = { level: 'national'; name: string } | { level: 'kanwil'; kanwilId: number; name: string } | { level: 'upt'; kanwilId: number; uptId: number; name: string };

export interface Dashboard {
  unit: Unit;
  year: number;
  monthsElapsed: number;
  refreshedAt: string | null;
  items: DashboardItem[];
}

export interface Trend {
  unit: Unit;
  indicator: Indicator;
  year: number;
  target: number | null;
  months: Array<{ month: string; value: number | null; cumulative: number | null; expected: number | null }>;
}

export interface ProvinceItem {
  code: string;
  name: string;
  kanwils: Array<{ id: number; name: string }>;
  value: number | null;
  denominator: number | null;
  realised: number | null;
  target: number | null;
  light: Light;
  attainmentBp: number | null;
}

export interface UnitQuery {
  year: number;
  kanwilId?: string;
  uptId?: string;
}

const q = (u: UnitQuery) => ({ year: u.year, kanwilId: u.kanwilId || undefined, uptId: u.uptId || undefined });

export const cockpitKeys = {
  all: ['cockpit'] as const,
  dashboard: (u: UnitQuery) => ['cockpit', 'dashboard', u] as const,
  trend: (u: UnitQuery, id: number) => ['cockpit', 'trend', u, id] as const,
  map: (year: number, id: number) => ['cockpit', 'map', year, id] as const,
  records: (p: Record<string, string | number>) => ['cockpit', 'records', p] as const,
  indicators: ['cockpit', 'indicators'] as const,
};

export const useDashboard = (u: UnitQuery) =>
  // No placeholder across units: a drill-down must never show (and link from) the previous unit's figures.
  useQuery({ queryKey: cockpitKeys.dashboard(u), queryFn: ({ signal }) => get<Dashboard>('/cockpit/dashboard', q(u), signal) });

export const useTrend = (u: UnitQuery, indicatorId: number) =>
  useQuery({ queryKey: cockpitKeys.trend(u, indicatorId), queryFn: ({ signal }) => get<Trend>('/cockpit/trend', { ...q(u), indicatorId }, signal), enabled: indicatorId > 0 });

export const useProvinceMap = (year: number, indicatorId: number) =>
  useQuery({
    queryKey: cockpitKeys.map(year, indicatorId),
    queryFn: ({ signal }) => get<{ indicator: Indicator; items: ProvinceItem[]; month: string | null; refreshedAt: string | null }>('/cockpit/map', { year, indicatorId }, signal),
    enabled: indicatorId > 0,
    placeholderData: keepPreviousData,
  });

export const useRecords = (p: { indicatorId: number; uptId: number; from: string; to: string } | null) =>
  useQuery({
    queryKey: cockpitKeys.records(p ?? {}),
    queryFn: ({ signal }) => get<{ items: Array<Record<string, unknown>> }>('/cockpit/records', p!, signal).then((r) => r.items),
    enabled: !!p,
  });

export const useIndicators = () =>
  useQuery({ queryKey: cockpitKeys.indicators, queryFn: ({ signal }) => get<{ items: Indicator[]; refreshedAt: string | null }>('/indicators', undefined, signal), staleTime: 5 * 60_000 });
