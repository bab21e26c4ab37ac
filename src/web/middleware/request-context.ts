import { createHmac, randomUUID } from 'node:crypto';
import type { Next } from 'koa';
import type { Logger } from 'pino';
import type { Ctx } from '../context.ts';
import { pickLang, translator } from '../../i18n/translate.ts';
import { randomToken } from '../../security/tokens.ts';

const CSRF_COOKIE = 'edusso.csrf';

/** Per request: an id, a child logger, the language, and the CSRF token bound to this browser's cookie. */
export function requestContext(log: Logger, cookieSecret: string, secure: boolean) {
  const csrfFor = (seed: string) => createHmac('sha256', cookieSecret).update(`csrf:${seed}`).digest('base64url');
  return async (ctx: Ctx, next: Next) => {
    const requestId = (ctx.get('x-request-id') || randomUUID()).slice(0, 64);
    ctx.set('X-Request-Id', requestId);
    ctx.state.requestId = requestId;
    ctx.state.log = log.child({ requestId });

    const queryLang = typeof ctx.query.lang === 'string' ? ctx.query.lang : undefined;
    const lang = pickLang(queryLang, ctx.cookies.get('lang'));
    if (queryLang && queryLang === lang) ctx.cookies.set('lang', lang, { httpOnly: true, sameSite: 'lax', secure, maxAge: 365 * 864e5 });
    ctx.state.lang = lang;
    ctx.state.t = translator(lang);

    let seed = ctx.cookies.get(CSRF_COOKIE);
    if (!seed || seed.length !== 43) {
      seed = randomToken();
      ctx.cookies.set(CSRF_COOKIE, seed, { httpOnly: true, sameSite: 'lax', secure });
    }
    ctx.state.csrf = csrfFor(seed);

    const started = performance.now();
    await next();
    ctx.state.log.info(
      { method: ctx.method, path: ctx.path, status: ctx.respond === false ? ctx.res.statusCode : ctx.status, ms: Math.round(performance.now() - started) },
      'request',
    );
  };
}
