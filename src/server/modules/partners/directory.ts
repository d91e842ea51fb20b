import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { scopeCondition } from '../../../shared/access/scope.ts';
import { Partner, PartnerDetail, PartnerIdParams, PartnerInput, PartnerListQuery, PartnerUpdateInput } from '../../../shared/schemas/partners.ts';
import { recordAudit } from '../../audit/trail.ts';
import { likeLiteral } from '../../db/like.ts';
import type { Queryable } from '../../db/pool.ts';
import { filteredRoute, ownScopeRoute, targetRoute } from '../../http/access.ts';
import { actorOf, currentUser } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { AppError, invalidField, notFound, versionConflict } from '../../http/errors.ts';
import { errorResponses, jsonBody, jsonOk } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import type { Context } from 'hono';
import { agreementsOf, contributionsOf, findPartner, PARTNER_SELECT } from './queries.ts';
import { partnerTarget, resolvePartnerScope, type PartnerScope } from './scope.ts';

export const tags = ['Kemitraan / Partners'];

const listRoute = defineRoute({
  method: 'get', path: '/partners', tags, summary: 'Direktori mitra / partner directory',
  description: 'Partners in the caller’s scope, grouped by province in the screen (UPT’s province, else the Kanwil’s).',
  access: filteredRoute('partner.read'), request: { query: PartnerListQuery },
  responses: { 200: jsonOk(z.object({ items: z.array(Partner) }), 'Partners in scope'), ...errorResponses },
});
const createRoute = defineRoute({
  method: 'post', path: '/partners', tags, summary: 'Tambah mitra / add a partner',
  description: 'In a UPT or Bapas, a Kanwil, or nationally (national users, nothing given). Pokmas Lipas members name their group.',
  access: ownScopeRoute('partner.write'), request: { body: jsonBody(PartnerInput) },
  responses: { 201: jsonOk(PartnerDetail, 'Created'), ...errorResponses },
});
const getRoute = defineRoute({
  method: 'get', path: '/partners/{partnerId}', tags, summary: 'Rincian mitra / partner with agreements and contributions',
  access: targetRoute('partner.read', partnerTarget), request: { params: PartnerIdParams },
  responses: { 200: jsonOk(PartnerDetail, 'Partner'), ...errorResponses },
});
const updateRoute = defineRoute({
  method: 'patch', path: '/partners/{partnerId}', tags, summary: 'Ubah mitra / update a partner',
  access: targetRoute('partner.write', partnerTarget), request: { params: PartnerIdParams, body: jsonBody(PartnerUpdateInput) },
  responses: { 200: jsonOk(PartnerDetail, 'Updated'), ...errorResponses },
});

export async function describePartner(c: Context<AppEnv>, db: Queryable, id: number) {
  const p = await findPartner(db, id);
  if (!p) throw notFound();
  const today = c.get('services').clock.today();
  return { ...p, contributionsRupiah: Number(p.contributionsRupiah), agreementList: await agreementsOf(db, id, today), contributions: await contributionsOf(db, id, currentUser(c).role) };
}

/** A Pokmas Lipas member joins a group of its own Bapas. */
async function checkGroup(tx: Queryable, groupId: number | null | undefined, scope: PartnerScope) {
  if (!groupId) return;
  const g = await tx.one<{ upt_id: number }>('SELECT upt_id FROM pokmas_group WHERE id = $1', [groupId]);
  if (!g || g.upt_id !== scope.uptId) throw invalidField('pokmasGroupId', 'not_in_scope_record');
}

const COLUMNS: Record<string, string> = {
  name: 'name', kind: 'kind', pokmasGroupId: 'pokmas_group_id', provinceCode: 'province_code', contactName: 'contact_name', contactPhone: 'contact_phone',
  contactEmail: 'contact_email', address: 'address', active: 'active',
};

export function directoryRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    const params: unknown[] = [];
    const conds = [scopeCondition(currentUser(c).scope, { kanwil: 'p.kanwil_id', upt: 'p.upt_id' }, params)];
    if (q.kind) conds.push(`p.kind = $${params.push(q.kind)}`);
    if (q.provinceCode) conds.push(`COALESCE(p.province_code, rg.province_code, k.province_code) = $${params.push(q.provinceCode)}`);
    if (q.q) conds.push(`p.name ILIKE $${params.push(`%${likeLiteral(q.q)}%`)}`);
    const items = await c.get('services').db.query<Partner>(`${PARTNER_SELECT} WHERE ${conds.join(' AND ')} ORDER BY "provinceName" NULLS FIRST, p.name LIMIT 1000`, params);
    return c.json({ items: items.map((p) => ({ ...p, contributionsRupiah: Number(p.contributionsRupiah) })) }, 200);
  });
  app.openapi(createRoute, async (c) => {
    const input = c.req.valid('json');
    const { db } = c.get('services');
    const id = await db.tx(async (tx) => {
      const scope = await resolvePartnerScope(c, tx, input.uptId, input.kanwilId);
      await checkGroup(tx, input.pokmasGroupId, scope);
      if (input.provinceCode && !(await tx.one('SELECT 1 FROM province WHERE code = $1', [input.provinceCode]))) throw invalidField('provinceCode', 'invalid');
      if (await tx.one('SELECT 1 FROM partner WHERE lower(name) = lower($1) AND upt_id IS NOT DISTINCT FROM $2 AND kanwil_id IS NOT DISTINCT FROM $3', [input.name, scope.uptId, scope.kanwilId])) {
        throw new AppError(409, 'DUPLICATE', { name: 'invalid' });
      }
      const row = await tx.one<{ id: number }>(
        `INSERT INTO partner (upt_id, kanwil_id, province_code, name, kind, pokmas_group_id, contact_name, contact_phone, contact_email, address)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id`,
        [scope.uptId, scope.kanwilId, input.provinceCode ?? null, input.name, input.kind, input.pokmasGroupId ?? null, input.contactName ?? null, input.contactPhone ?? null, input.contactEmail ?? null, input.address ?? null],
      );
      await recordAudit(tx, actorOf(c), { entity: 'partner', entityId: row!.id, action: 'create', after: input, scope });
      return row!.id;
    });
    return c.json(await describePartner(c, db, id), 201);
  });
  app.openapi(getRoute, async (c) => c.json(await describePartner(c, c.get('services').db, c.req.valid('param').partnerId), 200));
  app.openapi(updateRoute, async (c) => {
    const input = c.req.valid('json');
    const id = c.req.valid('param').partnerId;
    const { db } = c.get('services');
    await db.tx(async (tx) => {
      const before = await tx.one<{ upt_id: number | null; kanwil_id: number | null; kind: string }>('SELECT * FROM partner WHERE id = $1', [id]);
      if (!before) throw notFound();
      const scope = { uptId: before.upt_id, kanwilId: before.kanwil_id };
      await checkGroup(tx, input.pokmasGroupId, scope);
      if (input.pokmasGroupId && (input.kind ?? before.kind) !== 'pokmas_lipas') throw invalidField('pokmasGroupId', 'invalid');
      const params: unknown[] = [id, input.version];
      const sets = Object.entries(input).filter(([k, v]) => v !== undefined && COLUMNS[k]).map(([k, v]) => `${COLUMNS[k]} = $${params.push(v)}`);
      // A partner that stops being a Pokmas Lipas member leaves its group.
      if (input.kind && input.kind !== 'pokmas_lipas' && input.pokmasGroupId === undefined) sets.push('pokmas_group_id = NULL');
      const ok = await tx.one(`UPDATE partner SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1 AND version = $2 RETURNING id`, params);
      if (!ok) throw versionConflict();
      await recordAudit(tx, actorOf(c), { entity: 'partner', entityId: id, action: 'update', before, after: input, scope });
    });
    return c.json(await describePartner(c, db, id), 200);
  });
}
