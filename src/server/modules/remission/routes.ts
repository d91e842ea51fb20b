import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { scopeCondition } from '../../../shared/access/scope.ts';
import { PositiveId } from '../../../shared/schemas/common.ts';
import { RemissionRun, RemissionRunAction, RemissionRunCreateInput, RemissionRunItem, RemissionRunListQuery } from '../../../shared/schemas/remission.ts';
import { filteredRoute, ownScopeRoute, targetRoute, type TargetResolver } from '../../http/access.ts';
import { currentUser } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { errorResponses, jsonBody, jsonOk } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import type { Action } from '../../../shared/access/roles.ts';
import { exportRun } from './export.ts';
import { actOnRun, createRun, findRun, listRuns, runItems, type RunStep } from './service.ts';

const tags = ['Remisi / Remission runs'];
const Params = z.object({ runId: PositiveId });
const runId = (c: Context<AppEnv>) => Number(c.req.param('runId'));

const runTarget: TargetResolver = async (c) => {
  const r = await c.get('services').db.one<{ kanwil_id: number; upt_id: number }>('SELECT kanwil_id, upt_id FROM remission_run WHERE id = $1', [runId(c)]);
  return r ? { kanwilId: r.kanwil_id, uptId: r.upt_id } : undefined;
};

const RunWithItems = RemissionRun.extend({ items: z.array(RemissionRunItem) });

const listRoute = defineRoute({
  method: 'get',
  path: '/remission-runs',
  tags,
  summary: 'Daftar usulan remisi / remission runs',
  access: filteredRoute('wbp.read'),
  request: { query: RemissionRunListQuery },
  responses: { 200: jsonOk(z.object({ items: z.array(RemissionRun) }), 'Runs in the caller’s scope'), ...errorResponses },
});

const createRouteDef = defineRoute({
  method: 'post',
  path: '/remission-runs',
  tags,
  summary: 'Hitung usulan remisi untuk satu hari remisi / compute a remission run for an occasion',
  description: 'For every sentenced inmate still held in the UPT: eligible or not (with the reason), how much, and who goes home on the day (RU II / RK II).',
  access: ownScopeRoute('remission.propose'),
  request: { body: jsonBody(RemissionRunCreateInput) },
  responses: { 201: jsonOk(RunWithItems, 'The computed run, as a draft'), ...errorResponses },
});

const getRoute = defineRoute({
  method: 'get',
  path: '/remission-runs/{runId}',
  tags,
  summary: 'Rincian usulan remisi / a remission run',
  access: targetRoute('wbp.read', runTarget),
  request: { params: Params },
  responses: { 200: jsonOk(RunWithItems, 'The run with its items'), ...errorResponses },
});

const exportRoute = defineRoute({
  method: 'get',
  path: '/remission-runs/{runId}/export',
  tags,
  summary: 'Unduh daftar (XLSX/PDF) / download the lists',
  access: targetRoute('wbp.read', runTarget),
  request: { params: Params, query: z.object({ format: z.enum(['xlsx', 'pdf']).default('xlsx') }) },
  responses: { 200: { description: 'The file' }, ...errorResponses },
});

const stepRoute = (step: RunStep, action: Action, summary: string) =>
  defineRoute({
    method: 'post',
    path: `/remission-runs/{runId}/${step}`,
    tags,
    summary,
    access: targetRoute(action, runTarget),
    request: { params: Params, body: jsonBody(RemissionRunAction) },
    responses: { 200: jsonOk(RunWithItems, 'The run after the step'), ...errorResponses },
  });

const STEP_ROUTES = [
  stepRoute('propose', 'remission.propose', 'UPT mengusulkan / the unit proposes'),
  stepRoute('verify', 'remission.verify', 'Kanwil memverifikasi atau menolak / the regional office verifies or rejects'),
  stepRoute('approve', 'remission.approve', 'Pusat menyetujui dengan nomor SK, atau menolak / head office approves with the decree, or rejects'),
] as const;

async function withItems(c: Context<AppEnv>, id: number, status: 200 | 201 = 200) {
  const { db } = c.get('services');
  const run = await findRun(db, id);
  if (!run) throw notFound();
  return c.json({ ...run, items: await runItems(db, id) }, status);
}

export function remissionRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    const params: unknown[] = [];
    const conds = [scopeCondition(currentUser(c).scope, { kanwil: 'r.kanwil_id', upt: 'r.upt_id' }, params)];
    if (q.uptId) {
      params.push(q.uptId);
      conds.push(`r.upt_id = $${params.length}`);
    }
    if (q.status) {
      params.push(q.status);
      conds.push(`r.status = $${params.length}`);
    }
    return c.json({ items: await listRuns(c.get('services').db, conds.join(' AND '), params) }, 200);
  });
  app.openapi(createRouteDef, async (c) => withItems(c, await createRun(c, c.req.valid('json')), 201) as never);
  app.openapi(getRoute, (c) => withItems(c, runId(c)) as never);
  app.openapi(exportRoute, async (c) => {
    const { format } = c.req.valid('query');
    const file = await exportRun(c.get('services').db, runId(c), format);
    if (!file) throw notFound();
    return c.body(new Uint8Array(file.body), 200, {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.name}"`,
    }) as never;
  });
  for (const [i, step] of (['propose', 'verify', 'approve'] as const).entries()) {
    app.openapi(STEP_ROUTES[i]!, async (c) => {
      await actOnRun(c, runId(c), step, c.req.valid('json'));
      return withItems(c, runId(c)) as never;
    });
  }
}
