import type Provider from 'oidc-provider';
import type { KoaContextWithOIDC } from 'oidc-provider';
import { sha256 } from '../security/tokens.ts';
import type { WebSessionRepo } from '../storage/ports.ts';
import { WEB_SESSION_COOKIE, type WebSessions } from './middleware/web-session.ts';
import { renderLogoutAutoSubmit, renderLogoutConfirm } from './views/oidc-pages.ts';

/**
 * The one rule for asking 「確定要登出」: nobody signed in, or an application that proves it signed in
 * this very person (a valid id_token_hint whose subject is every signed-in account here), signs out
 * without a question; everything else asks. The provider alone would ask only when its own session
 * has an account, and silently sign out the SSO site's session otherwise.
 */
export function asksToConfirmLogout(signedIn: readonly string[], hintSubject: string | undefined): boolean {
  if (signedIn.length === 0) return false;
  return hintSubject === undefined || signedIn.some((account) => account !== hintSubject);
}

/**
 * RP-initiated logout, both steps: the question (or not) on `end_session`, and on its confirmation the
 * SSO site's session ended and its cookie cleared while the response is still being built (an event
 * listener runs after the provider has answered: too late for a cookie).
 */
export function logoutSteps(provider: Provider, deps: { sessions: WebSessions; webSessions: WebSessionRepo }) {
  const webAccount = async (ctx: KoaContextWithOIDC) => {
    const token = ctx.cookies.get(WEB_SESSION_COOKIE);
    return token && token.length < 100 ? (await deps.webSessions.find(sha256(token)))?.accountId : undefined;
  };
  provider.use(async (koaCtx, next) => {
    await next();
    // Routed requests carry ctx.oidc; others (404s) do not.
    const ctx = koaCtx as unknown as KoaContextWithOIDC;
    const oidc = ctx.oidc as KoaContextWithOIDC['oidc'] | undefined;
    if (oidc?.route === 'end_session' && ctx.status === 200 && oidc.session?.state?.secret) {
      const signedIn = [...new Set([oidc.session.accountId, await webAccount(ctx)].filter((a): a is string => !!a))];
      const hint = oidc.entities.IdTokenHint?.payload.sub;
      const form = `<form id="op.logoutForm" method="post" action="${oidc.urlFor('end_session_confirm')}"><input type="hidden" name="xsrf" value="${oidc.session.state.secret}"/></form>`;
      if (asksToConfirmLogout(signedIn, typeof hint === 'string' ? hint : undefined)) await renderLogoutConfirm(ctx, form);
      else await renderLogoutAutoSubmit(ctx, form);
    }
    if (oidc?.route === 'end_session_confirm' && ctx.status === 303 && oidc.params?.logout) await deps.sessions.end(ctx);
  });
}
