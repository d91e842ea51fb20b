import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Batch, BatchSummary, OnHandRow, Product, StockItem, StockLocation, StockMove } from '../../../shared/schemas/production.ts';
import { get, type Query } from '../../api/client.ts';
import type { Page } from '../../api/queries.ts';

export type { Batch, Product, StockMove };
export type StockItemRow = z.infer<typeof StockItem>;
export type LocationRow = z.infer<typeof StockLocation>;
export type OnHand = z.infer<typeof OnHandRow>;
export type BatchRow = z.infer<typeof BatchSummary>;

export const productionKeys = {
  products: (q: Query) => ['products', q] as const,
  product: (id: number) => ['product', id] as const,
  items: (q: Query) => ['stock-items', q] as const,
  locations: (q: Query) => ['stock-locations', q] as const,
  onHand: (q: Query) => ['stock-on-hand', q] as const,
  moves: (q: Query) => ['stock-moves', q] as const,
  batches: (q: Query) => ['batches', q] as const,
  batch: (id: number) => ['batch', id] as const,
};

export const useProducts = (q: Query = {}) =>
  useQuery<Product[]>({ queryKey: productionKeys.products(q), queryFn: ({ signal }) => get<{ items: Product[] }>('/production/products', q, signal).then((r) => r.items), placeholderData: keepPreviousData });

export const useProduct = (id: number) =>
  useQuery({ queryKey: productionKeys.product(id), queryFn: ({ signal }) => get<Product>(`/production/products/${id}`, undefined, signal), enabled: id > 0 });

export const useStockItems = (q: Query = {}) =>
  useQuery({ queryKey: productionKeys.items(q), queryFn: ({ signal }) => get<{ items: StockItemRow[] }>('/stock/items', q, signal).then((r) => r.items) });

export const useLocations = (q: Query = {}) =>
  useQuery({ queryKey: productionKeys.locations(q), queryFn: ({ signal }) => get<{ items: LocationRow[] }>('/stock/locations', q, signal).then((r) => r.items) });

export const useOnHand = (q: Query = {}, enabled = true) =>
  useQuery({
    queryKey: productionKeys.onHand(q),
    queryFn: ({ signal }) => get<{ items: OnHand[]; totalValueRupiah: number }>('/stock/on-hand', q, signal),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useMoves = (q: Query) =>
  useQuery({ queryKey: productionKeys.moves(q), queryFn: ({ signal }) => get<Page<StockMove>>('/stock/moves', q, signal), placeholderData: keepPreviousData });

export const useBatches = (q: Query = {}) =>
  useQuery<BatchRow[]>({ queryKey: productionKeys.batches(q), queryFn: ({ signal }) => get<{ items: BatchRow[] }>('/production/batches', q, signal).then((r) => r.items), placeholderData: keepPreviousData });

export const useBatch = (id: number) =>
  useQuery({ queryKey: productionKeys.batch(id), queryFn: ({ signal }) => get<Batch>(`/production/batches/${id}`, undefined, signal), enabled: id > 0 });

/** "12.500 g" — stock counts in the item's smallest unit. */
export const qtyText = (qty: number, unit: string) => `${new Intl.NumberFormat('id-ID').format(qty)} ${unit}`;
