import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CaseResult } from '../../../domain/sentence/types.ts';
import type { WbpDetail, WbpSummary } from '../../../shared/schemas/wbp.ts';
import { get, type Query } from '../../api/client.ts';
import type { Page } from '../../api/queries.ts';

/** Records of an inmate as the API gives them: database rows, snake_case. */
export interface SentenceRow {
  id: number;
  verdict_date: string;
  stage: 'pn' | 'pt' | 'ma' | 'pk';
  case_number: string | null;
  court: string | null;
  years: number;
  months: number;
  days: number;
  life: boolean;
  death: boolean;
  fine_rupiah: number;
  fine_paid: boolean;
  subsidiary_days: number;
  restitution_rupiah: number;
  final: boolean;
  superseded_by: number | null;
}
export interface DetentionOrderRow {
  id: number;
  stage: string;
  authority: string | null;
  order_number: string | null;
  start_date: string;
  days: number;
  extension_of: number | null;
  art29: boolean;
  regime: string;
}
export interface RegisterFRow {
  id: number;
  date: string;
  until: string | null;
  offence: string;
  punishment: string | null;
}
export interface RemissionGrantRow {
  id: number;
  kind: string;
  occasion_date: string;
  days: number;
  decree_number: string | null;
  run_id: number | null;
  reversed_by: number | null;
}
export interface TransferRow {
  id: number;
  from_upt_id: number;
  to_upt_id: number;
  from_upt_name: string;
  to_upt_name: string;
  date: string;
  reason: string | null;
}

export type Wbp = Omit<WbpDetail, 'calculation' | 'sentences' | 'detentionOrders' | 'registerF' | 'remissions' | 'transfers'> & {
  calculation: CaseResult | null;
  sentences: SentenceRow[];
  detentionOrders: DetentionOrderRow[];
  registerF: RegisterFRow[];
  remissions: RemissionGrantRow[];
  transfers: TransferRow[];
};

export const wbpKeys = {
  list: (q: Query) => ['wbp-list', q] as const,
  one: (id: number) => ['wbp', id] as const,
};

export const useWbpList = (q: Query) =>
  useQuery({ queryKey: wbpKeys.list(q), queryFn: ({ signal }) => get<Page<WbpSummary>>('/wbp', q, signal), placeholderData: keepPreviousData });

export const useWbp = (id: number) =>
  useQuery({ queryKey: wbpKeys.one(id), queryFn: ({ signal }) => get<Wbp>(`/wbp/${id}`, undefined, signal), enabled: id > 0 });

/** Date an order ends: start + days − 1 (inclusive count, as the engine). */
export function orderEnd(start: string, days: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days - 1);
  return d.toISOString().slice(0, 10);
}
