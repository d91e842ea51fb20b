import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '../../src/domain/calendar/date.ts';
import { checkRollups } from '../../src/server/modules/ops/rollup-check.ts';
import { historyStart } from '../../src/server/seed/history.ts';
import { createTestApp, type Client, type TestApp } from '../support/app.ts';
import { TEST_TODAY } from '../support/today.ts';

/**
 * Recomputing any past month from scratch equals the stored rollup: every module rollup that
 * writes keep by differences (work, sales and PNBP, training) and every indicator's monthly
 * figure, on the demo, after writes that move past months, and on a history generated for
 * another day (across a year end).
 */
let t: TestApp;
let admin: Client;
const months = (rows: Array<{ month: string }>) => new Set(rows.map((r) => String(r.month).slice(0, 7))).size;

beforeAll(async () => {
  t = await createTestApp({}, { inmates: true });
  admin = await t.as('admin.pusat');
}, 300_000);
afterAll(() => t.close());

describe('rollups recomputed from their records', () => {
  it('equal what the demo stores, for every month of its history', async () => {
    expect(await checkRollups(t.db, TEST_TODAY)).toEqual([]);
    // The comparison covers real history, not empty tables.
    const first = historyStart(TEST_TODAY);
    expect(months(await t.db.query(`SELECT month::text FROM work_month_rollup WHERE paid_rows > 0 AND month >= $1`, [first]))).toBe(6);
    expect(months(await t.db.query(`SELECT month::text FROM sales_month_rollup WHERE revenue_rupiah > 0 AND month >= $1`, [first]))).toBe(6);
    expect(months(await t.db.query(`SELECT month::text FROM sales_month_rollup WHERE pnbp_due_rupiah > 0`))).toBe(5);
    const indicators = await t.db.one<{ n: number }>(`SELECT count(DISTINCT indicator_id)::int AS n FROM indicator_rollup WHERE month < $1`, [`${TEST_TODAY.slice(0, 7)}-01`]);
    expect(indicators!.n).toBeGreaterThanOrEqual(8);
  });

  it('finds a stored figure its records do not give (the check can fail)', async () => {
    const work = (await t.db.one<{ upt_id: number; month: string; category: string }>(`SELECT upt_id, month::text, category FROM work_month_rollup WHERE paid_rows > 0 ORDER BY upt_id, month LIMIT 1`))!;
    const ind = (await t.db.one<{ id: number; code: string; upt_id: number; month: string; value: string }>(
      `SELECT r.indicator_id AS id, i.code, r.upt_id, r.month::text, r.value::text FROM indicator_rollup r JOIN indicator i ON i.id = r.indicator_id WHERE i.source_key = 'work_days' ORDER BY r.month LIMIT 1`))!;
    await t.db.query(`UPDATE work_month_rollup SET paid_rows = paid_rows + 1 WHERE upt_id = $1 AND month = $2 AND category = $3`, [work.upt_id, work.month, work.category]);
    await t.db.query(`UPDATE indicator_rollup SET value = value + 7 WHERE indicator_id = $1 AND upt_id = $2 AND month = $3`, [ind.id, ind.upt_id, ind.month]);
    try {
      const found = await checkRollups(t.db, TEST_TODAY);
      expect(found).toEqual(expect.arrayContaining([
        expect.objectContaining({ rollup: 'work_month_rollup', key: `${work.upt_id}|${work.month}|${work.category}`, column: 'paid_rows' }),
        expect.objectContaining({ rollup: `indicator_rollup:${ind.code}`, key: `${ind.upt_id}|${ind.month}`, stored: Number(ind.value) + 7, recomputed: Number(ind.value) }),
        expect.objectContaining({ rollup: `indicator_rollup_kanwil:${ind.code}`, column: 'value' }),
      ]));
      expect(found).toHaveLength(3);
    } finally {
      await t.db.query(`UPDATE work_month_rollup SET paid_rows = paid_rows - 1 WHERE upt_id = $1 AND month = $2 AND category = $3`, [work.upt_id, work.month, work.category]);
      await t.db.query(`UPDATE indicator_rollup SET value = value - 7 WHERE indicator_id = $1 AND upt_id = $2 AND month = $3`, [ind.id, ind.upt_id, ind.month]);
    }
    expect(await checkRollups(t.db, TEST_TODAY)).toEqual([]);
  });

  it('a recategorised activity carries its past attendance to the new category (it stayed under the old one)', async () => {
    const head = await t.as('kepala.lapas.semarang');
    const a = (await t.db.one<{ id: number; category: string; version: number }>(
      `SELECT a.id, a.category, a.version FROM work_activity a JOIN upt u ON u.id = a.upt_id WHERE u.raw_name = 'LAPAS KELAS I SEMARANG' AND a.category <> 'jasa' ORDER BY a.id LIMIT 1`))!;
    const worked = await t.db.one<{ n: number }>('SELECT count(*)::int AS n FROM attendance WHERE activity_id = $1', [a.id]);
    expect(worked!.n).toBeGreaterThan(0);
    const res = await head.patch(`/api/v1/work/activities/${a.id}`, { category: 'jasa', version: a.version });
    expect(res.status).toBe(200);
    expect(await checkRollups(t.db, TEST_TODAY)).toEqual([]);
  });

  it('a payment reversed today and a refresh leave every month equal to its records', async () => {
    const p = (await t.db.one<{ id: number; date: string }>(
      `SELECT p.id, p.date::text FROM sale_payment p JOIN sale_line l ON l.sale_id = p.sale_id JOIN upt u ON u.id = p.upt_id
        WHERE u.raw_name = 'LAPAS KELAS I SEMARANG' AND l.split_id IS NULL AND p.reverses IS NULL AND p.date >= $1 ORDER BY p.id LIMIT 1`,
      [`${TEST_TODAY.slice(0, 7)}-01`]))!;
    const head = await t.as('kepala.lapas.semarang');
    const res = await head.post(`/api/v1/sales/payments/${p.id}/reverse`, { reason: 'Salah catat (uji)' });
    expect(res.status).toBe(200);
    expect((await admin.post('/api/v1/cockpit/refresh', {})).status).toBe(200);
    expect(await checkRollups(t.db, TEST_TODAY)).toEqual([]);
  });
});

describe('rollups of a history generated for another day', () => {
  let other: TestApp;
  // February of the next year: the history runs across the year end.
  const day = `${Number(TEST_TODAY.slice(0, 4)) + 1}-02-10`;
  beforeAll(async () => {
    other = await createTestApp({ today: day }, { inmates: true });
  }, 300_000);
  afterAll(() => other.close());

  it('equal their records in every month, both years', async () => {
    expect(await checkRollups(other.db, day)).toEqual([]);
    const rows = await other.db.query<{ month: string }>(`SELECT month::text FROM work_month_rollup WHERE paid_rows > 0`);
    expect(months(rows)).toBe(6);
    expect(rows.some((r) => r.month < `${day.slice(0, 4)}-01-01`)).toBe(true);
    expect(rows.every((r) => r.month >= addMonths(`${day.slice(0, 7)}-01`, -5))).toBe(true);
  });

  it('numbers receipts in one gap-free series per year (the history across a year end kept one series, counted under the new year)', async () => {
    const used = await other.db.query<{ upt_id: number; year: number; n: number; last: number; counter: number | null }>(
      `WITH r AS (SELECT upt_id, substring(receipt_number from 5 for 4)::int AS year, substring(receipt_number from 10)::int AS number FROM sale_payment WHERE receipt_number IS NOT NULL)
       SELECT r.upt_id, r.year, count(*)::int AS n, max(r.number) AS last, c.last_number AS counter
         FROM r LEFT JOIN sales_counter c ON c.upt_id = r.upt_id AND c.series = 'receipt' AND c.year = r.year
        GROUP BY r.upt_id, r.year, c.last_number ORDER BY 1, 2`);
    expect(new Set(used.map((u) => u.year))).toEqual(new Set([Number(day.slice(0, 4)) - 1, Number(day.slice(0, 4))]));
    // Each year's numbers run 1..n without a gap, and the counter the next receipt takes from is at n.
    for (const u of used) expect([u.last, u.counter]).toEqual([u.n, u.n]);
  });
});
