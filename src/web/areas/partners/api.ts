import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Agreement, Partner, PartnerDetail, PokmasSummary } from '../../../shared/schemas/partners.ts';
import { get, type Query } from '../../api/client.ts';

export type { Agreement, Partner, PartnerDetail, PokmasSummary };

export const partnerKeys = {
  list: (q: Query) => ['partners', q] as const,
  partner: (id: number) => ['partner', id] as const,
  expiring: ['partner-agreements-expiring'] as const,
  pokmas: ['partner-pokmas'] as const,
};

export const usePartners = (q: Query) =>
  useQuery<Partner[]>({ queryKey: partnerKeys.list(q), queryFn: ({ signal }) => get<{ items: Partner[] }>('/partners', q, signal).then((r) => r.items), placeholderData: keepPreviousData });
export const usePartner = (id: number) =>
  useQuery({ queryKey: partnerKeys.partner(id), queryFn: ({ signal }) => get<PartnerDetail>(`/partners/${id}`, undefined, signal), enabled: id > 0 });
export const useExpiring = () =>
  useQuery({ queryKey: partnerKeys.expiring, queryFn: ({ signal }) => get<{ today: string; defaultAlertDays: number; items: Agreement[] }>('/partners/agreements/expiring', undefined, signal) });
export const usePokmas = () => useQuery({ queryKey: partnerKeys.pokmas, queryFn: ({ signal }) => get<PokmasSummary>('/partners/pokmas', undefined, signal) });
