import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as oidc from 'openid-client';
import { addClient } from '../src/oidc/client-registry.ts';
import { createProvider } from '../src/oidc/provider.ts';
import { demoAccounts } from '../src/seed/demo.ts';
import { WEB_SESSION_COOKIE } from '../src/web/middleware/web-session.ts';
import { Agent, formOf } from './support/agent.ts';
import { startServer, TEST_CAPTCHA, type TestServer } from './support/server.ts';
import { discover, signIn } from './support/sign-in.ts';

const [teacher, staff] = demoAccounts;
const redirectUri = 'http://app.localhost:9200/cb';
const home = 'http://app.localhost:9200/';
const question = '確定要登出';

describe('signing out ends every session here, asks by one rule, and logs no error', () => {
  let server: TestServer;
  let config: oidc.Configuration;
  const logs: string[] = [];
  before(async () => {
    server = await startServer({ logs, env: { LOG_LEVEL: 'info' } });
    const provider = await createProvider(server.services);
    const c = await addClient(server.services.clients, { name: '校務系統', redirectUris: [redirectUri], postLogoutRedirectUris: [home], firstParty: true }, (m) =>
      provider.Client.validate(m),
    );
    config = await discover(server.issuer, c.clientId, c.clientSecret);
  });
  after(() => server?.cleanup());

  /** Signed in to an application (and so to the SSO site too). */
  async function throughApp(who: { username: string; password: string } = teacher) {
    const agent = new Agent(server.issuer);
    const { tokens } = await signIn(agent, config, { redirectUri, username: who.username, password: who.password, scope: 'openid' });
    assert.ok(agent.cookiesFor().has(WEB_SESSION_COOKIE));
    return { agent, idToken: tokens.id_token! };
  }
  /** Signed in on the SSO site's own login page only. */
  async function onSiteOnly() {
    const agent = new Agent(server.issuer);
    const { action, fields } = formOf(await (await agent.get('/login')).text());
    const res = await agent.post(action, { ...fields, account: teacher.username, password: teacher.password, captcha: TEST_CAPTCHA, action: 'login' });
    assert.equal(res.status, 302);
    return agent;
  }
  const logoutUrl = (params: { id_token_hint?: string } = {}) => oidc.buildEndSessionUrl(config, { post_logout_redirect_uri: home, ...params }).href;
  const webSessions = async () => (await server.services.db.query<{ n: number }>('SELECT count(*)::int AS n FROM web_sessions'))[0]!.n;

  test('with the application’s ID token: no question; the SSO session and its cookie are gone; no error logged', async () => {
    const { agent, idToken } = await throughApp();
    const before = await webSessions();
    const page = await agent.follow(logoutUrl({ id_token_hint: idToken }));
    assert.equal(page.res.status, 200);
    const html = await page.res.text();
    assert.ok(!html.includes(question), 'no question');
    const { action, fields } = formOf(html);
    assert.equal(fields.logout, 'yes', 'the page submits the sign-out by itself');
    const done = await agent.post(action, fields);
    assert.equal(done.status, 303);
    assert.equal(done.headers.get('location'), home);
    assert.ok(done.headers.getSetCookie().some((c) => c.startsWith(`${WEB_SESSION_COOKIE}=;`)), 'the cookie is cleared in the answer');
    assert.equal(agent.cookiesFor().has(WEB_SESSION_COOKIE), false);
    assert.equal(await webSessions(), before - 1, 'the stored session is removed');
    assert.equal((await agent.get('/account')).status, 302, 'signed out of the SSO site');
    assert.ok(logs.some((l) => l.includes('userlogout')), 'the logs are captured');
    const problems = logs.filter((l) => JSON.parse(l).level >= 50 || l.includes('ERR_HTTP_HEADERS_SENT'));
    assert.deepEqual(problems, []);
  });

  test('without a hint the question is asked every time, signed in through an application or on the site only', async () => {
    for (const agent of [(await throughApp()).agent, await onSiteOnly()]) {
      const page = await agent.follow(logoutUrl());
      const html = await page.res.text();
      assert.ok(html.includes(question), 'asked');
      const { action, fields } = formOf(html);
      const done = await agent.post(action, { ...fields, logout: 'yes' });
      assert.equal(done.status, 303);
      assert.equal(agent.cookiesFor().has(WEB_SESSION_COOKIE), false);
      assert.equal((await agent.get('/account')).status, 302);
    }
  });

  test('a hint naming someone else asks; “stay signed in” keeps the SSO session', async () => {
    const { agent } = await throughApp(teacher);
    const { idToken: othersToken } = await throughApp(staff);
    const html = await (await agent.follow(logoutUrl({ id_token_hint: othersToken }))).res.text();
    assert.ok(html.includes(question), 'a token of another person proves nothing about this browser');
    const { action, fields } = formOf(html);
    const stay = await agent.post(action, fields);
    assert.equal(stay.status, 303);
    assert.equal((await agent.get('/account')).status, 200, 'still signed in to the SSO site');
  });

  test('nobody signed in: nothing to ask', async () => {
    const html = await (await new Agent(server.issuer).follow(logoutUrl())).res.text();
    assert.ok(!html.includes(question));
  });
});
