import type { Holiday } from '../../../domain/sentence/index.ts';
import type { Queryable } from '../../db/pool.ts';
import { computeCase, loadHolidays, type Computed } from './case-run.ts';
import { replaceSpells, spellsOf } from './overstay-spells.ts';
import { findWbp, loadCaseRecords } from './queries.ts';

export { computeCase, loadHolidays, type Computed } from './case-run.ts';

/** Stores the dates the due-date and overstay lists read; called in the transaction of every change. */
export async function refreshWbpDates(tx: Queryable, wbpId: number, today: string, holidays?: Holiday[]): Promise<Computed> {
  const w = await findWbp(tx, wbpId);
  if (!w) throw new Error(`wbp ${wbpId} not found`);
  const records = await loadCaseRecords(tx, wbpId);
  const hols = holidays ?? (await loadHolidays(tx));
  const computed = computeCase(w, records, today, hols);
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
  await replaceSpells(tx, [wbpId], new Map([[wbpId, spellsOf(w, records, hols)]]));
  return computed;
}

/** Rebuilds one inmate's overstay spells (after a release: the dates row is gone, the history stays). */
export async function refreshSpells(tx: Queryable, wbpId: number, holidays?: Holiday[]): Promise<void> {
  const w = await findWbp(tx, wbpId);
  if (!w) throw new Error(`wbp ${wbpId} not found`);
  const spells = spellsOf(w, await loadCaseRecords(tx, wbpId), holidays ?? (await loadHolidays(tx)));
  await replaceSpells(tx, [wbpId], new Map([[wbpId, spells]]));
}
