import type { OpenAPIHono, RouteConfig } from '@hono/zod-openapi';
import { createRoute } from '@hono/zod-openapi';
import { ACCESS_REGISTRY, routeKey, type Access } from './access.ts';
import { authorize } from './authorize.ts';
import type { AppEnv } from './context.ts';

/** Every module's routes live under this prefix. */
export const API_BASE = '/api/v1';

/** Hono's path syntax for an OpenAPI path: `/upts/{uptId}` → `/upts/:uptId`. */
export const honoPath = (p: string) => p.replaceAll(/\/{(.+?)}/g, '/:$1');

/**
 * Declares a route: its OpenAPI description, its access rule (registered for the permission
 * test and enforced before validation), and nothing else. Modules call this, never
 * `app.openapi` directly.
 */
export function defineRoute<R extends RouteConfig>(config: R & { access: Access }): R {
  const { access, ...rest } = config;
  ACCESS_REGISTRY.set(routeKey(rest.method, API_BASE + honoPath(rest.path)), access);
  const security = access.kind === 'public' ? [] : [{ cookieAuth: [] }];
  const description = [rest.description, accessDescription(access)].filter(Boolean).join('\n\n');
  return createRoute({ ...rest, security, description, middleware: [authorize(access)] } as unknown as R);
}

function accessDescription(a: Access): string {
  if (a.kind === 'public') return `Akses: publik (${a.reason}).`;
  if (a.kind === 'self') return 'Akses: pengguna yang masuk, atas akunnya sendiri.';
  return `Akses: izin \`${a.action}\`, cakupan \`${a.scope}\`.`;
}

export type ModuleRouter = OpenAPIHono<AppEnv>;
