import type { Bilingual } from '../../../domain/sentence/types.ts';
import { formatDate, formatNumber, humanizeDates } from '../../format.ts';
import { tDynamic, useT } from '../../i18n/index.ts';

/**
 * How the engine's output reads on screen: its bilingual texts in the user's language with
 * Indonesian-style dates, durations ("30 hari") in words, and days left as "2 hari lagi".
 */
export function useSentenceText() {
  const { t, lang } = useT();
  const bi = (b: Bilingual | null | undefined): string => (b ? humanizeDates(b[lang] || b.id, lang) : '');
  const days = (n: number): string => t('common.days', { count: n, n: formatNumber(n) });
  /** A breakdown value: a date, a number of days, or a code shown as it is. */
  const value = (v: string | null | undefined): string => {
    if (!v) return t('common.none');
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(v, lang);
    const m = /^(-?\d+) hari$/.exec(v);
    if (m) return days(Number(m[1]));
    return v;
  };
  const daysLeft = (n: number): string => {
    if (n > 0) return t('sentence.left', { count: n, n: formatNumber(n) });
    if (n === 0) return t('sentence.endsToday');
    return t('sentence.overdue', { count: -n, n: formatNumber(-n) });
  };
  const stage = (s: string): string => tDynamic(`sentence.stages.${s}`, s);
  const remissionKind = (k: string): string => tDynamic(`sentence.remissionKinds.${k}`, k);
  return { t, lang, bi, days, value, daysLeft, stage, remissionKind, date: (d: string | null | undefined) => formatDate(d, lang) };
}

/** Colour of a due date: past and today red, ≤ 3 days orange, ≤ 10 days yellow. */
export function urgencyColor(daysLeft: number): string {
  if (daysLeft <= 0) return 'red';
  if (daysLeft <= 3) return 'orange';
  if (daysLeft <= 10) return 'yellow';
  return 'gray';
}
