import { domainMessages } from '../../domain/messages.ts';
import { uiMessages } from './messages.ts';
import { registrationMessages } from './registration-messages.ts';
import { federationMessages } from './federation-messages.ts';

export type Lang = 'zh-TW' | 'en';
export const langs: Lang[] = ['zh-TW', 'en'];
export type Translate = (key: string, params?: Record<string, string | number>) => string;

const all = { ...domainMessages, ...uiMessages, ...registrationMessages, ...federationMessages };

export function translator(lang: Lang): Translate {
  return (key, params) => {
    const text = all[key]?.[lang] ?? all[key]?.['zh-TW'] ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (m: string, name: string) => (name in params ? String(params[name]) : m)) : text;
  };
}

/** ?lang= wins (and is remembered in a cookie), then the cookie, then zh-TW. */
export function pickLang(query: string | undefined, cookie: string | undefined): Lang {
  if (query === 'en' || query === 'zh-TW') return query;
  return cookie === 'en' ? 'en' : 'zh-TW';
}
