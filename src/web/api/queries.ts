import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditEntry } from '../../shared/schemas/audit.ts';
import type { Meta } from '../../shared/schemas/meta.ts';
import type { Kanwil, Upt } from '../../shared/schemas/org.ts';
import type { User } from '../../shared/schemas/users.ts';
import { get, type Query } from './client.ts';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
export interface Province {
  code: string;
  name: string;
}
export type { AuditVerifyResult } from '../../shared/schemas/audit.ts';

/** Reference lists change rarely: keep them for the session (fewer requests on slow links). */
const REFERENCE = { staleTime: 10 * 60_000, gcTime: 30 * 60_000 };

export const keys = {
  meta: ['meta'] as const,
  kanwils: ['kanwils'] as const,
  provinces: ['provinces'] as const,
  upts: (q: Query) => ['upts', q] as const,
  upt: (id: number) => ['upt', id] as const,
  uptHistory: (id: number) => ['upt-history', id] as const,
  users: (q: Query) => ['users', q] as const,
  user: (id: number) => ['user', id] as const,
  audit: (q: Query) => ['audit', q] as const,
};

export const useMeta = () => useQuery({ queryKey: keys.meta, queryFn: ({ signal }) => get<Meta>('/meta', undefined, signal), ...REFERENCE });

export const useKanwils = () =>
  useQuery({
    queryKey: keys.kanwils,
    queryFn: ({ signal }) => get<{ items: Kanwil[] }>('/org/kanwils', undefined, signal).then((r) => r.items),
    ...REFERENCE,
  });

export const useProvinces = (enabled = true) =>
  useQuery({
    queryKey: keys.provinces,
    queryFn: ({ signal }) => get<{ items: Province[] }>('/org/provinces', undefined, signal).then((r) => r.items),
    enabled,
    ...REFERENCE,
  });

export const useUpts = (q: Query, enabled = true) =>
  useQuery({
    queryKey: keys.upts(q),
    queryFn: ({ signal }) => get<Page<Upt>>('/org/upts', q, signal),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useUpt = (id: number) =>
  useQuery({ queryKey: keys.upt(id), queryFn: ({ signal }) => get<Upt>(`/org/upts/${id}`, undefined, signal), enabled: id > 0 });

export const useUptHistory = (id: number) =>
  useQuery({
    queryKey: keys.uptHistory(id),
    queryFn: ({ signal }) => get<{ items: AuditEntry[] }>(`/org/upts/${id}/history`, undefined, signal).then((r) => r.items),
    enabled: id > 0,
  });

export const useUsers = (q: Query) =>
  useQuery({ queryKey: keys.users(q), queryFn: ({ signal }) => get<Page<User>>('/users', q, signal), placeholderData: keepPreviousData });

export const useUser = (id: number) =>
  useQuery({ queryKey: keys.user(id), queryFn: ({ signal }) => get<User>(`/users/${id}`, undefined, signal), enabled: id > 0 });

export const useAudit = (q: Query) =>
  useQuery({
    queryKey: keys.audit(q),
    queryFn: ({ signal }) => get<Page<AuditEntry>>('/audit', q, signal),
    placeholderData: keepPreviousData,
  });
