import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { pageOf } from '../../../shared/schemas/common.ts';
import { scopeCondition } from '../../../shared/access/scope.ts';
import { DueItem, DueQuery, OverstaySummary } from '../../../shared/schemas/overstay.ts';
import { filteredRoute } from '../../http/access.ts';
import { currentUser } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { errorResponses, jsonOk } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { listDue, overstaySummary } from './queries.ts';

const tags = ['Zero overstaying'];

const summaryRoute = defineRoute({
  method: 'get',
  path: '/overstay/summary',
  tags,
  summary: 'Ringkasan overstay per UPT / overstay counts per unit',
  description: 'Inmates held past the end of their detention order or past their expiry date, and orders ending soon (warning thresholds).',
  access: filteredRoute('wbp.read'),
  responses: { 200: jsonOk(OverstaySummary, 'Counts per UPT in the caller’s scope'), ...errorResponses },
});

const dueRoute = defineRoute({
  method: 'get',
  path: '/overstay/due',
  tags,
  summary: 'Daftar jatuh tempo & overstay / due and overstayed inmates',
  access: filteredRoute('wbp.read'),
  request: { query: DueQuery },
  responses: { 200: jsonOk(pageOf(DueItem), 'Earliest due first; negative daysLeft = overstay'), ...errorResponses },
});

const digestRoute = defineRoute({
  method: 'get',
  path: '/overstay/digest',
  tags,
  summary: 'Ringkasan harian terakhir / latest daily digest',
  description: 'Written each morning by the overstay-digest job, one per UPT with anything due or overstayed.',
  access: filteredRoute('wbp.read'),
  responses: {
    200: jsonOk(z.object({ date: z.string().nullable(), items: z.array(z.record(z.string(), z.unknown())) }), 'Digest entries in the caller’s scope'),
    ...errorResponses,
  },
});

export function overstayRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(summaryRoute, async (c) => {
    const { db, clock } = c.get('services');
    return c.json(await overstaySummary(db, currentUser(c).scope, clock.today()), 200);
  });
  app.openapi(digestRoute, async (c) => {
    const params: unknown[] = [];
    const cond = scopeCondition(currentUser(c).scope, { kanwil: 'kanwil_id', upt: 'upt_id' }, params);
    const rows = await c.get('services').db.query<{ date: string; data: Record<string, unknown> }>(
      `SELECT date::text AS date, data FROM digest WHERE kind = 'overstay' AND ${cond}
          AND date = (SELECT max(date) FROM digest WHERE kind = 'overstay' AND ${cond}) ORDER BY upt_id`,
      params,
    );
    return c.json({ date: rows[0]?.date ?? null, items: rows.map((r) => r.data) }, 200);
  });
  app.openapi(dueRoute, async (c) => {
    const q = c.req.valid('query');
    const { db, clock } = c.get('services');
    return c.json({ ...(await listDue(db, q, currentUser(c).scope, clock.today())), page: q.page, pageSize: q.pageSize }, 200);
  });
}
