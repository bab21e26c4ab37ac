import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer, type TestServer } from './support/server.ts';

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

  test('the provider advertises the public https issuer', async () => {
    const meta = (await (await viaProxy('/.well-known/openid-configuration')).json()) as { issuer: string; token_endpoint: string };
    assert.equal(meta.issuer, 'https://sso.example.edu.tw');
    assert.equal(meta.token_endpoint, 'https://sso.example.edu.tw/oidc/v1/token');
  });
});
