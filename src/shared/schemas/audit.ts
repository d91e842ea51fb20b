import { z } from 'zod';
import { CalendarDate, INT_MAX } from './common.ts';

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  actorUsername: z.string().nullable(),
  actorRole: z.string().nullable(),
  scopeKanwilId: z.number().int().nullable(),
  scopeUptId: z.number().int().nullable(),
  entity: z.string(),
  entityId: z.string().nullable(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.object({
  entity: z.string().max(60).optional(),
  entityId: z.string().max(60).optional(),
  actor: z.string().max(60).optional(),
  action: z.string().max(60).optional(),
  from: CalendarDate.optional(),
  to: CalendarDate.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditBreakReason = z.enum(['content', 'link']);

/** A checkpoint of the audit chain's head (see src/server/audit/checkpoint.ts). */
export const AuditCheckpoint = z.strictObject({
  seq: z.number().int().min(1).max(INT_MAX),
  at: z.string().max(40),
  // audit_log ids are bigint: within JSON's exact integers.
  lastId: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  entries: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  headHash: z.string().regex(/^[0-9a-f]{64}$/),
  madeBy: z.string().max(120),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AuditCheckpoint = z.infer<typeof AuditCheckpoint>;

export const AUDIT_CHECKPOINT_FORMAT = 'giatja-audit-checkpoints';
/** What an auditor exports and keeps outside the system, and later verifies against. */
export const AuditCheckpointFile = z.object({
  format: z.literal(AUDIT_CHECKPOINT_FORMAT),
  exportedAt: z.string().max(40),
  checkpoints: z.array(AuditCheckpoint).max(20_000),
});
export type AuditCheckpointFile = z.infer<typeof AuditCheckpointFile>;

export const AuditCheckpointFault = z.object({
  seq: z.number().int(),
  /**
   * tail_missing: the log ends before the checkpoint's last entry (its newest entries deleted);
   * head_differs: that entry is gone or changed; count_differs: another number of entries up to it;
   * checkpoint_missing: a checkpoint in the sequence or the auditor's file is not in the database;
   * checkpoint_altered: a checkpoint's content does not give its hash or differs from the copy.
   */
  reason: z.enum(['tail_missing', 'head_differs', 'count_differs', 'checkpoint_missing', 'checkpoint_altered']),
});
export type AuditCheckpointFault = z.infer<typeof AuditCheckpointFault>;

export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  /** Every entry that does not verify: 'content' = edited, 'link' = something removed, added or moved before it. */
  breaks: z.array(z.object({ id: z.number().int(), reason: AuditBreakReason })),
  brokenAt: z.number().int().optional(),
  reason: AuditBreakReason.optional(),
  head: z.object({ id: z.number().int(), hash: z.string() }).nullable(),
  checkpoints: z.object({ checked: z.number().int(), faults: z.array(AuditCheckpointFault) }),
});
export type AuditVerifyResult = z.infer<typeof AuditVerifyResult>;
