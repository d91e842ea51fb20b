import type { Context } from 'hono';
import { GRANTS, type Role, type ScopeLevel } from '../../../shared/access/roles.ts';
import { scopeFromRow } from '../../../shared/access/scope.ts';
import type { LoginInput, ChangePasswordInput, Me } from '../../../shared/schemas/auth.ts';
import { passwordProblem } from '../../../shared/schemas/password-rules.ts';
import { recordAudit } from '../../audit/trail.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../auth/password.ts';
import { clientIp, createSession, endAllSessions } from '../../auth/session.ts';
import type { AppEnv, SessionUser } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { actorOf } from '../../http/actor.ts';

export const LOCKOUT_AFTER = 5;
export const LOCKOUT_MINUTES = 15;
/** Failed sign-ins per client address per window: high, since a whole UPT may share one address. */
export const THROTTLE_PER_WINDOW = 100;
export const THROTTLE_WINDOW_MINUTES = 15;

interface UserRow {
  id: number;
  username: string;
  full_name: string;
  role: Role;
  scope_level: ScopeLevel;
  must_change_password: boolean;
  password_hash: string;
  active: boolean;
  locked_until: Date | null;
  failed_logins: number;
  kanwil_id: number | null;
  upt_id: number | null;
  [key: string]: unknown;
}

const throttleKey = (c: Context<AppEnv>) => `login:${clientIp(c, c.get('services').config.trustProxy)}`;

/** Refuses sign-in from an address with too many recent failures (counted in the database, shared by every process). */
async function throttle(c: Context<AppEnv>): Promise<void> {
  const row = await c.get('services').db.one<{ attempts: number }>(
    `SELECT attempts FROM login_throttle WHERE key = $1 AND window_start >= now() - make_interval(mins => $2)`,
    [throttleKey(c), THROTTLE_WINDOW_MINUTES],
  );
  if ((row?.attempts ?? 0) >= THROTTLE_PER_WINDOW) throw new AppError(429, 'RATE_LIMITED');
}

/** Counts one failed sign-in for the caller's address, in a fixed window. */
async function countFailure(c: Context<AppEnv>): Promise<void> {
  await c.get('services').db.one<{ attempts: number }>(
    `INSERT INTO login_throttle (key, window_start, attempts) VALUES ($1, now(), 1)
     ON CONFLICT (key) DO UPDATE SET
       attempts = CASE WHEN login_throttle.window_start < now() - make_interval(mins => $2) THEN 1 ELSE login_throttle.attempts + 1 END,
       window_start = CASE WHEN login_throttle.window_start < now() - make_interval(mins => $2) THEN now() ELSE login_throttle.window_start END
     RETURNING attempts`,
    [throttleKey(c), THROTTLE_WINDOW_MINUTES],
  );
}

export async function login(c: Context<AppEnv>, input: LoginInput): Promise<SessionUser> {
  const { db, config } = c.get('services');
  await throttle(c);
  const user = await db.one<UserRow>('SELECT * FROM app_user WHERE username = $1', [input.username]);
  const actor = { id: user?.id ?? null, username: input.username, role: user?.role ?? null, requestId: c.get('requestId') };
  const scope = { kanwilId: user?.kanwil_id ?? null, uptId: user?.upt_id ?? null };
  if (!user || !user.active) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    await db.tx((tx) => recordAudit(tx, actor, { entity: 'auth', entityId: input.username, action: 'login_failed', scope }));
    await countFailure(c);
    throw new AppError(401, 'LOGIN_FAILED');
  }
  if (user.locked_until && new Date(user.locked_until) > new Date()) throw new AppError(423, 'ACCOUNT_LOCKED');
  const ok = await verifyPassword(user.password_hash, input.password);
  if (!ok) {
    const locked = await db.tx(async (tx) => {
      const upd = await tx.one<{ failed_logins: number; locked_until: Date | null }>(
        `UPDATE app_user SET failed_logins = failed_logins + 1,
           locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
         WHERE id = $1 RETURNING failed_logins, locked_until`,
        [user.id, LOCKOUT_AFTER, LOCKOUT_MINUTES],
      );
      const nowLocked = (upd?.failed_logins ?? 0) >= LOCKOUT_AFTER;
      await recordAudit(tx, actor, {
        entity: 'app_user',
        entityId: user.id,
        action: nowLocked ? 'locked' : 'login_failed',
        before: { failed_logins: user.failed_logins },
        after: upd,
        scope,
      });
      return nowLocked;
    });
    await countFailure(c);
    throw new AppError(locked ? 423 : 401, locked ? 'ACCOUNT_LOCKED' : 'LOGIN_FAILED');
  }
  return db.tx(async (tx) => {
    await tx.query('UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE id = $1', [user.id]);
    const session = await createSession(tx, c, config, user.id);
    await recordAudit(tx, actor, { entity: 'auth', entityId: user.id, action: 'login', scope });
    return {
      id: user.id,
      username: user.username,
      fullName: user.full_name,
      role: user.role,
      scope: scopeFromRow(user),
      mustChangePassword: user.must_change_password,
      ...session,
    };
  });
}

export async function describeMe(c: Context<AppEnv>, user: SessionUser): Promise<Me> {
  const { db } = c.get('services');
  const names = await db.one<{ kanwil_name: string | null; upt_name: string | null }>(
    `SELECT k.name AS kanwil_name, u.name AS upt_name FROM (SELECT 1) x
       LEFT JOIN kanwil k ON k.id = $1 LEFT JOIN upt u ON u.id = $2`,
    [user.scope.level === 'national' ? null : user.scope.kanwilId, user.scope.level === 'upt' ? user.scope.uptId : null],
  );
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    role: user.role,
    scope: {
      ...user.scope,
      ...(names?.kanwil_name ? { kanwilName: names.kanwil_name } : {}),
      ...(names?.upt_name ? { uptName: names.upt_name } : {}),
    },
    mustChangePassword: user.mustChangePassword,
    csrfToken: user.csrfToken,
    permissions: [...GRANTS[user.role]],
  };
}

export async function changePassword(c: Context<AppEnv>, user: SessionUser, input: ChangePasswordInput): Promise<void> {
  const { db } = c.get('services');
  const row = await db.one<UserRow>('SELECT * FROM app_user WHERE id = $1', [user.id]);
  if (!row || !(await verifyPassword(row.password_hash, input.currentPassword)))
    throw new AppError(400, 'VALIDATION', { currentPassword: 'password_wrong' });
  const problem = passwordProblem(input.newPassword, user.username);
  if (problem) throw new AppError(400, 'VALIDATION', { newPassword: problem });
  const hash = await hashPassword(input.newPassword);
  await db.tx(async (tx) => {
    await tx.query(
      `UPDATE app_user SET password_hash = $2, must_change_password = false, password_changed_at = now(),
         version = version + 1, updated_at = now() WHERE id = $1`,
      [user.id, hash],
    );
    // Other devices lose their sessions; this one stays signed in.
    await tx.query('DELETE FROM user_session WHERE user_id = $1 AND id <> $2', [user.id, user.sessionId]);
    await recordAudit(tx, actorOf(c), { entity: 'app_user', entityId: user.id, action: 'password_changed', scope: scopeOf(user) });
  });
}

export async function logoutEverywhere(c: Context<AppEnv>, user: SessionUser): Promise<number> {
  const { db } = c.get('services');
  return db.tx(async (tx) => {
    const n = await endAllSessions(tx, user.id);
    await recordAudit(tx, actorOf(c), {
      entity: 'auth',
      entityId: user.id,
      action: 'logout_all',
      after: { sessions_ended: n },
      scope: scopeOf(user),
    });
    return n;
  });
}

export function scopeOf(user: SessionUser): { kanwilId: number | null; uptId: number | null } {
  return {
    kanwilId: user.scope.level === 'national' ? null : user.scope.kanwilId,
    uptId: user.scope.level === 'upt' ? user.scope.uptId : null,
  };
}
