import { calculateCase, type CaseResult, type Holiday } from '../../../domain/sentence/index.ts';
import type { Queryable } from '../../db/pool.ts';
import { buildCaseInput } from './case-input.ts';
import type { WbpRow, CaseRecords } from './queries.ts';

export async function loadHolidays(db: Queryable): Promise<Holiday[]> {
  return db.query<{ date: string; name: string; national: boolean }>('SELECT date, name, national FROM holiday ORDER BY date');
}

export interface Computed {
  result: CaseResult | null;
  problems: string[];
}

/** Runs the engine on stored records; a case the engine cannot take is reported, not thrown. */
export function computeCase(w: WbpRow, records: CaseRecords, today: string, holidays: Holiday[], projectUntil?: string): Computed {
  const built = buildCaseInput(w, records, today);
  if (!built.input) return { result: null, problems: built.problems };
  try {
    const input = projectUntil ? { ...built.input, projectRemissions: { until: projectUntil } } : built.input;
    return { result: calculateCase(input, { holidays }), problems: built.problems };
  } catch (err) {
    return { result: null, problems: [...built.problems, `engine: ${(err as Error).message}`] };
  }
}
