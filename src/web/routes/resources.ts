import { gzipSync } from 'node:zlib';
import Router from '@koa/router';
import type Provider from 'oidc-provider';
import { eduinfo, profile } from '../../oidc/claims.ts';
import { resourcePaths } from '../../oidc/provider.ts';
import type { AccountRepo } from '../../storage/ports.ts';
import type { AppState, Ctx } from '../context.ts';

/** The Ministry's resource APIs: a Bearer access token from /oidc/v1/token with the right scope. */
export function resourceRoutes(oidc: { readonly provider: Provider }, accounts: AccountRepo) {
  const router = new Router<AppState>();

  async function authorized(ctx: Ctx, scope: string) {
    const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(ctx.get('authorization'));
    const token = match && (await oidc.provider.AccessToken.find(match[1]!));
    const account = token?.accountId && token.scopes.has(scope) ? await accounts.findById(token.accountId) : undefined;
    if (!token || !account || account.status !== 'active') {
      ctx.status = 401;
      ctx.set('WWW-Authenticate', `Bearer error="${token ? 'insufficient_scope' : 'invalid_token'}", scope="${scope}"`);
      ctx.body = { error: token ? 'insufficient_scope' : 'invalid_token' };
      return undefined;
    }
    ctx.set('Cache-Control', 'no-store');
    return { account, affiliations: await accounts.affiliations(account.id) };
  }

  router.get(resourcePaths.eduinfo, async (ctx) => {
    const who = await authorized(ctx, 'eduinfo');
    if (!who) return;
    ctx.type = 'application/json';
    // Existing clients expect the body gzip-compressed, whatever they send as Accept-Encoding.
    ctx.set('Content-Encoding', 'gzip');
    ctx.body = gzipSync(JSON.stringify(eduinfo(who.account, who.affiliations)));
  });
  router.get(resourcePaths.cncEduinfo, async (ctx) => {
    const who = await authorized(ctx, 'eduinfo');
    if (who) ctx.body = eduinfo(who.account, who.affiliations);
  });
  router.get(resourcePaths.profile, async (ctx) => {
    const who = await authorized(ctx, 'profile');
    if (who) ctx.body = profile(who.account, who.affiliations);
  });
  return router;
}
