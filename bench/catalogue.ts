/**
 * Catalogue benchmarks (issue #5, public catalogue): ~20,000 published products (the national
 * sample catalogue) in their own database — BENCH_CATALOGUE_DATABASE_URL (created when missing),
 * else an embedded PGlite in ./.bench-catalogue-data — then:
 * 1. public search p95 at 50 connections against a bare route in the same run: a popular mix of
 *    searches (repeated, so the 30-second answer cache serves most) and a run where every request
 *    is a different search (the cache never helps);
 * 2. the server-rendered catalogue and product pages in Chromium: JavaScript transferred (gzip),
 *    total bytes, first paint and first contentful paint, on loopback.
 * Standalone: `node --import tsx bench/catalogue.ts`; in `npm run bench` unless BENCH_SKIP has `catalogue`.
 */
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import pg from 'pg';
import { chromium } from 'playwright-core';
import { loadConfig } from '../src/server/config.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { openDatabase } from '../src/server/db/open.ts';
import { startServer } from '../src/server/main.ts';
import { seedIfEmpty } from '../src/server/seed/index.ts';
import type { Log } from './work.ts';

const TODAY = '2026-11-25';
const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const DATA_DIR = '.bench-catalogue-data';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** What visitors type: product words, a few typos, filters; the same searches come back often. */
const POPULAR = [
  'q=keripik', 'q=kripik', 'q=batik', 'q=batk', 'q=meja', 'q=kursi+rotan', 'q=kaos', 'q=seragam', 'q=madu', 'q=kopi', 'q=telur', 'q=lele',
  'q=paving', 'q=sepatu', 'q=tas+anyaman', 'q=beras', 'q=sambal', 'q=nastar', 'q=laundry', 'q=semarang', 'q=jawa+timur', 'q=premium',
  'category=kuliner', 'category=kerajinan', 'category=industri', 'province=33', 'province=35', 'province=31', 'minPrice=100000&maxPrice=500000',
  'q=batik&province=33', 'q=keripik&category=kuliner', 'q=meja&maxPrice=2000000', '', 'page=2', 'page=3', 'q=kaos&page=2',
];
const WORDS = ['keripik', 'kripik', 'batik', 'meja', 'kursi', 'kaos', 'seragam', 'madu', 'kopi', 'telur', 'lele', 'paving', 'sepatu', 'tas', 'beras', 'sambal', 'roti', 'nila', 'gula', 'bibit'];

async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!exists.rowCount) await client.query(`CREATE DATABASE "${name.replaceAll('"', '')}"`);
  } finally {
    await client.end();
  }
}

async function load(log: Log, label: string, opts: autocannon.Options) {
  // autocannon's summary has no p95: every response time is kept and the percentiles taken here.
  const times: number[] = [];
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ connections: CONNECTIONS, duration: SECONDS, ...opts }, (err, result) => (err ? reject(err) : resolve(result)));
    instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => times.push(ms));
  });
  times.sort((a, b) => a - b);
  const q = (p: number) => +(times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0).toFixed(1);
  const out = { rps: Math.round(r.requests.average), p50: q(0.5), p95: q(0.95), p99: q(0.99), errors: r.errors + r.non2xx };
  log(label, out);
  return out;
}

async function pageMetrics(log: Log, base: string, ref: string): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    for (const [label, path] of [['catalogue search page', '/katalog?q=keripik'], ['product page', `/katalog/produk/${ref}`]] as const) {
      const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'id-ID' });
      const page = await ctx.newPage();
      const bodies: Array<{ type: string; bytes: number; gz: number }> = [];
      page.on('response', async (res) => {
        const type = res.request().resourceType();
        const body = await res.body().catch(() => Buffer.alloc(0));
        bodies.push({ type, bytes: body.length, gz: gzipSync(body).length });
      });
      await page.goto(`${base}${path}`, { waitUntil: 'load' });
      const paints = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('paint').map((e) => [e.name, Math.round(e.startTime)])));
      const nav = await page.evaluate(() => {
        const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return { ttfb: Math.round(n.responseStart), load: Math.round(n.loadEventEnd) };
      });
      await page.waitForTimeout(200);
      const js = bodies.filter((b) => b.type === 'script');
      log(`page.${label}`, {
        scripts: js.length, jsGzipBytes: js.reduce((s, b) => s + b.gz, 0), requests: bodies.length,
        htmlGzipBytes: bodies.filter((b) => b.type === 'document').reduce((s, b) => s + b.gz, 0), allBytes: bodies.reduce((s, b) => s + b.bytes, 0),
        firstPaintMs: paints['first-paint'], firstContentfulPaintMs: paints['first-contentful-paint'], ...nav,
      });
      await ctx.close();
    }
  } finally {
    await browser.close();
  }
}

export async function benchCatalogue(log: Log): Promise<void> {
  const url = process.env.BENCH_CATALOGUE_DATABASE_URL;
  if (url) await ensureDatabase(url);
  const database = await openDatabase({ databaseUrl: url, dataDir: DATA_DIR });
  try {
    await migrate(database.db);
    const t0 = performance.now();
    const seeded = await seedIfEmpty(database.db, { size: 'national', demo: true, seed: 2026, today: TODAY, inmates: false });
    if (seeded.seeded) log('catalogue.seed seconds (organisation + ~20,000 products)', ((performance.now() - t0) / 1000).toFixed(1));
    await database.db.query('ANALYZE');
    const n = (await database.db.one<{ n: number; listed: number }>('SELECT count(*)::int AS n, count(*) FILTER (WHERE published AND active)::int AS listed FROM product'))!;
    log('catalogue.products (published)', `${n.n} (${n.listed})`);
  } finally {
    await database.close();
  }
  const env = { ...process.env, PORT: '0', HOST: '127.0.0.1', GIATJA_DATA_DIR: DATA_DIR, GIATJA_TODAY: TODAY, DATABASE_URL: url ?? '' };
  const server = await startServer({ ...loadConfig(env), logLevel: 'warn' }, { webDir: null, jobs: false });
  try {
    const base = server.url.replace('localhost', '127.0.0.1');
    // Single-query times, no load and no cache (the planner's real work per search).
    const one = async (q: string) => {
      const ms: number[] = [];
      for (let i = 0; i < 15; i++) {
        const s = performance.now();
        await fetch(`${base}/api/v1/catalogue/search?${q}&pageSize=${24 + (i % 3)}&minPrice=${i}`).then((r) => r.arrayBuffer());
        ms.push(performance.now() - s);
      }
      return +ms.sort((a, b) => a - b)[7]!.toFixed(1);
    };
    log('catalogue.search single request, uncached, median ms', { keripik: await one('q=keripik'), kripik_typo: await one('q=kripik'), two_words: await one('q=kursi+rotan'), all: await one('category=kuliner'), none: await one('q=zzzz') });

    await load(log, 'http.bare GET /healthz (50 conn)', { url: `${base}/healthz` });
    await load(log, 'http.catalogue search, popular mix (50 conn)', { url: base, requests: POPULAR.map((q) => ({ method: 'GET', path: `/api/v1/catalogue/search?${q}` })) });
    let i = 0;
    await load(log, 'http.catalogue search, every request distinct (50 conn)', {
      url: base,
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/v1/catalogue/search?q=${WORDS[i % WORDS.length]}&minPrice=${1000 + i++}` }) }],
    });
    await load(log, 'http.catalogue search page HTML, popular mix (50 conn)', { url: base, requests: POPULAR.map((q) => ({ method: 'GET', path: `/katalog?${q}` })) });
    const ref = ((await (await fetch(`${base}/api/v1/catalogue/search?q=keripik`)).json()) as { items: Array<{ ref: string }> }).items[0]!.ref;
    await pageMetrics(log, base, ref);
  } finally {
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const log: Log = (name, value) => console.log(`${name.padEnd(58)} ${typeof value === 'object' ? JSON.stringify(value) : value}`);
  console.log(`catalogue benchmark — ${new Date().toISOString()} — ${process.env.BENCH_CATALOGUE_DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'}; ${SECONDS}s runs, ${CONNECTIONS} connections; ms`);
  await benchCatalogue(log);
}
