import { OpenAPIHono } from '@hono/zod-openapi';
import { ChangePasswordInput, LoginInput, Me, Ok } from '../../../shared/schemas/auth.ts';
import { publicRoute, selfRoute } from '../../http/access.ts';
import { currentUser } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { jsonBody, jsonOk, errorResponses } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { endSession } from '../../auth/session.ts';
import { changePassword, describeMe, login, logoutEverywhere } from './service.ts';

const tags = ['Auth'];

const loginRoute = defineRoute({
  method: 'post',
  path: '/auth/login',
  tags,
  summary: 'Masuk / sign in',
  access: publicRoute('signing in needs no session'),
  request: { body: jsonBody(LoginInput) },
  responses: { 200: jsonOk(Me, 'Signed in'), ...errorResponses },
});

const meRoute = defineRoute({
  method: 'get',
  path: '/auth/me',
  tags,
  summary: 'Pengguna saat ini / current user',
  access: selfRoute({ duringPasswordChange: true }),
  responses: { 200: jsonOk(Me, 'Current user'), ...errorResponses },
});

const logoutRoute = defineRoute({
  method: 'post',
  path: '/auth/logout',
  tags,
  summary: 'Keluar / sign out',
  access: selfRoute({ duringPasswordChange: true }),
  responses: { 200: jsonOk(Ok, 'Signed out'), ...errorResponses },
});

const logoutAllRoute = defineRoute({
  method: 'post',
  path: '/auth/logout-all',
  tags,
  summary: 'Keluar dari semua perangkat / sign out everywhere',
  access: selfRoute({ duringPasswordChange: true }),
  responses: { 200: jsonOk(Ok, 'All sessions ended'), ...errorResponses },
});

const passwordRoute = defineRoute({
  method: 'post',
  path: '/auth/password',
  tags,
  summary: 'Ganti kata sandi / change password',
  access: selfRoute({ duringPasswordChange: true }),
  request: { body: jsonBody(ChangePasswordInput) },
  responses: { 200: jsonOk(Me, 'Password changed'), ...errorResponses },
});

export function authRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(loginRoute, async (c) => {
    const user = await login(c, c.req.valid('json'));
    return c.json(await describeMe(c, user), 200);
  });
  app.openapi(meRoute, async (c) => c.json(await describeMe(c, currentUser(c)), 200));
  app.openapi(logoutRoute, async (c) => {
    await endSession(c.get('services').db, c, currentUser(c).sessionId);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(logoutAllRoute, async (c) => {
    await logoutEverywhere(c, currentUser(c));
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(passwordRoute, async (c) => {
    const user = currentUser(c);
    await changePassword(c, user, c.req.valid('json'));
    return c.json(await describeMe(c, { ...user, mustChangePassword: false }), 200);
  });
}
