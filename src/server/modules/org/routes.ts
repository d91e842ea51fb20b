import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { Context } from 'hono';
import { AuditEntry } from '../../../shared/schemas/audit.ts';
import { PositiveId, pageOf } from '../../../shared/schemas/common.ts';
import { Kanwil, KanwilUpdateInput, Province, Upt, UptCreateInput, UptListQuery, UptUpdateInput } from '../../../shared/schemas/org.ts';
import { nationalRoute, referenceRoute, type TargetResolver } from '../../http/access.ts';
import { currentUser } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { errorResponses, jsonBody, jsonOk } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { searchAudit } from '../audit/queries.ts';
import { findUpt, listKanwils, listUpts } from './queries.ts';
import { createUpt, updateKanwil, updateUpt } from './service.ts';

const tags = ['Organisasi / Organisation'];
const UptParams = z.object({ uptId: PositiveId });
const KanwilParams = z.object({ kanwilId: PositiveId });
const uptIdOf = (c: Context<AppEnv>) => Number(c.req.param('uptId'));

/** Scope of a UPT record (for routes about one UPT). */
export const uptTarget: TargetResolver = async (c) => {
  const upt = await findUpt(c.get('services').db, uptIdOf(c));
  return upt ? { kanwilId: upt.kanwilId, uptId: upt.id } : undefined;
};

const provincesRoute = defineRoute({
  method: 'get',
  path: '/org/provinces',
  tags,
  summary: 'Daftar provinsi / provinces',
  access: referenceRoute('org.read'),
  responses: { 200: jsonOk(z.object({ items: z.array(Province) }), 'Provinces'), ...errorResponses },
});

const kanwilsRoute = defineRoute({
  method: 'get',
  path: '/org/kanwils',
  tags,
  summary: 'Daftar Kanwil / regional offices',
  access: referenceRoute('org.read'),
  responses: { 200: jsonOk(z.object({ items: z.array(Kanwil) }), 'Kanwils with UPT counts'), ...errorResponses },
});

const kanwilUpdateRoute = defineRoute({
  method: 'patch',
  path: '/org/kanwils/{kanwilId}',
  tags,
  summary: 'Ubah Kanwil / update a regional office',
  access: nationalRoute('org.write'),
  request: { params: KanwilParams, body: jsonBody(KanwilUpdateInput) },
  responses: { 200: jsonOk(z.object({ id: z.number() }).loose(), 'Updated'), ...errorResponses },
});

const uptsRoute = defineRoute({
  method: 'get',
  path: '/org/upts',
  tags,
  summary: 'Daftar UPT / units',
  access: referenceRoute('org.read'),
  request: { query: UptListQuery },
  responses: { 200: jsonOk(pageOf(Upt), 'UPTs'), ...errorResponses },
});

const uptRoute = defineRoute({
  method: 'get',
  path: '/org/upts/{uptId}',
  tags,
  summary: 'Rincian UPT / unit detail',
  access: referenceRoute('org.read'),
  request: { params: UptParams },
  responses: { 200: jsonOk(Upt, 'UPT'), ...errorResponses },
});

const uptCreateRoute = defineRoute({
  method: 'post',
  path: '/org/upts',
  tags,
  summary: 'Tambah UPT / add a unit',
  access: nationalRoute('org.write'),
  request: { body: jsonBody(UptCreateInput) },
  responses: { 201: jsonOk(Upt, 'Created'), ...errorResponses },
});

const uptUpdateRoute = defineRoute({
  method: 'patch',
  path: '/org/upts/{uptId}',
  tags,
  summary: 'Ubah UPT / update a unit',
  description: 'Send the `version` you loaded; a newer version on the server answers 409 CONFLICT_VERSION and changes nothing.',
  access: nationalRoute('org.write'),
  request: { params: UptParams, body: jsonBody(UptUpdateInput) },
  responses: { 200: jsonOk(Upt, 'Updated'), ...errorResponses },
});

const uptHistoryRoute = defineRoute({
  method: 'get',
  path: '/org/upts/{uptId}/history',
  tags,
  summary: 'Riwayat perubahan UPT / change history of a unit',
  access: referenceRoute('org.read'),
  request: { params: UptParams },
  responses: { 200: jsonOk(z.object({ items: z.array(AuditEntry) }), 'Changes, newest first'), ...errorResponses },
});

export function orgRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(provincesRoute, async (c) =>
    c.json({ items: await c.get('services').db.query<{ code: string; name: string }>('SELECT code, name FROM province ORDER BY code') }, 200),
  );
  app.openapi(kanwilsRoute, async (c) => c.json({ items: await listKanwils(c.get('services').db) }, 200));
  app.openapi(kanwilUpdateRoute, async (c) => {
    const after = await updateKanwil(c, c.req.valid('param').kanwilId, c.req.valid('json'));
    return c.json(after as { id: number }, 200);
  });
  app.openapi(uptsRoute, async (c) => {
    const q = c.req.valid('query');
    return c.json({ ...(await listUpts(c.get('services').db, q)), page: q.page, pageSize: q.pageSize }, 200);
  });
  app.openapi(uptRoute, async (c) => {
    const upt = await findUpt(c.get('services').db, c.req.valid('param').uptId);
    if (!upt) throw notFound();
    return c.json(upt, 200);
  });
  app.openapi(uptCreateRoute, async (c) => c.json(await createUpt(c, c.req.valid('json')), 201));
  app.openapi(uptUpdateRoute, async (c) => c.json(await updateUpt(c, c.req.valid('param').uptId, c.req.valid('json')), 200));
  app.openapi(uptHistoryRoute, async (c) => {
    const uptId = c.req.valid('param').uptId;
    const user = currentUser(c);
    // The organisation record is reference data: its history is visible to all who read it.
    const { items } = await searchAudit(
      c.get('services').db,
      { entity: 'upt', entityId: String(uptId), page: 1, pageSize: 200 },
      { role: user.role, scope: { level: 'national' } },
    );
    return c.json({ items }, 200);
  });
}
