import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { fieldMessage } from '../../shared/i18n/errors.ts';
import type { AppEnv } from './context.ts';
import { errorJson } from './errors-handler.ts';

/** JSON bodies of forms are small; a route that takes more (an attendance sheet) says so. */
export const JSON_BODY_LIMIT = 256 * 1024;
/** Uploads: the largest file a route takes (an SDP export, 20 MB) and the form around it. */
export const UPLOAD_BODY_LIMIT = 21 * 1024 * 1024;

/** Refuses a body larger than `maxBytes` before it is parsed: 413 in the caller's language. */
export function limitBody(maxBytes: number): MiddlewareHandler<AppEnv> {
  return bodyLimit({ maxSize: maxBytes, onError: (c) => errorJson(c, 413, 'PAYLOAD_TOO_LARGE') });
}

/**
 * Text PostgreSQL cannot store as sent: a NUL character (refused by `text` and `jsonb`) and a
 * lone UTF-16 surrogate (which would silently become U+FFFD, so the stored value differs from
 * the one sent and audited).
 */
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isStorableText(s: string): boolean {
  return !UNSTORABLE.test(s);
}

/** Every string in a parsed JSON value (keys included) that cannot be stored, by field path. */
export function unstorableFields(value: unknown, path: string[] = [], out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (!isStorableText(value)) out.push(path.join('.') || '_');
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => unstorableFields(v, [...path, String(i)], out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (!isStorableText(k)) out.push([...path, k.replace(UNSTORABLE, '?')].join('.'));
      else unstorableFields(v, [...path, k], out);
    }
  }
  return out;
}

/**
 * Looks at every query value and every string of a JSON body before the route's schema does,
 * so no route can take such text in any field, including fields added later. Answers 400 with
 * the offending fields; a body that is not JSON is left to the route's validator.
 */
export function refuseUnstorableText(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const bad = Object.entries(c.req.queries()).flatMap(([k, vs]) => (vs.some((v) => !isStorableText(v)) || !isStorableText(k) ? [k.replace(UNSTORABLE, '?')] : []));
    if ((c.req.header('content-type') ?? '').includes('application/json')) {
      const body: unknown = await c.req.json().catch(() => undefined);
      bad.push(...unstorableFields(body));
    }
    if (!bad.length) return next();
    const lang = c.get('lang') ?? 'id';
    return errorJson(c, 400, 'VALIDATION', Object.fromEntries(bad.map((f) => [f, fieldMessage('unstorable_text', lang)])));
  };
}
