import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { errorMessage, fieldMessage, type ErrorCode } from '../../shared/i18n/errors.ts';
import { fieldErrors } from '../../shared/i18n/zod-issues.ts';
import type { AppEnv } from './context.ts';
import { AppError } from './errors.ts';

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 423 | 429 | 500 | 503;

export function errorJson(c: Context<AppEnv>, status: ErrorStatus, code: ErrorCode, fields: Record<string, string> = {}) {
  const lang = c.get('lang') ?? 'id';
  return c.json({ error: { code, message: errorMessage(code, lang), fields } }, status);
}

/** Validation failures from route schemas, in the caller's language. */
export function validationHook(result: { success: boolean; error?: unknown }, c: Context<AppEnv>) {
  if (!result.success && result.error instanceof z.ZodError) {
    return errorJson(c, 400, 'VALIDATION', fieldErrors(result.error, c.get('lang') ?? 'id'));
  }
  return undefined;
}

/** Expected errors become their status and code; anything else is logged and answered as 500 without details. */
export function onError(err: Error, c: Context<AppEnv>) {
  const lang = c.get('lang') ?? 'id';
  if (err instanceof AppError) {
    const fields = Object.fromEntries(Object.entries(err.fields).map(([k, m]) => [k, typeof m === 'string' ? fieldMessage(m, lang) : m[lang]]));
    return errorJson(c, err.status, err.code, fields);
  }
  if (err instanceof z.ZodError) return errorJson(c, 400, 'VALIDATION', fieldErrors(err, lang));
  if (err instanceof HTTPException && err.status < 500) {
    // Malformed JSON bodies and similar surface here from Hono's validators.
    return errorJson(c, err.status === 413 ? 413 : 400, 'BAD_REQUEST');
  }
  const pgCode = (err as { code?: string }).code;
  if (pgCode === '23505') return errorJson(c, 409, 'DUPLICATE');
  if (pgCode && DATA_EXCEPTION.test(pgCode)) {
    // A value PostgreSQL cannot hold (a number or date out of range, malformed text) that slipped
    // past a schema: the request is at fault, not the server. Logged, so the schema gets mended.
    c.get('services')?.log.warn({ err: err.message, code: pgCode, requestId: c.get('requestId') }, 'data exception answered as 400');
    return errorJson(c, 400, 'VALIDATION');
  }
  if (isDatabaseUnreachable(err)) {
    // Not a bug in the request: the database is down or restarting. Say so, and when to retry.
    c.get('services')?.log.warn({ err: err.message, requestId: c.get('requestId') }, 'database unreachable');
    c.header('retry-after', String(RETRY_AFTER_SECONDS));
    return errorJson(c, 503, 'UNAVAILABLE');
  }
  c.get('services')?.log.error({ err, requestId: c.get('requestId') }, 'unhandled error');
  return errorJson(c, 500, 'INTERNAL');
}

const RETRY_AFTER_SECONDS = 5;

/** SQLSTATE class 22, data exceptions: out-of-range numbers and dates, invalid text for a type. */
const DATA_EXCEPTION = /^22[0-9A-Z]{3}$/;

/** Socket errors of the driver and PostgreSQL's own "cannot serve now" codes. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down, recovering)
  '53300', // too_many_connections
  '08000', '08001', '08003', '08004', '08006', // connection exceptions
]);

function isDatabaseUnreachable(err: Error): boolean {
  const code = (err as { code?: string }).code;
  if (code && UNREACHABLE_CODES.has(code)) return true;
  return /Connection terminated|connection timeout|Client has encountered a connection error|timeout exceeded when trying to connect/i.test(err.message);
}
