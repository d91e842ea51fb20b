import { createHash } from 'node:crypto';
import type { Db, Queryable } from '../db/pool.ts';
import {
  AUDIT_CHECKPOINT_FORMAT,
  AuditCheckpointFile,
  type AuditCheckpoint,
  type AuditCheckpointFault,
} from '../../shared/schemas/audit.ts';
import { GENESIS_HASH, canonicalJson } from './canonical.ts';
import { AUDIT_LOCK_KEY, recordAudit, verifyAuditChain, type AuditActor, type VerifyResult } from './trail.ts';

/**
 * A checkpoint records how far the audit chain reached at one moment: its newest entry, that
 * entry's hash and the number of entries. The chain proves nothing was changed before its head;
 * a checkpoint, exported and kept by the auditor, also proves that nothing after it vanished.
 * Its shape (and the exported file's) is the shared schema `AuditCheckpoint`.
 */
export type Checkpoint = AuditCheckpoint;
export type CheckpointFile = AuditCheckpointFile;

export type CheckpointFaultReason = AuditCheckpointFault['reason'];

export interface TrailVerifyResult extends VerifyResult {
  checkpoints: { checked: number; faults: AuditCheckpointFault[] };
}

function checkpointHash(c: Omit<Checkpoint, 'hash'>): string {
  const content = { seq: c.seq, at: c.at, last_id: c.lastId, entries: c.entries, head_hash: c.headHash, made_by: c.madeBy };
  return createHash('sha256').update(c.prevHash).update('\n').update(canonicalJson(content)).digest('hex');
}

interface CheckpointRow {
  seq: number;
  at: Date;
  last_id: number;
  entries: number;
  head_hash: string;
  made_by: string;
  prev_hash: string;
  hash: string;
  [key: string]: unknown;
}

const fromRow = (r: CheckpointRow): Checkpoint => ({
  seq: r.seq,
  at: new Date(r.at).toISOString(),
  lastId: Number(r.last_id),
  entries: Number(r.entries),
  headHash: r.head_hash,
  madeBy: r.made_by,
  prevHash: r.prev_hash,
  hash: r.hash,
});

export async function listCheckpoints(db: Queryable): Promise<Checkpoint[]> {
  return (await db.query<CheckpointRow>('SELECT * FROM audit_checkpoint ORDER BY seq')).map(fromRow);
}

/**
 * Writes a checkpoint of the chain as it stands. The write itself is audited first, so the
 * checkpoint covers its own entry. Holds the audit lock: no entry can slip in between.
 */
export async function writeCheckpoint(db: Db, actor: AuditActor, at: Date = new Date()): Promise<Checkpoint> {
  return db.tx(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK_KEY]);
    const prev = await tx.one<CheckpointRow>('SELECT * FROM audit_checkpoint ORDER BY seq DESC LIMIT 1');
    const seq = (prev?.seq ?? 0) + 1;
    await recordAudit(tx, actor, { entity: 'audit_checkpoint', entityId: seq, action: 'create', after: { seq } }, at);
    const head = await tx.one<{ id: number; hash: string; n: number }>(
      'SELECT id::bigint AS id, hash, (SELECT count(*) FROM audit_log)::bigint AS n FROM audit_log ORDER BY id DESC LIMIT 1',
    );
    const draft = {
      seq,
      at: at.toISOString(),
      lastId: Number(head?.id ?? 0),
      entries: Number(head?.n ?? 0),
      headHash: head?.hash ?? GENESIS_HASH,
      madeBy: actor.username ?? actor.role ?? 'system',
      prevHash: prev?.hash ?? GENESIS_HASH,
    };
    const c: Checkpoint = { ...draft, hash: checkpointHash(draft) };
    await tx.query(
      `INSERT INTO audit_checkpoint (seq, at, last_id, entries, head_hash, made_by, prev_hash, hash) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
      [c.seq, c.at, c.lastId, c.entries, c.headHash, c.madeBy, c.prevHash, c.hash],
    );
    return c;
  });
}

export async function exportCheckpoints(db: Queryable, now: Date = new Date()): Promise<CheckpointFile> {
  return { format: AUDIT_CHECKPOINT_FORMAT, exportedAt: now.toISOString(), checkpoints: await listCheckpoints(db) };
}

/**
 * Verifies the chain, the database's checkpoints, and the auditor's copies (`against`): every
 * broken entry and every fault is listed. A checkpoint is only as strong as the copy kept
 * outside the system; the database's own checkpoints catch a cut that left them in place.
 */
export async function verifyAuditTrail(db: Queryable, against: Checkpoint[] = []): Promise<TrailVerifyResult> {
  const stored = await listCheckpoints(db);
  const faults: AuditCheckpointFault[] = [];
  const fault = (seq: number, reason: CheckpointFaultReason) => {
    if (!faults.some((f) => f.seq === seq && f.reason === reason)) faults.push({ seq, reason });
  };

  // The stored checkpoints form their own chain: 1, 2, 3… each over its content and its predecessor.
  let prevHash = GENESIS_HASH;
  let expected = 1;
  for (const c of stored) {
    const gap = c.seq > expected;
    for (; expected < c.seq; expected++) fault(expected, 'checkpoint_missing');
    // After a gap the link cannot match (the missing one is reported); otherwise it must.
    if (checkpointHash(c) !== c.hash || (!gap && c.prevHash !== prevHash)) fault(c.seq, 'checkpoint_altered');
    prevHash = c.hash;
    expected = c.seq + 1;
  }
  // The auditor's copies: each must be intact in itself and present, unchanged, in the database.
  const bySeq = new Map(stored.map((c) => [c.seq, c]));
  for (const a of against) {
    const s = bySeq.get(a.seq);
    if (checkpointHash(a) !== a.hash) fault(a.seq, 'checkpoint_altered');
    else if (!s) fault(a.seq, 'checkpoint_missing');
    else if (s.hash !== a.hash) fault(a.seq, 'checkpoint_altered');
  }

  // The log must still reach every checkpoint (stored or copied) with the same head and count.
  // Only checkpoints whose own hash holds: an altered one is reported above, its figures are not trusted.
  const targets = [...stored, ...against].filter((c) => checkpointHash(c) === c.hash);
  const wanted = new Set(targets.map((c) => c.lastId));
  const seen = new Map<number, { hash: string; count: number }>();
  let count = 0;
  const chain = await verifyAuditChain(db, {
    visit: (row) => {
      count++;
      if (wanted.has(row.id)) seen.set(row.id, { hash: row.hash, count });
    },
  });
  const newest = chain.head?.id ?? 0;
  for (const c of targets) {
    if (c.lastId === 0) continue;
    const at = seen.get(c.lastId);
    if (!at) fault(c.seq, c.lastId > newest ? 'tail_missing' : 'head_differs');
    else if (at.hash !== c.headHash) fault(c.seq, 'head_differs');
    else if (at.count !== c.entries) fault(c.seq, 'count_differs');
  }
  faults.sort((a, b) => a.seq - b.seq);
  const checked = new Set(targets.map((c) => c.seq)).size;
  return { ...chain, ok: chain.ok && faults.length === 0, checkpoints: { checked, faults } };
}

/** Reads an exported checkpoint file; refuses anything else with a clear message. */
export function parseCheckpointFile(text: string): Checkpoint[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    /* reported below */
  }
  const parsed = AuditCheckpointFile.safeParse(data);
  if (!parsed.success) throw new Error('Not a Giatja audit checkpoint file / bukan berkas titik periksa audit Giatja');
  return parsed.data.checkpoints;
}
