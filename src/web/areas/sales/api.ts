import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ProceedsRule, ProceedsSplit, Sale, SalesSummary, SaleSummary, SplitPreview } from '../../../shared/schemas/sales.ts';
import { get, type Query } from '../../api/client.ts';
import type { Page } from '../../api/queries.ts';

export type { Sale };
export type SaleRow = z.infer<typeof SaleSummary>;
export type Summary = z.infer<typeof SalesSummary>;
export type Rule = z.infer<typeof ProceedsRule>;
export type Split = z.infer<typeof ProceedsSplit>;
export type Preview = z.infer<typeof SplitPreview>;

export const salesKeys = {
  summary: (q: Query) => ['sales-summary', q] as const,
  list: (q: Query) => ['sales', q] as const,
  sale: (id: number) => ['sale', id] as const,
  rules: (q: Query) => ['proceeds-rules', q] as const,
  splits: (q: Query) => ['splits', q] as const,
  preview: (q: Query) => ['split-preview', q] as const,
};

export const useSalesSummary = (q: Query) =>
  useQuery({ queryKey: salesKeys.summary(q), queryFn: ({ signal }) => get<Summary>('/sales/summary', q, signal), placeholderData: keepPreviousData });
export const useSales = (q: Query) =>
  useQuery({ queryKey: salesKeys.list(q), queryFn: ({ signal }) => get<Page<SaleRow>>('/sales', q, signal), placeholderData: keepPreviousData });
export const useSale = (id: number) => useQuery({ queryKey: salesKeys.sale(id), queryFn: ({ signal }) => get<Sale>(`/sales/${id}`, undefined, signal), enabled: id > 0 });
export const useRules = (q: Query = {}) =>
  useQuery({ queryKey: salesKeys.rules(q), queryFn: ({ signal }) => get<{ items: Rule[] }>('/sales/proceeds-rules', q, signal).then((r) => r.items) });
export const useSplits = (q: Query = {}) =>
  useQuery({ queryKey: salesKeys.splits(q), queryFn: ({ signal }) => get<{ items: Split[] }>('/sales/splits', q, signal).then((r) => r.items) });
export const usePreview = (q: Query, enabled: boolean) =>
  useQuery({ queryKey: salesKeys.preview(q), queryFn: ({ signal }) => get<Preview>('/sales/splits/preview', q, signal), enabled, retry: false });

/** Basis points as a percentage with two decimals: 3500 → "35,00%". */
export const percentOfBp = (bp: number, lang: 'id' | 'en') => `${(bp / 100).toLocaleString(lang === 'en' ? 'en-US' : 'id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}%`;

/** Link to a printable document of a sale. */
export const documentUrl = (saleId: number, doc: 'quotation' | 'invoice' | 'receipt', paymentId?: number) =>
  `/api/v1/sales/${saleId}/documents/${doc}${paymentId ? `?paymentId=${paymentId}` : ''}`;
