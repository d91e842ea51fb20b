import { z } from 'zod';
import { msg } from '../i18n/zod-issues.ts';

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()),
  }),
});

/** Calendar date as text; checked for existence, not just shape. */
export const CalendarDate = z
  .string(msg('required'))
  .regex(/^\d{4}-\d{2}-\d{2}$/, msg('invalid_date'))
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, msg('invalid_date'));

/** A month as 'YYYY-MM' (years 1900–2199: year 0000 is no date PostgreSQL knows). */
export const CalendarMonth = z.string(msg('required')).regex(/^(19|20|21)\d{2}-(0[1-9]|1[0-2])$/, msg('month_format'));

/** The first day of a month, 'YYYY-MM-01' (years 1900–2199). */
export const MonthStart = z.string(msg('required')).regex(/^(19|20|21)\d{2}-(0[1-9]|1[0-2])-01$/, msg('invalid_date'));

/** The largest PostgreSQL `integer`: ids and counts above it cannot name a row. */
export const INT_MAX = 2_147_483_647;

/**
 * A numeric id in a path or query string: plain decimal digits within PostgreSQL's integer range.
 * '1e3', '0x10', ' 5', '1.5', '' and '99999999999999999999' are refused, not read as numbers.
 */
export const PositiveId = z.preprocess(
  (v) => (typeof v === 'string' && !/^[1-9][0-9]{0,9}$/.test(v) ? Number.NaN : v),
  z.coerce.number(msg('invalid')).int(msg('not_integer')).positive(msg('invalid')).max(INT_MAX, msg('invalid')),
);

/** An id inside a JSON body: a JSON number, never text or `true` converted into one. */
export const IdRef = z.number(msg('invalid')).int(msg('not_integer')).positive(msg('invalid')).max(INT_MAX, msg('invalid'));

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

/** Optimistic concurrency: the version the client last saw. */
export const Version = z.number(msg('required')).int().positive().max(INT_MAX, msg('invalid'));
