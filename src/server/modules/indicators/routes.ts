import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { covers } from '../../../shared/access/scope.ts';
import { AllocateInput, ChangesQuery, DashboardQuery, ManualValueInput, MapQuery, RecordsQuery, TargetInput, TargetsQuery, TrendQuery } from '../../../shared/schemas/indicators.ts';
import { recordAudit } from '../../audit/trail.ts';
import { filteredRoute, nationalRoute, ownScopeRoute, referenceRoute } from '../../http/access.ts';
import { actorOf, currentUser } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { invalidField, outOfScope } from '../../http/errors.ts';
import { errorResponses, jsonBody, jsonOk } from '../../http/openapi.ts';
import { resolveOwnUpt } from '../../http/own-upt.ts';
import { defineRoute } from '../../http/route.ts';
import { effectiveSource, indicatorJson, isManual, loadIndicators, type IndicatorRow } from './catalogue.ts';
import { byProvince, dashboard, lastRefresh, resolveUnit, trend } from './figures.ts';
import { listChanges } from './changes.ts';
import { defaultRange, refreshAll } from './refresh.ts';
import { allocate, listTargets, setTarget } from './targets.ts';
import { monthEnd } from '../reports/figures.ts';

const tags = ['Indikator & target / Indicators and targets'];
const Row = z.record(z.string(), z.unknown());

const catalogueRoute = defineRoute({
  method: 'get', path: '/indicators', tags, summary: 'Katalog indikator / indicator catalogue',
  description: 'Every indicator with its definition, unit, direction and how its realisation is computed (or that it is entered manually with evidence).',
  access: referenceRoute('indicator.read'),
  responses: { 200: jsonOk(z.object({ items: z.array(Row), refreshedAt: z.string().nullable() }), 'Catalogue'), ...errorResponses },
});
const dashboardRoute = defineRoute({
  method: 'get', path: '/cockpit/dashboard', tags, summary: 'Dasbor capaian / realisation against targets',
  description: 'For the nation, a Kanwil or a UPT (within the caller’s scope): realisation to date, target, expected part, traffic light per indicator and per child unit, ranked. Read from the rollups.',
  access: filteredRoute('indicator.read'), request: { query: DashboardQuery },
  responses: { 200: jsonOk(Row, 'Dashboard'), ...errorResponses },
});
const trendRoute = defineRoute({
  method: 'get', path: '/cockpit/trend', tags, summary: 'Tren bulanan / monthly trend',
  access: filteredRoute('indicator.read'), request: { query: TrendQuery },
  responses: { 200: jsonOk(Row, 'Months of the year'), ...errorResponses },
});
const mapRoute = defineRoute({
  method: 'get', path: '/cockpit/map', tags, summary: 'Peta provinsi / map by province',
  access: filteredRoute('indicator.read'), request: { query: MapQuery },
  responses: { 200: jsonOk(Row, 'One item per province'), ...errorResponses },
});
const recordsRoute = defineRoute({
  method: 'get', path: '/cockpit/records', tags, summary: 'Catatan di balik angka / records behind a figure',
  description: 'The records one UPT’s figure was computed from, for a range of months (no personal data).',
  access: filteredRoute('indicator.read'), request: { query: RecordsQuery },
  responses: { 200: jsonOk(z.object({ indicator: Row, uptId: z.number(), kanwilId: z.number(), items: z.array(Row) }), 'Records'), ...errorResponses },
});
const changesRoute = defineRoute({
  method: 'get', path: '/cockpit/changes', tags, summary: 'Perubahan angka bulan lalu / changes to closed months',
  description: 'Figures of months already ended that a refresh changed (a record dated in the month was added or corrected): before, after, when and what ran the refresh. Newest first, within the caller’s scope.',
  access: filteredRoute('indicator.read'), request: { query: ChangesQuery },
  responses: { 200: jsonOk(z.object({ items: z.array(Row) }), 'Changes'), ...errorResponses },
});
const refreshRoute = defineRoute({
  method: 'post', path: '/cockpit/refresh', tags, summary: 'Perbarui rekap / refresh the rollups now',
  description: 'Recomputes every indicator’s rollup from the records (January of last year to this month). The daily job does the same each night.',
  access: nationalRoute('target.write'),
  request: { body: jsonBody(z.strictObject({ indicatorIds: z.array(z.number().int().positive()).max(200).optional() }).optional()) },
  responses: { 200: jsonOk(Row, 'Refreshed'), ...errorResponses },
});
const targetsRoute = defineRoute({
  method: 'get', path: '/targets', tags, summary: 'Target berlaku / current targets',
  description: 'Current targets of the year: national ones, and those of Kanwils and UPTs within the caller’s scope.',
  access: filteredRoute('indicator.read'), request: { query: TargetsQuery },
  responses: { 200: jsonOk(z.object({ items: z.array(Row) }), 'Targets'), ...errorResponses },
});
const targetHistoryRoute = defineRoute({
  method: 'get', path: '/targets/history', tags, summary: 'Riwayat revisi target / target revisions',
  access: filteredRoute('indicator.read'), request: { query: TargetsQuery },
  responses: { 200: jsonOk(z.object({ items: z.array(Row) }), 'Every revision, newest first'), ...errorResponses },
});
const targetSetRoute = defineRoute({
  method: 'post', path: '/targets', tags, summary: 'Tetapkan/revisi target / set or revise a target',
  description: 'Adds a revision (with the reason) and marks it current. Pusat sets national and Kanwil targets; Pusat or the Kanwil sets its UPTs’.',
  access: ownScopeRoute('target.write'), request: { body: jsonBody(TargetInput) },
  responses: { 200: jsonOk(Row, 'Revision written (or unchanged)'), ...errorResponses },
});
const allocateRoute = defineRoute({
  method: 'post', path: '/targets/allocate', tags, summary: 'Alokasikan target / allocate a target',
  description: 'National → Kanwils (Pusat) or a Kanwil → its UPTs (Pusat or that Kanwil): proportional to capacity or population, equal, the same value, or by hand. Proportional parts sum exactly to the parent.',
  access: ownScopeRoute('target.write'), request: { body: jsonBody(AllocateInput) },
  responses: { 200: jsonOk(Row, 'Allocated'), ...errorResponses },
});
const manualRoute = defineRoute({
  method: 'post', path: '/indicators/manual', tags, summary: 'Isi realisasi manual / enter a manual realisation',
  description: 'For indicators no module computes yet: the UPT head enters the month’s value with evidence (note, optional link). The latest entry counts; earlier ones are kept. Refreshes that indicator’s rollup.',
  access: ownScopeRoute('report.submit'), request: { body: jsonBody(ManualValueInput) },
  responses: { 201: jsonOk(Row, 'Recorded'), ...errorResponses },
});

export function indicatorRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(catalogueRoute, async (c) => {
    const { db } = c.get('services');
    return c.json({ items: (await loadIndicators(db)).map(indicatorJson), refreshedAt: await lastRefresh(db) }, 200);
  });
  app.openapi(dashboardRoute, async (c) => {
    const q = c.req.valid('query');
    const { db, clock } = c.get('services');
    const unit = await resolveUnit(db, currentUser(c).scope, q);
    return c.json(await dashboard(db, unit, q.year, clock.today()), 200);
  });
  app.openapi(trendRoute, async (c) => {
    const q = c.req.valid('query');
    const { db, clock } = c.get('services');
    const unit = await resolveUnit(db, currentUser(c).scope, q);
    return c.json(await trend(db, unit, q.indicatorId, q.year, clock.today()), 200);
  });
  app.openapi(mapRoute, async (c) => {
    const q = c.req.valid('query');
    const { db, clock } = c.get('services');
    const scope = currentUser(c).scope;
    // A UPT viewer sees the province of their Kanwil, as a Kanwil viewer does.
    const s = scope.level === 'upt' ? { level: 'kanwil' as const, kanwilId: scope.kanwilId } : scope;
    return c.json(await byProvince(db, s, q.indicatorId, q.year, clock.today()), 200);
  });
  app.openapi(recordsRoute, async (c) => {
    const q = c.req.valid('query');
    const { db, clock } = c.get('services');
    const upt = await db.one<{ id: number; kanwil_id: number }>('SELECT id, kanwil_id FROM upt WHERE id = $1', [q.uptId]);
    if (!upt) throw invalidField('uptId', 'upt_unknown');
    if (!covers(currentUser(c).scope, { kanwilId: upt.kanwil_id, uptId: upt.id })) throw outOfScope();
    const ind = await db.one<IndicatorRow>('SELECT * FROM indicator WHERE id = $1', [q.indicatorId]);
    if (!ind) throw invalidField('indicatorId', 'invalid');
    const source = effectiveSource(ind);
    const today = clock.today();
    const end = monthEnd(q.to) < today ? monthEnd(q.to) : today;
    const items = await db.query(source.records, [upt.id, q.from, end, ind.id]);
    return c.json({ indicator: indicatorJson(ind), uptId: upt.id, kanwilId: upt.kanwil_id, items }, 200);
  });
  app.openapi(changesRoute, async (c) => {
    const q = c.req.valid('query');
    return c.json({ items: await listChanges(c.get('services').db, currentUser(c).scope, q) }, 200);
  });
  app.openapi(refreshRoute, async (c) => {
    const { db, clock } = c.get('services');
    const body = c.req.valid('json');
    const today = clock.today();
    const result = await refreshAll(db, { ...defaultRange(today), today, indicatorIds: body?.indicatorIds, reason: `refresh by ${currentUser(c).username}` });
    return c.json({ ...result, refreshedAt: await lastRefresh(db) }, 200);
  });
  app.openapi(targetsRoute, async (c) => c.json({ items: await listTargets(c.get('services').db, currentUser(c).scope, c.req.valid('query'), false) }, 200));
  app.openapi(targetHistoryRoute, async (c) => c.json({ items: await listTargets(c.get('services').db, currentUser(c).scope, c.req.valid('query'), true) }, 200));
  app.openapi(targetSetRoute, async (c) => c.json(await setTarget(c, c.req.valid('json')), 200));
  app.openapi(allocateRoute, async (c) => c.json(await allocate(c, c.req.valid('json')), 200));
  app.openapi(manualRoute, async (c) => {
    const input = c.req.valid('json');
    const { db, clock } = c.get('services');
    const today = clock.today();
    if (input.month > `${today.slice(0, 7)}-01`) throw invalidField('month', 'month_not_over');
    const row = await db.tx(async (tx) => {
      const ind = await tx.one<IndicatorRow>('SELECT * FROM indicator WHERE id = $1', [input.indicatorId]);
      if (!ind) throw invalidField('indicatorId', 'invalid');
      if (!isManual(ind)) throw invalidField('indicatorId', 'indicator_not_manual');
      const upt = await resolveOwnUpt(c, tx, input.uptId);
      const r = await tx.one<Record<string, unknown>>(
        `INSERT INTO indicator_manual_value (indicator_id, upt_id, kanwil_id, month, value, note, link, created_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id, indicator_id AS "indicatorId", upt_id AS "uptId", kanwil_id AS "kanwilId", month, value, note, link`,
        [ind.id, upt.id, upt.kanwil_id, input.month, input.value, input.note, input.link ?? null, currentUser(c).id],
      );
      await recordAudit(tx, actorOf(c), { entity: 'indicator_manual_value', entityId: Number(r!.id), action: 'create', after: r, scope: { kanwilId: upt.kanwil_id, uptId: upt.id } });
      return r!;
    });
    // The new figure shows at once: refresh that indicator's months of this year.
    await refreshAll(db, {
      from: `${input.month.slice(0, 4)}-01-01`, to: `${today.slice(0, 7)}-01` > input.month ? `${today.slice(0, 7)}-01` : input.month, today,
      indicatorIds: [input.indicatorId], reason: `manual value #${String(row.id)} by ${currentUser(c).username}`,
    });
    return c.json(row, 201);
  });
}
