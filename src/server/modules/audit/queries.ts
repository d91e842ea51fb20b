import type { Queryable } from '../../db/pool.ts';
import { can, type Role } from '../../../shared/access/roles.ts';
import { scopeCondition, type UserScope } from '../../../shared/access/scope.ts';
import type { AuditEntry, AuditQuery } from '../../../shared/schemas/audit.ts';

/** Fields holding personal data, per audited entity; hidden from viewers who may not read them. */
export const PERSONAL_FIELDS: Record<string, readonly string[]> = {
  app_user: ['full_name', 'fullName', 'email', 'nip'],
  wbp: ['name', 'full_name', 'birth_date', 'birthDate', 'nik', 'address', 'mother_name'],
  sale: ['buyerContact', 'buyer_contact'],
  sale_payment: ['buyerContact', 'buyer_contact'],
  // Inmates receiving a premi share of sales proceeds are listed by name.
  proceeds_split: ['workers'],
  // Buyers who send catalogue requests.
  order_request: ['buyerName', 'buyer_name', 'email', 'phone'],
};
export const REDACTED = '[disembunyikan]';

export function redact(entity: string, value: unknown, viewerRole: Role): unknown {
  const fields = PERSONAL_FIELDS[entity];
  if (!fields || can(viewerRole, 'wbp.personal.read') || !value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, fields.includes(k) ? REDACTED : v]));
}

interface AuditRow {
  id: number;
  at: Date;
  actor_id: number | null;
  actor_username: string | null;
  actor_role: string | null;
  scope_kanwil_id: number | null;
  scope_upt_id: number | null;
  entity: string;
  entity_id: string | null;
  action: string;
  before: unknown;
  after: unknown;
  hash: string;
  [key: string]: unknown;
}

/**
 * Audit entries visible to the viewer: national viewers see all; Kanwil viewers the entries of
 * their Kanwil; UPT viewers those of their UPT. Newest first.
 */
export async function searchAudit(
  db: Queryable,
  q: Partial<AuditQuery> & { page: number; pageSize: number },
  viewer: { role: Role; scope: UserScope },
): Promise<{ items: AuditEntry[]; total: number }> {
  const params: unknown[] = [];
  const where = [scopeCondition(viewer.scope, { kanwil: 'scope_kanwil_id', upt: 'scope_upt_id' }, params)];
  const eq = (col: string, v: string | undefined) => {
    if (v === undefined || v === '') return;
    params.push(v);
    where.push(`${col} = $${params.length}`);
  };
  eq('entity', q.entity);
  eq('entity_id', q.entityId);
  eq('actor_username', q.actor?.toLowerCase());
  eq('action', q.action);
  if (q.from) {
    params.push(q.from);
    where.push(`at >= ($${params.length}::date)::timestamp AT TIME ZONE 'Asia/Jakarta'`);
  }
  if (q.to) {
    params.push(q.to);
    where.push(`at < ($${params.length}::date + 1)::timestamp AT TIME ZONE 'Asia/Jakarta'`);
  }
  const cond = where.join(' AND ');
  const total = await db.one<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE ${cond}`, params);
  params.push(q.pageSize, (q.page - 1) * q.pageSize);
  const rows = await db.query<AuditRow>(
    `SELECT id, at, actor_id, actor_username, actor_role, scope_kanwil_id, scope_upt_id, entity, entity_id, action,
            before, after, hash
       FROM audit_log WHERE ${cond} ORDER BY id DESC LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return {
    total: total?.n ?? 0,
    items: rows.map((r) => ({
      id: r.id,
      at: new Date(r.at).toISOString(),
      actorId: r.actor_id,
      actorUsername: r.actor_username,
      actorRole: r.actor_role,
      scopeKanwilId: r.scope_kanwil_id,
      scopeUptId: r.scope_upt_id,
      entity: r.entity,
      entityId: r.entity_id,
      action: r.action,
      before: redact(r.entity, r.before, viewer.role),
      after: redact(r.entity, r.after, viewer.role),
      hash: r.hash,
    })),
  };
}
