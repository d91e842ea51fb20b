import type { Rng } from '../../domain/random/prng.ts';

/**
 * No public per-UPT capacity table exists (see shared/data/README.md), so demo capacities are
 * generated and marked 'generated'. They are scaled so the national totals equal the published
 * ones of 30 Nov 2025 (shared/data/national-figures.json): Lapas 98,805, Rutan 37,292, and the
 * remainder of 146,260 for LPKA.
 */
export const PUBLISHED_CAPACITY = { total: 146_260, lapas: 98_805, rutan: 37_292 } as const;

const CLASS_WEIGHT: Record<string, number> = { I: 3.2, II: 1.2, IIA: 1.6, IIB: 0.8, III: 0.45 };

interface UptLike {
  type: string;
  class: string | null;
}

type Group = 'lapas' | 'rutan' | 'lpka';

function groupOf(u: UptLike): Group | null {
  if (u.type === 'lapas' || u.type === 'lpp' || u.type === 'sae') return 'lapas';
  if (u.type === 'rutan' || u.type === 'cabang_rutan') return 'rutan';
  if (u.type === 'lpka') return 'lpka';
  return null; // Bapas, Rupbasan, hospital: no inmates housed
}

/** Capacity per UPT (null where the unit houses no inmates), summing exactly to the published totals. */
export function generateCapacities(upts: readonly UptLike[], rng: Rng): Array<number | null> {
  const targets: Record<Group, number> = {
    lapas: PUBLISHED_CAPACITY.lapas,
    rutan: PUBLISHED_CAPACITY.rutan,
    lpka: PUBLISHED_CAPACITY.total - PUBLISHED_CAPACITY.lapas - PUBLISHED_CAPACITY.rutan,
  };
  const weights = upts.map((u) => (groupOf(u) ? (CLASS_WEIGHT[u.class ?? 'IIB'] ?? 1) * (0.6 + rng.next() * 0.8) : 0));
  const result: Array<number | null> = upts.map(() => null);
  for (const group of ['lapas', 'rutan', 'lpka'] as const) {
    const idx = upts.map((u, i) => (groupOf(u) === group ? i : -1)).filter((i) => i >= 0);
    if (idx.length === 0) continue;
    const sum = idx.reduce((s, i) => s + (weights[i] ?? 0), 0);
    let assigned = 0;
    idx.forEach((i, k) => {
      // Largest-remainder would be fairer; giving the rounding rest to the last unit is exact and simple.
      const share = k === idx.length - 1 ? targets[group] - assigned : Math.max(20, Math.round((targets[group] * (weights[i] ?? 0)) / sum));
      result[i] = share;
      assigned += share;
    });
  }
  return result;
}
