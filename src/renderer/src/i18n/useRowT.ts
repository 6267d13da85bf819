import { useSyncExternalStore } from 'react';
import { i18n } from './index';

export type RowT = (key: string, options?: Record<string, unknown>) => string;

const texts = new Map<string, string>();
let textsLanguage = '';

function subscribe(onChange: () => void): () => void {
  i18n.on('languageChanged', onChange);
  return () => i18n.off('languageChanged', onChange);
}

const language = () => i18n.language;

function rowT(key: string, options?: Record<string, unknown>): string {
  if (options) return i18n.t(key, options) as string;
  if (textsLanguage !== i18n.language) {
    texts.clear();
    textsLanguage = i18n.language;
  }
  let text = texts.get(key);
  if (text === undefined) texts.set(key, (text = i18n.t(key) as string));
  return text;
}

/**
 * The `t` of useTranslation for what a large table draws once per row. useTranslation costs each mounted
 * component a wrapper of the i18n instance and each call a copy of i18next's options, which added up to a
 * good part of a 100-row page's first paint; here a text without values is looked up once per language.
 * Same texts and fallbacks (it is the same i18n instance); the component re-renders on a language switch.
 */
export function useRowT(): RowT {
  useSyncExternalStore(subscribe, language);
  return rowT;
}
