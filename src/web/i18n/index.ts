import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Lang } from '../../shared/i18n/lang.ts';
import { id, type Catalog } from './id.ts';

export const LANG_COOKIE = 'giatja_lang';
const ONE_YEAR = 365 * 24 * 3600;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalog };
  }
}

function cookieLang(): Lang | undefined {
  const m = /(?:^|;\s*)giatja_lang=(id|en)(?:;|$)/.exec(document.cookie);
  return m?.[1] === 'en' ? 'en' : m?.[1] === 'id' ? 'id' : undefined;
}

/** The language chosen earlier in this browser (cookie), else Indonesian. */
export function storedLang(): Lang {
  return cookieLang() ?? 'id';
}

/** Area catalogs loaded with their pages, so the sign-in screen and the shell stay small. */
const BUNDLES = {
  wbp: {
    id: () => import('./id.wbp.ts').then((m) => m.idWbp as object),
    en: () => import('./en.wbp.ts').then((m) => m.enWbp as object),
  },
  work: {
    id: () => import('./id.work.ts').then((m) => m.idWork as object),
    en: () => import('./en.work.ts').then((m) => m.enWork as object),
  },
  sales: {
    id: () => import('./id.sales.ts').then((m) => m.idSales as object),
    en: () => import('./en.sales.ts').then((m) => m.enSales as object),
  },
  training: {
    id: () => import('./id.training.ts').then((m) => m.idTraining as object),
    en: () => import('./en.training.ts').then((m) => m.enTraining as object),
  },
  cockpit: {
    id: () => import('./id.cockpit.ts').then((m) => m.idCockpit as object),
    en: () => import('./en.cockpit.ts').then((m) => m.enCockpit as object),
  },
} as const;
type Bundle = keyof typeof BUNDLES;
const loaded: Record<Bundle, Set<Lang>> = { wbp: new Set(), work: new Set(), sales: new Set(), training: new Set(), cockpit: new Set() };

/** An area's strings in `lang` (Indonesian always, as the fallback). */
async function ensureBundle(bundle: Bundle, lang: Lang): Promise<void> {
  const have = loaded[bundle];
  if (!have.has('id')) {
    i18next.addResourceBundle('id', 'translation', await BUNDLES[bundle].id(), true, true);
    have.add('id');
  }
  if (lang === 'en' && !have.has('en')) {
    i18next.addResourceBundle('en', 'translation', await BUNDLES[bundle].en(), true, true);
    have.add('en');
  }
}

/**
 * Loads the strings of the "WBP & Ekspirasi" pages before the first of them renders (App.tsx
 * wraps their lazy imports), so the sign-in screen and the shell do not carry them.
 */
export function loadWbpStrings(): Promise<void> {
  return ensureBundle('wbp', currentLang());
}

/** The same for the "Kerja & Produksi" pages (work, premi, food security, production). */
export function loadWorkStrings(): Promise<void> {
  return ensureBundle('work', currentLang());
}

/** The same for the "Penjualan & PNBP" pages (sales, proceeds split, PNBP billings, NTPN, reconciliation). */
export function loadSalesStrings(): Promise<void> {
  return ensureBundle('sales', currentLang());
}

/** The same for the "Pelatihan & Kemitraan" pages (training, certificates, partners). */
export function loadTrainingStrings(): Promise<void> {
  return ensureBundle('training', currentLang());
}

/** The same for the cockpit pages (dashboards, map, targets, monthly reports). */
export function loadCockpitStrings(): Promise<void> {
  return ensureBundle('cockpit', currentLang());
}

/** English is loaded only when someone asks for it: Indonesian users never download it. */
async function ensureCatalog(lang: Lang): Promise<void> {
  if (lang === 'en' && !i18next.hasResourceBundle('en', 'translation')) {
    const { en } = await import('./en.ts');
    i18next.addResourceBundle('en', 'translation', en, true, true);
  }
  // An area page already open switches language with its strings.
  for (const bundle of Object.keys(BUNDLES) as Bundle[]) if (loaded[bundle].size > 0) await ensureBundle(bundle, lang);
}

export async function initI18n(): Promise<void> {
  const lang = storedLang();
  await i18next.use(initReactI18next).init({
    resources: { id: { translation: id } },
    lng: 'id',
    fallbackLng: 'id',
    supportedLngs: ['id', 'en'],
    interpolation: { escapeValue: false },
    returnNull: false,
    react: { useSuspense: false },
  });
  if (lang !== 'id') await setLang(lang, { persist: false });
  // Without a cookie the API would follow the browser's Accept-Language and could answer in
  // English under an Indonesian screen: record the language actually shown.
  if (!cookieLang()) writeCookie(lang);
  document.documentElement.lang = i18next.language;
}

function writeCookie(lang: Lang): void {
  document.cookie = `${LANG_COOKIE}=${lang}; path=/; max-age=${ONE_YEAR}; samesite=lax`;
}

/**
 * Switches the UI language. The cookie makes the API answer errors in the same language and
 * keeps the choice across reloads (path=/, one year).
 */
export async function setLang(lang: Lang, opts: { persist?: boolean } = {}): Promise<void> {
  await ensureCatalog(lang);
  if (opts.persist !== false) writeCookie(lang);
  await i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
}

export function currentLang(): Lang {
  return i18next.language === 'en' ? 'en' : 'id';
}

/** `t` plus the current language, typed as the API's `Lang`. */
export function useT() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'id';
  return { t, lang };
}

/**
 * Looks up a key built at run time (enum labels, audit field names); falls back to the raw
 * value so an unknown code still shows something meaningful.
 */
export function tDynamic(key: string, fallback: string): string {
  return i18next.exists(key) ? (i18next.t as unknown as (k: string) => string)(key) : fallback;
}

export { i18next };
