import type { OpenAPIHono } from '@hono/zod-openapi';
import { declarePlainRoute, publicRoute } from '../../http/access.ts';
import type { AppEnv } from '../../http/context.ts';
import { metricsRegistry } from '../../http/metrics.ts';
import { errorJson } from '../../http/errors-handler.ts';

/** Liveness, readiness and Prometheus metrics, for the load balancer and monitoring. */
export function opsRoutes(app: OpenAPIHono<AppEnv>): void {
  declarePlainRoute('GET', '/healthz', publicRoute('liveness probe; says only that the process runs'));
  app.get('/healthz', (c) => c.json({ status: 'ok' }));

  declarePlainRoute('GET', '/readyz', publicRoute('readiness probe; says only whether the database answers'));
  app.get('/readyz', async (c) => {
    try {
      await c.get('services').db.query('SELECT 1 FROM schema_migration LIMIT 1');
      return c.json({ status: 'ready' });
    } catch {
      return c.json({ status: 'unavailable' }, 503);
    }
  });

  declarePlainRoute('GET', '/metrics', publicRoute('Prometheus scrape; guarded by GIATJA_METRICS_TOKEN when set'));
  app.get('/metrics', async (c) => {
    const token = c.get('services').config.metricsToken;
    if (token && c.req.header('authorization') !== `Bearer ${token}`) return errorJson(c, 401, 'UNAUTHENTICATED');
    return c.text(await metricsRegistry.metrics(), 200, { 'content-type': metricsRegistry.contentType });
  });
}
