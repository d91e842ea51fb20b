import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import type { Queryable } from '../db/pool.ts';
import type { Config } from '../config.ts';
import { scopeFromRow } from '../../shared/access/scope.ts';
import type { Role, ScopeLevel } from '../../shared/access/roles.ts';
import type { SessionUser } from '../http/context.ts';

export const SESSION_COOKIE = 'giatja_sid';
const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/;

/** Secure cookies on https, and on loopback where browsers accept them over plain http. */
function secureCookie(c: Context, config: Config): boolean {
  if (config.cookieSecure !== 'auto') return config.cookieSecure === 'always';
  const forwarded = config.trustProxy ? c.req.header('x-forwarded-proto') : undefined;
  const proto = forwarded ?? new URL(c.req.url).protocol.replace(':', '');
  return proto === 'https' || LOOPBACK.test(c.req.header('host') ?? '');
}

export async function createSession(
  db: Queryable,
  c: Context,
  config: Config,
  userId: number,
): Promise<{ sessionId: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  await db.query(
    `INSERT INTO user_session (id, user_id, csrf_token, expires_at, ip, user_agent)
     VALUES ($1, $2, $3, now() + make_interval(hours => $4), $5, $6)`,
    [tokenHash(token), userId, csrf, config.sessionTtlHours, clientIp(c, config.trustProxy), (c.req.header('user-agent') ?? '').slice(0, 300)],
  );
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: secureCookie(c, config),
    path: '/',
    maxAge: config.sessionTtlHours * 3600,
  });
  return { sessionId: tokenHash(token), csrfToken: csrf };
}

interface SessionRow {
  id: string;
  csrf_token: string;
  last_seen_at: Date;
  user_id: number;
  username: string;
  full_name: string;
  role: Role;
  scope_level: ScopeLevel;
  kanwil_id: number | null;
  upt_id: number | null;
  must_change_password: boolean;
  [key: string]: unknown;
}

/** The signed-in user of this request, if the cookie names a live session of an active account. */
export async function loadSessionUser(db: Queryable, c: Context): Promise<SessionUser | undefined> {
  const token = getCookie(c, SESSION_COOKIE);
  if (!token) return undefined;
  const row = await db.one<SessionRow>(
    `SELECT s.id, s.csrf_token, s.last_seen_at, u.id AS user_id, u.username, u.full_name, u.role,
            u.scope_level, u.kanwil_id, u.upt_id, u.must_change_password
       FROM user_session s JOIN app_user u ON u.id = s.user_id
      WHERE s.id = $1 AND s.expires_at > now() AND u.active`,
    [tokenHash(token)],
  );
  if (!row) return undefined;
  // Touch at most once a minute: a busy page must not turn every read into a write.
  if (Date.now() - new Date(row.last_seen_at).getTime() > 60_000) {
    await db.query('UPDATE user_session SET last_seen_at = now() WHERE id = $1', [row.id]);
  }
  return {
    id: row.user_id,
    username: row.username,
    fullName: row.full_name,
    role: row.role,
    scope: scopeFromRow(row),
    mustChangePassword: row.must_change_password,
    sessionId: row.id,
    csrfToken: row.csrf_token,
  };
}

export async function endSession(db: Queryable, c: Context, sessionId: string): Promise<void> {
  await db.query('DELETE FROM user_session WHERE id = $1', [sessionId]);
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/** Logout everywhere: every session of the user ends, on every device. */
export async function endAllSessions(db: Queryable, userId: number): Promise<number> {
  const rows = await db.query('DELETE FROM user_session WHERE user_id = $1 RETURNING id', [userId]);
  return rows.length;
}

/** The caller's address; X-Forwarded-For only counts behind a trusted proxy (it is forgeable). */
export function clientIp(c: Context, trustProxy: boolean): string {
  const fwd = trustProxy ? c.req.header('x-forwarded-for') : undefined;
  if (fwd) return fwd.split(',')[0]!.trim();
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
