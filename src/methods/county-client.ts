import * as oidc from 'openid-client';
import type { CountyProvider } from './county-providers.ts';

/** Where counties send people back; registered at every county. */
export const FEDERATION_CALLBACK_PATH = '/federation/callback';

export interface CountyIdentity {
  providerId: string;
  subject: string;
  idNumber?: string;
  personId?: string;
  name?: string;
  schoolCode?: string;
  titles?: string[];
}

export interface PendingAuth {
  state: string;
  nonce: string;
  verifier: string;
}

/** Why a county sign-in failed; each has its own zh-TW page. */
export type FederationFailure = 'state' | 'denied' | 'county-error' | 'token' | 'unreachable' | 'no-subject';

export class FederationError extends Error {
  readonly reason: FederationFailure;
  constructor(reason: FederationFailure, detail: string) {
    super(detail);
    this.reason = reason;
  }
}

const valueAt = (claims: Record<string, unknown>, path: string | undefined): unknown =>
  path?.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), claims);

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined);

/** Reads the person out of whatever the county returned, through the provider's claim mapping. */
export function mapIdentity(p: CountyProvider, claims: Record<string, unknown>): CountyIdentity {
  const subject = text(valueAt(claims, p.claims.subject));
  if (!subject) throw new FederationError('no-subject', `no "${p.claims.subject}" in the county's answer`);
  const titles = valueAt(claims, p.claims.titles);
  return {
    providerId: p.id,
    subject,
    idNumber: text(valueAt(claims, p.claims.idNumber))?.toUpperCase(),
    personId: text(valueAt(claims, p.claims.personId)),
    name: text(valueAt(claims, p.claims.name)),
    schoolCode: text(valueAt(claims, p.claims.schoolCode)),
    titles: Array.isArray(titles) ? titles.map(String) : text(titles)?.split(/[;,、]/).filter(Boolean),
  };
}

function isNetworkError(err: unknown): boolean {
  const e = err as { name?: string; message?: string; cause?: { code?: string } };
  return e?.message === 'fetch failed' || /ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EHOSTUNREACH/.test(String(e?.cause?.code ?? e?.message)) || e?.name === 'TimeoutError';
}

/**
 * Signs people in at their county: standard OpenID Connect through openid-client (state, nonce,
 * PKCE, ID token checked against the county's keys), or plain OAuth 2 with a user API in the Taipei
 * style (/oauth/authorize, /oauth/token, GET /api/user and /api/profile).
 */
export function countyClient(redirectUri: string, opts: { allowHttp: boolean }) {
  const configs = new Map<string, Promise<oidc.Configuration>>();
  const execute = opts.allowHttp ? [oidc.allowInsecureRequests] : [];

  function discover(p: CountyProvider): Promise<oidc.Configuration> {
    // Keyed by everything a `county add` may change, the secret included, so a re-registered county is discovered afresh.
    const key = `${p.id}\0${p.issuer}\0${p.clientId}\0${p.clientSecret}`;
    let config = configs.get(key);
    if (!config) {
      // Non-repudiation checks: the ID token's signature is verified against the county's keys even
      // though it came straight from the token endpoint (openid-client skips that by default).
      config = oidc.discovery(new URL(p.issuer), p.clientId, p.clientSecret, undefined, { execute: [...execute, oidc.enableNonRepudiationChecks], timeout: 10 }).catch((err) => {
        configs.delete(key);
        throw isNetworkError(err) ? new FederationError('unreachable', String(err.cause ?? err.message)) : new FederationError('county-error', err.message);
      });
      configs.set(key, config);
    }
    return config;
  }

  return {
    discover,

    async start(p: CountyProvider): Promise<{ url: URL; pending: PendingAuth }> {
      const pending = { state: oidc.randomState(), nonce: oidc.randomNonce(), verifier: oidc.randomPKCECodeVerifier() };
      const challenge = await oidc.calculatePKCECodeChallenge(pending.verifier);
      if (p.kind === 'oauth2') {
        const url = new URL(p.endpoints.authorize!);
        url.search = new URLSearchParams({
          response_type: 'code',
          client_id: p.clientId,
          redirect_uri: redirectUri,
          scope: p.scopes,
          state: pending.state,
          code_challenge: challenge,
          code_challenge_method: 'S256',
        }).toString();
        return { url, pending };
      }
      const config = await discover(p);
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: p.scopes,
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: challenge,
        code_challenge_method: 'S256',
      });
      return { url, pending };
    },

    async finish(p: CountyProvider, callback: URL, pending: PendingAuth): Promise<CountyIdentity> {
      const params = callback.searchParams;
      if (params.get('state') !== pending.state) throw new FederationError('state', 'state does not match the pending sign-in');
      const error = params.get('error');
      if (error) throw new FederationError(error === 'access_denied' ? 'denied' : 'county-error', `${error}: ${params.get('error_description') ?? ''}`);
      try {
        return mapIdentity(p, p.kind === 'oauth2' ? await finishOAuth2(p, params.get('code') ?? '', pending) : await finishOidc(p, callback, pending));
      } catch (err) {
        if (err instanceof FederationError) throw err;
        if (isNetworkError(err)) throw new FederationError('unreachable', String((err as Error).cause ?? (err as Error).message));
        throw new FederationError('token', `${(err as { code?: string }).code ?? ''} ${(err as Error).message}`.trim());
      }
    },
  };

  async function finishOidc(p: CountyProvider, callback: URL, pending: PendingAuth) {
    const config = await discover(p);
    const tokens = await oidc.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: pending.verifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims()!;
    const userinfo = config.serverMetadata().userinfo_endpoint ? await oidc.fetchUserInfo(config, tokens.access_token, claims.sub) : {};
    return { ...userinfo, ...claims } as Record<string, unknown>;
  }

  async function finishOAuth2(p: CountyProvider, code: string, pending: PendingAuth) {
    const res = await fetch(p.endpoints.token!, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        client_id: p.clientId,
        client_secret: p.clientSecret,
        code_verifier: pending.verifier,
      }),
      signal: AbortSignal.timeout(10_000),
    });
    const token = (await res.json().catch(() => ({}))) as { access_token?: string; error?: string };
    if (!res.ok || !token.access_token) throw new FederationError('token', `token endpoint answered ${res.status} ${token.error ?? ''}`);
    const get = async (url?: string) => {
      if (!url) return {};
      const r = await fetch(url, { headers: { authorization: `Bearer ${token.access_token}`, accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
      if (!r.ok) throw new FederationError('token', `${url} answered ${r.status}`);
      const body = (await r.json()) as Record<string, unknown>;
      return (body.data && typeof body.data === 'object' ? body.data : body) as Record<string, unknown>;
    };
    return { ...(await get(p.endpoints.profile)), ...(await get(p.endpoints.user)) };
  }
}
export type CountyClient = ReturnType<typeof countyClient>;
