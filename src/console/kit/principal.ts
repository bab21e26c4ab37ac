import type Provider from 'oidc-provider';
import type { AdminAccess, Principal } from '../../admin/access.ts';
import { isAdminScope } from '../../domain/admin-scopes.ts';
import { constantTimeEqual } from '../../security/tokens.ts';
import type { ClientRepo, Store } from '../../storage/ports.ts';
import type { Ctx } from '../../web/context.ts';
import { ApiError } from './errors.ts';

/** Why a signed-in person is not let into the console yet. */
export type ConsoleRefusal = 'signed-out' | 'no-role' | 'needs-two-factor' | 'needs-second-factor';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A session proven with a second factor: a TOTP code (or recovery code) or a passkey (which verifies the user). */
export const provenWithSecondFactor = (methods: readonly string[]) => methods.includes('two-factor') || methods.includes('passkey');

/**
 * Who calls the console or the API. A Bearer token must be a client-credentials token of a service
 * client (its admin scopes are its capabilities); otherwise the console session, which needs a role,
 * a second factor proven in this session, and for a change the page's CSRF token in `X-CSRF-Token`.
 */
export function adminAuth(d: { access: AdminAccess; oidc: { readonly provider: Provider }; clients: ClientRepo; store: Pick<Store, 'twoFactor'> }) {
  async function tokenPrincipal(token: string): Promise<Principal> {
    const found = await d.oidc.provider.ClientCredentials.find(token);
    const client = found?.clientId ? await d.clients.find(found.clientId) : undefined;
    if (!found || !client || client.metadata.disabled === true) throw new ApiError(401, 'unauthorized', 'admin.error.badToken');
    const scopes = String(found.scope ?? '').split(/\s+/).filter(isAdminScope);
    const county = client.metadata.admin_county;
    return { kind: 'client', clientId: client.clientId, scopes, countyCode: typeof county === 'string' ? county : null };
  }

  /** The console's check, for its pages: the principal, or why not. */
  async function consolePrincipal(ctx: Ctx): Promise<{ ok: true; principal: Principal } | { ok: false; reason: ConsoleRefusal }> {
    const { account, session } = ctx.state;
    if (!account || !session) return { ok: false, reason: 'signed-out' };
    const principal = await d.access.principalOfAccount(account.id, account.username);
    if (!principal) return { ok: false, reason: 'no-role' };
    if (provenWithSecondFactor(session.methods)) return { ok: true, principal };
    const tf = await d.store.twoFactor.find(account.id);
    return { ok: false, reason: tf?.enabledAt ? 'needs-second-factor' : 'needs-two-factor' };
  }

  return {
    access: d.access,
    consolePrincipal,

    async apiPrincipal(ctx: Ctx): Promise<Principal> {
      const header = ctx.get('authorization');
      if (header) {
        const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header);
        if (!match) throw new ApiError(401, 'unauthorized', 'admin.error.badToken');
        return tokenPrincipal(match[1]!);
      }
      const { account } = ctx.state;
      if (!account) throw new ApiError(401, 'unauthorized', 'admin.error.signIn');
      if (!SAFE_METHODS.has(ctx.method)) {
        const sent = ctx.get('x-csrf-token');
        if (!sent || !constantTimeEqual(sent, ctx.state.csrf)) throw new ApiError(403, 'csrf', 'error.csrf');
      }
      const r = await consolePrincipal(ctx);
      if (r.ok) return r.principal;
      if (r.reason === 'no-role') return { kind: 'account', accountId: account.id, username: account.username, grants: [] };
      throw new ApiError(401, 'unauthorized', 'admin.error.secondFactor');
    },
  };
}
export type AdminAuth = ReturnType<typeof adminAuth>;
