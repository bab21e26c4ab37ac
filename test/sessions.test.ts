import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as oidc from 'openid-client';
import { addClient } from '../src/oidc/client-registry.ts';
import { createProvider } from '../src/oidc/provider.ts';
import { Agent, formOf } from './support/agent.ts';
import { discover, signIn } from './support/sign-in.ts';
import { startServer, type TestServer } from './support/server.ts';
import { signedInAgent, stillSignedIn } from './support/signed-in-agent.ts';

const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1';
const windows = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';

describe('登入中的裝置 (/account/sessions)', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server?.cleanup());

  const refs = (html: string) => [...html.matchAll(/name="session" value="([\w-]+)"/g)].map((m) => m[1]!);
  const csrfOf = (html: string) => formOf(html.slice(html.indexOf('<form'))).fields._csrf!;

  test('lists every live session of the account, this one marked; 「登出」 ends another; another account’s reference changes nothing', async () => {
    const phone = await signedInAgent(server.issuer, 'demo.teacher', 'Teach#2026sso', iphone);
    const laptop = await signedInAgent(server.issuer, 'demo.teacher', 'Teach#2026sso', windows);
    const staff = await signedInAgent(server.issuer, 'demo.staff', 'Staff#2026sso', windows);
    const html = await (await laptop.get('/account/sessions')).text();
    assert.ok(html.includes('電腦 · Chrome 120 · Windows 10<') && html.includes('（目前使用中）'), 'this one, named and marked');
    assert.ok(html.includes('手機 · Mobile Safari 17 · iOS 17.1') && html.includes('127.0.0.1') && html.includes('密碼'), 'the phone: device, address, method');
    assert.equal(refs(html).length, 1, '「登出」 beside the other one only');

    // Another account cannot end the teacher's phone with the reference it saw.
    const staffCsrf = formOf(await (await staff.get('/contact')).text()).fields._csrf!;
    const foreign = await staff.post('/account/sessions/end', { _csrf: staffCsrf, session: refs(html)[0]! });
    assert.equal(foreign.headers.get('location'), '/account/sessions?done=gone');
    assert.ok((await (await staff.get('/account/sessions?done=gone')).text()).includes('該裝置已登出或不存在，沒有任何變更。'));
    assert.ok(await stillSignedIn(phone));
    assert.equal((await staff.post('/account/sessions/end', { session: refs(html)[0]! })).status, 403, 'CSRF');

    const ended = await laptop.post('/account/sessions/end', { _csrf: csrfOf(html), session: refs(html)[0]! });
    assert.equal(ended.headers.get('location'), '/account/sessions?done=ended');
    assert.equal(await stillSignedIn(phone), false, 'the phone is signed out');
    assert.ok(await stillSignedIn(laptop) && (await stillSignedIn(staff)));
    const after = await (await laptop.get('/account/sessions?done=ended')).text();
    assert.ok(after.includes('已登出該裝置。') && after.includes('沒有其他登入中的裝置。') && refs(after).length === 0);
    const account = (await server.services.accounts.findByUsername('demo.teacher'))!;
    assert.ok((await server.services.audit.forAccount(account.id, 50)).some((e) => e.type === 'session.ended'));
  });

  test('「登出其他所有裝置」 ends every other session of the account only', async () => {
    const others = [await signedInAgent(server.issuer, 'demo.teacher', 'Teach#2026sso'), await signedInAgent(server.issuer, 'demo.teacher', 'Teach#2026sso')];
    const staff = await signedInAgent(server.issuer, 'demo.staff', 'Staff#2026sso');
    const me = await signedInAgent(server.issuer, 'demo.teacher', 'Teach#2026sso');
    const html = await (await me.get('/account/sessions')).text();
    assert.ok(html.includes('登出其他所有裝置'));
    const teacher = (await server.services.accounts.findByUsername('demo.teacher'))!;
    const count = (await server.services.webSessions.listForAccount(teacher.id)).length - 1;
    assert.ok(count >= 2);
    const res = await me.post('/account/sessions/end-others', { _csrf: csrfOf(html) });
    assert.equal(res.headers.get('location'), `/account/sessions?done=others&count=${count}`);
    assert.equal((await server.services.webSessions.listForAccount(teacher.id)).length, 1);
    for (const o of others) assert.equal(await stillSignedIn(o), false);
    assert.ok(await stillSignedIn(me));
    assert.ok(await stillSignedIn(staff), 'another account keeps its session');
    assert.ok((await (await me.get(res.headers.get('location')!)).text()).includes(`已登出其他 ${count} 個裝置。`));
  });

  test("「登出」 of a browser that signed in to an application ends its single sign-on too", async () => {
    const provider = await createProvider(server.services);
    const c = await addClient(server.services.clients, { name: 'School', redirectUris: ['http://app.localhost/cb'], firstParty: true }, (m) => provider.Client.validate(m));
    const config = await discover(server.issuer, c.clientId, c.clientSecret);
    const viaApp = new Agent(server.issuer);
    const { tokens } = await signIn(viaApp, config, { redirectUri: 'http://app.localhost/cb', username: 'demo.staff', password: 'Staff#2026sso' });
    const me = await signedInAgent(server.issuer, 'demo.staff', 'Staff#2026sso');
    const html = await (await me.get('/account/sessions')).text();
    const res = await me.post('/account/sessions/end', { _csrf: csrfOf(html), session: refs(html)[0]! });
    assert.equal(res.headers.get('location'), '/account/sessions?done=ended');
    assert.equal(await stillSignedIn(viaApp), false);
    const staff = (await server.services.accounts.findByUsername('demo.staff'))!;
    const providerSessions = await server.services.db.query(`SELECT id FROM oidc_payloads WHERE model = 'Session' AND payload->>'accountId' = $1`, [staff.id]);
    assert.equal(providerSessions.length, 0, "that browser's provider session ended");
    await assert.rejects(oidc.refreshTokenGrant(config, tokens.refresh_token!), (err: { error?: string }) => err.error === 'invalid_grant');
  });

  test('signed out, the page sends to sign-in', async () => {
    const res = await new Agent(server.issuer).get('/account/sessions');
    assert.equal(res.headers.get('location'), '/login?next=%2Faccount%2Fsessions');
  });
});
