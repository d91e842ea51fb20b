import type { OpenAPIHono, RouteConfig } from '@hono/zod-openapi';
import { createRoute } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { ACCESS_REGISTRY, routeKey, type Access } from './access.ts';
import { authorize } from './authorize.ts';
import type { AppEnv } from './context.ts';
import { validationHook } from './errors-handler.ts';
import { JSON_BODY_LIMIT, UPLOAD_BODY_LIMIT, limitBody, refuseUnstorableText } from './input-guard.ts';

/** Every module's routes live under this prefix. */
export const API_BASE = '/api/v1';

/** Hono's path syntax for an OpenAPI path: `/upts/{uptId}` → `/upts/:uptId`. */
export const honoPath = (p: string) => p.replaceAll(/\/{(.+?)}/g, '/:$1');

export interface DeclaredRoute {
  method: string;
  /** Hono path under the API prefix, e.g. `/api/v1/wbp/:wbpId`. */
  path: string;
  access: Access;
  request: RouteConfig['request'];
}

/** Every declared route with its request schemas: what the input tests walk. */
export const ROUTE_REGISTRY = new Map<string, DeclaredRoute>();

/**
 * Declares a route: its OpenAPI description, its access rule (registered for the permission
 * test and enforced before the body is read), and nothing else. Modules call this, never
 * `app.openapi` directly.
 *
 * Path parameters are checked against their schema first, before authorisation, whose scope
 * check reads the record by its id: a malformed id is a 400 without any database read. A route
 * with path parameters must declare their schema. Bodies are limited before parsing (JSON
 * 256 KB unless the route sets `bodyLimit`, uploads 21 MB), and text PostgreSQL cannot store as
 * sent (NUL, lone surrogates) is refused in every query value and body string.
 */
export function defineRoute<R extends RouteConfig>(config: R & { access: Access; bodyLimit?: number }): R {
  const { access, bodyLimit, ...rest } = config;
  const key = routeKey(rest.method, API_BASE + honoPath(rest.path));
  ACCESS_REGISTRY.set(key, access);
  ROUTE_REGISTRY.set(key, { method: rest.method.toUpperCase(), path: API_BASE + honoPath(rest.path), access, request: rest.request });
  const params = (rest.request as { params?: z.ZodType } | undefined)?.params;
  if (/{\w+}/.test(rest.path) && !params) throw new Error(`${key}: path parameters need a schema (request.params)`);
  const security = access.kind === 'public' ? [] : [{ cookieAuth: [] }];
  const description = [rest.description, accessDescription(access)].filter(Boolean).join('\n\n');
  const body = (rest.request?.body as { content?: Record<string, unknown> } | undefined)?.content ?? {};
  const limit = bodyLimit ?? ('multipart/form-data' in body ? UPLOAD_BODY_LIMIT : JSON_BODY_LIMIT);
  // Cheap checks first: the path, then the size (before any byte is parsed), then who may call,
  // then every text of the query and body (read only for a caller who may use the route).
  const middleware = [...(params ? [checkParams(params)] : []), limitBody(limit), authorize(access), refuseUnstorableText()];
  return createRoute({ ...rest, security, description, middleware } as unknown as R);
}

/** Path parameters checked against `schema`: 400 with field errors, before anything else runs. */
export function checkParams(schema: z.ZodType): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // The same 400 as the route's own validators give.
    return validationHook(schema.safeParse(c.req.param()), c) ?? next();
  };
}

function accessDescription(a: Access): string {
  if (a.kind === 'public') return `Akses: publik (${a.reason}).`;
  if (a.kind === 'self') return 'Akses: pengguna yang masuk, atas akunnya sendiri.';
  return `Akses: izin \`${a.action}\`, cakupan \`${a.scope}\`.`;
}

export type ModuleRouter = OpenAPIHono<AppEnv>;
