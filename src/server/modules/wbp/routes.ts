import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { PositiveId, pageOf } from '../../../shared/schemas/common.ts';
import {
  DetentionOrderInput,
  RegisterFInput,
  ReleaseInput,
  SentenceCreateInput,
  TransferInput,
  WbpCreateInput,
  WbpDetail,
  WbpListQuery,
  WbpSummary,
  WbpUpdateInput,
} from '../../../shared/schemas/wbp.ts';
import { filteredRoute, ownScopeRoute, targetRoute, type TargetResolver } from '../../http/access.ts';
import { currentUser } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { errorResponses, jsonBody, jsonOk } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { describeWbp } from './detail.ts';
import { listWbp } from './queries.ts';
import { addDetentionOrder, addRegisterF, addSentence, createWbp, releaseWbp, transferWbp, updateWbp } from './service.ts';

const tags = ['WBP'];
const Params = z.object({ wbpId: PositiveId });

export const wbpTarget: TargetResolver = async (c) => {
  const row = await c
    .get('services')
    .db.one<{ kanwil_id: number; upt_id: number }>('SELECT kanwil_id, upt_id FROM wbp WHERE id = $1', [Number(c.req.param('wbpId'))]);
  return row ? { kanwilId: row.kanwil_id, uptId: row.upt_id } : undefined;
};

const detailOk = { 200: jsonOk(WbpDetail, 'The inmate with records and computed dates'), ...errorResponses };
const wbpId = (c: Context<AppEnv>) => Number(c.req.param('wbpId'));

const listRoute = defineRoute({
  method: 'get',
  path: '/wbp',
  tags,
  summary: 'Daftar & cari WBP / list and search inmates',
  description: 'Search matches the start of the register number or any part of the name, ignoring case and accents.',
  access: filteredRoute('wbp.read'),
  request: { query: WbpListQuery },
  responses: { 200: jsonOk(pageOf(WbpSummary), 'Inmates in the caller’s scope'), ...errorResponses },
});

const getRoute = defineRoute({
  method: 'get',
  path: '/wbp/{wbpId}',
  tags,
  summary: 'Rincian WBP dan tanggal-tanggalnya / an inmate with dates and breakdown',
  access: targetRoute('wbp.read', wbpTarget),
  request: { params: Params },
  responses: detailOk,
});

const createRouteDef = defineRoute({
  method: 'post',
  path: '/wbp',
  tags,
  summary: 'Catat WBP baru / record a new inmate',
  access: ownScopeRoute('wbp.write'),
  request: { body: jsonBody(WbpCreateInput) },
  responses: { 201: jsonOk(WbpDetail, 'Created'), ...errorResponses },
});

const write = <B extends z.ZodType>(path: string, summary: string, body: B) =>
  defineRoute({
    method: path === '' ? 'patch' : 'post',
    path: `/wbp/{wbpId}${path}`,
    tags,
    summary,
    access: targetRoute('wbp.write', wbpTarget),
    request: { params: Params, body: jsonBody(body) },
    responses: detailOk,
  });

const updateRoute = write('', 'Ubah data WBP / update an inmate', WbpUpdateInput);
const sentenceRoute = write('/sentences', 'Tambah putusan (termasuk banding/PK) / add a verdict', SentenceCreateInput);
const detentionRoute = write('/detention-orders', 'Tambah surat perintah penahanan atau perpanjangan / add a detention order', DetentionOrderInput);
const registerFRoute = write('/register-f', 'Catat hukuman disiplin (register F) / record a disciplinary punishment', RegisterFInput);
const releaseRoute = write('/release', 'Catat pembebasan / record a release', ReleaseInput);
const transferRoute = defineRoute({
  method: 'post',
  path: '/wbp/{wbpId}/transfer',
  tags,
  summary: 'Pindahkan ke UPT lain / transfer to another unit',
  description: 'Answers only the destination: after the move the record belongs to the receiving UPT.',
  access: targetRoute('wbp.write', wbpTarget),
  request: { params: Params, body: jsonBody(TransferInput) },
  responses: { 200: jsonOk(z.object({ ok: z.literal(true), toUptId: z.number().int() }), 'Transferred'), ...errorResponses },
});

async function detail(c: Context<AppEnv>, id: number, status: 200 | 201 = 200) {
  const d = await describeWbp(c, id);
  if (!d) throw notFound();
  return c.json(d, status);
}

export function wbpRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    return c.json({ ...(await listWbp(c.get('services').db, q, currentUser(c).scope)), page: q.page, pageSize: q.pageSize }, 200);
  });
  app.openapi(getRoute, (c) => detail(c, wbpId(c)) as never);
  app.openapi(createRouteDef, async (c) => detail(c, await createWbp(c, c.req.valid('json')), 201) as never);
  app.openapi(updateRoute, async (c) => {
    await updateWbp(c, wbpId(c), c.req.valid('json'));
    return detail(c, wbpId(c)) as never;
  });
  app.openapi(sentenceRoute, async (c) => {
    await addSentence(c, wbpId(c), c.req.valid('json'));
    return detail(c, wbpId(c)) as never;
  });
  app.openapi(detentionRoute, async (c) => {
    await addDetentionOrder(c, wbpId(c), c.req.valid('json'));
    return detail(c, wbpId(c)) as never;
  });
  app.openapi(registerFRoute, async (c) => {
    await addRegisterF(c, wbpId(c), c.req.valid('json'));
    return detail(c, wbpId(c)) as never;
  });
  app.openapi(releaseRoute, async (c) => {
    await releaseWbp(c, wbpId(c), c.req.valid('json'));
    return detail(c, wbpId(c)) as never;
  });
  app.openapi(transferRoute, async (c) => {
    const body = c.req.valid('json');
    await transferWbp(c, wbpId(c), body);
    return c.json({ ok: true as const, toUptId: body.toUptId }, 200);
  });
}
