/**
 * Work benchmarks (issue: work, production and food security):
 * 1. saving a day's attendance for a 3,000-inmate UPT in one request, against a raw bulk insert
 *    of the same rows;
 * 2. a national year of attendance generated and loaded (rows/s), then the monthly national
 *    rollup read from the rollup table against the same figures by a raw scan.
 */
import type { Db } from '../src/server/db/pool.ts';
import { createRng } from '../src/domain/random/prng.ts';
import { addDays } from '../src/domain/calendar/date.ts';

export type Log = (name: string, value: unknown) => void;

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { n: s.length, p50: +q(0.5).toFixed(1), p95: +q(0.95).toFixed(1), max: +s[s.length - 1]!.toFixed(1) };
}

/** A UPT with 3,000 working inmates in one activity, created directly in the database. */
export async function prepareBigWorkshop(db: Db): Promise<{ activityId: number; uptId: number; wbpIds: number[] }> {
  const existing = await db.one<{ id: number; upt_id: number }>(`SELECT id, upt_id FROM work_activity WHERE name = 'Bench 3000'`);
  if (existing) {
    const ids = await db.query<{ wbp_id: number }>('SELECT wbp_id FROM work_allocation WHERE activity_id = $1 ORDER BY wbp_id', [existing.id]);
    return { activityId: existing.id, uptId: existing.upt_id, wbpIds: ids.map((r) => Number(r.wbp_id)) };
  }
  return db.tx(async (tx) => {
    const upt = (await tx.one<{ id: number; kanwil_id: number }>(`SELECT id, kanwil_id FROM upt WHERE raw_name = 'LAPAS KELAS I TANGERANG'`))!;
    const a = (await tx.one<{ id: number }>(
      `INSERT INTO work_activity (upt_id, kanwil_id, name, category, place_kind, capacity, weekdays, sessions, source)
       VALUES ($1, $2, 'Bench 3000', 'industri', 'workshop', 3000, '{1,2,3,4,5,6,7}', '{pagi}', 'generated') RETURNING id`,
      [upt.id, upt.kanwil_id],
    ))!;
    await tx.query(`INSERT INTO pay_rule (activity_id, effective_from, kind, rate_rupiah) VALUES ($1, '2020-01-01', 'daily', 12000)`, [a.id]);
    const wbp = await tx.query<{ id: number }>(
      `INSERT INTO wbp (upt_id, kanwil_id, no_register, name, name_search, sex, religion, status, source)
       SELECT $1, $2, 'BENCH-' || g, 'Pekerja ' || g, 'pekerja ' || g, 'L', 'islam', 'narapidana', 'generated' FROM generate_series(1, 3000) g RETURNING id`,
      [upt.id, upt.kanwil_id],
    );
    await tx.query(
      `INSERT INTO work_allocation (activity_id, wbp_id, upt_id, kanwil_id, status, start_date) SELECT $1, w, $2, $3, 'active', '2020-01-01' FROM unnest($4::bigint[]) w`,
      [a.id, upt.id, upt.kanwil_id, wbp.map((w) => w.id)],
    );
    return { activityId: a.id, uptId: upt.id, wbpIds: wbp.map((w) => Number(w.id)) };
  });
}

export async function benchAttendanceSave(db: Db, base: string, cookie: string, csrf: string, log: Log, rounds = 8): Promise<void> {
  const { activityId, uptId, wbpIds } = await prepareBigWorkshop(db);
  const rng = createRng(7);
  const save: number[] = [];
  const raw: number[] = [];
  await db.query('CREATE TABLE IF NOT EXISTS bench_attendance_raw (LIKE attendance)');
  for (let i = 0; i < rounds; i++) {
    const date = addDays('2026-06-01', i);
    const exceptions = wbpIds.filter(() => rng.chance(0.05)).map((wbpId) => ({ wbpId, reason: rng.pick(['sakit', 'izin', 'kunjungan', 'sidang']) }));
    const t0 = performance.now();
    const res = await fetch(`${base}/api/v1/work/activities/${activityId}/attendance`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
      body: JSON.stringify({ date, session: 'pagi', clientKey: `bench-${date}-${Date.now()}`, exceptions }),
    });
    await res.arrayBuffer();
    save.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`attendance save answered ${res.status}`);
    // Baseline: the same 3,000 rows by one raw bulk insert, nothing else.
    const r0 = performance.now();
    await db.query(
      `INSERT INTO bench_attendance_raw (activity_id, date, session, wbp_id, upt_id, reason, paid)
       SELECT $1, $2, 'pagi', w, $3, 'hadir', true FROM unnest($4::bigint[]) w`,
      [activityId, date, uptId, wbpIds],
    );
    raw.push(performance.now() - r0);
  }
  await db.query('DROP TABLE bench_attendance_raw');
  const s = stats(save);
  const r = stats(raw);
  log('work.attendance save 3,000 rows, 1 request (ms)', s);
  log('work.raw bulk insert 3,000 rows (ms)', r);
  log('work.attendance save / raw insert (p50 ratio)', +(s.p50 / r.p50).toFixed(1));
}

/** A national year of attendance: one bench activity per UPT, workers spread like the population. */
export async function benchNationalAttendance(db: Db, log: Log, opts: { workers: number; days: number }): Promise<void> {
  const done = await db.one<{ n: number }>(`SELECT count(*)::int AS n FROM work_activity WHERE name = 'Bench nasional'`);
  if (!done?.n) {
    const t0 = performance.now();
    const upts = await db.query<{ id: number; kanwil_id: number }>(`SELECT DISTINCT upt_id AS id, kanwil_id FROM wbp WHERE released_on IS NULL ORDER BY 1`);
    const acts = await db.query<{ id: number; upt_id: number }>(
      `INSERT INTO work_activity (upt_id, kanwil_id, name, category, place_kind, capacity, weekdays, sessions, source)
       SELECT u, k, 'Bench nasional', 'industri', 'workshop', 5000, '{1,2,3,4,5,6}', '{pagi}', 'generated' FROM unnest($1::int[], $2::int[]) AS x(u, k)
       RETURNING id, upt_id`,
      [upts.map((u) => u.id), upts.map((u) => u.kanwil_id)],
    );
    const actOf = new Map(acts.map((a) => [a.upt_id, a.id]));
    const workers = await db.query<{ id: number; upt_id: number }>(
      `SELECT id, upt_id FROM wbp WHERE released_on IS NULL AND status = 'narapidana' ORDER BY id LIMIT $1`,
      [opts.workers],
    );
    const start = '2025-12-01';
    const dates = Array.from({ length: Math.ceil((opts.days * 7) / 6) }, (_, i) => addDays(start, i)).filter((d) => new Date(`${d}T00:00:00Z`).getUTCDay() !== 0).slice(0, opts.days);
    await db.query(
      `INSERT INTO attendance_sheet (activity_id, date, session, upt_id, kanwil_id, client_key)
       SELECT a.id, d, 'pagi', a.upt_id, a.kanwil_id, 'bench' FROM work_activity a, unnest($1::date[]) d WHERE a.name = 'Bench nasional'`,
      [dates],
    );
    const prep = (performance.now() - t0) / 1000;
    const rng = createRng(11);
    const l0 = performance.now();
    let rows = 0;
    const CHUNK = 50_000;
    for (const date of dates) {
      for (let i = 0; i < workers.length; i += CHUNK) {
        const c = workers.slice(i, i + CHUNK);
        const reasons = c.map(() => (rng.chance(0.94) ? 'hadir' : rng.pick(['sakit', 'izin', 'kunjungan', 'tidak_hadir'])));
        await db.query(
          `INSERT INTO attendance (activity_id, date, session, wbp_id, upt_id, reason, paid)
           SELECT a, $1, 'pagi', w, u, r, r IN ('hadir', 'sakit', 'kunjungan') FROM unnest($2::int[], $3::bigint[], $4::int[], $5::text[]) AS x(a, w, u, r)`,
          [date, c.map((w) => actOf.get(w.upt_id)), c.map((w) => w.id), c.map((w) => w.upt_id), reasons],
        );
        rows += c.length;
      }
    }
    const load = (performance.now() - l0) / 1000;
    log('work.national attendance rows loaded', rows);
    log('work.national attendance load rows/s (unnest)', Math.round(rows / load));
    log('work.national attendance prepare + load s', +(prep + load).toFixed(1));
    // Full rollup refresh (what a rebuild costs); saves keep it current incrementally.
    const r0 = performance.now();
    await db.tx(async (tx) => {
      await tx.query(`DELETE FROM work_month_rollup`);
      await tx.query(
        `INSERT INTO work_month_rollup (upt_id, kanwil_id, month, category, attendance_rows, present_rows, paid_rows)
         SELECT w.upt_id, w.kanwil_id, date_trunc('month', a.date)::date, w.category, count(*), count(*) FILTER (WHERE a.reason = 'hadir'), count(*) FILTER (WHERE a.paid)
           FROM attendance a JOIN work_activity w ON w.id = a.activity_id GROUP BY 1, 2, 3, 4`,
      );
    });
    log('work.rollup full rebuild s', +((performance.now() - r0) / 1000).toFixed(1));
    await db.query('ANALYZE attendance; ANALYZE work_month_rollup');
  }
  const rollupSql = `SELECT month, kanwil_id, sum(attendance_rows)::bigint AS rows, sum(present_rows)::bigint AS present FROM work_month_rollup GROUP BY 1, 2 ORDER BY 1, 2`;
  const rawSql = `SELECT date_trunc('month', date)::date AS month, upt_id, count(*) AS rows, count(*) FILTER (WHERE reason = 'hadir') AS present FROM attendance GROUP BY 1, 2`;
  const time = async (sql: string, n: number) => {
    const ms: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await db.query(sql);
      ms.push(performance.now() - t0);
    }
    return stats(ms);
  };
  const rollup = await time(rollupSql, 40);
  const raw = await time(rawSql, 3);
  log('work.monthly national rollup query (ms)', rollup);
  log('work.same figures by raw scan (ms)', raw);
  log('work.raw scan / rollup (p50 ratio)', Math.round(raw.p50 / rollup.p50));
  const check = await db.one<{ a: number; b: number }>(`SELECT (SELECT sum(attendance_rows) FROM work_month_rollup)::bigint AS a, (SELECT count(*) FROM attendance)::bigint AS b`);
  log('work.rollup rows = attendance rows', check?.a === check?.b);
}
