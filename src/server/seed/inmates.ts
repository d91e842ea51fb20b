import { createRng } from '../../domain/random/prng.ts';
import type { Queryable } from '../db/pool.ts';
import { loadHolidays as loadHolidayRows } from '../modules/wbp/dates.ts';
import { recomputeAllDates } from '../modules/wbp/bulk-dates.ts';
import { generateInmates, type GenUpt } from './generate-wbp.ts';
import { insertInmates } from './wbp.ts';

/**
 * Generated inmates: the demo populates a few UPTs fully (their whole capacity × the national
 * occupancy ratio); the national size fills every unit up to the published national total.
 */
export async function seedInmates(
  tx: Queryable,
  opts: { size: 'demo' | 'national'; seed: number; today: string; only: Set<string> | null; nationalTotal: number },
): Promise<number> {
  const upts = (
    await tx.query<{ id: number; kanwil_id: number; kanwil_raw: string; type: string; modifiers: string[]; capacity: number | null; raw_name: string }>(
      `SELECT u.id, u.kanwil_id, k.raw_name AS kanwil_raw, u.type, u.modifiers, u.capacity, u.raw_name
         FROM upt u JOIN kanwil k ON k.id = u.kanwil_id ORDER BY u.id`,
    )
  )
    .filter((u) => !opts.only || opts.only.has(u.raw_name))
    .map<GenUpt>((u) => ({ id: u.id, kanwilId: u.kanwil_id, kanwilRaw: u.kanwil_raw, type: u.type, modifiers: u.modifiers, capacity: u.capacity, rawName: u.raw_name }));
  const capacity = upts.reduce((s, u) => s + (u.capacity ?? 0), 0);
  const total = opts.only ? Math.round(capacity * 1.88) : opts.nationalTotal;
  const holidays = await loadHolidayRows(tx);
  const generated = generateInmates({ rng: createRng(opts.seed + 17), upts, total, today: opts.today, holidays, firstIds: { wbp: 1, order: 1 } });
  await insertInmates(tx, generated);
  await recomputeAllDates(tx, opts.today, { holidays, released: true });
  // Released inmates' overstay history is built: the daily job need not rebuild it.
  await tx.query(`INSERT INTO app_setting (key, value) VALUES ('overstay_history_built', 'true'::jsonb) ON CONFLICT (key) DO NOTHING`);
  return generated.wbp.length;
}
