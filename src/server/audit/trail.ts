import type { Queryable } from '../db/pool.ts';
import { GENESIS_HASH, entryHash, type ChainedFields } from './canonical.ts';

export interface AuditActor {
  id: number | null;
  username: string | null;
  role: string | null;
  requestId?: string | null;
}

export interface AuditEntry {
  entity: string;
  entityId: string | number | null;
  action: string;
  before?: unknown;
  after?: unknown;
  scope?: { kanwilId?: number | null; uptId?: number | null };
}

/** Never stored, whoever reads the trail. */
const SECRET_KEYS = new Set(['password_hash', 'password', 'token', 'csrf_token']);

/** A plain JSON copy without secrets (Dates become ISO strings, as they do in jsonb). */
export function sanitize(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  const plain = JSON.parse(JSON.stringify(value)) as unknown;
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>)
          .filter(([k]) => !SECRET_KEYS.has(k))
          .map(([k, x]) => [k, strip(x)]),
      );
    }
    return v;
  };
  return strip(plain);
}

export const AUDIT_LOCK_KEY = 7245002;

/**
 * Appends one entry inside the caller's transaction, so the entry lands exactly when the
 * change does. A transaction-scoped advisory lock orders writers so the chain has no forks.
 */
export async function recordAudit(tx: Queryable, actor: AuditActor, entry: AuditEntry, at: Date = new Date()): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK_KEY]);
  const last = await tx.one<{ hash: string }>('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1');
  const prevHash = last?.hash ?? GENESIS_HASH;
  const fields: ChainedFields = {
    at: at.toISOString(),
    actor_id: actor.id,
    actor_username: actor.username,
    actor_role: actor.role,
    scope_kanwil_id: entry.scope?.kanwilId ?? null,
    scope_upt_id: entry.scope?.uptId ?? null,
    entity: entry.entity,
    entity_id: entry.entityId === null ? null : String(entry.entityId),
    action: entry.action,
    before: sanitize(entry.before),
    after: sanitize(entry.after),
    request_id: actor.requestId ?? null,
  };
  const hash = entryHash(prevHash, fields);
  await tx.query(
    `INSERT INTO audit_log (at, actor_id, actor_username, actor_role, scope_kanwil_id, scope_upt_id,
       entity, entity_id, action, before, after, request_id, prev_hash, hash)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10::jsonb,$11::jsonb,$12,$13,$14)`,
    [
      fields.at,
      fields.actor_id,
      fields.actor_username,
      fields.actor_role,
      fields.scope_kanwil_id,
      fields.scope_upt_id,
      fields.entity,
      fields.entity_id,
      fields.action,
      JSON.stringify(fields.before),
      JSON.stringify(fields.after),
      fields.request_id,
      prevHash,
      hash,
    ],
  );
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  /** First entry whose hash or link does not match, if any. */
  brokenAt?: number;
  reason?: string;
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
  request_id: string | null;
  prev_hash: string;
  hash: string;
  [key: string]: unknown;
}

/** Recomputes the whole chain in id order, in pages, and reports the first break. */
export async function verifyAuditChain(db: Queryable, pageSize = 5000): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.query<AuditRow>('SELECT * FROM audit_log WHERE id > $1 ORDER BY id LIMIT $2', [lastId, pageSize]);
    if (rows.length === 0) return { ok: true, checked };
    for (const r of rows) {
      if (r.prev_hash !== prev) return { ok: false, checked, brokenAt: r.id, reason: 'link' };
      const expected = entryHash(prev, {
        at: new Date(r.at).toISOString(),
        actor_id: r.actor_id,
        actor_username: r.actor_username,
        actor_role: r.actor_role,
        scope_kanwil_id: r.scope_kanwil_id,
        scope_upt_id: r.scope_upt_id,
        entity: r.entity,
        entity_id: r.entity_id,
        action: r.action,
        before: r.before,
        after: r.after,
        request_id: r.request_id,
      });
      if (expected !== r.hash) return { ok: false, checked, brokenAt: r.id, reason: 'content' };
      prev = r.hash;
      lastId = r.id;
      checked++;
    }
  }
}
