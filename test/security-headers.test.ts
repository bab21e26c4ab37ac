import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import * as oidc from 'openid-client';
import { addClient } from '../src/oidc/client-registry.ts';
import { createProvider } from '../src/oidc/provider.ts';
import { demoAccounts } from '../src/seed/demo.ts';
import { Agent, formOf } from './support/agent.ts';
import { startServer, TEST_CAPTCHA, type TestServer } from './support/server.ts';
import { discover } from './support/sign-in.ts';

const framingAndSniffing = (res: Response) => {
  const csp = res.headers.get('content-security-policy') ?? '';
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  assert.equal(res.headers.get('x-frame-options'), 'DENY');
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
};

describe('headers and cookies behind an https reverse proxy', () => {
  let server: TestServer;
  let origin: string;
  before(async () => {
    server = await startServer({ env: { ISSUER: 'https://sso.example.edu.tw', TRUST_PROXY: 'true' } });
    origin = `http://127.0.0.1:${server.env.PORT}`;
  });
  after(() => server?.cleanup());

  const viaProxy = (path: string) => fetch(origin + path, { headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'sso.example.edu.tw' }, redirect: 'manual' });

  test('pages carry a strict CSP and anti-framing headers; cookies are Secure, HttpOnly and SameSite', async () => {
    const res = await viaProxy('/login');
    assert.equal(res.status, 200);
    const csp = res.headers.get('content-security-policy')!;
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(res.headers.get('x-frame-options'), 'DENY');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.match(res.headers.get('strict-transport-security')!, /max-age=\d+/);
    const cookies = res.headers.getSetCookie();
    assert.ok(cookies.length > 0);
    for (const c of cookies) {
      assert.match(c, /; secure/i, c);
      assert.match(c, /; httponly/i, c);
      assert.match(c, /; samesite=lax/i, c);
    }
  });

  test('health checks answer plain http without cookies; other plain-http requests go to the https address', async () => {
    for (const path of ['/healthz', '/readyz']) {
      const res = await fetch(origin + path);
      assert.equal(res.status, 200, path);
      assert.deepEqual(res.headers.getSetCookie(), []);
    }
    const around = await fetch(`${origin}/login?x=1`, { redirect: 'manual' });
    assert.equal(around.status, 308);
    assert.equal(around.headers.get('location'), 'https://sso.example.edu.tw/login?x=1');
  });

  test('the provider’s own answers carry the same headers, HSTS on the token endpoint included', async () => {
    const meta = await viaProxy('/.well-known/openid-configuration');
    framingAndSniffing(meta);
    assert.match(meta.headers.get('strict-transport-security')!, /max-age=\d+/);
    const token = await fetch(`${origin}/oidc/v1/token`, {
      method: 'POST',
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'sso.example.edu.tw', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=nobody&client_secret=wrong',
    });
    assert.equal(token.status, 401);
    framingAndSniffing(token);
    assert.match(token.headers.get('strict-transport-security')!, /max-age=\d+/);
    assert.equal(token.headers.get('cache-control'), 'no-store');
  });

  test('the client address is the one the proxy appended, not one the client wrote into X-Forwarded-For', async () => {
    // The attack: a client sends its own X-Forwarded-For to dodge per-address limits and blame someone else.
    const headers = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'sso.example.edu.tw', 'x-forwarded-for': '192.0.2.66, 203.0.113.7' };
    const agent = new Agent(origin);
    const { action, fields } = formOf(await (await agent.request('/login', { headers })).text());
    const res = await agent.request(action, { method: 'POST', headers, form: { ...fields, account: 'forged.address', password: 'Wrong#Pass123', captcha: TEST_CAPTCHA, action: 'login' } });
    assert.equal(res.status, 400);
    const [row] = await server.services.db.query<{ ip: string }>(`SELECT ip FROM audit_events WHERE type = 'login.failed' ORDER BY id DESC LIMIT 1`);
    assert.equal(row?.ip, '203.0.113.7');
  });

  test('the provider advertises the public https issuer', async () => {
    const meta = (await (await viaProxy('/.well-known/openid-configuration')).json()) as { issuer: string; token_endpoint: string };
    assert.equal(meta.issuer, 'https://sso.example.edu.tw');
    assert.equal(meta.token_endpoint, 'https://sso.example.edu.tw/oidc/v1/token');
  });
});

describe('the form_post page that carries an authorization code', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server?.cleanup());

  test('runs only its own script (by hash), cannot be framed and is not sniffed', async () => {
    // The attack: frame the page that posts a code to the application, or inject script beside it.
    const provider = await createProvider(server.services);
    const redirectUri = 'http://app.localhost:9300/cb';
    const c = await addClient(server.services.clients, { name: '校務系統', redirectUris: [redirectUri], firstParty: true }, (m) => provider.Client.validate(m));
    const config = await discover(server.issuer, c.clientId, c.clientSecret);
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid',
      response_mode: 'form_post',
      code_challenge: await oidc.calculatePKCECodeChallenge(oidc.randomPKCECodeVerifier()),
      code_challenge_method: 'S256',
    });
    const agent = new Agent(server.issuer);
    const login = formOf(await (await agent.follow(url.href)).res.text());
    const signedIn = await agent.post(login.action, { ...login.fields, account: demoAccounts[0].username, password: demoAccounts[0].password, captcha: TEST_CAPTCHA, action: 'login' });
    const { res } = await agent.follow(new URL(signedIn.headers.get('location')!, server.issuer).href);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /name="code"/);
    framingAndSniffing(res);
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const hash = createHash('sha256').update(script).digest('base64');
    assert.ok(res.headers.get('content-security-policy')!.includes(`script-src 'self' 'sha256-${hash}'`), 'its auto-submit script is allowed by hash');
  });
});
