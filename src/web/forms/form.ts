import { useCallback, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { FIELD_MESSAGES, fieldMessage, type FieldMessageKey } from '../../shared/i18n/errors.ts';
import type { Lang } from '../../shared/i18n/lang.ts';
import { fieldErrors } from '../../shared/i18n/zod-issues.ts';
import { ApiError, type FieldErrors } from '../api/client.ts';
import { currentLang } from '../i18n/index.ts';

/** Problem shown above a form: a server error (with code) or a client-side validation failure. */
export type FormProblem = { kind: 'api'; error: ApiError } | { kind: 'client' } | null;

/**
 * `fieldErrors` from the shared module, with the limits filled in: a schema's own message key
 * (`msg:too_small_number`) is translated there without its `{min}`/`{max}`, which would read
 * "Minimal ." — here the issue's bounds are passed in.
 */
export function formFieldErrors(error: z.ZodError, lang: Lang): FieldErrors {
  const out = fieldErrors(error, lang);
  const seen = new Set<string>();
  for (const issue of error.issues) {
    const path = issue.path.length ? issue.path.map(String).join('.') : '_';
    if (seen.has(path)) continue;
    seen.add(path);
    const key = issue.message?.startsWith('msg:') ? issue.message.slice(4) : '';
    if ((issue.code === 'too_small' || issue.code === 'too_big') && key in FIELD_MESSAGES) {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      out[path] = fieldMessage(key as FieldMessageKey, lang, { min: Number(bound), max: Number(bound) });
    }
  }
  return out;
}

/**
 * Form state with the same zod schemas the server uses. Field errors (from the schema or the
 * API's `fields`) are keyed by field path; the first invalid field receives focus.
 */
export function useForm<V extends Record<string, unknown>>(initial: V) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<FormProblem>(null);
  const [submitting, setSubmitting] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (attempt === 0) return;
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (first) first.focus();
    else if (problem) formRef.current?.querySelector<HTMLElement>('[data-form-problem]')?.focus();
  }, [attempt, problem]);

  const set = useCallback(<K extends keyof V>(key: K, value: V[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => {
      if (!(key as string in e)) return e;
      const next = { ...e };
      delete next[key as string];
      return next;
    });
  }, []);

  /** Validates with a shared schema; on failure shows the translated issues. */
  function validate<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> | undefined {
    const result = schema.safeParse(input);
    if (result.success) return result.data;
    setErrors(formFieldErrors(result.error, currentLang()));
    setProblem({ kind: 'client' });
    setAttempt((a) => a + 1);
    return undefined;
  }

  /** Runs the request; API field errors land under their inputs, the message above the form. */
  async function run<T>(request: () => Promise<T>): Promise<T | undefined> {
    setSubmitting(true);
    setProblem(null);
    try {
      const out = await request();
      setErrors({});
      return out;
    } catch (err) {
      const error = err instanceof ApiError ? err : new ApiError(0, 'NETWORK', '');
      setErrors(error.fields);
      setProblem({ kind: 'api', error });
      setAttempt((a) => a + 1);
      return undefined;
    } finally {
      setSubmitting(false);
    }
  }

  const reset = useCallback((next: V) => {
    setValues(next);
    setErrors({});
    setProblem(null);
  }, []);

  return { values, set, errors, setErrors, problem, setProblem, submitting, validate, run, reset, formRef };
}

/** Text input value → nullable trimmed string. */
export const nullIfBlank = (s: string): string | null => (s.trim() === '' ? null : s.trim());

/**
 * Number input value (Mantine gives number | string) → number, or null when empty. Anything
 * else is passed on unchanged so the schema reports it ("must be a number").
 */
export function numberOrNull(v: number | string): unknown {
  if (typeof v === 'number') return v;
  const s = v.trim();
  if (s === '') return null;
  const n = Number(s.replace(/\./g, '').replace(',', '.'));
  return Number.isNaN(n) ? s : n;
}
