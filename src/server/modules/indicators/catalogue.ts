import type { Queryable } from '../../db/pool.ts';
import { manualSource } from './sources/manual.ts';
import { SOURCES, type RealisationSource } from './sources/index.ts';
import type { Thresholds } from '../../../domain/indicators/index.ts';

export interface IndicatorRow {
  id: number;
  code: string;
  programme: string;
  point: number | null;
  name_id: string;
  name_en: string;
  definition_id: string;
  definition_en: string;
  unit: string;
  scale: number;
  period: string;
  direction: 'higher' | 'lower';
  time_aggregate: 'sum' | 'last';
  ratio: boolean;
  source_key: string;
  thresholds: Thresholds;
  active: boolean;
  sort: number;
  [key: string]: unknown;
}

/** The source that computes an indicator: its registered source, or manual entry until there is one. */
export function effectiveSource(ind: Pick<IndicatorRow, 'source_key'>): RealisationSource {
  return SOURCES.get(ind.source_key) ?? manualSource;
}

export const isManual = (ind: Pick<IndicatorRow, 'source_key'>) => effectiveSource(ind).key === 'manual';

export async function loadIndicators(q: Queryable, activeOnly = true): Promise<IndicatorRow[]> {
  return q.query<IndicatorRow>(`SELECT * FROM indicator ${activeOnly ? 'WHERE active' : ''} ORDER BY sort, code`);
}

/** The catalogue as the API returns it. */
export function indicatorJson(i: IndicatorRow) {
  const source = effectiveSource(i);
  return {
    id: i.id,
    code: i.code,
    programme: i.programme,
    point: i.point,
    name: { id: i.name_id, en: i.name_en },
    definition: { id: i.definition_id, en: i.definition_en },
    unit: i.unit,
    scale: i.scale,
    direction: i.direction,
    timeAggregate: i.time_aggregate,
    ratio: i.ratio,
    sourceKey: i.source_key,
    manual: source.key === 'manual',
    computedFrom: source.describe,
    thresholds: i.thresholds,
  };
}
