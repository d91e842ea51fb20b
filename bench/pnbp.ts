/**
 * PNBP benchmark (issue: selling prison products and depositing PNBP — "proceeds split and PNBP
 * reconciliation for all UPTs for a year: seconds", target ≤ 30 s). This part measures the
 * reconciliation: in its own database (PNBP_BENCH_DATABASE_URL, default giatja_bench_pnbp on the
 * local PostgreSQL 15), migrated by the app's migrator and seeded with the real organisation (all
 * UPTs, no inmates), a national year is generated in bulk SQL: a proceeds rule and five activities
 * per UPT, a split per activity and month (some reversed and redone), weekly SIMPONI billings, NTPN
 * payments for most (a few reversed, a few billings left to expire), and the monthly rollup those
 * writes keep. Then it times:
 *   1. the reconciliation of every UPT for the year, read from the ledgers (what the finance view
 *      and the export run), p50/p95 over a few runs;
 *   2. the Kanwil and national rollup reads (`pnbpSummary`, from `sales_month_rollup`), p50/p95;
 *   3. a raw-scan baseline: the same per-Kanwil figures summed from the ledgers;
 *   4. writing the national reconciliation as XLSX (the finance officer's export).
 * Run alone: `node --import tsx bench/pnbp.ts`; or within `npm run bench` (skip key `pnbp`).
 */
import { cpus, totalmem } from 'node:os';
import { migrate } from '../src/server/db/migrate.ts';
import { openDatabase } from '../src/server/db/open.ts';
import type { Db } from '../src/server/db/pool.ts';
import { exportReconciliation } from '../src/server/modules/pnbp/export.ts';
import { pnbpSummary, reconciliation } from '../src/server/modules/pnbp/queries.ts';
import { seedIfEmpty } from '../src/server/seed/index.ts';

export type Log = (name: string, value: unknown) => void;

const TODAY = '2026-11-25';
const YEAR = 2026;
const DEFAULT_URL = 'postgres://postgres@127.0.0.1:55432/giatja_bench_pnbp';

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { n: s.length, p50: +q(0.5).toFixed(1), p95: +q(0.95).toFixed(1), max: +s[s.length - 1]!.toFixed(1) };
}

async function timeIt(runs: number, f: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    out.push(performance.now() - t0);
  }
  return out;
}

/** The national year, generated in bulk inside one transaction; deterministic (hash of ids, no random()). */
async function generateYear(db: Db): Promise<void> {
  await db.tx(async (tx) => {
    await tx.query(`UPDATE upt SET satker_code = lpad(((id * 7919) % 1000000)::text, 6, '0'), satker_code_source = 'generated' WHERE satker_code IS NULL`);
    await tx.query(
      `INSERT INTO work_activity (upt_id, kanwil_id, name, category, place_kind, capacity, weekdays, sessions, source)
       SELECT u.id, u.kanwil_id, 'Bench PNBP ' || a, 'kerajinan', 'workshop', 30, '{1,2,3,4,5,6}', '{pagi}', 'generated' FROM upt u, generate_series(1, 5) a`,
    );
    await tx.query(
      `INSERT INTO proceeds_rule (upt_id, kanwil_id, valid_from, base, premi_bp, pnbp_bp, working_capital_bp, programme_bp, premi_weight, legal_basis)
       SELECT id, kanwil_id, '2025-01-01', 'revenue', 3500, 5000, 0, 1500, 'attendance', 'bench' FROM upt`,
    );
    // One split per activity × month; revenue 0.5–2.5 million. PNBP = 50 %, premi = 35 %, programme = the rest.
    await tx.query(
      `INSERT INTO proceeds_split (upt_id, kanwil_id, month, activity_id, rule_id, revenue_rupiah, cost_rupiah, base_rupiah, premi_rupiah, pnbp_rupiah, working_capital_rupiah, programme_rupiah, workers)
       SELECT a.upt_id, a.kanwil_id, m, a.id, r.id, rev, 0, rev, rev * 35 / 100, rev / 2, 0, rev - rev * 35 / 100 - rev / 2, 10
         FROM work_activity a JOIN proceeds_rule r ON r.upt_id = a.upt_id AND r.legal_basis = 'bench'
        CROSS JOIN generate_series('${YEAR}-01-01'::date, '${YEAR}-11-01'::date, '1 month') AS m
        CROSS JOIN LATERAL (SELECT (500000 + ((a.id * 31 + extract(month FROM m)::int * 17) % 200) * 10000)::bigint AS rev) x
        WHERE a.name LIKE 'Bench PNBP %'`,
    );
    // Every 23rd split was wrong: reversed (mirror) — its redo is the live split above, so due stays right.
    await tx.query(
      `INSERT INTO proceeds_split (upt_id, kanwil_id, month, activity_id, rule_id, revenue_rupiah, cost_rupiah, base_rupiah, premi_rupiah, pnbp_rupiah, working_capital_rupiah, programme_rupiah, workers, reason)
       SELECT upt_id, kanwil_id, month, activity_id, rule_id, revenue_rupiah + 100000, 0, base_rupiah + 100000, premi_rupiah + 35000, pnbp_rupiah + 50000, 0, programme_rupiah + 15000, workers, 'bench wrong'
         FROM proceeds_split WHERE id % 23 = 0`,
    );
    await tx.query(
      `INSERT INTO proceeds_split (upt_id, kanwil_id, month, activity_id, rule_id, revenue_rupiah, cost_rupiah, base_rupiah, premi_rupiah, pnbp_rupiah, working_capital_rupiah, programme_rupiah, workers, reverses, reason)
       SELECT upt_id, kanwil_id, month, activity_id, rule_id, -revenue_rupiah, 0, -base_rupiah, -premi_rupiah, -pnbp_rupiah, 0, -programme_rupiah, workers, id, 'bench reversal'
         FROM proceeds_split WHERE reason = 'bench wrong'`,
    );
    // Four billings per UPT × month (one per week), splitting the month's due; 15-digit codes from ids.
    await tx.query(
      `INSERT INTO pnbp_billing (upt_id, kanwil_id, kode_billing, satker_code, account_code, amount_rupiah, period_month, description, created_on, expires_on)
       SELECT d.upt_id, d.kanwil_id, '9' || lpad((d.upt_id * 100 + extract(month FROM d.month)::int * 5 + w)::text, 14, '0'), u.satker_code, '425999',
              greatest(1, d.due / 4 + CASE WHEN w = 1 THEN d.due % 4 ELSE 0 END), d.month, 'bench',
              (d.month + interval '1 month' + (w * 5) * interval '1 day')::date, (d.month + interval '1 month' + (w * 5 + 7) * interval '1 day')::date
         FROM (SELECT upt_id, kanwil_id, month, sum(pnbp_rupiah) AS due FROM proceeds_split GROUP BY upt_id, kanwil_id, month) d
         JOIN upt u ON u.id = d.upt_id CROSS JOIN generate_series(1, 4) w
        WHERE (d.month + interval '1 month' + (w * 5) * interval '1 day')::date <= '${TODAY}'::date`,
    );
    // Paid within the validity, except every 17th billing (left to expire, or still open).
    await tx.query(
      `INSERT INTO pnbp_payment (billing_id, upt_id, kanwil_id, ntpn, bank, paid_on, amount_rupiah)
       SELECT id, upt_id, kanwil_id, upper(lpad(to_hex(id * 2654435761 % 4294967291), 8, '0') || lpad(to_hex(id), 8, '0')), 'BRI', created_on + (id % 5)::int, amount_rupiah
         FROM pnbp_billing WHERE description = 'bench' AND id % 17 <> 0 AND created_on + (id % 5)::int <= '${TODAY}'::date`,
    );
    // Every 41st payment reversed (wrong NTPN), its billing left unpaid.
    await tx.query(
      `INSERT INTO pnbp_payment (billing_id, upt_id, kanwil_id, ntpn, bank, paid_on, amount_rupiah, reverses, reason)
       SELECT billing_id, upt_id, kanwil_id, ntpn, bank, paid_on, -amount_rupiah, id, 'bench reversal' FROM pnbp_payment WHERE id % 41 = 0 AND reverses IS NULL`,
    );
    // The rollup the writes keep (bumpSalesRollup per write): here the same sums in one statement.
    await tx.query(
      `INSERT INTO sales_month_rollup (upt_id, kanwil_id, month, pnbp_due_rupiah, premi_shared_rupiah, pnbp_billed_rupiah, pnbp_paid_rupiah)
       SELECT upt_id, kanwil_id, month, sum(due), sum(premi), sum(billed), sum(paid) FROM (
         SELECT upt_id, kanwil_id, month, pnbp_rupiah AS due, premi_rupiah AS premi, 0 AS billed, 0 AS paid FROM proceeds_split
         UNION ALL SELECT upt_id, kanwil_id, period_month, 0, 0, amount_rupiah, 0 FROM pnbp_billing
         UNION ALL SELECT p.upt_id, p.kanwil_id, b.period_month, 0, 0, 0, p.amount_rupiah FROM pnbp_payment p JOIN pnbp_billing b ON b.id = p.billing_id
       ) x GROUP BY upt_id, kanwil_id, month
       ON CONFLICT (upt_id, month) DO UPDATE SET pnbp_due_rupiah = EXCLUDED.pnbp_due_rupiah, premi_shared_rupiah = EXCLUDED.premi_shared_rupiah,
         pnbp_billed_rupiah = EXCLUDED.pnbp_billed_rupiah, pnbp_paid_rupiah = EXCLUDED.pnbp_paid_rupiah`,
    );
  });
  await db.query('ANALYZE');
}

/** The per-Kanwil year figures straight from the ledgers: what the rollup saves us from. */
async function rawScan(db: Db) {
  return db.query<{ kanwil_id: number; due: number; billed: number; paid: number }>(
    `SELECT k.id AS kanwil_id,
            coalesce((SELECT sum(pnbp_rupiah) FROM proceeds_split s WHERE s.kanwil_id = k.id AND s.month BETWEEN $1 AND $2), 0)::bigint AS due,
            coalesce((SELECT sum(amount_rupiah) FROM pnbp_billing b WHERE b.kanwil_id = k.id AND b.period_month BETWEEN $1 AND $2), 0)::bigint AS billed,
            coalesce((SELECT sum(p.amount_rupiah) FROM pnbp_payment p JOIN pnbp_billing b ON b.id = p.billing_id WHERE p.kanwil_id = k.id AND b.period_month BETWEEN $1 AND $2), 0)::bigint AS paid
       FROM kanwil k ORDER BY k.id`,
    [`${YEAR}-01-01`, `${YEAR}-12-01`],
  );
}

export async function benchPnbp(log: Log, opts: { databaseUrl?: string; runs?: number } = {}): Promise<void> {
  const database = await openDatabase({ databaseUrl: opts.databaseUrl ?? process.env.PNBP_BENCH_DATABASE_URL ?? DEFAULT_URL, dataDir: '.bench-data-pnbp' });
  const db = database.db;
  try {
    await migrate(db);
    await seedIfEmpty(db, { size: 'national', demo: true, seed: 2026, today: TODAY, inmates: false });
    if (!(await db.one(`SELECT 1 FROM proceeds_rule WHERE legal_basis = 'bench'`))) {
      const t0 = performance.now();
      await generateYear(db);
      log('pnbp.generate national year s', ((performance.now() - t0) / 1000).toFixed(1));
    }
    const n = (await db.one<{ upts: number; splits: number; billings: number; payments: number; rollup: number }>(
      `SELECT (SELECT count(DISTINCT upt_id) FROM proceeds_split)::int AS upts, (SELECT count(*) FROM proceeds_split)::int AS splits,
              (SELECT count(*) FROM pnbp_billing)::int AS billings, (SELECT count(*) FROM pnbp_payment)::int AS payments, (SELECT count(*) FROM sales_month_rollup)::int AS rollup`,
    ))!;
    log('pnbp.dataset', n);
    const national = { level: 'national' } as const;
    const range = { from: `${YEAR}-01`, to: `${YEAR}-12` };
    let lines = 0;
    let gaps = 0;
    let totals = { due: 0, paid: 0 };
    const recon = await timeIt(opts.runs ?? 5, async () => {
      const r = await reconciliation(db, { scope: national }, range, TODAY, 'id');
      lines = r.lines.length;
      gaps = r.lines.reduce((s, l) => s + l.gaps.length, 0);
      totals = { due: r.totals.dueRupiah, paid: r.totals.paidRupiah };
    });
    log('pnbp.reconciliation all UPTs × year ms', { ...stats(recon), upts: n.upts, lines, gaps });
    const full = await reconciliation(db, { scope: national }, range, TODAY, 'id');
    let bytes = 0;
    log('pnbp.export XLSX all UPTs × year ms', { ...stats(await timeIt(3, async () => { bytes = (await exportReconciliation(full, 'xlsx')).body.length; })), kb: Math.round(bytes / 1024) });
    const kanwilId = (await db.one<{ id: number }>(`SELECT id FROM kanwil WHERE raw_name = 'Jawa Tengah'`))!.id;
    const reconKanwil = await timeIt(10, () => reconciliation(db, { scope: national, kanwilId }, range, TODAY, 'id'));
    log('pnbp.reconciliation one Kanwil × year ms', stats(reconKanwil));
    const uptId = (await db.one<{ id: number }>(`SELECT id FROM upt WHERE raw_name = 'LAPAS KELAS I SEMARANG'`))!.id;
    log('pnbp.reconciliation one UPT × year ms', stats(await timeIt(30, () => reconciliation(db, { scope: national, uptId }, range, TODAY, 'id'))));
    let rollupTotals = { dueRupiah: 0, billedRupiah: 0, paidRupiah: 0 };
    log('pnbp.rollup national (per Kanwil) ms', stats(await timeIt(50, async () => { rollupTotals = (await pnbpSummary(db, national, YEAR)).totals; })));
    log('pnbp.rollup one Kanwil (per UPT) ms', stats(await timeIt(50, () => pnbpSummary(db, { level: 'kanwil', kanwilId }, YEAR))));
    let raw: Awaited<ReturnType<typeof rawScan>> = [];
    log('pnbp.baseline raw scan per Kanwil ms', stats(await timeIt(10, async () => { raw = await rawScan(db); })));
    const sum = (k: 'due' | 'billed' | 'paid') => raw.reduce((s, r) => s + r[k], 0);
    const agree = sum('due') === rollupTotals.dueRupiah && sum('billed') === rollupTotals.billedRupiah && sum('paid') === rollupTotals.paidRupiah && totals.due === sum('due') && totals.paid === sum('paid');
    log('pnbp.rollup = raw scan = reconciliation totals', agree ? 'yes' : `NO ${JSON.stringify({ rollupTotals, raw: { due: sum('due'), billed: sum('billed'), paid: sum('paid') }, totals })}`);
  } finally {
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`PNBP benchmark — ${new Date().toISOString()} — ${cpus().length}× ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  await benchPnbp((name, value) => console.log(`${name.padEnd(46)} ${typeof value === 'object' ? JSON.stringify(value) : value}`));
}
