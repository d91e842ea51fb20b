import { z } from 'zod';
import { CalendarDate } from './common.ts';

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

export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  /** Every entry that does not verify: 'content' = edited, 'link' = something removed, added or moved before it. */
  breaks: z.array(z.object({ id: z.number().int(), reason: AuditBreakReason })),
  brokenAt: z.number().int().optional(),
  reason: AuditBreakReason.optional(),
  head: z.object({ id: z.number().int(), hash: z.string() }).nullable(),
});
export type AuditVerifyResult = z.infer<typeof AuditVerifyResult>;
