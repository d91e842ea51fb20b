import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { describeHistory, validatePayRule, type PayFloor, type PayRule } from '../../../domain/premi/pay-rules.ts';
import { scopeCondition } from '../../../shared/access/scope.ts';
import { PositiveId } from '../../../shared/schemas/common.ts';
import { Activity, ActivityInput, ActivityListQuery, ActivityUpdateInput, PayRuleInput } from '../../../shared/schemas/work.ts';
import { recordAudit } from '../../audit/trail.ts';
import type { Queryable } from '../../db/pool.ts';
import { filteredRoute, ownScopeRoute, targetRoute, type TargetResolver } from '../../http/access.ts';
import { actorOf, currentUser } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { AppError, notFound, versionConflict } from '../../http/errors.ts';
import { errorResponses, jsonBody, jsonOk } from '../../http/openapi.ts';
import { resolveOwnUpt } from '../../http/own-upt.ts';
import { defineRoute } from '../../http/route.ts';
import { findActivity, listActivities, payRules, toActivity, type PayRuleRow } from './activity-queries.ts';
import { moveActivityCategory } from './rollup.ts';

export const tags = ['Kegiatan kerja / Work'];
export const ActivityParams = z.object({ activityId: PositiveId });
export const activityIdOf = (c: Context<AppEnv>) => Number(c.req.param('activityId'));

export const activityTarget: TargetResolver = async (c) => {
  const a = await c.get('services').db.one<{ kanwil_id: number; upt_id: number }>('SELECT kanwil_id, upt_id FROM work_activity WHERE id = $1', [activityIdOf(c)]);
  return a ? { kanwilId: a.kanwil_id, uptId: a.upt_id } : undefined;
};

const toRule = (r: PayRuleRow): PayRule => ({ effectiveFrom: r.effective_from, kind: r.kind, rateRupiah: r.rate_rupiah, ...(r.hours_per_session ? { hoursPerSession: r.hours_per_session } : {}) });

export async function payFloors(db: Queryable): Promise<PayFloor[]> {
  return (await db.query<{ effective_from: string; rupiah_per_day: number }>('SELECT effective_from, rupiah_per_day FROM premi_floor ORDER BY effective_from')).map((f) => ({
    effectiveFrom: f.effective_from,
    minPerDayRupiah: f.rupiah_per_day,
  }));
}

export async function describeActivity(c: Context<AppEnv>, db: Queryable, id: number): Promise<Activity> {
  const row = await findActivity(db, id);
  if (!row) throw notFound();
  const rules = await payRules(db, id);
  const domainRules = rules.map(toRule);
  const today = c.get('services').clock.today();
  const en = describeHistory(domainRules, 'en', today);
  const history = describeHistory(domainRules, 'id', today).map((idText, i) => ({ id: idText, en: en[i] ?? idText }));
  return toActivity(row, rules, history);
}

const listRoute = defineRoute({
  method: 'get', path: '/work/activities', tags, summary: 'Daftar kegiatan kerja / work activities',
  access: filteredRoute('work.read'), request: { query: ActivityListQuery },
  responses: { 200: jsonOk(z.object({ items: z.array(Activity) }), 'Activities in scope'), ...errorResponses },
});
const createRouteDef = defineRoute({
  method: 'post', path: '/work/activities', tags, summary: 'Tambah kegiatan kerja / add a work activity',
  access: ownScopeRoute('work.write'), request: { body: jsonBody(ActivityInput) },
  responses: { 201: jsonOk(Activity, 'Created'), ...errorResponses },
});
const getRoute = defineRoute({
  method: 'get', path: '/work/activities/{activityId}', tags, summary: 'Rincian kegiatan / activity detail',
  access: targetRoute('work.read', activityTarget), request: { params: ActivityParams },
  responses: { 200: jsonOk(Activity, 'Activity with pay rules and their history'), ...errorResponses },
});
const updateRoute = defineRoute({
  method: 'patch', path: '/work/activities/{activityId}', tags, summary: 'Ubah kegiatan / update an activity',
  access: targetRoute('work.write', activityTarget), request: { params: ActivityParams, body: jsonBody(ActivityUpdateInput) },
  responses: { 200: jsonOk(Activity, 'Updated'), ...errorResponses },
});
const payRuleRoute = defineRoute({
  method: 'post', path: '/work/activities/{activityId}/pay-rules', tags,
  summary: 'Tarif premi baru mulai tanggal tertentu / a pay rule from a date',
  description: 'Rules are never edited: a change is a new rule from a date, so the history stays readable. Never below the national floor.',
  access: targetRoute('work.write', activityTarget), request: { params: ActivityParams, body: jsonBody(PayRuleInput) },
  responses: { 201: jsonOk(Activity, 'Activity with the new rule'), ...errorResponses },
});

const COLUMNS: Record<string, string> = {
  name: 'name', category: 'category', placeKind: 'place_kind', placeName: 'place_name', capacity: 'capacity', weekdays: 'weekdays',
  sessions: 'sessions', partnerName: 'partner_name', outside: 'outside', openToDetainees: 'open_to_detainees',
  lapasIndustri: 'lapas_industri', industri: 'industri', active: 'active',
};

export function activityRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    const params: unknown[] = [];
    const conds = [scopeCondition(currentUser(c).scope, { kanwil: 'a.kanwil_id', upt: 'a.upt_id' }, params)];
    if (q.uptId) conds.push(`a.upt_id = $${params.push(q.uptId)}`);
    if (q.category) conds.push(`a.category = $${params.push(q.category)}`);
    if (q.active !== 'all') conds.push(`a.active = $${params.push(q.active === 'true')}`);
    const { db } = c.get('services');
    const rows = await listActivities(db, conds.join(' AND '), params);
    return c.json({ items: rows.map((r) => toActivity(r, [], [])) }, 200);
  });
  app.openapi(createRouteDef, async (c) => {
    const input = c.req.valid('json');
    const { db } = c.get('services');
    const id = await db.tx(async (tx) => {
      const upt = await resolveOwnUpt(c, tx, input.uptId);
      if (await tx.one('SELECT 1 FROM work_activity WHERE upt_id = $1 AND name = $2', [upt.id, input.name])) throw new AppError(409, 'DUPLICATE', { name: 'invalid' });
      const row = await tx.one<{ id: number }>(
        `INSERT INTO work_activity (upt_id, kanwil_id, name, category, place_kind, place_name, capacity, weekdays, sessions, partner_name, outside,
           open_to_detainees, lapas_industri, industri) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14::jsonb) RETURNING id`,
        [upt.id, upt.kanwil_id, input.name, input.category, input.placeKind, input.placeName ?? null, input.capacity, input.weekdays, input.sessions,
          input.partnerName ?? null, input.outside, input.openToDetainees, input.lapasIndustri, input.industri ? JSON.stringify(input.industri) : null],
      );
      const after = await findActivity(tx, row!.id);
      await recordAudit(tx, actorOf(c), { entity: 'work_activity', entityId: row!.id, action: 'create', after, scope: { kanwilId: upt.kanwil_id, uptId: upt.id } });
      return row!.id;
    });
    return c.json(await describeActivity(c, db, id), 201);
  });
  app.openapi(getRoute, async (c) => c.json(await describeActivity(c, c.get('services').db, activityIdOf(c)), 200));
  app.openapi(updateRoute, async (c) => {
    const input = c.req.valid('json');
    const id = activityIdOf(c);
    const { db } = c.get('services');
    await db.tx(async (tx) => {
      const before = await findActivity(tx, id);
      if (!before) throw notFound();
      const params: unknown[] = [id, input.version];
      const sets = Object.entries(input)
        .filter(([k, v]) => v !== undefined && COLUMNS[k])
        .map(([k, v]) => `${COLUMNS[k]} = $${params.push(k === 'industri' && v !== null ? JSON.stringify(v) : v)}${k === 'industri' ? '::jsonb' : ''}`);
      const ok = await tx.one(`UPDATE work_activity SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1 AND version = $2 RETURNING id`, params);
      if (!ok) throw versionConflict();
      if (input.category !== undefined && input.category !== before.category) await moveActivityCategory(tx, id, before.category, input.category);
      const after = await findActivity(tx, id);
      await recordAudit(tx, actorOf(c), { entity: 'work_activity', entityId: id, action: 'update', before, after, scope: { kanwilId: before.kanwil_id, uptId: before.upt_id } });
    });
    return c.json(await describeActivity(c, db, id), 200);
  });
  app.openapi(payRuleRoute, async (c) => {
    const input = c.req.valid('json');
    const id = activityIdOf(c);
    const { db } = c.get('services');
    await db.tx(async (tx) => {
      const activity = await findActivity(tx, id);
      if (!activity) throw notFound();
      const existing = (await payRules(tx, id)).map(toRule);
      const rule: PayRule = { effectiveFrom: input.effectiveFrom, kind: input.kind, rateRupiah: input.rateRupiah, ...(input.hoursPerSession ? { hoursPerSession: input.hoursPerSession } : {}) };
      const problems = validatePayRule(rule, { floors: await payFloors(tx), existing });
      const first = problems[0];
      if (first) throw new AppError(400, 'VALIDATION', { [first.code === 'duplicate_date' ? 'effectiveFrom' : 'rateRupiah']: { id: first.id, en: first.en } });
      await tx.query('INSERT INTO pay_rule (activity_id, effective_from, kind, rate_rupiah, hours_per_session, created_by) VALUES ($1,$2,$3,$4,$5,$6)', [
        id, input.effectiveFrom, input.kind, input.rateRupiah, input.hoursPerSession ?? null, currentUser(c).id,
      ]);
      await recordAudit(tx, actorOf(c), { entity: 'pay_rule', entityId: `${id}:${input.effectiveFrom}`, action: 'create', after: input, scope: { kanwilId: activity.kanwil_id, uptId: activity.upt_id } });
    });
    return c.json(await describeActivity(c, db, id), 201);
  });
}
