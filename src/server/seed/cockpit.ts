import { allocateTarget } from '../../domain/indicators/index.ts';
import type { Db, Queryable } from '../db/pool.ts';
import { defaultRange, refreshAll } from '../modules/indicators/refresh.ts';
import { reportFigures } from '../modules/reports/figures.ts';
import { ensureCatalogue } from '../modules/indicators/catalogue-seed.ts';
import { DEMO_UPTS } from './users.ts';

/**
 * Demo targets: the published national figures of Resolusi Pemasyarakatan 2020 (DOMAIN.md), used
 * as this year's national targets of the demo and labelled so, allocated to every Kanwil and UPT
 * in proportion to capacity (generated sample data) by largest remainder.
 */
const DEMO_NATIONAL_TARGETS: Record<string, number> = {
  'RP20-01': 681,
  'RP20-02': 288_530,
  'RP20-03': 69_358,
  'RP20-04': 21_540,
  'RP20-07': 35_860,
  'RP20-08': 100 * 10_000, // 100 ha in m²
  'RP20-09': 0,
  'RP20-11': 7_000_000_000,
  'RP20-12': 180,
  'RP20-13': 19,
  'RP20-14': 64,
  'RP20-15': 48,
};
const REASON = 'Data contoh: angka Resolusi Pemasyarakatan 2020 dipakai sebagai target demo';

export async function seedCockpitTargets(tx: Queryable, opts: { today: string }): Promise<void> {
  await ensureCatalogue(tx);
  await tx.query(`INSERT INTO app_setting (key, value) VALUES ('report_deadline_day', '5'::jsonb) ON CONFLICT DO NOTHING`);
  const year = Number(opts.today.slice(0, 4));
  const inds = await tx.query<{ id: number; code: string; ratio: boolean; time_aggregate: string }>('SELECT id, code, ratio, time_aggregate FROM indicator');
  const kanwils = await tx.query<{ id: number; weight: number }>(
    `SELECT k.id, COALESCE((SELECT sum(COALESCE(u.capacity, 0)) FROM upt u WHERE u.kanwil_id = k.id AND u.active), 0)::bigint AS weight FROM kanwil k WHERE k.active ORDER BY k.id`,
  );
  const upts = await tx.query<{ id: number; kanwil_id: number; weight: number }>('SELECT id, kanwil_id, COALESCE(capacity, 0)::bigint AS weight FROM upt WHERE active ORDER BY id');
  const rows: Array<[number, string, number | null, number | null, string, number, string, string | null]> = [];
  for (const ind of inds) {
    const total = DEMO_NATIONAL_TARGETS[ind.code];
    if (total === undefined) continue;
    rows.push([ind.id, 'national', null, null, 'N', total, 'manual', null]);
    const kParts = allocateTarget(total, kanwils.map((k) => Number(k.weight)));
    kanwils.forEach((k, i) => {
      rows.push([ind.id, 'kanwil', k.id, null, `K${k.id}`, kParts[i]!, 'proportional', 'capacity']);
      const mine = upts.filter((u) => u.kanwil_id === k.id);
      const uParts = allocateTarget(kParts[i]!, mine.map((u) => Number(u.weight)));
      mine.forEach((u, j) => rows.push([ind.id, 'upt', k.id, u.id, `U${u.id}`, uParts[j]!, 'proportional', 'capacity']));
    });
  }
  const col = <T>(i: number) => rows.map((r) => r[i] as T);
  await tx.query(
    `INSERT INTO indicator_target (indicator_id, year, level, kanwil_id, upt_id, unit_key, value, method, basis, revision, reason)
     SELECT i, $1, l, k, u, key, v, m, b, 1, $10 FROM unnest($2::int[], $3::text[], $4::int[], $5::int[], $6::text[], $7::bigint[], $8::text[], $9::text[]) AS x(i, l, k, u, key, v, m, b)`,
    [year, col(0), col(1), col(2), col(3), col(4), col(5), col(6), col(7), REASON],
  );
  // A few manual realisations with evidence, for the demo UPTs (sample data, said so in the note).
  const demo = await tx.query<{ id: number; kanwil_id: number }>('SELECT id, kanwil_id FROM upt WHERE raw_name = ANY($1::text[]) ORDER BY id', [DEMO_UPTS.map((d) => d.upt)]);
  const manual = await tx.query<{ id: number; code: string }>(`SELECT id, code FROM indicator WHERE code IN ('RP20-03', 'RP20-04')`);
  const month = Number(opts.today.slice(5, 7));
  for (const [n, u] of demo.entries()) {
    for (const ind of manual) {
      for (let m = 1; m < month; m += 1) {
        const value = ((u.id * 7 + m * 3 + ind.id) % 9) + 2 + n;
        await tx.query(
          `INSERT INTO indicator_manual_value (indicator_id, upt_id, kanwil_id, month, value, note) VALUES ($1, $2, $3, $4, $5, $6)`,
          [ind.id, u.id, u.kanwil_id, `${year}-${String(m).padStart(2, '0')}-01`, value, `Data contoh: rekap bulanan ${ind.code === 'RP20-03' ? 'SK integrasi' : 'peserta rehabilitasi'} (demo)`],
        );
      }
    }
  }
}

/** After the main seed: the first rollup refresh, then demo monthly reports in every state. */
export async function seedCockpitAfter(db: Db, opts: { today: string }): Promise<void> {
  await refreshAll(db, { ...defaultRange(opts.today), today: opts.today, reason: 'demo seed' });
  const prev = new Date(`${opts.today.slice(0, 7)}-01T00:00:00Z`);
  prev.setUTCMonth(prev.getUTCMonth() - 1);
  const month = prev.toISOString().slice(0, 10);
  const head = (q: Queryable, slug: string) => q.one<{ id: number }>('SELECT id FROM app_user WHERE username = $1', [`kepala.${slug}`]);
  const kanwilUser = await db.one<{ id: number }>(`SELECT id FROM app_user WHERE username = 'kanwil.jateng'`);
  const pusat = await db.one<{ id: number }>(`SELECT id FROM app_user WHERE username = 'admin.pusat'`);
  const states = ['received', 'verified', 'submitted', 'returned', 'draft'] as const;
  await db.tx(async (tx) => {
    for (const [i, d] of DEMO_UPTS.entries()) {
      const state = states[i];
      if (!state) continue; // the last demo UPT has not reported: it shows on the late list
      const upt = await tx.one<{ id: number; kanwil_id: number }>('SELECT id, kanwil_id FROM upt WHERE raw_name = $1', [d.upt]);
      if (!upt) continue;
      const by = (await head(tx, d.slug))?.id ?? null;
      const submitted = state !== 'draft';
      const snapshot = submitted ? JSON.stringify(await reportFigures(tx, { level: 'upt', kanwilId: upt.kanwil_id, uptId: upt.id }, month, opts.today)) : null;
      await tx.query(
        `INSERT INTO monthly_report (upt_id, kanwil_id, month, status, commentary, snapshot, return_reason, created_by, submitted_by, submitted_at,
                                     verified_by, verified_at, returned_by, returned_at, received_by, received_at)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
        [
          upt.id, upt.kanwil_id, month, state,
          JSON.stringify({ summary: 'Data contoh: kegiatan kerja dan ketahanan pangan berjalan sesuai rencana.', obstacles: 'Data contoh: lahan terbatas.', plans: 'Data contoh: menambah kolam lele.' }),
          state === 'returned' ? null : snapshot, state === 'returned' ? 'Data contoh: lampirkan bukti kegiatan rehabilitasi.' : null,
          by, submitted ? by : null, submitted ? `${opts.today.slice(0, 7)}-03T09:00:00+07` : null,
          state === 'verified' || state === 'received' ? kanwilUser?.id ?? null : null, state === 'verified' || state === 'received' ? `${opts.today.slice(0, 7)}-04T10:00:00+07` : null,
          state === 'returned' ? kanwilUser?.id ?? null : null, state === 'returned' ? `${opts.today.slice(0, 7)}-04T11:00:00+07` : null,
          state === 'received' ? pusat?.id ?? null : null, state === 'received' ? `${opts.today.slice(0, 7)}-06T08:00:00+07` : null,
        ],
      );
    }
  });
}
