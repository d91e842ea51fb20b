/**
 * Training benchmark (issue: training, certification and partners): a national year of training
 * programmes, participants and competency tests generated and bulk-loaded, then the certified-trainee
 * realisation for every UPT and Kanwil over the year read from the monthly rollup (p95 latency,
 * target ≤ 50 ms), against the same figures computed by a raw scan of participants and tests.
 *
 * Part of `npm run bench` (skip with BENCH_SKIP=training). Alone, on a PostgreSQL database of its
 * own: `BENCH_DATABASE_URL=postgres://… node --import tsx bench/training.ts` (migrates and seeds
 * the organisation if empty; UPTs without held inmates get generated ones for the benchmark).
 */
import { cpus, totalmem } from 'node:os';
import { createRng } from '../src/domain/random/prng.ts';
import type { Db } from '../src/server/db/pool.ts';
import { trainingRealisation } from '../src/server/modules/training/realisation.ts';
import { generateTraining } from '../src/server/seed/generate-training.ts';
import { loadTraining } from '../src/server/seed/training.ts';

export type Log = (name: string, value: unknown) => void;

const FROM = '2026-01-01';
const TO = '2026-12-31';
const TODAY = '2026-11-25';
const MARK = ' (bench)';

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { n: s.length, p50: +q(0.5).toFixed(1), p95: +q(0.95).toFixed(1), max: +s[s.length - 1]!.toFixed(1) };
}

/** Generates and loads the national year once (programmes marked "(bench)"). */
async function prepare(db: Db, log: Log, programmesPerUpt: number): Promise<void> {
  const done = await db.one<{ n: number }>(`SELECT count(*)::int AS n FROM training_programme WHERE name LIKE '%${MARK}'`);
  if (done?.n) return;
  const t0 = performance.now();
  const upts = await db.query<{ id: number; kanwil_id: number; name: string }>(`SELECT id, kanwil_id, name FROM upt WHERE active AND type NOT IN ('bapas', 'rupbasan', 'rs') ORDER BY id`);
  const held = await db.query<{ id: number; upt_id: number }>(`SELECT id, upt_id FROM wbp WHERE released_on IS NULL AND status IN ('narapidana', 'anak') ORDER BY id`);
  const inmates = new Map<number, number[]>();
  for (const h of held) {
    const list = inmates.get(h.upt_id) ?? [];
    list.push(Number(h.id));
    inmates.set(h.upt_id, list);
  }
  // A UPT without (enough) inmates in this database gets 60 generated ones, so every UPT trains.
  const short = upts.filter((u) => (inmates.get(u.id)?.length ?? 0) < 30);
  if (short.length) {
    const rows = await db.query<{ id: number; upt_id: number }>(
      `INSERT INTO wbp (upt_id, kanwil_id, no_register, name, name_search, sex, religion, status, source)
       SELECT u, k, 'BENCH-T-' || u || '-' || g, 'Peserta ' || g, 'peserta ' || g, 'L', 'islam', 'narapidana', 'generated'
         FROM unnest($1::int[], $2::int[]) AS x(u, k), generate_series(1, 60) g RETURNING id, upt_id`,
      [short.map((u) => u.id), short.map((u) => u.kanwil_id)],
    );
    for (const r of rows) inmates.set(r.upt_id, [...(inmates.get(r.upt_id) ?? []), Number(r.id)]);
    log('training.generated inmates for UPTs without any', rows.length);
  }
  const maxP = (await db.one<{ n: number }>('SELECT COALESCE(max(id), 0)::int AS n FROM training_programme'))!.n;
  const maxX = (await db.one<{ n: number }>('SELECT COALESCE(max(id), 0)::bigint AS n FROM training_participant'))!.n;
  const g = generateTraining({
    rng: createRng(2027), upts: upts.map((u) => ({ id: u.id, kanwilId: u.kanwil_id, name: u.name })), inmates,
    from: FROM, to: '2026-12-15', today: TODAY, programmesPerUpt, firstProgrammeId: maxP + 1, firstParticipantId: Number(maxX) + 1,
  });
  for (const p of g.programmes) p.name += MARK;
  // Certificate numbers must stay unique beside the demo's: the bench ones carry a B.
  for (const x of g.tests) if (x.certificateNumber) x.certificateNumber = `B.${x.certificateNumber}`;
  const gen = (performance.now() - t0) / 1000;
  const l0 = performance.now();
  await db.tx((tx) => loadTraining(tx, g));
  const load = (performance.now() - l0) / 1000;
  await db.query('ANALYZE training_programme; ANALYZE training_participant; ANALYZE competency_test; ANALYZE training_month_rollup');
  const rows = g.programmes.length + g.participants.length + g.tests.length;
  log('training.generated programmes / participants / tests', `${g.programmes.length} / ${g.participants.length} / ${g.tests.length}`);
  log('training.read inmates + generate s', +gen.toFixed(1));
  log('training.bulk load incl. rollup rebuild s', +load.toFixed(1));
  log('training.bulk load rows/s', Math.round(rows / load));
}

/** The same per-UPT figures as the rollup gives, by scanning participants and tests. */
const RAW_SQL = `
  SELECT u.id AS upt_id, u.kanwil_id, COALESCE(p.trained, 0) AS trained, COALESCE(t.tested, 0) AS tested, COALESCE(t.certified, 0) AS certified
    FROM upt u
    LEFT JOIN (SELECT upt_id, count(*)::int AS trained FROM training_participant WHERE completed_on BETWEEN $1 AND $2 GROUP BY 1) p ON p.upt_id = u.id
    LEFT JOIN (SELECT upt_id, count(*)::int AS tested, count(*) FILTER (WHERE result = 'kompeten')::int AS certified FROM competency_test WHERE test_date BETWEEN $1 AND $2 GROUP BY 1) t ON t.upt_id = u.id
   WHERE u.active AND u.type <> 'rupbasan'`;

export async function benchTraining(db: Db, log: Log, opts: { programmesPerUpt?: number } = {}): Promise<void> {
  await prepare(db, log, opts.programmesPerUpt ?? 6);
  const scope = { level: 'national' as const };
  const ms: number[] = [];
  let last;
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    last = await trainingRealisation(db, { from: FROM, to: TO, scope });
    ms.push(performance.now() - t0);
  }
  const rollup = stats(ms.slice(5)); // the first runs warm the plan cache
  const kanwil = last!.kanwils[0]!.kanwilId;
  const kms: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    await trainingRealisation(db, { from: FROM, to: TO, scope: { level: 'kanwil', kanwilId: kanwil } });
    kms.push(performance.now() - t0);
  }
  const rawMs: number[] = [];
  let raw: Array<{ trained: number; tested: number; certified: number }> = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    raw = await db.query(RAW_SQL, [FROM, TO]);
    rawMs.push(performance.now() - t0);
  }
  const rawStats = stats(rawMs);
  const sum = (k: 'trained' | 'tested' | 'certified') => raw.reduce((s, r) => s + r[k], 0);
  log('training.year realisation, all UPT + Kanwil + months, from rollup (ms)', rollup);
  log('training.same, one Kanwil (ms)', stats(kms.slice(3)));
  log('training.same figures by raw scan of participants/tests (ms)', rawStats);
  log('training.raw scan / rollup (p50 ratio)', +(rawStats.p50 / rollup.p50).toFixed(1));
  log('training.national year: trained / tested / certified', `${last!.total.trained} / ${last!.total.tested} / ${last!.total.certified} (certified ${last!.total.certifiedPct}% of trained)`);
  log('training.rollup figures = raw scan figures', last!.total.trained === sum('trained') && last!.total.tested === sum('tested') && last!.total.certified === sum('certified'));
}

// Alone: node --import tsx bench/training.ts (BENCH_DATABASE_URL, or the embedded ./.bench-data).
if (process.argv[1]?.endsWith('bench/training.ts')) {
  const { openDatabase } = await import('../src/server/db/open.ts');
  const { migrate } = await import('../src/server/db/migrate.ts');
  const { seedIfEmpty } = await import('../src/server/seed/index.ts');
  console.log(`Giatja training benchmark — ${new Date().toISOString()} — ${cpus().length}× ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  const database = await openDatabase({ databaseUrl: process.env.BENCH_DATABASE_URL, dataDir: '.bench-data' });
  try {
    await migrate(database.db);
    await seedIfEmpty(database.db, { size: 'demo', demo: true, seed: 2026, today: TODAY, inmates: false });
    await benchTraining(database.db, (name, value) => console.log(`${name.padEnd(70)} ${typeof value === 'object' ? JSON.stringify(value) : value}`));
  } finally {
    await database.close();
  }
}
