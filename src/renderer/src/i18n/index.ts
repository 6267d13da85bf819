import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-CN';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'basedesk.language';

function storedLanguage(): Language {
  const saved = window.localStorage.getItem(STORAGE_KEY);
  return (LANGUAGES as readonly string[]).includes(saved ?? '') ? (saved as Language) : 'zh-CN';
}

export const i18n: I18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: storedLanguage(),
  // English gaps fall back to Chinese, never to a raw key; error codes without a translation use the core's message.
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  initAsync: false,
});

rememberFormattedCodes(i18n);
document.documentElement.lang = i18n.language;

/**
 * i18next canonicalises the language code (Intl.getCanonicalLocales, twice) on every t() call, which was a
 * good part of a large table's render. A code's canonical form never changes, so each is worked out once.
 */
function rememberFormattedCodes(instance: I18n): void {
  const utils = instance.services.languageUtils as { formatLanguageCode: (code: string) => string };
  const format = utils.formatLanguageCode.bind(utils);
  const formatted = new Map<string, string>();
  utils.formatLanguageCode = (code) => {
    let f = formatted.get(code);
    if (f === undefined) formatted.set(code, (f = format(code)));
    return f;
  };
}

export function setLanguage(language: Language): void {
  window.localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}
