import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { scopeCondition } from '../../../shared/access/scope.ts';
import { occupancy } from '../../../domain/indicators/index.ts';
import { PositiveId } from '../../../shared/schemas/common.ts';
import { filteredRoute } from '../../http/access.ts';
import { currentUser } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { errorResponses, jsonOk } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { lastRefresh } from '../indicators/figures.ts';
import { publishedOccupancy } from './published.ts';

const tags = ['Hunian / Occupancy'];
const Row = z.record(z.string(), z.unknown());

const occupancyRoute = defineRoute({
  method: 'get', path: '/occupancy', tags, summary: 'Hunian dan overcrowding per UPT / occupancy and overcrowding',
  description: 'Occupants (inmate registry, month end) against capacity per UPT in scope, with both published conventions: occupancy ratio (occupants ÷ capacity) and overcrowding ((occupants − capacity) ÷ capacity); totals are ratios of sums; monthly trend. Read from the rollups. Capacities marked "generated" are sample data.',
  access: filteredRoute('indicator.read'),
  request: { query: z.object({ kanwilId: PositiveId.optional() }) },
  responses: { 200: jsonOk(z.object({ month: z.string().nullable(), rows: z.array(Row), totals: Row, trend: z.array(Row), published: z.array(Row), refreshedAt: z.string().nullable() }), 'Occupancy, and the published anchors for context'), ...errorResponses },
});

export function occupancyRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(occupancyRoute, async (c) => {
    const { db } = c.get('services');
    const params: unknown[] = [];
    const conds = [scopeCondition(currentUser(c).scope, { kanwil: 'r.kanwil_id', upt: 'r.upt_id' }, params)];
    const { kanwilId } = c.req.valid('query');
    if (kanwilId) conds.push(`r.kanwil_id = $${params.push(kanwilId)}`);
    const where = `i.code = 'RP20-10' AND ${conds.join(' AND ')}`;
    const latest = await db.one<{ m: string | null }>(`SELECT max(r.month) AS m FROM indicator_rollup r JOIN indicator i ON i.id = r.indicator_id WHERE ${where}`, params);
    const month = latest?.m ?? null;
    const rows = month
      ? await db.query<{ uptId: number; uptName: string; kanwilId: number; kanwilName: string; occupants: number; capacity: number; capacitySource: string | null }>(
          `SELECT r.upt_id AS "uptId", u.name AS "uptName", r.kanwil_id AS "kanwilId", k.name AS "kanwilName", r.value AS occupants, r.denominator AS capacity, u.capacity_source AS "capacitySource"
             FROM indicator_rollup r JOIN indicator i ON i.id = r.indicator_id JOIN upt u ON u.id = r.upt_id JOIN kanwil k ON k.id = r.kanwil_id
            WHERE ${where} AND r.month = $${params.length + 1} ORDER BY (r.value::numeric / NULLIF(r.denominator, 0)) DESC NULLS LAST LIMIT 1000`,
          [...params, month],
        )
      : [];
    const trend = await db.query<{ month: string; occupants: number; capacity: number }>(
      `SELECT r.month, sum(r.value)::bigint AS occupants, sum(r.denominator)::bigint AS capacity
         FROM indicator_rollup r JOIN indicator i ON i.id = r.indicator_id WHERE ${where} GROUP BY r.month ORDER BY r.month`,
      params,
    );
    const occ = rows.reduce((s, r) => s + Number(r.occupants), 0);
    const cap = rows.reduce((s, r) => s + Number(r.capacity), 0);
    return c.json(
      {
        month,
        rows: rows.map((r) => ({ ...r, ...occupancy(Number(r.occupants), Number(r.capacity)) })),
        totals: { occupants: occ, capacity: cap, ...occupancy(occ, cap), generatedCapacity: rows.some((r) => r.capacitySource === 'generated') },
        trend: trend.map((t) => ({ ...t, ...occupancy(Number(t.occupants), Number(t.capacity)) })),
        published: publishedOccupancy(),
        refreshedAt: await lastRefresh(db),
      },
      200,
    );
  });
}
