// A relying party for benchmarks: openid-client plus the tests' cookie-keeping agent filling the real
// login form. It drives the service over HTTP only, so it measures an older checkout unchanged.
import * as oidc from 'openid-client';
import { Agent, formOf } from '../../test/support/agent.ts';

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
