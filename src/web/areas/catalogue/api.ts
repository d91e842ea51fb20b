import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Listing, OrderRequest, OrderRequestSummary } from '../../../shared/schemas/catalogue.ts';
import { get, type Query } from '../../api/client.ts';
import type { Page } from '../../api/queries.ts';

export type { Listing, OrderRequest, OrderRequestSummary };

export const catalogueKeys = {
  listings: (q: Query) => ['catalogue-listings', q] as const,
  requests: (q: Query) => ['order-requests', q] as const,
  request: (id: number) => ['order-request', id] as const,
  counts: ['order-request-counts'] as const,
};

export const useListings = (q: Query = {}) =>
  useQuery<Listing[]>({ queryKey: catalogueKeys.listings(q), queryFn: ({ signal }) => get<{ items: Listing[] }>('/catalogue/listings', q, signal).then((r) => r.items), placeholderData: keepPreviousData });

export const useRequests = (q: Query) =>
  useQuery({ queryKey: catalogueKeys.requests(q), queryFn: ({ signal }) => get<Page<OrderRequestSummary>>('/catalogue/requests', q, signal), placeholderData: keepPreviousData });

export const useRequest = (id: number) =>
  useQuery({ queryKey: catalogueKeys.request(id), queryFn: ({ signal }) => get<OrderRequest>(`/catalogue/requests/${id}`, undefined, signal), enabled: id > 0 });

export const useRequestCounts = (enabled = true) =>
  useQuery({
    queryKey: catalogueKeys.counts,
    queryFn: ({ signal }) => get<{ items: Array<{ uptId: number; uptName: string; new: number; inProgress: number }> }>('/catalogue/requests/counts', undefined, signal),
    enabled,
  });
