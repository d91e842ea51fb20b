import { z } from 'zod';
import { PositiveId } from './common.ts';

export const DueItem = z.object({
  wbpId: z.number().int(),
  uptId: z.number().int(),
  uptName: z.string(),
  noRegister: z.string(),
  name: z.string(),
  status: z.string(),
  /** 'detention' (a detainee's order ends) or 'expiry' (a sentence ends). */
  kind: z.enum(['detention', 'expiry']),
  dueDate: z.string(),
  /** Negative once past: the inmate is held without a legal basis. */
  daysLeft: z.number().int(),
  nextStep: z.string().nullable(),
  nextStepEn: z.string().nullable(),
  verdictDocument: z.boolean(),
});
export type DueItem = z.infer<typeof DueItem>;

export const DueQuery = z.object({
  uptId: PositiveId.optional(),
  /** Include items due within this many days (0 = only overstays). */
  withinDays: z.coerce.number().int().min(0).max(120).default(10),
  /** Only items due at least this many days from today (e.g. 0 leaves out overstays, for release lists). */
  fromDays: z.coerce.number().int().min(-100000).max(120).optional(),
  kind: z.enum(['detention', 'expiry', 'all']).default('all'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});
export type DueQuery = z.infer<typeof DueQuery>;

export const OverstaySummaryRow = z.object({
  kanwilId: z.number().int(),
  kanwilName: z.string(),
  uptId: z.number().int(),
  uptName: z.string(),
  overstayDetention: z.number().int(),
  overstayExpiry: z.number().int(),
  due0: z.number().int(),
  due3: z.number().int(),
  due10: z.number().int(),
});

export const OverstaySummary = z.object({
  today: z.string(),
  warningDays: z.array(z.number().int()),
  totals: z.object({ overstay: z.number().int(), overstayDetention: z.number().int(), overstayExpiry: z.number().int(), dueSoon: z.number().int() }),
  rows: z.array(OverstaySummaryRow),
});
export type OverstaySummary = z.infer<typeof OverstaySummary>;

export const UpcomingReleaseQuery = z.object({
  uptId: PositiveId.optional(),
  months: z.coerce.number().int().min(1).max(3).default(1),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});
