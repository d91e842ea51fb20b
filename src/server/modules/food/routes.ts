import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { covers, scopeCondition } from '../../../shared/access/scope.ts';
import { CalendarDate, PositiveId } from '../../../shared/schemas/common.ts';
import { HarvestInput, PlantingInput, PlotInput } from '../../../shared/schemas/work.ts';
import { recordAudit } from '../../audit/trail.ts';
import { filteredRoute, ownScopeRoute } from '../../http/access.ts';
import { actorOf, currentUser } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { invalidField, outOfScope } from '../../http/errors.ts';
import { errorResponses, jsonBody, jsonOk } from '../../http/openapi.ts';
import { resolveOwnUpt } from '../../http/own-upt.ts';
import { defineRoute } from '../../http/route.ts';

const tags = ['Ketahanan pangan / Food security'];
const Row = z.record(z.string(), z.unknown());

const plotsRoute = defineRoute({
  method: 'get', path: '/food/plots', tags, summary: 'Lahan & kolam / land plots and ponds',
  access: filteredRoute('work.read'),
  request: { query: z.object({ uptId: PositiveId.optional() }) },
  responses: { 200: jsonOk(z.object({ items: z.array(Row) }), 'Plots in scope with planted area'), ...errorResponses },
});
const plotCreateRoute = defineRoute({
  method: 'post', path: '/food/plots', tags, summary: 'Tambah lahan / add a plot',
  access: ownScopeRoute('work.write'), request: { body: jsonBody(PlotInput) },
  responses: { 201: jsonOk(Row, 'Created'), ...errorResponses },
});
const plantingRoute = defineRoute({
  method: 'post', path: '/food/plantings', tags, summary: 'Catat penanaman / record a planting',
  description: 'The plot must belong to one of the caller’s UPTs; the area cannot exceed the plot.',
  access: ownScopeRoute('work.write'), request: { body: jsonBody(PlantingInput) },
  responses: { 201: jsonOk(Row, 'Created'), ...errorResponses },
});
const harvestRoute = defineRoute({
  method: 'post', path: '/food/harvests', tags, summary: 'Catat panen / record a harvest',
  access: ownScopeRoute('work.write'), request: { body: jsonBody(HarvestInput) },
  responses: { 201: jsonOk(Row, 'Created'), ...errorResponses },
});
const summaryRoute = defineRoute({
  method: 'get', path: '/food/summary', tags,
  summary: 'Ringkasan ketahanan pangan / food-security figures',
  description: 'Hectares planted and harvest by sector (farming, fisheries, livestock) in a period, per UPT in scope, with the meal-supplier offtake share (≥ 5% expected).',
  access: filteredRoute('work.read'),
  request: { query: z.object({ from: CalendarDate, to: CalendarDate }) },
  responses: { 200: jsonOk(z.object({ totals: Row, rows: z.array(Row) }), 'Figures'), ...errorResponses },
});

async function plotOf(c: Context<AppEnv>, plotId: number) {
  const plot = await c.get('services').db.one<{ id: number; upt_id: number; kanwil_id: number; area_m2: number }>('SELECT id, upt_id, kanwil_id, area_m2 FROM land_plot WHERE id = $1', [plotId]);
  if (!plot) throw invalidField('plotId', 'invalid');
  // The plot decides the UPT: it must lie inside the caller's scope.
  if (!covers(currentUser(c).scope, { kanwilId: plot.kanwil_id, uptId: plot.upt_id })) throw outOfScope();
  return plot;
}

export function foodRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(plotsRoute, async (c) => {
    const params: unknown[] = [];
    const conds = [scopeCondition(currentUser(c).scope, { kanwil: 'p.kanwil_id', upt: 'p.upt_id' }, params)];
    const q = c.req.valid('query');
    if (q.uptId) {
      params.push(q.uptId);
      conds.push(`p.upt_id = $${params.length}`);
    }
    const items = await c.get('services').db.query(
      `SELECT p.id, p.upt_id AS "uptId", p.kanwil_id AS "kanwilId", u.name AS "uptName", p.kind, p.name, p.area_m2 AS "areaM2", p.active
         FROM land_plot p JOIN upt u ON u.id = p.upt_id WHERE ${conds.join(' AND ')} ORDER BY u.name, p.name`,
      params,
    );
    return c.json({ items }, 200);
  });
  app.openapi(plotCreateRoute, async (c) => {
    const input = c.req.valid('json');
    const row = await c.get('services').db.tx(async (tx) => {
      const upt = await resolveOwnUpt(c, tx, input.uptId);
      const r = await tx.one<Record<string, unknown>>(
        `INSERT INTO land_plot (upt_id, kanwil_id, kind, name, area_m2) VALUES ($1,$2,$3,$4,$5) RETURNING *`,
        [upt.id, upt.kanwil_id, input.kind, input.name, input.areaM2],
      );
      await recordAudit(tx, actorOf(c), { entity: 'land_plot', entityId: Number(r!.id), action: 'create', after: r, scope: { kanwilId: upt.kanwil_id, uptId: upt.id } });
      return r!;
    });
    return c.json(row, 201);
  });
  app.openapi(plantingRoute, async (c) => {
    const input = c.req.valid('json');
    const plot = await plotOf(c, input.plotId);
    if (input.areaM2 > plot.area_m2) throw invalidField('areaM2', 'too_big_number');
    if (input.plantedOn > c.get('services').clock.today()) throw invalidField('plantedOn', 'date_in_future');
    const row = await c.get('services').db.tx(async (tx) => {
      const r = await tx.one<Record<string, unknown>>(
        `INSERT INTO planting (upt_id, kanwil_id, plot_id, crop, sector, area_m2, planted_on, created_by) VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING *`,
        [plot.upt_id, plot.kanwil_id, plot.id, input.crop, input.sector, input.areaM2, input.plantedOn, currentUser(c).id],
      );
      await recordAudit(tx, actorOf(c), { entity: 'planting', entityId: Number(r!.id), action: 'create', after: r, scope: { kanwilId: plot.kanwil_id, uptId: plot.upt_id } });
      return r!;
    });
    return c.json(row, 201);
  });
  app.openapi(harvestRoute, async (c) => {
    const input = c.req.valid('json');
    if (input.offtakeGrams > input.qtyGrams) throw invalidField('offtakeGrams', 'too_big_number');
    if (input.harvestedOn > c.get('services').clock.today()) throw invalidField('harvestedOn', 'date_in_future');
    const plot = input.plotId ? await plotOf(c, input.plotId) : undefined;
    const row = await c.get('services').db.tx(async (tx) => {
      const upt = plot ? { id: plot.upt_id, kanwil_id: plot.kanwil_id } : await resolveOwnUpt(c, tx, input.uptId);
      const r = await tx.one<Record<string, unknown>>(
        `INSERT INTO harvest (upt_id, kanwil_id, plot_id, planting_id, sector, commodity, harvested_on, qty_grams, offtake_grams, created_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING *`,
        [upt.id, upt.kanwil_id, input.plotId ?? null, input.plantingId ?? null, input.sector, input.commodity, input.harvestedOn, input.qtyGrams, input.offtakeGrams, currentUser(c).id],
      );
      await recordAudit(tx, actorOf(c), { entity: 'harvest', entityId: Number(r!.id), action: 'create', after: r, scope: { kanwilId: upt.kanwil_id, uptId: upt.id } });
      return r!;
    });
    return c.json(row, 201);
  });
  app.openapi(summaryRoute, async (c) => {
    const { from, to } = c.req.valid('query');
    const params: unknown[] = [from, to];
    const cond = scopeCondition(currentUser(c).scope, { kanwil: 'x.kanwil_id', upt: 'x.upt_id' }, params);
    // A planting counts in the period it was planted; harvests in the period harvested.
    const rows = await c.get('services').db.query<Record<string, number | string>>(
      `SELECT x.upt_id AS "uptId", u.name AS "uptName", x.kanwil_id AS "kanwilId",
              COALESCE(sum(x.planted_m2), 0)::bigint AS "plantedM2",
              COALESCE(sum(x.farming_g), 0)::bigint AS "farmingGrams", COALESCE(sum(x.fisheries_g), 0)::bigint AS "fisheriesGrams",
              COALESCE(sum(x.livestock_g), 0)::bigint AS "livestockGrams", COALESCE(sum(x.offtake_g), 0)::bigint AS "offtakeGrams"
         FROM (
           SELECT upt_id, kanwil_id, area_m2 AS planted_m2, 0 AS farming_g, 0 AS fisheries_g, 0 AS livestock_g, 0 AS offtake_g
             FROM planting WHERE planted_on BETWEEN $1 AND $2
           UNION ALL
           SELECT upt_id, kanwil_id, 0, CASE WHEN sector = 'farming' THEN qty_grams ELSE 0 END, CASE WHEN sector = 'fisheries' THEN qty_grams ELSE 0 END,
                  CASE WHEN sector = 'livestock' THEN qty_grams ELSE 0 END, offtake_grams
             FROM harvest WHERE harvested_on BETWEEN $1 AND $2
         ) x JOIN upt u ON u.id = x.upt_id
        WHERE ${cond} GROUP BY x.upt_id, u.name, x.kanwil_id ORDER BY u.name`,
      params,
    );
    const sum = (k: string) => rows.reduce((s, r) => s + Number(r[k] ?? 0), 0);
    const harvest = sum('farmingGrams') + sum('fisheriesGrams') + sum('livestockGrams');
    return c.json(
      {
        totals: {
          haPlanted: sum('plantedM2') / 10_000,
          farmingKg: sum('farmingGrams') / 1000,
          fisheriesKg: sum('fisheriesGrams') / 1000,
          livestockKg: sum('livestockGrams') / 1000,
          offtakeBasisPoints: harvest ? Math.floor((sum('offtakeGrams') * 10_000) / harvest) : 0,
        },
        rows,
      },
      200,
    );
  });
}
