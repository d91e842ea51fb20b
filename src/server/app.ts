import { randomUUID } from 'node:crypto';
import { OpenAPIHono } from '@hono/zod-openapi';
import { getCookie } from 'hono/cookie';
import { routePath } from 'hono/route';
import { pickLang } from '../shared/i18n/lang.ts';
import { loadSessionUser } from './auth/session.ts';
import type { AppEnv, Services } from './http/context.ts';
import { onError, validationHook } from './http/errors-handler.ts';
import { httpDuration } from './http/metrics.ts';
import { API_BASE } from './http/route.ts';
import { UPLOAD_BODY_LIMIT, limitBody } from './http/input-guard.ts';
import { errorJson } from './http/errors-handler.ts';
import { registerModules } from './modules/index.ts';
import { opsRoutes } from './modules/ops/routes.ts';
import { docsRoutes } from './modules/docs/routes.ts';
import { cataloguePages } from './modules/catalogue/pages/routes.ts';
import { webRoutes } from './web.ts';
import { publicPageRoutes } from './modules/indicators/public-page.ts';

export const LANG_COOKIE = 'giatja_lang';

/** Composes the whole HTTP app. Stateless: everything that must survive lives in PostgreSQL. */
export function createApp(services: Services, opts: { webDir?: string } = {}) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.use('*', async (c, next) => {
    const start = performance.now();
    c.set('services', services);
    c.set('requestId', c.req.header('x-request-id')?.slice(0, 64) || randomUUID());
    c.set('lang', pickLang(getCookie(c, LANG_COOKIE), c.req.header('accept-language')));
    c.set('user', c.req.path.startsWith(API_BASE) ? await loadSessionUser(services.db, c) : undefined);
    await next();
    c.header('x-request-id', c.get('requestId'));
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'same-origin');
    c.header('x-frame-options', 'DENY');
    if (c.req.path.startsWith(API_BASE)) c.header('cache-control', 'no-store');
    const seconds = (performance.now() - start) / 1000;
    httpDuration.observe({ method: c.req.method, route: routePath(c), status: String(c.res.status) }, seconds);
  });

  // An outer cap for every route (pages and forms outside the API too); API routes set their own, smaller.
  app.use('*', limitBody(UPLOAD_BODY_LIMIT));

  const api = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  registerModules(api);
  app.route(API_BASE, api);
  app.openAPIRegistry.registerComponent('securitySchemes', 'cookieAuth', { type: 'apiKey', in: 'cookie', name: 'giatja_sid' });

  opsRoutes(app);
  docsRoutes(app, api);
  cataloguePages(app);
  publicPageRoutes(app);
  app.notFound((c) => errorJson(c, 404, 'NOT_FOUND'));
  if (opts.webDir) webRoutes(app, opts.webDir);
  app.onError(onError);
  return app;
}

export type GiatjaApp = ReturnType<typeof createApp>;
