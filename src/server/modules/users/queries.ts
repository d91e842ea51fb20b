import { likeLiteral } from '../../db/like.ts';
import type { Queryable } from '../../db/pool.ts';
import { scopeCondition, type UserScope } from '../../../shared/access/scope.ts';
import type { User, UserListQuery } from '../../../shared/schemas/users.ts';

interface UserRow {
  id: number;
  username: string;
  full_name: string;
  email: string | null;
  role: User['role'];
  scope_level: User['scopeLevel'];
  kanwil_id: number | null;
  kanwil_name: string | null;
  upt_id: number | null;
  upt_name: string | null;
  active: boolean;
  must_change_password: boolean;
  locked_until: Date | null;
  version: number;
  created_at: Date;
  [key: string]: unknown;
}

const SELECT = `SELECT a.id, a.username, a.full_name, a.email, a.role, a.scope_level, a.kanwil_id, k.name AS kanwil_name,
  a.upt_id, u.name AS upt_name, a.active, a.must_change_password, a.locked_until, a.version, a.created_at
  FROM app_user a LEFT JOIN kanwil k ON k.id = a.kanwil_id LEFT JOIN upt u ON u.id = a.upt_id`;

export function toUser(r: UserRow): User {
  return {
    id: r.id,
    username: r.username,
    fullName: r.full_name,
    email: r.email,
    role: r.role,
    scopeLevel: r.scope_level,
    kanwilId: r.kanwil_id,
    kanwilName: r.kanwil_name,
    uptId: r.upt_id,
    uptName: r.upt_name,
    active: r.active,
    mustChangePassword: r.must_change_password,
    lockedUntil: r.locked_until && new Date(r.locked_until) > new Date() ? new Date(r.locked_until).toISOString() : null,
    version: r.version,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

export async function findUser(db: Queryable, id: number): Promise<User | undefined> {
  const row = await db.one<UserRow>(`${SELECT} WHERE a.id = $1`, [id]);
  return row ? toUser(row) : undefined;
}

export async function listUsers(db: Queryable, q: UserListQuery, scope: UserScope): Promise<{ items: User[]; total: number }> {
  const params: unknown[] = [];
  const where = [scopeCondition(scope, { kanwil: 'a.kanwil_id', upt: 'a.upt_id' }, params)];
  if (q.q) {
    params.push(`%${likeLiteral(q.q.toLowerCase())}%`);
    where.push(`(a.username LIKE $${params.length} OR lower(a.full_name) LIKE $${params.length})`);
  }
  if (q.role) {
    params.push(q.role);
    where.push(`a.role = $${params.length}`);
  }
  const cond = where.join(' AND ');
  const total = await db.one<{ n: number }>(`SELECT count(*)::int AS n FROM app_user a WHERE ${cond}`, params);
  params.push(q.pageSize, (q.page - 1) * q.pageSize);
  const rows = await db.query<UserRow>(`${SELECT} WHERE ${cond} ORDER BY a.username LIMIT $${params.length - 1} OFFSET $${params.length}`, params);
  return { items: rows.map(toUser), total: total?.n ?? 0 };
}
