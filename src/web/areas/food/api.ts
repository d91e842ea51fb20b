import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { get, type Query } from '../../api/client.ts';

export interface Plot {
  id: number;
  uptId: number;
  kanwilId: number;
  uptName: string;
  kind: 'land' | 'pond' | 'pen';
  name: string;
  areaM2: number;
  active: boolean;
}

export interface FoodRow {
  uptId: number;
  uptName: string;
  kanwilId: number;
  plantedM2: number;
  farmingGrams: number;
  fisheriesGrams: number;
  livestockGrams: number;
  offtakeGrams: number;
}
export interface FoodSummary {
  totals: { haPlanted: number; farmingKg: number; fisheriesKg: number; livestockKg: number; offtakeBasisPoints: number };
  rows: FoodRow[];
}

export const foodKeys = {
  plots: (q: Query) => ['food-plots', q] as const,
  summary: (q: Query) => ['food-summary', q] as const,
};

export const usePlots = (q: Query) =>
  useQuery<Plot[]>({ queryKey: foodKeys.plots(q), queryFn: ({ signal }) => get<{ items: Plot[] }>('/food/plots', q, signal).then((r) => r.items), placeholderData: keepPreviousData });

export const useFoodSummary = (q: { from: string; to: string }) =>
  useQuery({
    queryKey: foodKeys.summary(q),
    queryFn: ({ signal }) => get<FoodSummary>('/food/summary', q, signal),
    placeholderData: keepPreviousData,
    enabled: !!q.from && !!q.to,
  });

/** Exact totals from the per-UPT integers (grams, m²), not the server's rounded floats. */
export function totalsOf(rows: FoodRow[]) {
  const sum = (k: keyof FoodRow) => rows.reduce((s, r) => s + Number(r[k] ?? 0), 0);
  const harvest = sum('farmingGrams') + sum('fisheriesGrams') + sum('livestockGrams');
  return {
    plantedM2: sum('plantedM2'),
    farmingGrams: sum('farmingGrams'),
    fisheriesGrams: sum('fisheriesGrams'),
    livestockGrams: sum('livestockGrams'),
    offtakeGrams: sum('offtakeGrams'),
    harvestGrams: harvest,
  };
}

/** Since 2025 meal suppliers must buy at least 5% of prison-farm output (DOMAIN.md). */
export const OFFTAKE_TARGET_BP = 500;
