import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import * as oidc from 'openid-client';
import { demoAccounts } from '../src/seed/demo.ts';
import { adminAgent, adminUser, api, auditSince, consoleCsrf, type AdminUser } from './support/admin.ts';
import { Agent } from './support/agent.ts';
import { oathtoolSkipReason } from './support/oathtool.ts';
import { startServer, type TestServer } from './support/server.ts';
import { authorize, discover, signIn } from './support/sign-in.ts';
import { waitFor } from './support/wait.ts';

const teacher = demoAccounts[0];
const redirectUri = 'http://portal.localhost:8124/callback';

/** The token endpoint's answer to a client-credentials request with this id and secret. */
async function clientCredentials(issuer: string, id: string, secret: string, scope = 'openid') {
  const res = await fetch(`${issuer}/oidc/v1/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}` },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope }),
  });
  return { status: res.status, body: (await res.json()) as { access_token?: string; error?: string } };
}

/** An openid-client refusal naming this OAuth error (in its body or its WWW-Authenticate challenge). */
const refusedWith = (error: RegExp) => (err: unknown) => {
  const e = err as { error?: string; cause?: unknown; message?: string };
  assert.match(`${e.error ?? ''} ${e.message ?? ''} ${JSON.stringify(e.cause ?? '')}`, error);
  return true;
};

/** `edusso …` as a separate process on the running server's database, as an operator would run it beside the service. */
function edusso(server: TestServer, ...args: string[]) {
  return new Promise<{ code: number; out: string; err: string }>((resolve) => {
    execFile(process.execPath, ['bin/edusso.js', ...args], { env: { ...process.env, ...server.env, LOG_LEVEL: 'silent' } }, (error, out, err) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, out, err }),
    );
  });
}

describe('connected applications through the API and the command line (admin:clients)', { skip: oathtoolSkipReason() }, () => {
  let server: TestServer;
  let system: AdminUser;
  let sys: Agent;
  let csrf: string;

  before(async () => {
    server = await startServer();
    system = await adminUser(server, 'apps.sys', 'system-admin');
    sys = await adminAgent(server, system);
    csrf = await consoleCsrf(sys);
  });
  after(() => server?.cleanup());

  const register = (body: unknown) => api(sys, 'POST', '/clients', body, csrf);

  test('registered through the API, the application signs a teacher in; a new secret retires the old one at once', async () => {
    const since = new Date();
    const r = await register({ name: '校務入口', redirectUris: [redirectUri], scopes: ['openid', 'profile', 'email'], logoUri: 'https://portal.example/logo.png', backchannelLogoutUri: 'http://portal.localhost:8124/bcl' });
    assert.equal(r.status, 201, JSON.stringify(r.json));
    const { client, clientSecret } = r.json;
    assert.equal(client.kind, 'web');
    assert.deepEqual(client.redirectUris, [redirectUri]);
    assert.equal(client.backchannelLogoutUri, 'http://portal.localhost:8124/bcl');
    assert.ok(clientSecret.length >= 32);
    assert.ok(!JSON.stringify((await api(sys, 'GET', `/clients/${client.clientId}`)).json).includes(clientSecret), 'the secret is never shown again');
    const [audited] = await auditSince(server, 'client.registered', since);
    assert.equal(audited?.actor, `account:${system.accountId}`);
    assert.equal(audited?.client_id, client.clientId);

    const config = await discover(server.issuer, client.clientId, clientSecret);
    const person = new Agent(server.issuer);
    const { tokens } = await signIn(person, config, { redirectUri, scope: 'openid profile email', username: teacher.username, password: teacher.password });
    assert.equal((await oidc.fetchUserInfo(config, tokens.access_token, tokens.claims()!.sub)).preferred_username, teacher.username);

    const rotated = await api(sys, 'POST', `/clients/${client.clientId}/rotate-secret`, undefined, csrf);
    assert.equal(rotated.status, 200);
    assert.notEqual(rotated.json.clientSecret, clientSecret);
    assert.equal((await auditSince(server, 'client.secret-rotated', since)).length, 1);
    // The old secret at the token endpoint: the code exchange is refused.
    await assert.rejects(signIn(person, config, { redirectUri, scope: 'openid profile email', username: teacher.username, password: teacher.password }), refusedWith(/invalid_client/));
    const fresh = await discover(server.issuer, client.clientId, rotated.json.clientSecret);
    const again = await signIn(person, fresh, { redirectUri, scope: 'openid profile email', username: teacher.username, password: teacher.password });
    assert.equal(again.tokens.claims()!.aud, client.clientId);

    // Disabled: no sign-in starts, its tokens are refused; enabled: it signs in again.
    const disabled = await api(sys, 'POST', `/clients/${client.clientId}/disable`, undefined, csrf);
    assert.equal(disabled.status, 200);
    assert.equal(disabled.json.disabled, true);
    const refused = await authorize(person, fresh, { redirectUri, scope: 'openid', username: teacher.username, password: teacher.password });
    assert.equal(refused.landed, undefined, 'no way back to a disabled application');
    assert.equal(refused.status, 400);
    await assert.rejects(oidc.fetchUserInfo(fresh, again.tokens.access_token, again.tokens.claims()!.sub), refusedWith(/invalid_token/));
    await assert.rejects(oidc.refreshTokenGrant(fresh, again.tokens.refresh_token!), refusedWith(/invalid_client/));
    assert.equal((await api(sys, 'GET', '/clients')).json.clients.find((c: { clientId: string }) => c.clientId === client.clientId).disabled, true);

    assert.equal((await api(sys, 'POST', `/clients/${client.clientId}/enable`, undefined, csrf)).json.disabled, false);
    const back = await signIn(person, fresh, { redirectUri, scope: 'openid profile email', username: teacher.username, password: teacher.password });
    assert.ok(back.tokens.access_token);
    await assert.rejects(oidc.fetchUserInfo(fresh, again.tokens.access_token, again.tokens.claims()!.sub), refusedWith(/invalid_token/), 'tokens revoked on disable stay revoked');
    assert.deepEqual((await auditSince(server, 'client.enabled', since)).map((e) => e.actor), [`account:${system.accountId}`]);
  });

  test('a disabled service client gets no client-credentials token, and its admin token is refused at /admin/api/v1', async () => {
    const r = await register({ name: '縣市校務同步', kind: 'service', scopes: ['admin:people'], adminCounty: '雲林縣' });
    assert.equal(r.status, 201, JSON.stringify(r.json));
    assert.equal(r.json.client.kind, 'service');
    assert.equal(r.json.client.adminCounty, '10009000');
    const { clientId } = r.json.client;
    const secret = r.json.clientSecret;
    const got = await clientCredentials(server.issuer, clientId, secret, 'admin:people');
    assert.ok(got.body.access_token, JSON.stringify(got.body));
    const token = { issuer: server.issuer, token: got.body.access_token! };
    assert.equal((await api(token, 'GET', '/me')).json.countyCode, '10009000');

    await api(sys, 'POST', `/clients/${clientId}/disable`, undefined, csrf);
    assert.equal((await clientCredentials(server.issuer, clientId, secret, 'admin:people')).body.error, 'invalid_client');
    assert.equal((await api(token, 'GET', '/me')).status, 401);
    await api(sys, 'POST', `/clients/${clientId}/enable`, undefined, csrf);
    assert.ok((await clientCredentials(server.issuer, clientId, secret, 'admin:people')).body.access_token, 'works again once enabled');
  });

  test('an edit is checked like a registration; bad input gets 400 with issues and changes nothing', async () => {
    const before = (await api(sys, 'GET', '/clients')).json.clients.length;
    const bad = [
      { name: '壞網址', redirectUris: ['javascript:alert(1)'], field: 'body.redirectUris' },
      { name: '未知範圍', redirectUris: [redirectUri], scopes: ['openid', 'telepathy'], field: 'body.scopes' },
      { name: '越權範圍', redirectUris: [redirectUri], scopes: ['openid', 'admin:people'], field: 'body.scopes' },
      { name: '', redirectUris: [redirectUri], field: 'body.name' },
      { name: '非服務限縣市', redirectUris: [redirectUri], adminCounty: '雲林縣', field: 'body.adminCounty' },
    ];
    for (const { field, ...body } of bad) {
      const r = await register(body);
      assert.equal(r.status, 400, `${body.name}: ${JSON.stringify(r.json)}`);
      assert.equal(r.json.error, 'invalid_request');
      assert.ok(r.json.issues.some((i: { path: string }) => i.path.startsWith(field)), `${body.name}: ${JSON.stringify(r.json.issues)}`);
      assert.match(r.json.issues[0].message, /[\u4e00-\u9fff]/, 'the reason in zh-TW');
    }
    assert.equal((await api(sys, 'GET', '/clients')).json.clients.length, before, 'nothing registered');

    const ok = await register({ name: '校務行政', redirectUris: [redirectUri] });
    const id = ok.json.client.clientId;
    const changed = await api(sys, 'PUT', `/clients/${id}`, { name: '校務行政系統', firstParty: true, redirectUris: [redirectUri, 'https://admin.school.example/cb'], scopes: ['openid', 'profile', 'eduinfo'] }, csrf);
    assert.equal(changed.status, 200, JSON.stringify(changed.json));
    assert.deepEqual([changed.json.name, changed.json.firstParty, changed.json.redirectUris.length, changed.json.scopes], ['校務行政系統', true, 2, ['openid', 'profile', 'eduinfo']]);
    const refusedEdit = await api(sys, 'PUT', `/clients/${id}`, { redirectUris: ['javascript:alert(1)'], name: '不該改名' }, csrf);
    assert.equal(refusedEdit.status, 400);
    const kept = (await api(sys, 'GET', `/clients/${id}`)).json;
    assert.deepEqual([kept.name, kept.redirectUris.length], ['校務行政系統', 2], 'a refused edit changes nothing');
    assert.equal((await api(sys, 'PUT', '/clients/no-such-app', { name: 'x' }, csrf)).status, 404);
    assert.equal((await api(sys, 'POST', '/clients/no-such-app/rotate-secret', undefined, csrf)).status, 404);
    const pub = await register({ name: '行動 App', kind: 'public', redirectUris: ['https://app.example/cb'] });
    assert.equal(pub.json.clientSecret, undefined);
    assert.equal((await api(sys, 'POST', `/clients/${pub.json.client.clientId}/rotate-secret`, undefined, csrf)).status, 409);
  });

  test('a helpdesk agent and a county administrator are refused (403) and the refusal is audited', async () => {
    const someone = (await api(sys, 'GET', '/clients')).json.clients[0].clientId;
    for (const [name, role, scope] of [['apps.helpdesk', 'helpdesk', {}], ['apps.county', 'county-admin', { county: '雲林縣' }]] as const) {
      const user = await adminUser(server, name, role, scope);
      const agent = await adminAgent(server, user);
      const token = await consoleCsrf(agent);
      const since = new Date();
      for (const [method, path, body] of [
        ['GET', '/clients', undefined],
        ['POST', '/clients', { name: 'x', redirectUris: [redirectUri] }],
        ['GET', `/clients/${someone}`, undefined],
        ['PUT', `/clients/${someone}`, { name: 'taken over' }],
        ['POST', `/clients/${someone}/rotate-secret`, undefined],
        ['POST', `/clients/${someone}/disable`, undefined],
      ] as const) {
        const r = await api(agent, method, path, body, token);
        assert.equal(r.status, 403, `${role} ${method} ${path}`);
      }
      const refusals = await auditSince(server, 'admin.refused', since);
      assert.equal(refusals.length, 6, role);
      assert.ok(refusals.every((e) => e.actor === `account:${user.accountId}` && e.detail.capability === 'admin:clients'));
      const page = await agent.get(`/admin/apps/${someone}`);
      assert.equal(page.status, 403, 'the console page too');
    }
    assert.notEqual((await api(sys, 'GET', `/clients/${someone}`)).json.name, 'taken over');
  });

  test('the command line changes the same applications while the service runs', async () => {
    const since = new Date();
    const r = await register({ name: '排課系統', kind: 'service', scopes: ['openid'] });
    const { clientId } = r.json.client;

    const rotated = await edusso(server, 'client', 'rotate-secret', clientId, '--json');
    assert.equal(rotated.code, 0, rotated.err);
    const secret = JSON.parse(rotated.out).client_secret as string;
    assert.notEqual(secret, r.json.clientSecret);
    await waitFor('the old secret refused', async () => (await clientCredentials(server.issuer, clientId, r.json.clientSecret)).status === 401);
    assert.ok((await clientCredentials(server.issuer, clientId, secret)).body.access_token);

    const disabled = await edusso(server, 'client', 'disable', clientId);
    assert.equal(disabled.code, 0, disabled.err);
    assert.match(disabled.out, /disabled/);
    await waitFor('the disabled client refused', async () => (await clientCredentials(server.issuer, clientId, secret)).status === 401);
    assert.equal((await api(sys, 'GET', `/clients/${clientId}`)).json.disabled, true);
    assert.match((await edusso(server, 'client', 'list')).out, new RegExp(`${clientId}.*disabled`));
    assert.equal((await edusso(server, 'client', 'enable', clientId)).code, 0);
    await waitFor('enabled again', async () => Boolean((await clientCredentials(server.issuer, clientId, secret)).body.access_token));

    const updated = await edusso(server, 'client', 'update', clientId, '--name', '排課系統（新版）', '--scopes', 'openid eduinfo');
    assert.equal(updated.code, 0, updated.err);
    const shown = (await api(sys, 'GET', `/clients/${clientId}`)).json;
    assert.deepEqual([shown.name, shown.scopes], ['排課系統（新版）', ['openid', 'eduinfo']]);
    const bad = await edusso(server, 'client', 'update', clientId, '--scopes', 'openid telepathy');
    assert.notEqual(bad.code, 0);
    assert.match(bad.err, /scopes/);
    assert.equal((await edusso(server, 'client', 'disable', 'no-such-client')).code, 1);

    for (const type of ['client.secret-rotated', 'client.disabled', 'client.enabled', 'client.updated']) {
      const events = await auditSince(server, type, since);
      assert.deepEqual(events.map((e) => e.actor), ['cli'], type);
    }
  });
});
