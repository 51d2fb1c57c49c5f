import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import en from './en.json';
import zhCN from './zh-CN.json';
import type { Me } from '../types.ts';

/**
 * The console's languages. Keys are the English text itself, so English needs no catalogue
 * except where its plural differs (`_one`); every other language maps each English text to its
 * own. A text missing from a catalogue shows in English, and the catalogue test names it.
 */
// The server's list (GET /v1/me's locale): a language the server does not keep cannot be offered.
export const LOCALES = ['en', 'zh-CN'] as const satisfies readonly NonNullable<Me['locale']>[];
export type Locale = (typeof LOCALES)[number];

/** Each language named in itself, as language menus do. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

const REMEMBERED = 'arbiter.locale';

const isLocale = (value: string | null | undefined): value is Locale => (LOCALES as readonly string[]).includes(value ?? '');

/** Before anyone signs in: the language last used in this browser, else the browser's own. */
function browserLocale(): Locale {
  const remembered = localStorage.getItem(REMEMBERED);
  if (isLocale(remembered)) return remembered;
  return navigator.languages.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  lng: browserLocale(),
  fallbackLng: 'en',
  // The keys are sentences: dots and colons in them are text, not paths.
  keySeparator: false,
  nsSeparator: false,
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18next.language;

export function currentLocale(): Locale {
  return isLocale(i18next.language) ? i18next.language : 'en';
}

/** Shows the console in `locale` (or, for null, the browser's language) and remembers it in this browser. */
export async function switchLocale(locale: Locale | null): Promise<void> {
  if (locale) localStorage.setItem(REMEMBERED, locale);
  else localStorage.removeItem(REMEMBERED);
  const next = locale ?? browserLocale();
  await i18next.changeLanguage(next);
  document.documentElement.lang = next;
}

export const useT = () => useTranslation().t;
export const t = i18next.t.bind(i18next);
export { isLocale };

export { tk } from './key.ts';

/** A flow's text for people (a reason, a field label) in the reader's language where the flow gives it, else as written. */
export function localText(text: string, texts?: Partial<Record<string, string>> | null): string {
  return texts?.[currentLocale()] ?? text;
}
