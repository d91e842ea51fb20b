/**
 * Bilingual wording shared by the work, premi and stock rules (Indonesian first, English complete —
 * STYLE.md). Numbers and dates are formatted by hand, not with `Intl`, so a statement printed on a
 * server without full ICU data reads the same as in the browser.
 */
import { dateParts } from '../calendar/date.ts';
import type { IsoDate } from '../calendar/date.ts';

export type Lang = 'id' | 'en';

export interface Bilingual {
  id: string;
  en: string;
}

/** A refusal, warning or notice: a stable code for programs and a sentence in each language. */
export interface Reason {
  code: string;
  id: string;
  en: string;
}

export function reason(code: string, id: string, en: string): Reason {
  return { code, id, en };
}

const MONTHS: Record<Lang, readonly string[]> = {
  id: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** '2027-01-01' → "1 Jan 2027" (both languages put the day first; only month names differ). */
export function formatShortDate(date: IsoDate, lang: Lang): string {
  const { year, month, day } = dateParts(date);
  return `${day} ${MONTHS[lang][month - 1] ?? ''} ${year}`;
}

/** Groups thousands: 12000 → "12.000" (id) / "12,000" (en). Integers only. */
export function groupThousands(value: number, lang: Lang): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`Not a safe integer: ${value}`);
  const digits = String(Math.abs(value));
  const separator = lang === 'id' ? '.' : ',';
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/gu, separator);
  return value < 0 ? `-${grouped}` : grouped;
}

/** Errors as values at the edges (STYLE.md): a value, or the reasons it was refused. */
export type Result<T> = { ok: true; value: T } | { ok: false; errors: Reason[] };

export function refused<T>(code: string, id: string, en: string): Result<T> {
  return { ok: false, errors: [reason(code, id, en)] };
}
