import { useQuery } from '@tanstack/react-query';
import type { Billing, Reconciliation, Summary } from '../../../shared/schemas/pnbp.ts';
import { buildUrl, get } from '../../api/client.ts';

export type { Billing, Reconciliation, Summary };

export const pnbpKeys = {
  all: ['pnbp'] as const,
  billings: (q: object) => ['pnbp', 'billings', q] as const,
  recon: (q: object) => ['pnbp', 'recon', q] as const,
  summary: (q: object) => ['pnbp', 'summary', q] as const,
};

export interface ReconFilter {
  from: string;
  to: string;
  uptId?: number | undefined;
  kanwilId?: number | undefined;
}

const clean = (q: ReconFilter) => ({ from: q.from, to: q.to, uptId: q.uptId, kanwilId: q.kanwilId });

export const useBillings = (q: { uptId?: number | undefined; from: string; to: string }, enabled = true) =>
  useQuery({ queryKey: pnbpKeys.billings(q), queryFn: ({ signal }) => get<{ items: Billing[] }>('/pnbp/billings', q, signal).then((r) => r.items), enabled });

export const useReconciliation = (q: ReconFilter, enabled = true) =>
  useQuery({ queryKey: pnbpKeys.recon(q), queryFn: ({ signal }) => get<Reconciliation>('/pnbp/reconciliation', clean(q), signal), enabled });

export const useSummary = (q: { year: number; kanwilId?: number | undefined }) =>
  useQuery({ queryKey: pnbpKeys.summary(q), queryFn: ({ signal }) => get<Summary>('/pnbp/summary', q, signal) });

export const exportUrl = (q: ReconFilter, format: 'xlsx' | 'pdf') => buildUrl('/pnbp/reconciliation/export', { ...clean(q), format });

/** A fresh idempotency key: one per billing form, reused if the same submit is sent again. */
export function newKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `k-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

const MONTHS = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
/** '2026-11-01' or '2026-11' → 'November 2026'. */
export const monthLabel = (m: string, lang: 'id' | 'en') => `${MONTHS[lang][Number(m.slice(5, 7)) - 1] ?? ''} ${m.slice(0, 4)}`;
