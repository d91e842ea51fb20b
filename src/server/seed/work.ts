import { createRng } from '../../domain/random/prng.ts';
import { addDays, yearOf } from '../../domain/calendar/date.ts';
import type { Queryable } from '../db/pool.ts';
import { generateWork } from './generate-work.ts';
import { WORK_ROLLUP_FROM_RECORDS } from '../modules/work/rollup.ts';

const CHUNK = 20_000;

/** Demo work data for the populated UPTs, loaded in bulk with the rollups and premi it implies. */
export async function seedWork(tx: Queryable, opts: { seed: number; today: string; uptIds: number[]; days: number }): Promise<number> {
  if (opts.uptIds.length === 0) return 0;
  await tx.query(`INSERT INTO premi_floor (effective_from, rupiah_per_day) VALUES ('2020-01-01', 5000) ON CONFLICT DO NOTHING`);
  const upts = await tx.query<{ id: number; kanwil_id: number; security_level: string | null }>('SELECT id, kanwil_id, security_level FROM upt WHERE id = ANY($1::int[]) ORDER BY id', [opts.uptIds]);
  const held = await tx.query<{ id: number; upt_id: number; asimilasi: string | null; held_since: string | null }>(
    `SELECT w.id, w.upt_id, d.asimilasi_date AS asimilasi, coalesce(w.admitted_on, w.detention_start) AS held_since FROM wbp w JOIN wbp_dates d ON d.wbp_id = w.id
      WHERE w.upt_id = ANY($1::int[]) AND w.released_on IS NULL AND w.status IN ('narapidana', 'anak') ORDER BY w.id`,
    [opts.uptIds],
  );
  const inmates = new Map<number, Array<{ id: number; asimilasi: string | null; heldSince: string | null }>>();
  for (const h of held) inmates.set(h.upt_id, [...(inmates.get(h.upt_id) ?? []), { id: Number(h.id), asimilasi: h.asimilasi, heldSince: h.held_since }]);
  const g = generateWork({ rng: createRng(opts.seed + 31), upts: upts.map((u) => ({ id: u.id, kanwilId: u.kanwil_id, securityLevel: u.security_level })), inmates, today: opts.today, days: opts.days, firstActivityId: 1 });
  const a = g.activities;
  await tx.query(
    `INSERT INTO work_activity (id, upt_id, kanwil_id, name, category, place_kind, capacity, weekdays, sessions, outside, source)
     SELECT id, u, k, n, c, p, cap, '{1,2,3,4,5,6}', '{pagi}', o, 'generated'
       FROM unnest($1::int[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::int[], $8::boolean[]) AS x(id, u, k, n, c, p, cap, o)`,
    [a.map((x) => x.id), a.map((x) => x.uptId), a.map((x) => x.kanwilId), a.map((x) => x.name), a.map((x) => x.category), a.map((x) => x.placeKind), a.map((x) => x.capacity), a.map((x) => x.outside)],
  );
  await tx.query(`SELECT setval('work_activity_id_seq', (SELECT max(id) FROM work_activity))`);
  await tx.query(
    `INSERT INTO pay_rule (activity_id, effective_from, kind, rate_rupiah) SELECT id, $3::date, 'daily', r FROM unnest($1::int[], $2::bigint[]) AS x(id, r)`,
    // In force from the year before the first seeded day, whatever day the demo is seeded.
    [a.map((x) => x.id), a.map((x) => x.rate), `${yearOf(addDays(opts.today, -opts.days)) - 1}-01-01`],
  );
  const al = g.allocations;
  await tx.query(
    `INSERT INTO work_allocation (activity_id, wbp_id, upt_id, kanwil_id, status, start_date)
     SELECT a, w, u, k, 'active', s FROM unnest($1::int[], $2::bigint[], $3::int[], $4::int[], $5::date[]) AS x(a, w, u, k, s)`,
    [al.map((x) => x.activityId), al.map((x) => x.wbpId), al.map((x) => x.uptId), al.map((x) => x.kanwilId), al.map((x) => x.startDate)],
  );
  // Sheets, then rows, then what follows from them: rollups and the premi ledger.
  await tx.query(
    `INSERT INTO attendance_sheet (activity_id, date, session, upt_id, kanwil_id, client_key)
     SELECT DISTINCT x.a, x.d, 'pagi', w.upt_id, w.kanwil_id, 'generated' FROM unnest($1::int[], $2::date[]) AS x(a, d) JOIN work_activity w ON w.id = x.a`,
    [g.attendance.map((r) => r.activityId), g.attendance.map((r) => r.date)],
  );
  for (let i = 0; i < g.attendance.length; i += CHUNK) {
    const c = g.attendance.slice(i, i + CHUNK);
    await tx.query(
      `INSERT INTO attendance (activity_id, date, session, wbp_id, upt_id, reason, paid)
       SELECT a, d, 'pagi', w, u, r, p FROM unnest($1::int[], $2::date[], $3::bigint[], $4::int[], $5::text[], $6::boolean[]) AS x(a, d, w, u, r, p)`,
      [c.map((r) => r.activityId), c.map((r) => r.date), c.map((r) => r.wbpId), c.map((r) => r.uptId), c.map((r) => r.reason), c.map((r) => r.paid)],
    );
  }
  await tx.query(`INSERT INTO work_month_rollup (upt_id, kanwil_id, month, category, attendance_rows, present_rows, paid_rows) ${WORK_ROLLUP_FROM_RECORDS}`);
  await tx.query(
    `INSERT INTO premi_entry (wbp_id, upt_id, kanwil_id, date, kind, amount_rupiah, source, reference)
     SELECT a.wbp_id, w.upt_id, w.kanwil_id, a.date, 'earning', r.rate_rupiah, 'attendance:' || a.activity_id || ':' || a.date || ':1', 'attendance:' || a.activity_id || ':' || a.date
       FROM attendance a JOIN work_activity w ON w.id = a.activity_id JOIN pay_rule r ON r.activity_id = a.activity_id WHERE a.paid`,
  );
  // Food security: a plot and a pond per UPT, two seasons of planting on part of the plot, and
  // harvests spread over the past ten months — sizes, crops and the share sold differ per UPT and
  // season, as they do between prisons (the demo had 0.4 ha and 6% offtake everywhere).
  const rng = createRng(opts.seed + 47);
  const SEASON_CROPS = [['Padi', 'Jagung'], ['Jagung', 'Kacang tanah', 'Cabai']] as const;
  for (const u of upts) {
    const landM2 = rng.int(5, 40) * 1000;
    const land = await tx.one<{ id: number }>(`INSERT INTO land_plot (upt_id, kanwil_id, kind, name, area_m2) VALUES ($1, $2, 'land', 'Lahan pertanian', $3) RETURNING id`, [u.id, u.kanwil_id, landM2]);
    const pond = await tx.one<{ id: number }>(`INSERT INTO land_plot (upt_id, kanwil_id, kind, name, area_m2) VALUES ($1, $2, 'pond', 'Kolam lele', $3) RETURNING id`, [u.id, u.kanwil_id, rng.int(2, 10) * 100]);
    for (const [season, daysAgo] of [[0, rng.int(150, 230)], [1, rng.int(20, 90)]] as const) {
      const crop = rng.pick(SEASON_CROPS[season]);
      const area = Math.round((landM2 * rng.int(35, 95)) / 100 / 100) * 100;
      await tx.query(`INSERT INTO planting (upt_id, kanwil_id, plot_id, crop, sector, area_m2, planted_on) VALUES ($1, $2, $3, $4, 'farming', $5, $6::date - $7::int)`, [
        u.id, u.kanwil_id, land!.id, crop, area, opts.today, daysAgo,
      ]);
    }
    const harvests = rng.int(3, 7);
    for (let k = 0; k < harvests; k++) {
      const fish = k % 3 === 1;
      const qty = fish ? rng.int(40, 300) * 1000 : rng.int(80, 1500) * 1000;
      const sold = rng.int(0, 70);
      await tx.query(
        `INSERT INTO harvest (upt_id, kanwil_id, plot_id, sector, commodity, harvested_on, qty_grams, offtake_grams) VALUES ($1, $2, $3, $4, $5, $6::date - $7::int, $8, $9)`,
        [u.id, u.kanwil_id, fish ? pond!.id : land!.id, fish ? 'fisheries' : 'farming', fish ? 'Lele' : rng.pick(['Sayuran hidroponik', 'Padi', 'Jagung', 'Cabai']), opts.today, rng.int(3, 300), qty, Math.round((qty * sold) / 100)],
      );
    }
  }
  return g.attendance.length;
}
