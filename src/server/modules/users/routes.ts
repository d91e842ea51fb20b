import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { PositiveId, pageOf } from '../../../shared/schemas/common.ts';
import { ResetPasswordInput, User, UserCreateInput, UserListQuery, UserUpdateInput } from '../../../shared/schemas/users.ts';
import { filteredRoute, nationalRoute, targetRoute, type TargetResolver } from '../../http/access.ts';
import { currentUser } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { errorResponses, jsonBody, jsonOk } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { findUser, listUsers } from './queries.ts';
import { createUser, resetPassword, revokeSessions, unlockUser, updateUser } from './service.ts';

const tags = ['Pengguna / Users'];
const Params = z.object({ userId: PositiveId });

const userTarget: TargetResolver = async (c) => {
  const u = await findUser(c.get('services').db, Number(c.req.param('userId')));
  return u ? { kanwilId: u.kanwilId, uptId: u.uptId } : undefined;
};

const listRoute = defineRoute({
  method: 'get',
  path: '/users',
  tags,
  summary: 'Daftar pengguna / users',
  access: filteredRoute('user.read'),
  request: { query: UserListQuery },
  responses: { 200: jsonOk(pageOf(User), 'Users in the caller’s scope'), ...errorResponses },
});

const getRoute = defineRoute({
  method: 'get',
  path: '/users/{userId}',
  tags,
  summary: 'Rincian pengguna / user detail',
  access: targetRoute('user.read', userTarget),
  request: { params: Params },
  responses: { 200: jsonOk(User, 'User'), ...errorResponses },
});

const createRouteDef = defineRoute({
  method: 'post',
  path: '/users',
  tags,
  summary: 'Tambah pengguna / add a user',
  description: 'The password given is temporary: the user must change it at first sign-in.',
  access: nationalRoute('user.manage'),
  request: { body: jsonBody(UserCreateInput) },
  responses: { 201: jsonOk(User, 'Created'), ...errorResponses },
});

const updateRoute = defineRoute({
  method: 'patch',
  path: '/users/{userId}',
  tags,
  summary: 'Ubah pengguna / update a user',
  access: nationalRoute('user.manage'),
  request: { params: Params, body: jsonBody(UserUpdateInput) },
  responses: { 200: jsonOk(User, 'Updated'), ...errorResponses },
});

const resetRoute = defineRoute({
  method: 'post',
  path: '/users/{userId}/reset-password',
  tags,
  summary: 'Atur ulang kata sandi / reset password',
  access: nationalRoute('user.manage'),
  request: { params: Params, body: jsonBody(ResetPasswordInput) },
  responses: { 200: jsonOk(User, 'Reset; all sessions ended'), ...errorResponses },
});

const unlockRoute = defineRoute({
  method: 'post',
  path: '/users/{userId}/unlock',
  tags,
  summary: 'Buka kunci akun / unlock an account',
  access: nationalRoute('user.manage'),
  request: { params: Params },
  responses: { 200: jsonOk(User, 'Unlocked'), ...errorResponses },
});

const revokeRoute = defineRoute({
  method: 'post',
  path: '/users/{userId}/revoke-sessions',
  tags,
  summary: 'Akhiri semua sesi pengguna / sign a user out everywhere',
  access: nationalRoute('user.manage'),
  request: { params: Params },
  responses: { 200: jsonOk(z.object({ sessionsEnded: z.number().int() }), 'Sessions ended'), ...errorResponses },
});

export function userRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    return c.json({ ...(await listUsers(c.get('services').db, q, currentUser(c).scope)), page: q.page, pageSize: q.pageSize }, 200);
  });
  app.openapi(getRoute, async (c) => {
    const u = await findUser(c.get('services').db, c.req.valid('param').userId);
    if (!u) throw notFound();
    return c.json(u, 200);
  });
  app.openapi(createRouteDef, async (c) => c.json(await createUser(c, c.req.valid('json')), 201));
  app.openapi(updateRoute, async (c) => c.json(await updateUser(c, c.req.valid('param').userId, c.req.valid('json')), 200));
  app.openapi(resetRoute, async (c) => c.json(await resetPassword(c, c.req.valid('param').userId, c.req.valid('json').password), 200));
  app.openapi(unlockRoute, async (c) => c.json(await unlockUser(c, c.req.valid('param').userId), 200));
  app.openapi(revokeRoute, async (c) => c.json({ sessionsEnded: await revokeSessions(c, c.req.valid('param').userId) }, 200));
}
