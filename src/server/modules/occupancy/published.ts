import { readFileSync } from 'node:fs';
import path from 'node:path';
import { occupancy } from '../../../domain/indicators/index.ts';
import { defaultSharedDataDir, parseCsv } from '../../seed/reference-data.ts';


export interface PublishedOccupancy {
  date: string;
  level: string;
  name: string;
  kanwil: string;
  occupants: number;
  capacity: number;
  /** As published, in whichever convention the source used (see note). */
  publishedPct: number | null;
  ratioBasisPoints: number | null;
  overcrowdingBasisPoints: number | null;
  sourceUrl: string;
  note: string;
}

let cache: PublishedOccupancy[] | null = null;

/**
 * Published occupancy anchors (shared/data/occupancy/published-upt-kanwil-occupancy.csv): real
 * figures for named UPTs, Kanwils and the nation, 2013–2023, with the percentage as published and
 * both conventions recomputed from occupants and capacity, so the reader sees which one was quoted.
 */
export function publishedOccupancy(): PublishedOccupancy[] {
  if (cache) return cache;
  try {
    const text = readFileSync(path.join(defaultSharedDataDir(), 'occupancy', 'published-upt-kanwil-occupancy.csv'), 'utf8');
    const [header, ...records] = parseCsv(text);
    const names = (header ?? []).map((h) => h.trim());
    cache = records
      // The file's national rows leave out the Kanwil column (10 fields, not 11): put an empty one back.
      .map((f) => (f.length === names.length - 1 && f[1] === 'national' ? [...f.slice(0, 3), '', ...f.slice(3)] : f))
      .filter((f) => f.length === names.length)
      .map((f) => Object.fromEntries(names.map((n, i) => [n, f[i] ?? ''])) as Record<string, string>)
      .filter((r) => Number(r.occupants) > 0 && Number(r.capacity) > 0)
      .map((r) => {
        const o = occupancy(Number(r.occupants), Number(r.capacity));
        return {
          date: r.date!, level: r.level!, name: r.name!, kanwil: r.kanwil!, occupants: Number(r.occupants), capacity: Number(r.capacity),
          publishedPct: r.published_pct === '' ? null : Number(r.published_pct), ratioBasisPoints: o.ratioBasisPoints, overcrowdingBasisPoints: o.overcrowdingBasisPoints,
          sourceUrl: r.source_url!, note: r.note!,
        };
      });
  } catch {
    cache = [];
  }
  return cache;
}
