import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { scopeCondition } from '../../../shared/access/scope.ts';
import { PositiveId } from '../../../shared/schemas/common.ts';
import { filteredRoute, targetRoute } from '../../http/access.ts';
import { currentUser } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { errorResponses, jsonOk } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { wbpTarget } from '../wbp/routes.ts';
import { tags } from './activities.ts';

const Row = z.record(z.string(), z.unknown());

const dashboardRoute = defineRoute({
  method: 'get', path: '/work/dashboard', tags,
  summary: 'Ringkasan kegiatan kerja / work dashboard',
  description: 'For the caller’s scope (or one UPT): who works where today, attendance this month (from the monthly rollup), premi earned this month, harvest this month.',
  access: filteredRoute('work.read'),
  request: { query: z.object({ uptId: PositiveId.optional() }) },
  responses: { 200: jsonOk(z.object({ today: z.string(), month: z.string(), activities: z.array(Row), totals: Row }), 'Dashboard'), ...errorResponses },
});

const historyRoute = defineRoute({
  method: 'get', path: '/wbp/{wbpId}/work', tags,
  summary: 'Riwayat kerja WBP / an inmate’s work history',
  access: targetRoute('work.read', wbpTarget),
  request: { params: z.object({ wbpId: PositiveId }) },
  responses: { 200: jsonOk(z.object({ allocations: z.array(Row), months: z.array(Row), premiBalanceRupiah: z.number().int() }), 'Allocations, attendance by month, premi balance'), ...errorResponses },
});

export function dashboardRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(dashboardRoute, async (c) => {
    const { db, clock } = c.get('services');
    const today = clock.today();
    const month = `${today.slice(0, 7)}-01`;
    // The scope condition's parameters come first; each query adds the dates it uses after them.
    const sp: unknown[] = [];
    const conds = [scopeCondition(currentUser(c).scope, { kanwil: 'x.kanwil_id', upt: 'x.upt_id' }, sp)];
    const { uptId } = c.req.valid('query');
    if (uptId) conds.push(`x.upt_id = $${sp.push(uptId)}`);
    const cond = (alias: string) => conds.join(' AND ').replaceAll('x.', `${alias}.`);
    const d1 = `$${sp.length + 1}`;
    const d2 = `$${sp.length + 2}`;
    const activities = await db.query(
      `SELECT a.id, a.name, a.category, a.upt_id AS "uptId", u.name AS "uptName", a.capacity,
              (SELECT count(*)::int FROM work_allocation w WHERE w.activity_id = a.id AND w.status = 'active') AS allocated,
              (SELECT count(*)::int FROM attendance t WHERE t.activity_id = a.id AND t.date = ${d1} AND t.reason = 'hadir') AS "presentToday",
              EXISTS (SELECT 1 FROM attendance_sheet s WHERE s.activity_id = a.id AND s.date = ${d1}) AS "sheetToday"
         FROM work_activity a JOIN upt u ON u.id = a.upt_id WHERE a.active AND ${cond('a')} ORDER BY u.name, a.name LIMIT 300`,
      [...sp, today],
    );
    const att = await db.one<{ rows: number; present: number; paid: number }>(
      `SELECT COALESCE(sum(attendance_rows), 0)::bigint AS rows, COALESCE(sum(present_rows), 0)::bigint AS present, COALESCE(sum(paid_rows), 0)::bigint AS paid
         FROM work_month_rollup r WHERE r.month = ${d1} AND ${cond('r')}`,
      [...sp, month],
    );
    const premi = await db.one<{ earned: number; paid: number }>(
      `SELECT COALESCE(sum(amount_rupiah) FILTER (WHERE kind IN ('earning', 'reversal', 'adjustment', 'proceeds_share')), 0)::bigint AS earned,
              COALESCE(-sum(amount_rupiah) FILTER (WHERE kind = 'payout'), 0)::bigint AS paid
         FROM premi_entry p WHERE p.date BETWEEN ${d2} AND ${d1} AND ${cond('p')}`,
      [...sp, today, month],
    );
    const harvest = await db.one<{ grams: number }>(
      `SELECT COALESCE(sum(qty_grams), 0)::bigint AS grams FROM harvest h WHERE h.harvested_on BETWEEN ${d2} AND ${d1} AND ${cond('h')}`,
      [...sp, today, month],
    );
    const rows = Number(att?.rows ?? 0);
    return c.json(
      {
        today,
        month,
        activities,
        totals: {
          workingToday: activities.reduce((s, a) => s + Number(a.presentToday ?? 0), 0),
          allocated: activities.reduce((s, a) => s + Number(a.allocated ?? 0), 0),
          attendanceRows: rows,
          attendanceRateBasisPoints: rows ? Math.floor((Number(att?.present ?? 0) * 10_000) / rows) : null,
          premiEarnedRupiah: Number(premi?.earned ?? 0),
          premiPaidOutRupiah: Number(premi?.paid ?? 0),
          harvestKg: Number(harvest?.grams ?? 0) / 1000,
        },
      },
      200,
    );
  });
  app.openapi(historyRoute, async (c) => {
    const wbpId = c.req.valid('param').wbpId;
    const { db } = c.get('services');
    const allocations = await db.query(
      `SELECT a.id, w.name AS activity, w.category, a.status, a.start_date AS "startDate", a.end_date AS "endDate", a.end_reason AS "endReason"
         FROM work_allocation a JOIN work_activity w ON w.id = a.activity_id WHERE a.wbp_id = $1 ORDER BY a.start_date DESC, a.id DESC`,
      [wbpId],
    );
    const months = await db.query(
      `SELECT date_trunc('month', date)::date AS month, count(*)::int AS days, count(*) FILTER (WHERE reason = 'hadir')::int AS present,
              count(*) FILTER (WHERE paid)::int AS paid
         FROM attendance WHERE wbp_id = $1 GROUP BY 1 ORDER BY 1 DESC LIMIT 24`,
      [wbpId],
    );
    const bal = await db.one<{ b: number }>('SELECT COALESCE(sum(amount_rupiah), 0)::bigint AS b FROM premi_entry WHERE wbp_id = $1', [wbpId]);
    return c.json({ allocations, months, premiBalanceRupiah: Number(bal?.b ?? 0) }, 200);
  });
}
