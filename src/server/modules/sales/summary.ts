import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { covers, scopeCondition } from '../../../shared/access/scope.ts';
import { SalesSummary, SalesSummaryQuery } from '../../../shared/schemas/sales.ts';
import { filteredRoute } from '../../http/access.ts';
import { currentUser } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { outOfScope } from '../../http/errors.ts';
import { errorResponses, jsonOk } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';

const summaryRoute = defineRoute({
  method: 'get', path: '/sales/summary', tags: ['Penjualan / Sales'], summary: 'Ringkasan penjualan dan PNBP / sales and PNBP summary',
  description: 'Monthly revenue, PNBP due / billed / paid and premi shared for a UPT, a Kanwil (with its UPTs) or the nation (with its Kanwils), read from the monthly rollup kept by every write.',
  access: filteredRoute('sales.read'), request: { query: SalesSummaryQuery },
  responses: { 200: jsonOk(SalesSummary, 'Figures in scope'), ...errorResponses },
});

const SUMS = `coalesce(sum(revenue_rupiah),0)::bigint AS revenue, coalesce(sum(receipts),0)::bigint AS receipts, coalesce(sum(pnbp_due_rupiah),0)::bigint AS due,
  coalesce(sum(premi_shared_rupiah),0)::bigint AS premi, coalesce(sum(pnbp_billed_rupiah),0)::bigint AS billed, coalesce(sum(pnbp_paid_rupiah),0)::bigint AS paid`;
interface SumRow { revenue: number; receipts: number; due: number; premi: number; billed: number; paid: number; [k: string]: unknown }
const figures = (r: SumRow) => ({
  revenueRupiah: Number(r.revenue), receipts: Number(r.receipts), pnbpDueRupiah: Number(r.due), premiSharedRupiah: Number(r.premi),
  pnbpBilledRupiah: Number(r.billed), pnbpPaidRupiah: Number(r.paid),
});

export function summaryRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(summaryRoute, async (c) => {
    const q = c.req.valid('query');
    const { db } = c.get('services');
    const scope = currentUser(c).scope;
    const kanwilId = q.kanwilId ?? (scope.level === 'kanwil' ? scope.kanwilId : undefined);
    const uptId = q.uptId ?? (scope.level === 'upt' ? scope.uptId : undefined);
    if (uptId) {
      const u = await db.one<{ kanwil_id: number }>('SELECT kanwil_id FROM upt WHERE id = $1', [uptId]);
      if (!u || !covers(scope, { kanwilId: u.kanwil_id, uptId })) throw outOfScope();
    } else if (kanwilId && !covers(scope, { kanwilId })) throw outOfScope();
    const level = uptId ? 'upt' : kanwilId ? 'kanwil' : 'national';
    const params: unknown[] = [`${q.year}-01-01`, `${q.year}-12-01`];
    const conds = ['r.month BETWEEN $1 AND $2', scopeCondition(scope, { kanwil: 'r.kanwil_id', upt: 'r.upt_id' }, params)];
    if (uptId) conds.push(`r.upt_id = $${params.push(uptId)}`);
    else if (kanwilId) conds.push(`r.kanwil_id = $${params.push(kanwilId)}`);
    const where = conds.join(' AND ');
    const months = await db.query<SumRow & { month: string }>(`SELECT to_char(r.month, 'YYYY-MM') AS month, ${SUMS} FROM sales_month_rollup r WHERE ${where} GROUP BY r.month ORDER BY r.month`, params);
    const totals = await db.one<SumRow>(`SELECT ${SUMS} FROM sales_month_rollup r WHERE ${where}`, params);
    const units = level === 'upt' ? [] : level === 'kanwil'
      ? await db.query<SumRow & { id: number; name: string }>(`SELECT u.id, u.name, ${SUMS} FROM sales_month_rollup r JOIN upt u ON u.id = r.upt_id WHERE ${where} GROUP BY u.id, u.name ORDER BY sum(r.revenue_rupiah) DESC, u.name`, params)
      : await db.query<SumRow & { id: number; name: string }>(`SELECT k.id, k.name, ${SUMS} FROM sales_month_rollup r JOIN kanwil k ON k.id = r.kanwil_id WHERE ${where} GROUP BY k.id, k.name ORDER BY sum(r.revenue_rupiah) DESC, k.name`, params);
    const sp: unknown[] = [`${q.year}-01-01`, `${q.year}-12-31`];
    const sc = ['s.date BETWEEN $1 AND $2', "s.status <> 'cancelled'", scopeCondition(scope, { kanwil: 's.kanwil_id', upt: 's.upt_id' }, sp)];
    if (uptId) sc.push(`s.upt_id = $${sp.push(uptId)}`);
    else if (kanwilId) sc.push(`s.kanwil_id = $${sp.push(kanwilId)}`);
    const channels = await db.query<{ channel: z.infer<typeof SalesSummary>['channels'][number]['channel']; n: number; total: number }>(
      `SELECT s.channel, count(*)::int AS n, coalesce(sum(s.total_rupiah),0)::bigint AS total FROM sale s WHERE ${sc.join(' AND ')} GROUP BY s.channel ORDER BY s.channel`, sp,
    );
    const open = await db.one<{ n: number }>(`SELECT count(*)::int AS n FROM sale s WHERE ${sc.join(' AND ')} AND s.status IN ('quotation','ordered','delivered','invoiced')`, sp);
    return c.json({
      year: q.year, level, months: months.map((m) => ({ month: m.month, ...figures(m) })), totals: figures(totals!),
      units: units.map((u) => ({ id: u.id, name: u.name, ...figures(u) })),
      channels: channels.map((r) => ({ channel: r.channel, sales: r.n, totalRupiah: Number(r.total) })), openOrders: open!.n,
    }, 200);
  });
}
