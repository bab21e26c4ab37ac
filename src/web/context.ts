import type { ParameterizedContext } from 'koa';
import type { Logger } from 'pino';
import type { Account, WebSession } from '../storage/ports.ts';
import type { Principal } from '../admin/access.ts';
import type { Lang, Translate } from '../i18n/translate.ts';
import type { PageContext } from './views/layout.ts';

export interface AppState {
  requestId: string;
  log: Logger;
  lang: Lang;
  t: Translate;
  csrf: string;
  account?: Account;
  /** The SSO site's session of the signed-in account. */
  session?: WebSession;
  form?: Record<string, string>;
  /** In the administration console (/admin): who is acting, with which roles. */
  admin?: Principal;
}

export type Ctx = ParameterizedContext<AppState>;

export function page(ctx: Ctx): PageContext {
  const { t, lang, csrf, account } = ctx.state;
  return {
    t,
    lang,
    csrf,
    path: ctx.path,
    search: ctx.querystring,
    signedIn: account && { username: account.username, displayName: account.displayName },
  };
}

/** Client address as the audit log records it. */
export const clientIp = (ctx: Ctx) => ctx.ip;
