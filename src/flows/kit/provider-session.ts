import type { Ctx } from '../../web/context.ts';

/** This browser's oidc-provider session id: the provider's `_session` cookie, signed with the site's cookie key. */
export const providerSessionId = (ctx: Ctx): string | undefined => ctx.cookies.get('_session', { signed: true });
