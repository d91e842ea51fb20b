import type { Context } from 'hono';
import type { AuditActor } from '../audit/trail.ts';
import type { AppEnv, SessionUser } from './context.ts';
import { AppError } from './errors.ts';

/** The signed-in user; routes behind `authorize` always have one. */
export function currentUser(c: Context<AppEnv>): SessionUser {
  const user = c.get('user');
  if (!user) throw new AppError(401, 'UNAUTHENTICATED');
  return user;
}

/** Who the audit trail records for this request. */
export function actorOf(c: Context<AppEnv>): AuditActor {
  const user = currentUser(c);
  return { id: user.id, username: user.username, role: user.role, requestId: c.get('requestId') };
}
