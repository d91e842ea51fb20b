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
  // The values pass through the database's own types first and the hash covers what comes back:
  // text the database cannot keep as sent (a lone surrogate becomes U+FFFD) or JSON it normalises
  // hashes as stored, so verifying later recomputes the very same hash.
  const stored = await tx.one<StoredFields & { prev: string | null }>(
    `SELECT (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1) AS prev,
            $1::timestamptz AS at, $2::integer AS actor_id, $3::text AS actor_username, $4::text AS actor_role,
            $5::integer AS scope_kanwil_id, $6::integer AS scope_upt_id, $7::text AS entity, $8::text AS entity_id,
            $9::text AS action, $10::jsonb AS before, $11::jsonb AS after, $12::text AS request_id`,
    [
      at.toISOString(),
      actor.id,
      actor.username,
      actor.role,
      entry.scope?.kanwilId ?? null,
      entry.scope?.uptId ?? null,
      entry.entity,
      entry.entityId === null ? null : String(entry.entityId),
      entry.action,
      JSON.stringify(sanitize(entry.before)),
      JSON.stringify(sanitize(entry.after)),
      actor.requestId ?? null,
    ],
  );
  if (!stored) throw new Error('audit: no row from the value round trip');
  const prevHash = stored.prev ?? GENESIS_HASH;
  const fields = chainedFieldsOf(stored);
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

/** The hashed fields of an entry as the database returns them: one reading for writer and verifier. */
export function chainedFieldsOf(r: StoredFields): ChainedFields {
  return {
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
  };
}

/** Why an entry does not verify. */
export type BreakReason =
  /** Its content does not give its stored hash: the entry was edited. */
  | 'content'
  /** It does not point at the entry before it: an entry was removed, inserted or moved before it. */
  | 'link';

export interface ChainBreak {
  id: number;
  reason: BreakReason;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  /** Every entry that does not verify, in id order (an entry failing both checks is listed twice). */
  breaks: ChainBreak[];
  /** The first break, kept for callers that show one. */
  brokenAt?: number;
  reason?: BreakReason;
  /** The newest entry: what a checkpoint would record now. */
  head: { id: number; hash: string } | null;
}

interface StoredFields {
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
  [key: string]: unknown;
}

interface AuditRow extends StoredFields {
  id: number;
  prev_hash: string;
  hash: string;
}

/**
 * Recomputes the whole chain in id order, in pages, and lists every entry that does not verify.
 * Each entry is checked against its own stored hash and its neighbour's, so one edit shows as
 * one break and does not hide a later one. `visit` sees every entry (used by checkpoints).
 */
export async function verifyAuditChain(db: Queryable, opts: { pageSize?: number; visit?: (row: { id: number; hash: string }) => void } = {}): Promise<VerifyResult> {
  const pageSize = opts.pageSize ?? 5000;
  let prev = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  const breaks: ChainBreak[] = [];
  let head: VerifyResult['head'] = null;
  for (;;) {
    const rows = await db.query<AuditRow>('SELECT * FROM audit_log WHERE id > $1 ORDER BY id LIMIT $2', [lastId, pageSize]);
    for (const r of rows) {
      const id = Number(r.id);
      // Both checks, each against stored hashes: an entry can fail either or both.
      if (r.prev_hash !== prev) breaks.push({ id, reason: 'link' });
      if (entryHash(r.prev_hash, chainedFieldsOf(r)) !== r.hash) breaks.push({ id, reason: 'content' });
      opts.visit?.({ id, hash: r.hash });
      prev = r.hash;
      lastId = id;
      head = { id, hash: r.hash };
      checked++;
    }
    if (rows.length < pageSize) break;
  }
  const first = breaks[0];
  return { ok: breaks.length === 0, checked, breaks, head, ...(first ? { brokenAt: first.id, reason: first.reason } : {}) };
}
