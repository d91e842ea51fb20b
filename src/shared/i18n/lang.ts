export const LANGS = ['id', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Indonesian first: anything not clearly English is answered in Indonesian. */
export function pickLang(cookie: string | undefined, acceptLanguage: string | undefined): Lang {
  if (cookie === 'en' || cookie === 'id') return cookie;
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'id';
}

export type Bilingual = Record<Lang, string>;
