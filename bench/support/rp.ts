// A relying party for benchmarks: openid-client plus a cookie-keeping agent that fills the real
// login form, as test/support/sign-in.ts does. Kept here so the benchmark runs unchanged against an
// older checkout (it drives the service over HTTP only and imports nothing from src/ or test/).
import * as oidc from 'openid-client';

export class Agent {
  private readonly cookies = new Map<string, string>();
  readonly base: string;
  constructor(base: string) {
    this.base = base;
  }

  async request(url: string, init: RequestInit & { form?: Record<string, string> } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    let body = init.body;
    if (init.form) {
      body = new URLSearchParams(init.form).toString();
      headers.set('content-type', 'application/x-www-form-urlencoded');
    }
    const res = await fetch(new URL(url, this.base), { ...init, body, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = value === '' || attrs.some((a) => /^\s*expires=/i.test(a) && new Date(a.split('=')[1]!) < new Date());
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /** Follows redirects until one matches stop (or a non-redirect answer); returns it. */
  async follow(url: string, stop: (u: URL) => boolean): Promise<{ res?: Response; url: URL }> {
    let current = new URL(url, this.base);
    for (let i = 0; i < 20; i++) {
      if (stop(current)) return { url: current };
      const res = await this.request(current.href);
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location) return { res, url: current };
      await res.body?.cancel();
      current = new URL(location, current);
    }
    throw new Error('too many redirects');
  }
}

/** The hidden inputs and action of the first form in a page. */
export function formOf(html: string): { action: string; fields: Record<string, string> } {
  const form = /<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/.exec(html);
  if (!form) throw new Error(`no form in page:\n${html.slice(0, 800)}`);
  const fields: Record<string, string> = {};
  for (const m of form[2]!.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(m[0])?.[1];
    const value = /value="([^"]*)"/.exec(m[0])?.[1] ?? '';
    if (name) fields[name] = value.replace(/&amp;/g, '&').replace(/&quot;/g, '"');
  }
  return { action: form[1]!.replace(/&amp;/g, '&'), fields };
}

/** Discovery; every ID token's signature is checked against the provider's JWKS (fetched once, cached). */
export function discover(issuer: string, clientId: string, secret: string) {
  return oidc.discovery(new URL(issuer), clientId, undefined, oidc.ClientSecretBasic(secret), {
    execute: [oidc.allowInsecureRequests, oidc.enableNonRepudiationChecks],
  });
}

export interface Credentials {
  redirectUri: string;
  username: string;
  password: string;
  captcha: string;
  scope: string;
}

/**
 * One whole sign-in as a fresh browser does it: authorization request → the login form (argon2id
 * on the server) → code → tokens (ID token validated against the JWKS) → userinfo.
 */
export async function signIn(config: oidc.Configuration, c: Credentials) {
  const issuer = config.serverMetadata().issuer;
  const agent = new Agent(issuer);
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: c.redirectUri,
    scope: c.scope,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  const back = (u: URL) => u.href.startsWith(c.redirectUri);
  let step = await agent.follow(url.href, back);
  if (!back(step.url)) {
    const page = (await step.res!.text()) ?? '';
    if (!page.includes('name="password"')) throw new Error(`no login form (status ${step.res!.status}): ${page.slice(0, 300)}`);
    const { action, fields } = formOf(page);
    const res = await agent.request(action, { method: 'POST', form: { ...fields, account: c.username, password: c.password, captcha: c.captcha, action: 'login' } });
    const location = res.headers.get('location');
    if (res.status < 300 || res.status >= 400 || !location) throw new Error(`login refused (status ${res.status}): ${(await res.text()).slice(0, 300)}`);
    await res.body?.cancel();
    step = await agent.follow(new URL(location, issuer).href, back);
    if (!back(step.url)) throw new Error(`sign-in did not come back (status ${step.res?.status}): ${(await step.res?.text())?.slice(0, 300)}`);
  }
  const tokens = await oidc.authorizationCodeGrant(config, step.url, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce });
  const sub = tokens.claims()!.sub;
  await oidc.fetchUserInfo(config, tokens.access_token, sub);
  return { tokens, sub };
}
