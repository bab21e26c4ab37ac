import { sha256 } from '../../security/tokens.ts';
import type { WebSessionRepo } from '../../storage/ports.ts';
import { WEB_SESSION_COOKIE } from '../../web/middleware/web-session.ts';

/**
 * On an application sign-in: remembers which oidc-provider session this browser's web session goes
 * with, so that 「登出」 of the device on 登入中的裝置 ends its single sign-on to applications too.
 */
export async function linkProviderSession(repo: WebSessionRepo, ctx: { cookies: { get(name: string): string | undefined }; oidc: { session?: { jti: string } } }) {
  const token = ctx.cookies.get(WEB_SESSION_COOKIE);
  const providerSessionId = ctx.oidc.session?.jti;
  if (token && token.length < 100 && providerSessionId) await repo.linkProviderSession(sha256(token), providerSessionId);
}
