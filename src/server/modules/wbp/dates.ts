import { calculateCase, type CaseResult, type Holiday } from '../../../domain/sentence/index.ts';
import type { Queryable } from '../../db/pool.ts';
import { buildCaseInput } from './case-input.ts';
import { findWbp, loadCaseRecords, type WbpRow, type CaseRecords } from './queries.ts';

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

/** Stores the dates the due-date and overstay lists read; called in the transaction of every change. */
export async function refreshWbpDates(tx: Queryable, wbpId: number, today: string, holidays?: Holiday[]): Promise<Computed> {
  const w = await findWbp(tx, wbpId);
  if (!w) throw new Error(`wbp ${wbpId} not found`);
  const computed = computeCase(w, await loadCaseRecords(tx, wbpId), today, holidays ?? (await loadHolidays(tx)));
  const r = computed.result;
  await tx.query(
    `INSERT INTO wbp_dates (wbp_id, upt_id, kanwil_id, rule_set, expiry, two_thirds, half, pb_date, cb_date, detention_end, next_step, problems, asimilasi_date, next_step_en, computed_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14, now())
     ON CONFLICT (wbp_id) DO UPDATE SET upt_id = EXCLUDED.upt_id, kanwil_id = EXCLUDED.kanwil_id, rule_set = EXCLUDED.rule_set,
       expiry = EXCLUDED.expiry, two_thirds = EXCLUDED.two_thirds, half = EXCLUDED.half, pb_date = EXCLUDED.pb_date,
       cb_date = EXCLUDED.cb_date, detention_end = EXCLUDED.detention_end, next_step = EXCLUDED.next_step,
       problems = EXCLUDED.problems, asimilasi_date = EXCLUDED.asimilasi_date, next_step_en = EXCLUDED.next_step_en, computed_at = now()`,
    [
      wbpId,
      w.upt_id,
      w.kanwil_id,
      r?.ruleSet ?? 'none',
      r?.expiry ?? null,
      r?.twoThirds ?? null,
      r?.half ?? null,
      r?.pb.date ?? null,
      r?.cb.date ?? null,
      r && r.status === 'tahanan' ? r.detention.endDate : null,
      r ? r.detention.nextStep.id : null,
      computed.problems,
      r && r.asimilasi.eligible ? r.asimilasi.date : null,
      r ? r.detention.nextStep.en : null,
    ],
  );
  return computed;
}
