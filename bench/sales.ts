/**
 * Sales benchmark (issue: selling prison products and depositing PNBP): a national year of sales
 * for every UPT (generated in bulk: one product, twenty workers with production hours each month,
 * about thirty paid sales a month), then the proceeds split applied for every UPT and month — each
 * in its own transaction through the same service function the route uses (premi shares posted to
 * the ledgers, PNBP due into the rollup) — then the year's national PNBP figures read from the
 * rollup against the same figures by a raw scan of the ledgers.
 *
 * Run alone: BENCH_DATABASE_URL=postgres://… node --import tsx bench/sales.ts (an empty database
 * gets the organisation and demo accounts first), or as part of `npm run bench`.
 */
import { pathToFileURL } from 'node:url';
import { openDatabase } from '../src/server/db/open.ts';
import { migrate } from '../src/server/db/migrate.ts';
import type { Db } from '../src/server/db/pool.ts';
import { seedIfEmpty } from '../src/server/seed/index.ts';
import { applySplit } from '../src/server/modules/sales/split-service.ts';
import { addDays, addMonths } from '../src/domain/calendar/date.ts';
import { createRng } from '../src/domain/random/prng.ts';

export type Log = (name: string, value: unknown) => void;

const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { n: s.length, p50: +q(0.5).toFixed(2), p95: +q(0.95).toFixed(2), max: +s[s.length - 1]!.toFixed(2) };
};

// A year before any demo data (the demo seeds its own rules and splits from 2025 on).
const YEAR = 2024;
const WORKERS = 20;
const SALES_PER_MONTH = 30;
const CONCURRENCY = Number(process.env.BENCH_SPLIT_CONCURRENCY ?? 4);

/** Products, workers, batches and a year of paid sales for every UPT that has none yet. */
async function generate(db: Db, log: Log): Promise<void> {
  if (await db.one(`SELECT 1 FROM sale WHERE idempotency_key LIKE 'bench-%' LIMIT 1`)) return;
  const t0 = performance.now();
  const rng = createRng(2025);
  await db.tx(async (tx) => {
    const upts = await tx.query<{ id: number; kanwil_id: number }>(`SELECT id, kanwil_id FROM upt WHERE active ORDER BY id`);
    const ids = upts.map((u) => u.id);
    const kws = upts.map((u) => u.kanwil_id);
    await tx.query(`INSERT INTO product (upt_id, kanwil_id, name, category, unit, price_rupiah) SELECT u, k, 'Bench Produk', 'kerajinan', 'pcs', 20000 FROM unnest($1::int[], $2::int[]) AS t(u, k)`, [ids, kws]);
    await tx.query(`INSERT INTO stock_location (upt_id, kanwil_id, name) SELECT u, k, 'Bench Outlet' FROM unnest($1::int[], $2::int[]) AS t(u, k)`, [ids, kws]);
    await tx.query(`INSERT INTO wbp (upt_id, kanwil_id, no_register, name, name_search, status, source)
      SELECT u, k, 'BENCH-' || u || '-' || g, 'Pekerja Bench ' || g, 'pekerja bench ' || g, 'narapidana', 'generated' FROM unnest($1::int[], $2::int[]) AS t(u, k), generate_series(1, $3::int) g`, [ids, kws, WORKERS]);
    await tx.query(`INSERT INTO proceeds_rule (upt_id, kanwil_id, valid_from, base, premi_bp, pnbp_bp, working_capital_bp, programme_bp, premi_weight, legal_basis)
      SELECT u, k, '${YEAR}-01-01', 'revenue', 3500, 5000, 0, 1500, 'output', 'Bench' FROM unnest($1::int[], $2::int[]) AS t(u, k)`, [ids, kws]);
    // One batch a month per UPT with its twenty workers (1–8 hours each).
    await tx.query(`INSERT INTO production_batch (upt_id, kanwil_id, number, product_id, location_id, date, output_qty, scrap_qty, inmates, hours, total_cost_rupiah, scrap_cost_rupiah, idempotency_key)
      SELECT p.upt_id, p.kanwil_id, 'BENCH-' || m, p.id, l.id, make_date(${YEAR}, m, 10), 500, 0, ${WORKERS}, 100, 5000000, 0, 'bench-batch-' || p.upt_id || '-' || m
      FROM product p JOIN stock_location l ON l.upt_id = p.upt_id AND l.name = 'Bench Outlet', generate_series(1, 12) m WHERE p.name = 'Bench Produk'`);
    await tx.query(`INSERT INTO production_batch_worker (batch_id, wbp_id, hours)
      SELECT b.id, w.id, 1 + (w.id % 8)::int FROM production_batch b JOIN wbp w ON w.upt_id = b.upt_id AND w.no_register LIKE 'BENCH-%' WHERE b.idempotency_key LIKE 'bench-batch-%'`);
    // Paid counter sales with one line each; payments and the rollup as the routes would write them.
    const products = await tx.query<{ id: number; upt_id: number; kanwil_id: number; location: number }>(
      `SELECT p.id, p.upt_id, p.kanwil_id, l.id AS location FROM product p JOIN stock_location l ON l.upt_id = p.upt_id AND l.name = 'Bench Outlet' WHERE p.name = 'Bench Produk' ORDER BY p.id`);
    const cols = { upt: [] as number[], kw: [] as number[], loc: [] as number[], date: [] as string[], qty: [] as number[], key: [] as string[], product: [] as number[] };
    for (const p of products) {
      for (let m = 1; m <= 12; m++) {
        const first = `${YEAR}-${String(m).padStart(2, '0')}-01`;
        const days = Number(addDays(addMonths(first, 1), -1).slice(8));
        for (let i = 0; i < SALES_PER_MONTH; i++) {
          cols.upt.push(p.upt_id); cols.kw.push(p.kanwil_id); cols.loc.push(p.location); cols.product.push(p.id);
          cols.date.push(addDays(first, rng.int(0, days - 1))); cols.qty.push(rng.int(1, 5)); cols.key.push(`bench-${p.upt_id}-${m}-${i}`);
        }
      }
    }
    await tx.query(`INSERT INTO sale (upt_id, kanwil_id, channel, status, date, location_id, total_rupiah, paid_rupiah, cost_rupiah, delivered_on, paid_on, idempotency_key)
      SELECT u, k, 'counter', 'paid', d, l, q * 20000, q * 20000, q * 10000, d, d, key FROM unnest($1::int[], $2::int[], $3::int[], $4::date[], $5::int[], $6::text[]) AS t(u, k, l, d, q, key)`,
      [cols.upt, cols.kw, cols.loc, cols.date, cols.qty, cols.key]);
    await tx.query(`INSERT INTO sale_line (sale_id, product_id, qty, unit_price_rupiah, amount_rupiah, cost_rupiah)
      SELECT s.id, p.id, s.total_rupiah / 20000, 20000, s.total_rupiah, s.cost_rupiah FROM sale s JOIN product p ON p.upt_id = s.upt_id AND p.name = 'Bench Produk' WHERE s.idempotency_key LIKE 'bench-%'`);
    await tx.query(`INSERT INTO sale_payment (sale_id, upt_id, kanwil_id, date, amount_rupiah, method, receipt_number)
      SELECT id, upt_id, kanwil_id, date, total_rupiah, 'cash', 'BENCH-' || id FROM sale WHERE idempotency_key LIKE 'bench-%'`);
    await tx.query(`INSERT INTO sales_month_rollup (upt_id, kanwil_id, month, revenue_rupiah, receipts)
      SELECT upt_id, kanwil_id, date_trunc('month', date)::date, sum(amount_rupiah), count(*) FROM sale_payment WHERE receipt_number LIKE 'BENCH-%' GROUP BY 1, 2, 3
      ON CONFLICT (upt_id, month) DO UPDATE SET revenue_rupiah = sales_month_rollup.revenue_rupiah + EXCLUDED.revenue_rupiah, receipts = sales_month_rollup.receipts + EXCLUDED.receipts`);
  });
  await db.query('ANALYZE');
  const n = (await db.one<{ upts: number; sales: number }>(`SELECT count(DISTINCT upt_id)::int AS upts, count(*)::int AS sales FROM sale WHERE idempotency_key LIKE 'bench-%'`))!;
  log('sales.generated UPTs', n.upts);
  log('sales.generated paid sales (one year)', n.sales);
  log('sales.generate seconds', ((performance.now() - t0) / 1000).toFixed(1));
}

export async function benchSalesYear(db: Db, log: Log): Promise<void> {
  await generate(db, log);
  const upts = await db.query<{ id: number; kanwil_id: number }>(`SELECT DISTINCT s.upt_id AS id, s.kanwil_id FROM sale s WHERE s.idempotency_key LIKE 'bench-%' ORDER BY 1`);
  const actor = { id: null, username: 'bench', role: null };
  const per: number[] = [];
  const t0 = performance.now();
  let splits = 0;
  // UPTs are independent: a monthly run applies them side by side (a UPT's months stay in order).
  const queue = [...upts];
  const worker = async () => {
    for (let u = queue.shift(); u; u = queue.shift()) {
      for (let m = 1; m <= 12; m++) {
        const month = `${YEAR}-${String(m).padStart(2, '0')}`;
        const s0 = performance.now();
        const r = await db.tx((tx) => applySplit(tx, actor, { upt: u, month, idempotencyKey: `bench-split-${u.id}-${month}`, today: `${YEAR + 1}-01-15` }));
        per.push(performance.now() - s0);
        if (r.created) splits += r.ids.length;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const total = (performance.now() - t0) / 1000;
  log('sales.split concurrent UPTs', CONCURRENCY);
  log('sales.split year, all UPTs: splits written', splits);
  log('sales.split year, all UPTs: seconds', total.toFixed(1));
  log('sales.split per UPT-month ms', stats(per));
  const premi = (await db.one<{ n: number }>(`SELECT count(*)::int AS n FROM premi_entry WHERE kind = 'proceeds_share' AND date BETWEEN '${YEAR}-01-01' AND '${YEAR}-12-31'`))!.n;
  log('sales.split premi entries posted', premi);

  // The year's national figures per Kanwil: rollup against a raw scan of payments and splits.
  const fromRollup: number[] = [];
  const fromScan: number[] = [];
  let check = { rollup: '', scan: '' };
  for (let i = 0; i < 20; i++) {
    const a = performance.now();
    const r = await db.query<{ kanwil_id: number; revenue: string; due: string }>(
      `SELECT kanwil_id, sum(revenue_rupiah)::text AS revenue, sum(pnbp_due_rupiah)::text AS due FROM sales_month_rollup WHERE month BETWEEN '${YEAR}-01-01' AND '${YEAR}-12-01' GROUP BY kanwil_id ORDER BY kanwil_id`);
    fromRollup.push(performance.now() - a);
    const b = performance.now();
    const s = await db.query<{ kanwil_id: number; revenue: string; due: string }>(
      `SELECT k.kanwil_id, k.revenue::text, coalesce(d.due, 0)::text AS due FROM
         (SELECT kanwil_id, sum(amount_rupiah) AS revenue FROM sale_payment WHERE date BETWEEN '${YEAR}-01-01' AND '${YEAR}-12-31' GROUP BY kanwil_id) k
         LEFT JOIN (SELECT kanwil_id, sum(pnbp_rupiah) AS due FROM proceeds_split WHERE month BETWEEN '${YEAR}-01-01' AND '${YEAR}-12-01' GROUP BY kanwil_id) d USING (kanwil_id) ORDER BY 1`);
    fromScan.push(performance.now() - b);
    check = { rollup: JSON.stringify(r), scan: JSON.stringify(s) };
  }
  log('sales.national year by Kanwil from rollup ms', stats(fromRollup));
  log('sales.national year by Kanwil by raw scan ms', stats(fromScan));
  log('sales.rollup equals raw scan', check.rollup === check.scan);
  log('sales.rollup speed-up (p50)', +(stats(fromScan).p50 / Math.max(0.01, stats(fromRollup).p50)).toFixed(0));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const database = await openDatabase({ databaseUrl: process.env.BENCH_DATABASE_URL, dataDir: '.bench-data/sales' });
  try {
    await migrate(database.db);
    await seedIfEmpty(database.db, { size: 'demo', demo: true, seed: 2026, today: '2026-11-25', inmates: false });
    await benchSalesYear(database.db, (k, v) => console.log(`${k.padEnd(50)} ${typeof v === 'object' ? JSON.stringify(v) : v}`));
  } finally {
    await database.close();
  }
}
