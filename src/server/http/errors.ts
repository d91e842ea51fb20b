import type { ErrorCode } from '../../shared/i18n/errors.ts';
import type { FieldMessageKey } from '../../shared/i18n/errors.ts';

/** An expected failure with an HTTP status, a code the client can act on, and field errors. */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 423 | 429,
    readonly code: ErrorCode,
    /** Field errors as message keys, or a rule's own bilingual text; translated when written. */
    readonly fields: Record<string, FieldMessageKey | { id: string; en: string }> = {},
  ) {
    super(code);
  }
}

export const notFound = () => new AppError(404, 'NOT_FOUND');
export const forbidden = () => new AppError(403, 'FORBIDDEN');
export const outOfScope = () => new AppError(403, 'OUT_OF_SCOPE');
export const versionConflict = () => new AppError(409, 'CONFLICT_VERSION');
export const invalidField = (field: string, key: FieldMessageKey) => new AppError(400, 'VALIDATION', { [field]: key });
