import { z } from 'zod';
import { msg } from '../i18n/zod-issues.ts';
import { IdRef, MonthStart, PositiveId, Version } from './common.ts';

const Year = z.coerce.number(msg('not_number')).int(msg('not_integer')).min(2000, msg('too_small_number')).max(2100, msg('too_big_number'));
/** A year inside a JSON body: a number as sent, no conversion. */
const YearValue = z.number(msg('not_number')).int(msg('not_integer')).min(2000, msg('too_small_number')).max(2100, msg('too_big_number'));
export { MonthStart };
const Amount = z.number(msg('not_number')).int(msg('not_integer')).min(0, msg('too_small_number')).max(1e15, msg('too_big_number'));
const Reason = z.string(msg('required')).trim().min(3, msg('too_short')).max(500, msg('too_long'));

export const DashboardQuery = z.object({ year: Year, kanwilId: PositiveId.optional(), uptId: PositiveId.optional() });
export const TrendQuery = DashboardQuery.extend({ indicatorId: PositiveId });
/** Changes to closed months' figures in a year, for the caller's scope (optionally one indicator or unit). */
export const ChangesQuery = DashboardQuery.extend({ indicatorId: PositiveId.optional() });
export const MapQuery = z.object({ year: Year, indicatorId: PositiveId });
export const RecordsQuery = z.object({ indicatorId: PositiveId, uptId: PositiveId, from: MonthStart, to: MonthStart });
export const TargetsQuery = z.object({ year: Year, indicatorId: PositiveId.optional(), kanwilId: PositiveId.optional() });

/** A target for one unit: the nation (no ids), a Kanwil, or a UPT. Values in the indicator's base unit. */
export const TargetInput = z.strictObject({
  indicatorId: IdRef,
  year: YearValue,
  level: z.enum(['national', 'kanwil', 'upt'], msg('invalid_option')),
  kanwilId: IdRef.optional(),
  uptId: IdRef.optional(),
  value: Amount,
  reason: Reason,
});
export type TargetInput = z.infer<typeof TargetInput>;

export const ALLOCATION_METHODS = ['proportional', 'equal', 'same', 'manual'] as const;
export const ALLOCATION_BASES = ['capacity', 'population'] as const;
/** Allocates the parent's target (national → Kanwils, or a Kanwil → its UPTs). */
export const AllocateInput = z.strictObject({
  indicatorId: IdRef,
  year: YearValue,
  kanwilId: IdRef.optional(),
  method: z.enum(ALLOCATION_METHODS, msg('invalid_option')),
  basis: z.enum(ALLOCATION_BASES, msg('invalid_option')).optional(),
  values: z.array(z.strictObject({ id: IdRef, value: Amount })).max(1000).optional(),
  reason: Reason,
});
export type AllocateInput = z.infer<typeof AllocateInput>;

export const ManualValueInput = z.strictObject({
  indicatorId: IdRef,
  uptId: IdRef.optional(),
  month: MonthStart,
  value: Amount,
  note: z.string(msg('required')).trim().min(5, msg('too_short')).max(2000, msg('too_long')),
  link: z.url(msg('invalid')).max(500, msg('too_long')).optional(),
});
export type ManualValueInput = z.infer<typeof ManualValueInput>;

export const REPORT_STATUSES = ['draft', 'submitted', 'verified', 'returned', 'received'] as const;
export const Commentary = z.strictObject({
  summary: z.string().trim().max(4000, msg('too_long')).default(''),
  obstacles: z.string().trim().max(4000, msg('too_long')).default(''),
  plans: z.string().trim().max(4000, msg('too_long')).default(''),
});
export const ReportCreateInput = z.strictObject({ uptId: IdRef.optional(), month: MonthStart });
export const ReportUpdateInput = z.strictObject({ version: Version, commentary: Commentary });
export const ReportStepInput = z.strictObject({ version: Version });
export const ReportReturnInput = z.strictObject({ version: Version, reason: Reason });
export const ReportListQuery = z.object({ month: MonthStart, kanwilId: PositiveId.optional(), status: z.enum(REPORT_STATUSES).optional() });
export const ExportFormat = z.object({ format: z.enum(['xlsx', 'pdf']).default('xlsx') });
export const ConsolidatedQuery = z.object({ month: MonthStart, kanwilId: PositiveId.optional(), format: z.enum(['json', 'xlsx', 'pdf']).default('json') });
