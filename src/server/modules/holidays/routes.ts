import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { Holiday, HolidayInput, HolidayKey, HolidayQuery } from '../../../shared/schemas/holidays.ts';
import { recordAudit } from '../../audit/trail.ts';
import { nationalRoute, referenceRoute } from '../../http/access.ts';
import { actorOf } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { errorResponses, jsonBody, jsonOk } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';

const tags = ['Hari raya / Holidays'];

const listRoute = defineRoute({
  method: 'get',
  path: '/holidays',
  tags,
  summary: 'Hari libur & hari raya (dasar remisi khusus) / holidays (remisi khusus occasions)',
  access: referenceRoute('calculation.run'),
  request: { query: HolidayQuery },
  responses: { 200: jsonOk(z.object({ items: z.array(Holiday) }), 'Holidays by date'), ...errorResponses },
});

const addRoute = defineRoute({
  method: 'post',
  path: '/holidays',
  tags,
  summary: 'Tambah hari raya / add a holiday',
  description: 'Holiday dates decide remisi khusus occasions; a new year’s joint decree is entered here.',
  access: nationalRoute('holiday.write'),
  request: { body: jsonBody(HolidayInput) },
  responses: { 201: jsonOk(Holiday, 'Added'), ...errorResponses },
});

const removeRoute = defineRoute({
  method: 'post',
  path: '/holidays/remove',
  tags,
  summary: 'Hapus hari raya / remove a holiday',
  access: nationalRoute('holiday.write'),
  request: { body: jsonBody(HolidayKey) },
  responses: { 200: jsonOk(z.object({ ok: z.literal(true) }), 'Removed'), ...errorResponses },
});

export function holidayRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(listRoute, async (c) => {
    const { year } = c.req.valid('query');
    const items = await c.get('services').db.query<Holiday>(
      `SELECT date::text AS date, name, national, source FROM holiday
        WHERE $1::int IS NULL OR extract(year FROM date) = $1 ORDER BY date, name`,
      [year ?? null],
    );
    return c.json({ items }, 200);
  });
  app.openapi(addRoute, async (c) => {
    const h = c.req.valid('json');
    const row = await c.get('services').db.tx(async (tx) => {
      if (await tx.one('SELECT 1 FROM holiday WHERE date = $1 AND name = $2', [h.date, h.name])) throw new AppError(409, 'DUPLICATE');
      const r = await tx.one<Holiday>(
        `INSERT INTO holiday (date, name, national, source) VALUES ($1, $2, $3, 'manual') RETURNING date::text AS date, name, national, source`,
        [h.date, h.name, h.national],
      );
      await recordAudit(tx, actorOf(c), { entity: 'holiday', entityId: `${h.date} ${h.name}`, action: 'create', after: r });
      return r!;
    });
    return c.json(row, 201);
  });
  app.openapi(removeRoute, async (c) => {
    const h = c.req.valid('json');
    await c.get('services').db.tx(async (tx) => {
      const before = await tx.one('DELETE FROM holiday WHERE date = $1 AND name = $2 RETURNING date::text AS date, name, national, source', [h.date, h.name]);
      if (!before) throw notFound();
      await recordAudit(tx, actorOf(c), { entity: 'holiday', entityId: `${h.date} ${h.name}`, action: 'delete', before });
    });
    return c.json({ ok: true as const }, 200);
  });
}
