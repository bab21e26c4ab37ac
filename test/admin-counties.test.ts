import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { hashPassword } from '../src/security/password.ts';
import { adminAgent, adminUser, api, auditSince, consoleCsrf, type AdminUser } from './support/admin.ts';
import { Agent } from './support/agent.ts';
import { startCountyIdp, type CountyIdp } from './support/county-idp.ts';
import { countyLogin } from './support/county-login.ts';
import { oathtoolSkipReason } from './support/oathtool.ts';
import { freePort, startServer, type TestServer } from './support/server.ts';

/** The form posting to `action`: every input's value and each select's chosen option, as a browser would send them. */
function formAt(html: string, action: string) {
  const form = new RegExp(`<form[^>]*action="${action}"[^>]*>([\\s\\S]*?)</form>`).exec(html);
  if (!form) throw new Error(`no form to ${action}`);
  const fields: Record<string, string> = {};
  const unescape = (v: string) => v.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  for (const m of form[1]!.matchAll(/<input[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(m[0])?.[1];
    if (!name || /type="(checkbox|radio)"/.test(m[0])) continue;
    fields[name] = unescape(/value="([^"]*)"/.exec(m[0])?.[1] ?? '');
  }
  for (const m of form[1]!.matchAll(/<select[^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/select>/g)) {
    fields[m[1]!] = /<option value="([^"]*)" selected/.exec(m[2]!)?.[1] ?? '';
  }
  return { action, fields };
}

describe('county identity providers through the API and the console (admin:counties)', { skip: oathtoolSkipReason() }, () => {
  let server: TestServer;
  let county: CountyIdp;
  let system: AdminUser;
  let sys: Agent;
  let csrf: string;

  before(async () => {
    const port = await freePort();
    county = await startCountyIdp({ redirectUri: `http://localhost:${port}/federation/callback`, withIdNumber: true });
    server = await startServer({ port });
    system = await adminUser(server, 'counties.sys', 'system-admin');
    sys = await adminAgent(server, system);
    csrf = await consoleCsrf(sys);
  });
  after(async () => {
    await server?.cleanup();
    await county?.stop();
  });

  async function teacher(username: string, idNumber: string, name: string) {
    const s = server.services;
    await s.accounts.create({ username, passwordHash: await hashPassword('Known#Pass2026'), displayName: name, personIdHash: s.pii.idHash(idNumber), personIdSealed: s.pii.seal(idNumber) });
  }

  test('added with a wrong secret the county sign-in fails; after an update through the API it works', async () => {
    const since = new Date();
    const added = await api(sys, 'POST', '/county-providers', {
      id: 'yunlin', county: '雲林縣', issuer: county.issuer, clientId: county.clientId, clientSecret: 'not-the-secret',
      scopes: 'openid profile eduid', claims: { idNumber: 'id_number', schoolCode: 'school_code', titles: 'titles' },
    }, csrf);
    assert.equal(added.status, 201, JSON.stringify(added.json));
    assert.equal(added.json.countyCode, '10009000');
    assert.ok(!JSON.stringify(added.json).includes('not-the-secret'), 'the secret is never shown');
    assert.equal((await auditSince(server, 'county.provider-added', since))[0]?.actor, `account:${system.accountId}`);

    await teacher('county.teacher', 'M123456789', '周老師');
    county.people.set('yl-001', { name: '周老師', idNumber: 'M123456789', schoolCode: '094601' });
    const failed = await countyLogin(new Agent(server.issuer), '/county/yunlin/start?purpose=login', 'yl-001');
    assert.ok(!failed.html.includes('county.teacher'), 'a wrong secret signs nobody in');

    const updated = await api(sys, 'PUT', '/county-providers/yunlin', { clientSecret: county.clientSecret, displayName: '雲林縣教育處', labels: { login: '雲林縣教職員登入' } }, csrf);
    assert.equal(updated.status, 200, JSON.stringify(updated.json));
    assert.deepEqual([updated.json.displayName, updated.json.labels.login, updated.json.claims.idNumber, updated.json.issuer], ['雲林縣教育處', '雲林縣教職員登入', 'id_number', county.issuer], 'what was not given stays');
    const r = await countyLogin(new Agent(server.issuer), '/county/yunlin/start?purpose=login', 'yl-001');
    assert.ok(r.html.includes('您的教育雲端帳號為 county.teacher'), r.html.slice(0, 800));
    assert.ok((await (await new Agent(server.issuer).get('/county/yunlin?purpose=login')).text()).includes('雲林縣教職員登入'), 'the new label is on the county page');
    assert.deepEqual([...(await auditSince(server, 'county.provider-updated', since))[0]?.detail.fields].sort(), ['clientSecret', 'displayName', 'labels']);

    // A refused update changes nothing; an unknown one is 404.
    const bad = await api(sys, 'PUT', '/county-providers/yunlin', { issuer: 'javascript:alert(1)', displayName: '不該改' }, csrf);
    assert.equal(bad.status, 400);
    assert.equal(bad.json.issues[0].path, 'body.issuer');
    assert.equal((await api(sys, 'GET', '/county-providers/yunlin')).json.displayName, '雲林縣教育處');
    assert.equal((await api(sys, 'PUT', '/county-providers/nothing-here', { displayName: 'x' }, csrf)).status, 404);

    // The county map's icon: a PNG or SVG only, served from this site.
    const html = await api(sys, 'PUT', '/county-providers/yunlin/icon', { base64: Buffer.from('<html><script>alert(1)</script></html>').toString('base64') }, csrf);
    assert.equal(html.status, 400);
    assert.equal(html.json.issues[0].path, 'body.icon');
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>';
    const icon = await api(sys, 'PUT', '/county-providers/yunlin/icon', { base64: Buffer.from(svg).toString('base64') }, csrf);
    assert.equal(icon.json.hasIcon, true);
    assert.equal(await (await new Agent(server.issuer).get('/county/yunlin/icon')).text(), svg);
  });

  test('bad input is refused with issues; the same id twice is a conflict', async () => {
    const before = (await api(sys, 'GET', '/county-providers')).json.providers.length;
    for (const [body, path] of [
      [{ county: '不存在縣', issuer: county.issuer, clientId: 'x', clientSecret: 'y' }, 'body.county'],
      [{ county: '嘉義縣', issuer: 'ftp://idp.example', clientId: 'x', clientSecret: 'y' }, 'body.issuer'],
      [{ county: '嘉義縣', issuer: county.issuer, clientId: '', clientSecret: 'y' }, 'body.clientId'],
      [{ county: '嘉義縣', kind: 'oauth2', issuer: county.issuer, clientId: 'x', clientSecret: 'y' }, 'body.endpoints'],
      [{ id: 'Bad Id', county: '嘉義縣', issuer: county.issuer, clientId: 'x', clientSecret: 'y' }, 'body.id'],
    ] as const) {
      const r = await api(sys, 'POST', '/county-providers', body, csrf);
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.ok(r.json.issues.some((i: { path: string }) => i.path === path), `${path}: ${JSON.stringify(r.json.issues)}`);
      assert.match(r.json.issues[0].message, /[\u4e00-\u9fff]/);
    }
    assert.equal((await api(sys, 'GET', '/county-providers')).json.providers.length, before);
    assert.equal((await api(sys, 'POST', '/county-providers', { id: 'yunlin', county: '雲林縣', issuer: county.issuer, clientId: 'x', clientSecret: 'y' }, csrf)).status, 409);
  });

  test('the console adds, changes and removes a county (with a confirmation); errors are shown on the form', async () => {
    const form = formAt(await (await sys.get('/admin/counties/new')).text(), '/admin/counties');
    const refused = await sys.post(form.action, { ...form.fields, county: '10010000', issuer: 'not a url', clientId: 'edusso', clientSecret: 's' });
    assert.equal(refused.status, 400);
    const refusedHtml = await refused.text();
    assert.equal(refusedHtml.split('網址須為 https:// 或 http:// 開頭的完整網址').length - 1, 2, 'the reason once in the summary and once beside the field');
    assert.ok(refusedHtml.includes('aria-invalid="true"'));

    const added = await sys.post(form.action, { ...form.fields, county: '10010000', id: 'chiayi', issuer: county.issuer, clientId: county.clientId, clientSecret: county.clientSecret, claim_idNumber: 'id_number' });
    assert.equal(added.status, 303);
    assert.equal(added.headers.get('location'), '/admin/counties/chiayi?done=added');
    const page = await (await sys.get('/admin/counties/chiayi?done=added')).text();
    assert.ok(page.includes('嘉義縣') && page.includes('已新增縣市帳號系統'));
    assert.ok(!page.includes(county.clientSecret), 'the secret is not on the page');

    const edit = formAt(page, '/admin/counties/chiayi');
    const saved = await sys.post(edit.action, { ...edit.fields, displayName: '嘉義縣教育網' });
    assert.equal(saved.status, 303);
    const kept = (await api(sys, 'GET', '/county-providers/chiayi')).json;
    assert.deepEqual([kept.displayName, kept.clientId, kept.claims.idNumber], ['嘉義縣教育網', county.clientId, 'id_number']);
    const provider = await server.services.countyProviders.get('chiayi');
    assert.equal(provider?.clientSecret, county.clientSecret, 'an empty secret field keeps the stored secret');

    const remove = formAt(await (await sys.get('/admin/counties/chiayi')).text(), '/admin/counties/chiayi/remove');
    const unconfirmed = await sys.post(remove.action, remove.fields);
    assert.equal(unconfirmed.status, 400);
    assert.ok(await server.services.countyProviders.get('chiayi'), 'not removed without the confirmation');
    const since = new Date();
    const removed = await sys.post(remove.action, { ...remove.fields, confirm: 'on' });
    assert.equal(removed.headers.get('location'), '/admin/counties?done=removed');
    assert.equal(await server.services.countyProviders.get('chiayi'), undefined);
    assert.equal((await auditSince(server, 'county.provider-removed', since))[0]?.actor, `account:${system.accountId}`);
    assert.equal((await api(sys, 'DELETE', '/county-providers/chiayi', undefined, csrf)).status, 404);
  });

  test('removed through the API: its sign-in is gone; a county administrator or helpdesk agent is refused and audited', async () => {
    for (const [name, role, scope] of [['counties.county', 'county-admin', { county: '雲林縣' }], ['counties.helpdesk', 'helpdesk', {}]] as const) {
      const user = await adminUser(server, name, role, scope);
      const agent = await adminAgent(server, user);
      const token = await consoleCsrf(agent);
      const since = new Date();
      assert.equal((await api(agent, 'GET', '/county-providers')).status, 403);
      assert.equal((await api(agent, 'PUT', '/county-providers/yunlin', { displayName: 'x' }, token)).status, 403);
      assert.equal((await api(agent, 'DELETE', '/county-providers/yunlin', undefined, token)).status, 403);
      assert.equal((await agent.get('/admin/counties')).status, 403);
      assert.equal((await auditSince(server, 'admin.refused', since)).length, 4, role);
    }
    const removed = await api(sys, 'DELETE', '/county-providers/yunlin', undefined, csrf);
    assert.deepEqual(removed.json, { removed: 'yunlin' });
    const r = await countyLogin(new Agent(server.issuer), '/county/yunlin/start?purpose=login', 'yl-001');
    assert.ok(!r.html.includes('county.teacher'));
  });
});
