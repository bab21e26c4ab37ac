import type { Lang, Translate } from '../../i18n/translate.ts';

/** What every page needs from the request: language, texts, where it is, the CSRF token, who is signed in. */
export interface PageContext {
  t: Translate;
  lang: Lang;
  path: string;
  /** The request's query string (without `?`), kept by the language switch. */
  search?: string;
  csrf: string;
  signedIn?: { username: string; displayName: string };
}
