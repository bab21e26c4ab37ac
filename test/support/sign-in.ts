import * as oidc from 'openid-client';
import { Agent, formOf } from './agent.ts';
import { TEST_CAPTCHA } from './server.ts';

export async function discover(issuer: string, clientId: string, secret?: string, method: 'basic' | 'post' | 'none' = 'basic') {
  const auth = method === 'none' ? oidc.None() : method === 'post' ? oidc.ClientSecretPost(secret!) : oidc.ClientSecretBasic(secret!);
  return oidc.discovery(new URL(issuer), clientId, undefined, auth, { execute: [oidc.allowInsecureRequests] });
}

export interface AuthRequest {
  redirectUri: string;
  scope?: string;
  username: string;
  password: string;
  captcha?: string;
  consent?: 'allow' | 'deny';
  extra?: Record<string, string>;
}

/** Starts an authorization request, fills the real login form (and consent), returns where the browser lands. */
export async function authorize(agent: Agent, config: oidc.Configuration, r: AuthRequest) {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: r.redirectUri,
    scope: r.scope ?? 'openid profile email openid2 eduinfo',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...r.extra,
  });
  const atRedirect = (u: URL) => u.href.startsWith(r.redirectUri);
  let step = await agent.follow(url.href, atRedirect);
  let page = atRedirect(step.url) ? '' : await step.res.text();
  if (page.includes('name="password"')) {
    const { action, fields } = formOf(page);
    const res = await agent.post(action, { ...fields, account: r.username, password: r.password, captcha: r.captcha ?? TEST_CAPTCHA, action: 'login' });
    if (res.status !== 303) return { landed: undefined, page: await res.text(), status: res.status, verifier, state, nonce };
    step = await agent.follow(new URL(res.headers.get('location')!, agent.base).href, atRedirect);
    page = atRedirect(step.url) ? '' : await step.res.text();
  }
  if (page.includes('name="decision"')) {
    const { action, fields } = formOf(page);
    const res = await agent.post(action, { ...fields, decision: r.consent ?? 'allow' });
    step = await agent.follow(new URL(res.headers.get('location')!, agent.base).href, atRedirect);
  }
  return { landed: atRedirect(step.url) ? step.url : undefined, page, status: step.res.status, verifier, state, nonce };
}

/** The whole sign-in: authorization through the form, then the code exchanged for validated tokens. */
export async function signIn(agent: Agent, config: oidc.Configuration, r: AuthRequest) {
  const a = await authorize(agent, config, r);
  if (!a.landed) throw new Error(`sign-in did not come back (status ${a.status}):\n${a.page.slice(0, 1500)}`);
  const tokens = await oidc.authorizationCodeGrant(config, a.landed, {
    pkceCodeVerifier: a.verifier,
    expectedState: a.state,
    expectedNonce: a.nonce,
  });
  return { tokens, landed: a.landed, verifier: a.verifier };
}
