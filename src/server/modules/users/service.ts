import type { Context } from 'hono';
import { ROLE_SCOPES, type Role, type ScopeLevel } from '../../../shared/access/roles.ts';
import { passwordProblem } from '../../../shared/schemas/password-rules.ts';
import type { User, UserCreateInput, UserUpdateInput } from '../../../shared/schemas/users.ts';
import { recordAudit } from '../../audit/trail.ts';
import { hashPassword } from '../../auth/password.ts';
import { endAllSessions } from '../../auth/session.ts';
import type { Queryable } from '../../db/pool.ts';
import { actorOf } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { AppError, invalidField, notFound, versionConflict } from '../../http/errors.ts';
import { findUser } from './queries.ts';

interface Assignment {
  role: Role;
  scopeLevel: ScopeLevel;
  kanwilId: number | null;
  uptId: number | null;
}

/** A role only at the scope levels it allows; a UPT only inside its Kanwil (filled in when omitted). */
async function resolveAssignment(tx: Queryable, a: { role: Role; scopeLevel: ScopeLevel; kanwilId?: number | null; uptId?: number | null }): Promise<Assignment> {
  if (!ROLE_SCOPES[a.role].includes(a.scopeLevel)) throw invalidField('scopeLevel', 'scope_mismatch');
  if (a.scopeLevel === 'national') return { role: a.role, scopeLevel: 'national', kanwilId: null, uptId: null };
  if (a.scopeLevel === 'upt') {
    if (!a.uptId) throw invalidField('uptId', 'required');
    const upt = await tx.one<{ kanwil_id: number }>('SELECT kanwil_id FROM upt WHERE id = $1', [a.uptId]);
    if (!upt) throw invalidField('uptId', 'upt_unknown');
    if (a.kanwilId && a.kanwilId !== upt.kanwil_id) throw invalidField('uptId', 'upt_not_in_kanwil');
    return { role: a.role, scopeLevel: 'upt', kanwilId: upt.kanwil_id, uptId: a.uptId };
  }
  if (!a.kanwilId) throw invalidField('kanwilId', 'required');
  if (!(await tx.one('SELECT 1 FROM kanwil WHERE id = $1', [a.kanwilId]))) throw invalidField('kanwilId', 'kanwil_unknown');
  return { role: a.role, scopeLevel: 'kanwil', kanwilId: a.kanwilId, uptId: null };
}

const auditScope = (u: User) => ({ kanwilId: u.kanwilId, uptId: u.uptId });

export async function createUser(c: Context<AppEnv>, input: UserCreateInput): Promise<User> {
  const problem = passwordProblem(input.password, input.username);
  if (problem) throw invalidField('password', problem);
  const hash = await hashPassword(input.password);
  return c.get('services').db.tx(async (tx) => {
    const a = await resolveAssignment(tx, input);
    if (await tx.one('SELECT 1 FROM app_user WHERE username = $1', [input.username])) throw invalidField('username', 'username_taken');
    const row = await tx.one<{ id: number }>(
      `INSERT INTO app_user (username, full_name, email, role, scope_level, kanwil_id, upt_id, password_hash, must_change_password)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, true) RETURNING id`,
      [input.username, input.fullName, input.email ?? null, a.role, a.scopeLevel, a.kanwilId, a.uptId, hash],
    );
    const after = (await findUser(tx, row!.id)) as User;
    await recordAudit(tx, actorOf(c), { entity: 'app_user', entityId: after.id, action: 'create', after, scope: auditScope(after) });
    return after;
  });
}

export async function updateUser(c: Context<AppEnv>, id: number, input: UserUpdateInput): Promise<User> {
  return c.get('services').db.tx(async (tx) => {
    const before = await findUser(tx, id);
    if (!before) throw notFound();
    const a = await resolveAssignment(tx, {
      role: input.role ?? before.role,
      scopeLevel: input.scopeLevel ?? before.scopeLevel,
      kanwilId: input.kanwilId !== undefined ? input.kanwilId : before.kanwilId,
      uptId: input.uptId !== undefined ? input.uptId : before.uptId,
    });
    const updated = await tx.one(
      `UPDATE app_user SET full_name = COALESCE($3, full_name),
         email = CASE WHEN $4::boolean THEN $5 ELSE email END,
         role = $6, scope_level = $7, kanwil_id = $8, upt_id = $9, active = COALESCE($10, active),
         version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $2 RETURNING id`,
      [id, input.version, input.fullName ?? null, input.email !== undefined, input.email ?? null, a.role, a.scopeLevel, a.kanwilId, a.uptId, input.active ?? null],
    );
    if (!updated) throw versionConflict();
    const after = (await findUser(tx, id)) as User;
    // A changed role, scope or deactivation takes effect now, not at the next sign-in.
    if (before.role !== after.role || before.uptId !== after.uptId || before.kanwilId !== after.kanwilId || !after.active) {
      await endAllSessions(tx, id);
    }
    await recordAudit(tx, actorOf(c), { entity: 'app_user', entityId: id, action: 'update', before, after, scope: auditScope(after) });
    return after;
  });
}

export async function resetPassword(c: Context<AppEnv>, id: number, password: string): Promise<User> {
  const db = c.get('services').db;
  const target = await findUser(db, id);
  if (!target) throw notFound();
  const problem = passwordProblem(password, target.username);
  if (problem) throw new AppError(400, 'VALIDATION', { password: problem });
  const hash = await hashPassword(password);
  return db.tx(async (tx) => {
    await tx.query(
      `UPDATE app_user SET password_hash = $2, must_change_password = true, failed_logins = 0, locked_until = NULL,
         version = version + 1, updated_at = now() WHERE id = $1`,
      [id, hash],
    );
    const ended = await endAllSessions(tx, id);
    const after = (await findUser(tx, id)) as User;
    await recordAudit(tx, actorOf(c), {
      entity: 'app_user',
      entityId: id,
      action: 'password_reset',
      before: { mustChangePassword: target.mustChangePassword },
      after: { mustChangePassword: true, sessionsEnded: ended },
      scope: auditScope(after),
    });
    return after;
  });
}

export async function unlockUser(c: Context<AppEnv>, id: number): Promise<User> {
  return c.get('services').db.tx(async (tx) => {
    const before = await findUser(tx, id);
    if (!before) throw notFound();
    await tx.query('UPDATE app_user SET failed_logins = 0, locked_until = NULL, version = version + 1, updated_at = now() WHERE id = $1', [id]);
    const after = (await findUser(tx, id)) as User;
    await recordAudit(tx, actorOf(c), { entity: 'app_user', entityId: id, action: 'unlock', before: { lockedUntil: before.lockedUntil }, after: { lockedUntil: null }, scope: auditScope(after) });
    return after;
  });
}

export async function revokeSessions(c: Context<AppEnv>, id: number): Promise<number> {
  return c.get('services').db.tx(async (tx) => {
    const target = await findUser(tx, id);
    if (!target) throw notFound();
    const n = await endAllSessions(tx, id);
    await recordAudit(tx, actorOf(c), { entity: 'app_user', entityId: id, action: 'sessions_revoked', after: { sessionsEnded: n }, scope: auditScope(target) });
    return n;
  });
}
