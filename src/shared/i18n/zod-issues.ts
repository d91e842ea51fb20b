import type { z } from 'zod';
import { FIELD_MESSAGES, fieldMessage, type FieldMessageKey } from './errors.ts';
import type { Lang } from './lang.ts';

export type FieldErrors = Record<string, string>;

/** Schemas carry `msg:<key>` as their custom message so both languages come from one place. */
export const msg = (key: FieldMessageKey) => ({ message: `msg:${key}` });

function isKey(k: string): k is FieldMessageKey {
  return k in FIELD_MESSAGES;
}

function issueMessage(issue: z.core.$ZodIssue, lang: Lang): string {
  if (issue.message?.startsWith('msg:')) {
    const key = issue.message.slice(4);
    // Bounds of too_small/too_big fill the {min}/{max} of the schema's own message.
    const bounds = issue as { minimum?: unknown; maximum?: unknown };
    const params = {
      ...(bounds.minimum !== undefined ? { min: Number(bounds.minimum) } : {}),
      ...(bounds.maximum !== undefined ? { max: Number(bounds.maximum) } : {}),
    };
    if (isKey(key)) return fieldMessage(key, lang, params);
  }
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return fieldMessage('required', lang);
      return fieldMessage(issue.expected === 'number' || issue.expected === 'int' ? 'not_number' : 'invalid', lang);
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? fieldMessage('required', lang) : fieldMessage('too_short', lang, { min: Number(issue.minimum) });
      return fieldMessage('too_small_number', lang, { min: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return fieldMessage('too_long', lang, { max: Number(issue.maximum) });
      return fieldMessage('too_big_number', lang, { max: Number(issue.maximum) });
    case 'invalid_value':
      return fieldMessage('invalid_option', lang);
    case 'invalid_format':
      if (issue.format === 'date') return fieldMessage('invalid_date', lang);
      if (issue.format === 'email') return fieldMessage('invalid_email', lang);
      return fieldMessage('invalid', lang);
    case 'unrecognized_keys':
      return fieldMessage('unknown_field', lang, { keys: issue.keys.join(', ') });
    default:
      return fieldMessage('invalid', lang);
  }
}

/** Turns a zod error into `{ "field.path": "message" }`, first message per field. */
export function fieldErrors(error: z.ZodError, lang: Lang): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : '_';
    if (!(key in out)) out[key] = issueMessage(issue, lang);
  }
  return out;
}
