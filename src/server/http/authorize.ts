import type { MiddlewareHandler } from 'hono';
import { can } from '../../shared/access/roles.ts';
import { covers } from '../../shared/access/scope.ts';
import type { Access } from './access.ts';
import type { AppEnv } from './context.ts';
import { AppError, notFound, outOfScope } from './errors.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Enforces a route's access declaration, CSRF on writes, and the forced password change. */
export function authorize(access: Access): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (access.kind === 'public') return next();
    const user = c.get('user');
    if (!user) throw new AppError(401, 'UNAUTHENTICATED');
    if (UNSAFE.has(c.req.method) && c.req.header('x-csrf-token') !== user.csrfToken) throw new AppError(403, 'CSRF');
    const duringChange = access.kind === 'self' && access.duringPasswordChange;
    if (user.mustChangePassword && !duringChange) throw new AppError(403, 'PASSWORD_CHANGE_REQUIRED');
    if (access.kind === 'self') return next();
    if (!can(user.role, access.action)) throw new AppError(403, 'FORBIDDEN');
    if (access.scope === 'national' && user.scope.level !== 'national') throw outOfScope();
    if (access.scope === 'target' && access.target) {
      const target = await access.target(c);
      if (!target) throw notFound();
      if (!covers(user.scope, target)) throw outOfScope();
    }
    return next();
  };
}
