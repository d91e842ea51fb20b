import type { Lang } from '../shared/i18n/lang.ts';

/** Numbers always with Indonesian grouping (1.234), as officers read them in reports. */
const numberFmt = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });

export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : numberFmt.format(n);
}

const dateFmts = new Map<string, Intl.DateTimeFormat>();
function fmt(lang: Lang, withTime: boolean): Intl.DateTimeFormat {
  const key = `${lang}:${withTime}`;
  let f = dateFmts.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hour12: false } : {}),
    });
    dateFmts.set(key, f);
  }
  return f;
}

/** "2026-11-25" or an ISO timestamp → "25 Nov 2026". Calendar dates are not shifted by time zone. */
export function formatDate(value: string | null | undefined, lang: Lang): string {
  if (!value) return '—';
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00`) : new Date(value);
  return Number.isNaN(d.getTime()) ? value : fmt(lang, false).format(d);
}

/** ISO timestamp → "25 Nov 2026 14.05" (local time of the browser). */
export function formatDateTime(value: string | null | undefined, lang: Lang): string {
  if (!value) return '—';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : fmt(lang, true).format(d);
}

/** "2026-11-25" written inside a text (engine messages, breakdown labels) → "25 Nov 2026". */
export function humanizeDates(text: string, lang: Lang): string {
  return text.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (iso) => formatDate(iso, lang));
}

/** Integer rupiah → "Rp 1.000.000". */
export function formatRupiah(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : `Rp ${numberFmt.format(n)}`;
}

/** Today plus or minus whole days, as 'YYYY-MM-DD' (calendar arithmetic in UTC, no time-zone drift). */
export function addDaysIso(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
