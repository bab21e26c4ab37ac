import Router from '@koa/router';
import * as oidc from 'openid-client';
import { resourcePaths } from '../oidc/provider.ts';
import { page, type AppState, type Ctx } from '../web/context.ts';
import { demoPage } from './demo-page.ts';

export const DEMO_CLIENT_ID = 'edusso-demo';
export const DEMO_SCOPES = 'openid profile email openid2 eduinfo educloudroles guid';
const STATE_COOKIE = 'demo.auth';
const TOKENS_COOKIE = 'demo.idtoken';

/**
 * A connected application living at /demo, signing in through this very service with openid-client
 * over real HTTP (a public client with PKCE), so a newcomer sees single sign-on end to end.
 */
export function demoRoutes(issuer: string, secure: boolean) {
  const router = new Router<AppState>();
  const redirectUri = `${issuer}/demo/callback`;
  let config: Promise<oidc.Configuration> | undefined;
  const discover = () =>
    (config ??= oidc
      .discovery(new URL(issuer), DEMO_CLIENT_ID, undefined, oidc.None(), {
        execute: issuer.startsWith('http:') ? [oidc.allowInsecureRequests] : [],
      })
      .catch((err) => {
        config = undefined;
        throw err;
      }));
  const cookie = { httpOnly: true, sameSite: 'lax' as const, secure, signed: true, path: '/demo' };

  router.get('/demo', (ctx) => {
    ctx.body = demoPage(page(ctx), {}).value;
  });

  router.get('/demo/login', async (ctx) => {
    const cfg = await discover();
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    ctx.cookies.set(STATE_COOKIE, JSON.stringify({ verifier, state, nonce }), { ...cookie, maxAge: 600_000 });
    const url = oidc.buildAuthorizationUrl(cfg, {
      redirect_uri: redirectUri,
      scope: DEMO_SCOPES,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      ui_locales: ctx.state.lang,
    });
    ctx.redirect(url.href);
  });

  router.get('/demo/callback', async (ctx: Ctx) => {
    const saved = ctx.cookies.get(STATE_COOKIE, { signed: true });
    ctx.cookies.set(STATE_COOKIE, null, cookie);
    try {
      if (!saved) throw new Error('missing state cookie');
      const { verifier, state, nonce } = JSON.parse(saved);
      const cfg = await discover();
      const current = new URL(ctx.originalUrl, issuer);
      const tokens = await oidc.authorizationCodeGrant(cfg, current, {
        pkceCodeVerifier: verifier,
        expectedState: state,
        expectedNonce: nonce,
      });
      const claims = tokens.claims()!;
      const userinfo = await oidc.fetchUserInfo(cfg, tokens.access_token, claims.sub);
      const res = await oidc.fetchProtectedResource(cfg, tokens.access_token, new URL(issuer + resourcePaths.eduinfo), 'GET');
      const eduinfo = await res.json();
      ctx.cookies.set(TOKENS_COOKIE, tokens.id_token!, { ...cookie, maxAge: 3600_000 });
      ctx.body = demoPage(page(ctx), { claims, userinfo, eduinfo, logoutUrl: '/demo/logout' }).value;
    } catch (err) {
      ctx.state.log.warn({ err: (err as Error).message }, 'demo sign-in failed');
      ctx.status = 400;
      ctx.body = demoPage(page(ctx), { error: (err as Error).message }).value;
    }
  });

  router.get('/demo/logout', async (ctx) => {
    const idToken = ctx.cookies.get(TOKENS_COOKIE, { signed: true });
    ctx.cookies.set(TOKENS_COOKIE, null, cookie);
    const cfg = await discover();
    const url = oidc.buildEndSessionUrl(cfg, {
      post_logout_redirect_uri: `${issuer}/demo`,
      ...(idToken ? { id_token_hint: idToken } : {}),
    });
    ctx.redirect(url.href);
  });

  return router;
}
