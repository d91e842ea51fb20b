import { z } from 'zod';
import { msg } from '../i18n/zod-issues.ts';
import { CalendarDate, IdRef, PositiveId, Version } from './common.ts';

export const RUN_KINDS = ['umum', 'khusus', 'dasawarsa'] as const;
export const RUN_STATUSES = ['draft', 'proposed', 'verified', 'approved', 'rejected'] as const;

export const RemissionRunCreateInput = z.strictObject({
  uptId: IdRef.optional(),
  kind: z.enum(RUN_KINDS, msg('invalid_option')),
  occasionDate: CalendarDate,
});
export type RemissionRunCreateInput = z.infer<typeof RemissionRunCreateInput>;

export const RemissionRunAction = z.strictObject({
  version: Version,
  /** Verify and approve may also reject (with a note). */
  decision: z.enum(['accept', 'reject'], msg('invalid_option')).default('accept'),
  /** Required to approve: the minister's decree (SK) number. */
  decreeNumber: z.string().trim().min(5, msg('too_short')).max(120, msg('too_long')).optional(),
  note: z.string().trim().max(500, msg('too_long')).optional(),
});
export type RemissionRunAction = z.infer<typeof RemissionRunAction>;

export const RemissionRunItem = z.object({
  wbpId: z.number().int(),
  noRegister: z.string(),
  name: z.string(),
  eligible: z.boolean(),
  days: z.number().int(),
  ordinal: z.number().int().nullable(),
  releasedOnDay: z.boolean(),
  expiryBefore: z.string().nullable(),
  expiryAfter: z.string().nullable(),
  reasons: z.array(z.object({ id: z.string(), en: z.string() })),
});

export const RemissionRun = z.object({
  id: z.number().int(),
  uptId: z.number().int(),
  uptName: z.string(),
  kanwilId: z.number().int(),
  kind: z.enum(RUN_KINDS),
  occasionDate: z.string(),
  occasionName: z.string(),
  status: z.enum(RUN_STATUSES),
  decreeNumber: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  counts: z.object({ total: z.number().int(), eligible: z.number().int(), releasedOnDay: z.number().int(), days: z.number().int() }),
  history: z.array(z.object({ step: z.string(), by: z.string().nullable(), at: z.string().nullable() })),
});
export type RemissionRun = z.infer<typeof RemissionRun>;

export const RemissionRunListQuery = z.object({
  uptId: PositiveId.optional(),
  status: z.enum(RUN_STATUSES).optional(),
});

export const UpcomingReleaseItem = z.object({
  wbpId: z.number().int(),
  uptId: z.number().int(),
  uptName: z.string(),
  noRegister: z.string(),
  name: z.string(),
  expiry: z.string(),
  pbDate: z.string().nullable(),
  daysLeft: z.number().int(),
  verdictDocument: z.boolean(),
});
