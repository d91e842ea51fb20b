import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DueItem, OverstaySummary } from '../../../shared/schemas/overstay.ts';
import { get, type Query } from '../../api/client.ts';
import type { Page } from '../../api/queries.ts';

export interface Digest {
  date: string | null;
  items: Array<{ uptId: number; uptName: string; overstayDetention: number; overstayExpiry: number; due0: number; due3: number; due10: number }>;
}

export const overstayKeys = {
  summary: ['overstay', 'summary'] as const,
  due: (q: Query) => ['overstay', 'due', q] as const,
  digest: ['overstay', 'digest'] as const,
};

/** Counts per UPT; shared by the overstay page and the home page (one request for both). */
export const useOverstaySummary = (enabled = true) =>
  useQuery({ queryKey: overstayKeys.summary, queryFn: ({ signal }) => get<OverstaySummary>('/overstay/summary', undefined, signal), enabled });

export const useDue = (q: Query) =>
  useQuery({ queryKey: overstayKeys.due(q), queryFn: ({ signal }) => get<Page<DueItem>>('/overstay/due', q, signal), placeholderData: keepPreviousData });

export const useDigest = () => useQuery({ queryKey: overstayKeys.digest, queryFn: ({ signal }) => get<Digest>('/overstay/digest', undefined, signal) });

/** Orders ending within 3 days (incl. today), summed over the UPTs in scope. */
export const due3Of = (s: OverstaySummary) => s.rows.reduce((n, r) => n + r.due3, 0);
export const due0Of = (s: OverstaySummary) => s.rows.reduce((n, r) => n + r.due0, 0);
