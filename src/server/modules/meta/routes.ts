import type { OpenAPIHono } from '@hono/zod-openapi';
import { Meta } from '../../../shared/schemas/meta.ts';
import { publicRoute } from '../../http/access.ts';
import type { AppEnv } from '../../http/context.ts';
import { errorResponses, jsonOk } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';

const metaRoute = defineRoute({
  method: 'get',
  path: '/meta',
  tags: ['Meta'],
  summary: 'Informasi instalasi / installation info',
  access: publicRoute('tells the sign-in page whether demo accounts exist; no data'),
  responses: { 200: jsonOk(Meta, 'Installation info'), ...errorResponses },
});

export function metaRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(metaRoute, (c) => {
    const { config, clock } = c.get('services');
    return c.json({ demo: config.demo, today: clock.today(), version: '0.1.0' }, 200);
  });
}
