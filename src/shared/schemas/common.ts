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

/** A numeric id in a path or query string. */
export const PositiveId = z.coerce.number(msg('invalid')).int(msg('not_integer')).positive(msg('invalid'));

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

/** Optimistic concurrency: the version the client last saw. */
export const Version = z.number(msg('required')).int().positive();
