import { catalog, isMessageKey, type MessageKey } from './catalog.ts';

export type Lang = 'zh-TW' | 'en';
export const langs: Lang[] = ['zh-TW', 'en'];
export type Params = Record<string, string | number>;

/**
 * A key written in the code must be in the catalog: `t('nonexistent')` does not type-check. A key carried
 * as data (a rule's result, a scope name) is a plain `string`; catalog.test.ts checks those the code
 * can produce, and an unknown one shows itself rather than nothing.
 */
export type KeyArg<K extends string> = string extends K ? K : K extends MessageKey ? K : never;
export type Translate = <K extends string>(key: K & KeyArg<K>, params?: Params) => string;

/** The text of `key` in `lang` (zh-TW when a language lacks it), its `{name}` parameters filled in. */
export function text(lang: Lang, key: string, params?: Params): string {
  const entry = isMessageKey(key) ? catalog[key] : undefined;
  const found = entry?.[lang] ?? entry?.['zh-TW'] ?? key;
  return params ? found.replace(/\{(\w+)\}/g, (m: string, name: string) => (name in params ? String(params[name]) : m)) : found;
}

export function translator(lang: Lang): Translate {
  return (key, params) => text(lang, key, params);
}

/** ?lang= wins (and is remembered in a cookie), then the cookie, then zh-TW. */
export function pickLang(query: string | undefined, cookie: string | undefined): Lang {
  if (query === 'en' || query === 'zh-TW') return query;
  return cookie === 'en' ? 'en' : 'zh-TW';
}
