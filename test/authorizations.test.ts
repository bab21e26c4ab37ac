import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import * as oidc from 'openid-client';
import { addClient } from '../src/oidc/client-registry.ts';
import { createProvider } from '../src/oidc/provider.ts';
import { demoAccounts } from '../src/seed/demo.ts';
import { Agent, formOf } from './support/agent.ts';
import { startServer, type TestServer } from './support/server.ts';
import { authorize, discover, signIn } from './support/sign-in.ts';

const [teacher, staff] = demoAccounts;
const redirectUri = 'http://school-app.localhost:8123/callback';

/** What an application with a back-channel logout endpoint received. */
function logoutReceiver() {
  const tokens: string[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      tokens.push(new URLSearchParams(body).get('logout_token') ?? '');
      res.writeHead(200).end();
    });
  });
  return { tokens, server, listen: () => new Promise<string>((r) => server.listen(0, '127.0.0.1', () => r(`http://127.0.0.1:${(server.address() as AddressInfo).port}/backchannel`))) };
}

/** The list page's form, with the given applications ticked. */
async function listForm(agent: Agent, ticked: string[] = []) {
  const res = await agent.get('/account/authorizations');
  const html = await res.text();
  const { action, fields } = formOf(html);
  return { html, csp: res.headers.get('content-security-policy')!, action, form: { ...fields, ...Object.fromEntries(ticked.map((id) => [`app.${id}`, 'on'])) } };
}

describe('應用服務授權清單 (SPEC 捌.1): revoking an application', () => {
  let server: TestServer;
  const receiver = logoutReceiver();
  const apps: Record<'grades' | 'library' | 'other', { id: string; secret: string; config?: oidc.Configuration }> = {} as never;
  const grantsOf = async (username: string) => server.services.store.oidcPayloads.grantsForAccount((await server.services.accounts.findByUsername(username))!.id);

  before(async () => {
    server = await startServer();
    const backchannel = await receiver.listen();
    const provider = await createProvider(server.services);
    const add = async (name: string, extra: { logoUri?: string; backchannelLogoutUri?: string } = {}) => {
      const c = await addClient(server.services.clients, { name, redirectUris: [redirectUri], ...extra }, (m) => provider.Client.validate(m));
      return { id: c.clientId, secret: c.clientSecret! };
    };
    apps.grades = await add('成績系統', { backchannelLogoutUri: backchannel, logoUri: 'https://grades.example.edu.tw/logo.png' });
    apps.library = await add('圖書館系統');
    apps.other = await add('午餐系統');
    for (const app of Object.values(apps)) app.config = await discover(server.issuer, app.id, app.secret);
  });
  after(async () => {
    receiver.server.close();
    await server?.cleanup();
  });

  test('the list, the confirm step, 「取消授權」: tokens die at once, the application is told, and the next sign-in asks again', async () => {
    const agent = new Agent(server.issuer);
    const grades = await signIn(agent, apps.grades.config!, { redirectUri, username: teacher.username, password: teacher.password, scope: 'openid profile email' });
    const library = await signIn(agent, apps.library.config!, { redirectUri, username: teacher.username, password: teacher.password });
    assert.ok(grades.tokens.refresh_token && library.tokens.refresh_token);

    const list = await listForm(agent);
    assert.ok(list.html.includes('成績系統') && list.html.includes('圖書館系統') && !list.html.includes('午餐系統'), 'only what this account authorized');
    assert.ok(list.html.includes('電子郵件信箱') && list.html.includes('姓名與教育雲端帳號'), 'what each may read, in words');
    assert.ok(list.html.includes('src="https://grades.example.edu.tw/logo.png" alt="「成績系統」的標誌"'), 'the logo with a text alternative');
    assert.match(list.csp, /img-src 'self' https:;/, "the application's https logo is let in on this page");
    assert.match(list.html, /\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}/, 'since when');

    // Nothing ticked: a message, nothing changes.
    const none = await agent.post(list.action, list.form);
    assert.equal(none.status, 400);
    assert.ok((await none.text()).includes('請勾選您所欲取消授權的應用服務名稱。'));

    const chosen = await listForm(agent, [apps.grades.id]);
    const confirm = await agent.post(chosen.action, chosen.form);
    assert.equal(confirm.status, 200);
    const confirmHtml = await confirm.text();
    assert.ok(confirmHtml.includes('成績系統') && confirmHtml.includes('共 1 項') && confirmHtml.includes('取消授權'), 'the chosen names and their count');
    assert.equal((await grantsOf(teacher.username)).length, 2, 'the confirm step changes nothing');

    const { action, fields } = formOf(confirmHtml);
    const forged = await agent.post(action, { ...fields, _csrf: 'forged' });
    assert.equal(forged.status, 403, 'CSRF');
    assert.equal((await grantsOf(teacher.username)).length, 2);

    const revoked = await agent.post(action, fields);
    assert.equal(revoked.status, 303);
    const after = await (await agent.get(revoked.headers.get('location')!)).text();
    assert.ok(after.includes('取消授權成功') && after.includes('當您再次登入已取消授權的應用服務，將會再次要求授權。'));
    assert.ok(!after.includes('成績系統') && after.includes('圖書館系統'));

    await assert.rejects(oidc.refreshTokenGrant(apps.grades.config!, grades.tokens.refresh_token!), (err: any) => err.error === 'invalid_grant');
    await assert.rejects(oidc.fetchUserInfo(apps.grades.config!, grades.tokens.access_token, grades.tokens.claims()!.sub));
    const stillLibrary = await oidc.refreshTokenGrant(apps.library.config!, library.tokens.refresh_token!);
    assert.ok(stillLibrary.access_token, 'the other application keeps working');

    // The back-channel logout token verifies against the published keys and names the person and the session.
    assert.equal(receiver.tokens.length, 1);
    const jwks = createRemoteJWKSet(new URL(`${server.issuer}/oidc/v1/jwksets`));
    const { payload, protectedHeader } = await jwtVerify(receiver.tokens[0]!, jwks, { issuer: server.issuer, audience: apps.grades.id, typ: 'logout+jwt' });
    assert.equal(protectedHeader.alg, 'RS256');
    assert.equal(payload.sub, grades.tokens.claims()!.sub);
    assert.equal(payload.sid, grades.tokens.claims()!.sid);
    assert.deepEqual(payload.events, { 'http://schemas.openid.net/event/backchannel-logout': {} });
    assert.equal(payload.nonce, undefined);

    const account = (await server.services.accounts.findByUsername(teacher.username))!;
    const events = await server.services.audit.forAccount(account.id, 20);
    assert.ok(events.some((e) => e.type === 'consent.revoked' && e.clientId === apps.grades.id));

    // Signed in to the SSO site still: the application asks for authorization again.
    const again = await authorize(agent, apps.grades.config!, { redirectUri, username: teacher.username, password: teacher.password });
    assert.ok(again.page.includes('name="decision"'), 'consent asked again');
    assert.ok(again.landed, 'and allowed, the sign-in completes');
  });

  test("another account's application cannot be revoked: nothing changes", async () => {
    const other = new Agent(server.issuer);
    const lunch = await signIn(other, apps.other.config!, { redirectUri, username: staff.username, password: staff.password });
    const agent = new Agent(server.issuer);
    await signIn(agent, apps.library.config!, { redirectUri, username: teacher.username, password: teacher.password });
    const before = await grantsOf(teacher.username);

    const list = await listForm(agent, [apps.other.id]);
    for (const path of ['/account/authorizations/confirm', '/account/authorizations/revoke']) {
      const res = await agent.post(path, list.form);
      assert.equal(res.status, 400, path);
      assert.ok((await res.text()).includes('所選的應用服務已不在您的授權清單中，沒有任何變更。'));
    }
    assert.equal((await grantsOf(staff.username)).length, 1);
    assert.deepEqual(await grantsOf(teacher.username), before);
    assert.ok((await oidc.refreshTokenGrant(apps.other.config!, lunch.tokens.refresh_token!)).access_token);
  });

  test('a first-party application is listed too: revoking ends its tokens, and its next sign-in does not ask', async () => {
    const provider = await createProvider(server.services);
    const c = await addClient(server.services.clients, { name: '教育部校務平台', redirectUris: [redirectUri], firstParty: true }, (m) => provider.Client.validate(m));
    const config = await discover(server.issuer, c.clientId, c.clientSecret);
    const agent = new Agent(server.issuer);
    const first = await signIn(agent, config, { redirectUri, username: staff.username, password: staff.password });
    const list = await listForm(agent, [c.clientId]);
    assert.ok(list.html.includes('教育部校務平台') && list.html.includes('本部應用服務：登入時不詢問授權'));
    const confirm = formOf(await (await agent.post(list.action, list.form)).text());
    assert.equal((await agent.post(confirm.action, confirm.fields)).status, 303);
    await assert.rejects(oidc.refreshTokenGrant(config, first.tokens.refresh_token!), (err: any) => err.error === 'invalid_grant');
    const again = await authorize(agent, config, { redirectUri, username: staff.username, password: staff.password });
    assert.ok(again.landed && !again.page.includes('name="decision"'), 'signed in again without a consent page');
  });

  test('signed out, the list asks to sign in and comes back', async () => {
    const res = await new Agent(server.issuer).get('/account/authorizations');
    assert.equal(res.status, 302);
    assert.equal(res.headers.get('location'), '/login?next=%2Faccount%2Fauthorizations');
  });
});
