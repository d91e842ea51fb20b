import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { RemissionRun, RemissionRunItem } from '../../../shared/schemas/remission.ts';
import { get, type Query } from '../../api/client.ts';

export type RunItem = z.infer<typeof RemissionRunItem>;
export type RunWithItems = RemissionRun & { items: RunItem[] };

export const remissionKeys = {
  list: (q: Query) => ['remission-runs', q] as const,
  one: (id: number) => ['remission-run', id] as const,
};

export const useRuns = (q: Query) =>
  useQuery({ queryKey: remissionKeys.list(q), queryFn: ({ signal }) => get<{ items: RemissionRun[] }>('/remission-runs', q, signal).then((r) => r.items) });

export const useRun = (id: number) =>
  useQuery({ queryKey: remissionKeys.one(id), queryFn: ({ signal }) => get<RunWithItems>(`/remission-runs/${id}`, undefined, signal), enabled: id > 0 });

export const STATUS_COLOR: Record<RemissionRun['status'], string> = {
  draft: 'gray',
  proposed: 'orange',
  verified: 'pas',
  approved: 'green',
  rejected: 'red',
};
