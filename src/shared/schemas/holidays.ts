import { z } from 'zod';
import { msg } from '../i18n/zod-issues.ts';
import { CalendarDate } from './common.ts';

export const Holiday = z.object({ date: z.string(), name: z.string(), national: z.boolean(), source: z.string() });
export type Holiday = z.infer<typeof Holiday>;

export const HolidayQuery = z.object({ year: z.coerce.number().int().min(1990).max(2100).optional() });

export const HolidayInput = z.strictObject({
  date: CalendarDate,
  name: z.string(msg('required')).trim().min(3, msg('too_short')).max(120, msg('too_long')),
  national: z.boolean().default(true),
});
export type HolidayInput = z.infer<typeof HolidayInput>;

export const HolidayKey = z.strictObject({ date: CalendarDate, name: z.string().min(1).max(120) });
