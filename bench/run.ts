/**
 * National-scale benchmarks: `npm run bench`. Seeds (once) the national dataset — all 612 real
 * UPTs, ~275,000 generated inmates — into ./.bench-data (or BENCH_DATABASE_URL), then measures
 * and prints. Figures go to BENCHMARKS.md by hand, with date and machine. Bounded in time: every
 * load run lasts BENCH_SECONDS (default 5) on loopback. The national attendance year is
 * BENCH_WORKERS (100,000) × BENCH_DAYS (250) rows.
 */
import { cpus, totalmem } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { loadConfig } from '../src/server/config.ts';
import { startServer } from '../src/server/main.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { openDatabase } from '../src/server/db/open.ts';
import { seedIfEmpty } from '../src/server/seed/index.ts';
import { recomputeAllDates } from '../src/server/modules/wbp/bulk-dates.ts';
import { computeCase, loadHolidays } from '../src/server/modules/wbp/dates.ts';
import { findWbp, loadCaseRecords } from '../src/server/modules/wbp/queries.ts';
import { benchAttendanceSave, benchNationalAttendance } from './work.ts';
import { benchSalesYear } from './sales.ts';
import { benchPnbp } from './pnbp.ts';
import { benchTraining } from './training.ts';
import { benchCatalogue } from './catalogue.ts';
import { benchConsolidated, benchDashboards, benchRollupRefresh, prepareCockpit } from './cockpit.ts';
import { benchHistory } from './history.ts';

const TODAY = '2026-11-25';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const DATA_DIR = '.bench-data';
const results: Record<string, unknown> = {};
/** Phases to leave out, comma-separated: dates (recompute job and engine baseline), history, http, save, national, sales, pnbp, training, catalogue, cockpit. */
const SKIP = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));

function log(name: string, value: unknown) {
  results[name] = value;
  console.log(`${name.padEnd(46)} ${typeof value === 'object' ? JSON.stringify(value) : value}`);
}

async function seedNational() {
  const database = await openDatabase({ databaseUrl: process.env.BENCH_DATABASE_URL, dataDir: DATA_DIR });
  try {
    await migrate(database.db);
    const t0 = performance.now();
    const r = await seedIfEmpty(database.db, { size: 'national', demo: true, seed: 2026, today: TODAY });
    const s = (performance.now() - t0) / 1000;
    const n = (await database.db.one<{ n: number; active: number }>('SELECT count(*)::int AS n, count(*) FILTER (WHERE released_on IS NULL)::int AS active FROM wbp'))!;
    log('dataset.inmates (generated, incl. released)', n.n);
    log('dataset.inmates held', n.active);
    if (r.seeded) log('seed.national seconds (generate + load + dates)', s.toFixed(1));
    await database.db.query('ANALYZE');

    if (SKIP.has('dates')) return;
    // The nightly job: every held inmate's dates recomputed from their records.
    const j0 = performance.now();
    const done = await recomputeAllDates(database.db, TODAY, { spells: false });
    const js = (performance.now() - j0) / 1000;
    log('job.recompute-wbp-dates seconds', js.toFixed(1));
    log('job.recompute-wbp-dates inmates/s', Math.round(done / js));

    // Baseline for the overstay counts: without stored dates, each request would run the engine on
    // every held inmate. Measured on a sample and scaled, since the full scan takes minutes.
    const holidays = await loadHolidays(database.db);
    const sample = await database.db.query<{ id: number }>('SELECT id FROM wbp WHERE released_on IS NULL ORDER BY id LIMIT 2000');
    const e0 = performance.now();
    for (const { id } of sample) {
      const w = (await findWbp(database.db, id))!;
      computeCase(w, await loadCaseRecords(database.db, id), TODAY, holidays);
    }
    const perCase = (performance.now() - e0) / sample.length;
    log('baseline.engine per inmate incl. reads ms', perCase.toFixed(3));
    log('baseline.national overstay by engine scan s (est.)', ((perCase * n.active) / 1000).toFixed(0));
    if (!SKIP.has('history')) {
      await prepareCockpit(database.db, TODAY);
      await benchHistory(database.db, TODAY, log);
    }
  } finally {
    await database.close();
  }
}

async function load(url: string, headers: Record<string, string>, connections = 20) {
  const r = await autocannon({ url, connections, duration: SECONDS, headers });
  return { rps: Math.round(r.requests.average), p50: r.latency.p50, p97_5: r.latency.p97_5, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

async function httpBenchmarks() {
  // The same database as the dataset: BENCH_DATABASE_URL when given (bug: the HTTP phase used the embedded one).
  const env = { ...process.env, PORT: '0', HOST: '127.0.0.1', GIATJA_DATA_DIR: DATA_DIR, GIATJA_TODAY: TODAY, DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '' };
  const config = { ...loadConfig(env), logLevel: 'warn' };
  const server = await startServer(config, { webDir: null, jobs: false });
  try {
    const base = server.url.replace('localhost', '127.0.0.1');
    const login = async (username: string) => {
      const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'Kemandirian2026' }) });
      return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]! };
    };
    const national = await login('auditor.itjen');
    const upt = await login('operator.lapas.semarang');
    const anyId = (await server.services.db.one<{ id: number }>(`SELECT w.id FROM wbp w JOIN upt u ON u.id = w.upt_id WHERE u.raw_name = 'LAPAS KELAS I SEMARANG' AND w.released_on IS NULL LIMIT 1`))!.id;
    if (!SKIP.has('http')) await httpLoad(base, national.cookie, upt.cookie, anyId);
    if (!SKIP.has('cockpit')) {
      await prepareCockpit(server.services.db, TODAY);
      await benchRollupRefresh(server.services.db, TODAY, log);
      await benchDashboards(server.services.db, base, national.cookie, TODAY, log);
      await benchConsolidated(base, national.cookie, TODAY, log);
    }
    const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'operator.lapas.tangerang', password: 'Kemandirian2026' }) });
    const me = (await res.json()) as { csrfToken: string };
    if (!SKIP.has('save')) await benchAttendanceSave(server.services.db, base, (res.headers.get('set-cookie') ?? '').split(';')[0]!, me.csrfToken, log);
    if (!SKIP.has('national')) await benchNationalAttendance(server.services.db, log, { workers: Number(process.env.BENCH_WORKERS ?? 100_000), days: Number(process.env.BENCH_DAYS ?? 250) });
    if (!SKIP.has('sales')) await benchSalesYear(server.services.db, log);
    if (!SKIP.has('training')) await benchTraining(server.services.db, log);
  } finally {
    await server.close();
  }
}

async function httpLoad(base: string, nationalCookie: string, uptCookie: string, anyId: number) {
  {
    const national = { cookie: nationalCookie };
    const upt = { cookie: uptCookie };
    log('http.bare GET /healthz', await load(`${base}/healthz`, {}));
    log('http.wbp search by name, national', await load(`${base}/api/v1/wbp?q=santoso&pageSize=50`, { cookie: national.cookie }));
    log('http.wbp search by register prefix, UPT', await load(`${base}/api/v1/wbp?q=B.I-01&pageSize=50`, { cookie: upt.cookie }));
    log('http.overstay summary, national', await load(`${base}/api/v1/overstay/summary`, { cookie: national.cookie }));
    log('http.overstay due ≤10 days, national', await load(`${base}/api/v1/overstay/due?withinDays=10`, { cookie: national.cookie }));
    log('http.inmate page with live engine, UPT', await load(`${base}/api/v1/wbp/${anyId}`, { cookie: upt.cookie }));
  }
}

console.log(`Giatja benchmarks — ${new Date().toISOString()} — ${cpus().length}× ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
console.log(`database: ${process.env.BENCH_DATABASE_URL ? 'PostgreSQL (BENCH_DATABASE_URL)' : `embedded PGlite in ${DATA_DIR}`}; load runs ${SECONDS}s, 20 connections; latency in ms\n`);
await seedNational();
await httpBenchmarks();
// PNBP reconciliation runs on its own database (PNBP_BENCH_DATABASE_URL, see bench/pnbp.ts).
if (!SKIP.has('pnbp')) await benchPnbp(log);
// The catalogue runs on its own database (BENCH_CATALOGUE_DATABASE_URL, else an embedded one).
if (!SKIP.has('catalogue')) await benchCatalogue(log);
mkdirSync('bench/out', { recursive: true });
writeFileSync('bench/out/results.json', JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
