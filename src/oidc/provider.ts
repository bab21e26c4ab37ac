import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { Logger } from 'pino';
import type { Settings } from '../config/settings.ts';
import type { SealedBox } from '../security/sealed-box.ts';
import type { Db } from '../storage/db.ts';
import type { AccountRepo, ClientRepo, SigningKeyRepo } from '../storage/ports.ts';
import { sqlAdapterFactory } from './adapter.ts';
import { accountClaims, scopeClaims, supportedScopes } from './claims.ts';
import { loadSigningKeys } from './keys.ts';
import { adminScopeNames } from '../domain/admin-scopes.ts';

/** The paths existing school software already calls (SPEC: Interface for connected applications). */
export const oidcRoutes = {
  authorization: '/oidc/v1/azp',
  token: '/oidc/v1/token',
  userinfo: '/oidc/v1/userinfo',
  jwks: '/oidc/v1/jwksets',
  end_session: '/oidc/v1/userlogout',
  introspection: '/oidc/v1/introspect',
  revocation: '/oidc/v1/revoke',
  // Pushed authorization requests (RFC 9126), on by default in oidc-provider and advertised in discovery.
  pushed_authorization_request: '/oidc/v1/par',
} as const;

export const resourcePaths = {
  eduinfo: '/moeresource/api/v1/oidc/eduinfo',
  cncEduinfo: '/cncresource/api/v1/eduinfo',
  profile: '/moeresource/api/v1/oidc/profile',
} as const;

/** What the provider reads: the composed services satisfy it. */
export interface ProviderDeps {
  settings: Settings;
  log: Logger;
  db: Db;
  keyBox: SealedBox;
  accounts: AccountRepo;
  clients: ClientRepo;
  signingKeys: SigningKeyRepo;
}

/** The pages oidc-provider renders itself, in the site's look (given by the web layer; its defaults otherwise). */
export interface ProviderPages {
  renderError: NonNullable<Configuration['renderError']>;
  logoutSource: NonNullable<NonNullable<NonNullable<Configuration['features']>['rpInitiatedLogout']>['logoutSource']>;
  postLogoutSuccessSource: NonNullable<NonNullable<NonNullable<Configuration['features']>['rpInitiatedLogout']>['postLogoutSuccessSource']>;
}

export async function createProvider(s: ProviderDeps, pages?: ProviderPages): Promise<Provider> {
  const { settings } = s;
  const secure = settings.issuer.startsWith('https:');
  const keys = await loadSigningKeys(s.signingKeys, s.keyBox);

  const configuration: Configuration = {
    adapter: sqlAdapterFactory(s.db, s.clients),
    jwks: { keys },
    cookies: {
      keys: [settings.secrets.COOKIE_SECRET],
      long: { signed: true, secure, sameSite: 'lax' },
      short: { signed: true, secure, sameSite: 'lax' },
    },
    routes: oidcRoutes,
    // The admin scopes are granted only to service clients (client credentials) that list them.
    scopes: [...supportedScopes, ...adminScopeNames],
    // A county system's token reaches its own county only (src/admin/access.ts).
    extraClientMetadata: { properties: ['admin_county'] },
    claims: Object.fromEntries(Object.entries(scopeClaims).map(([k, v]) => [k, [...v]])),
    // Existing applications read name and username straight from the ID token.
    conformIdTokenClaims: false,
    responseTypes: ['code'],
    pkce: { required: (_ctx, client) => client.clientAuthMethod === 'none' },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      introspection: { enabled: true },
      revocation: { enabled: true },
      userinfo: { enabled: true },
      // Applications with a backchannel_logout_uri are told when a sign-out or a revoked authorization ends their session.
      backchannelLogout: { enabled: true },
      rpInitiatedLogout: { enabled: true, ...(pages && { logoutSource: pages.logoutSource, postLogoutSuccessSource: pages.postLogoutSuccessSource }) },
    },
    discovery: {
      eduinfo_endpoint: settings.issuer + resourcePaths.eduinfo,
      cnc_eduinfo_endpoint: settings.issuer + resourcePaths.cncEduinfo,
      profile_endpoint: settings.issuer + resourcePaths.profile,
      ui_locales_supported: ['zh-TW', 'en'],
    },
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 60,
      ClientCredentials: 3600,
      IdToken: 3600,
      RefreshToken: 30 * 24 * 3600,
      Interaction: 3600,
      Session: 14 * 24 * 3600,
      Grant: 365 * 24 * 3600,
    },
    // Existing school software expects a refresh_token in every code exchange, offline_access or not.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    clientBasedCORS: (_ctx, origin, client) => client.redirectUris?.some((u) => new URL(u).origin === origin) ?? false,
    ...(pages && { renderError: pages.renderError }),
    // oidc-provider refuses to call special-use addresses (SSRF); outside production an application on this machine is reachable (back-channel logout).
    ...(!settings.production && { fetch: (url: string | URL | Request, init?: RequestInit) => globalThis.fetch(url, { ...init, dispatcher: undefined } as RequestInit) }),
    async findAccount(_ctx, sub) {
      const account = await s.accounts.findById(sub);
      if (!account || account.status !== 'active') return undefined;
      return {
        accountId: account.id,
        async claims() {
          return accountClaims(account, await s.accounts.affiliations(account.id), settings.issuer);
        },
      };
    },
    // First-party applications never ask for consent: their grant is made here, silently.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { client, session, provider } = ctx.oidc;
      const grantId = ctx.oidc.result?.consent?.grantId || session!.grantIdFor(client!.clientId);
      if (grantId) {
        const grant = await provider.Grant.find(grantId);
        if (grant) return grant;
      }
      const record = await s.clients.find(client!.clientId);
      if (!record?.firstParty) return undefined;
      const grant = new provider.Grant({ clientId: client!.clientId, accountId: session!.accountId! });
      grant.addOIDCScope(String(ctx.oidc.params?.scope ?? 'openid'));
      await grant.save();
      return grant;
    },
  };

  const provider = new Provider(settings.issuer, configuration);
  provider.proxy = settings.trustProxy;
  provider.maxIpsCount = settings.trustedProxyHops;
  return provider;
}
