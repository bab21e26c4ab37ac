import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { addClient } from '../src/oidc/client-registry.ts';
import { createProvider } from '../src/oidc/provider.ts';
import { demoAccounts } from '../src/seed/demo.ts';
import { Agent, formOf } from './support/agent.ts';
import { startServer, TEST_CAPTCHA, type TestServer } from './support/server.ts';
import { discover, signIn } from './support/sign-in.ts';

const [teacher, staff] = demoAccounts;
const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1';

/** The rows of the records table, each as its cells' text. */
const rowsOf = (html: string) =>
  [...(/<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '').matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<td>([\s\S]*?)<\/td>|<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => (c[1] ?? c[2]!).replace(/<[^>]+>/g, '')));

/** Signs in on the SSO site's own form from an address and a browser. */
async function siteSignIn(agent: Agent, username: string, password: string, ip: string, ua: string) {
  const { action, fields } = formOf(await (await agent.get('/login')).text());
  return agent.request(action, { method: 'POST', form: { ...fields, account: username, password, captcha: TEST_CAPTCHA, action: 'login' }, headers: { 'x-forwarded-for': ip, 'user-agent': ua } });
}

describe('應用服務登入紀錄 (捌.2) and ＩＰ登入紀錄 (玖)', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ env: { TRUST_PROXY: 'true' } });
  });
  after(() => server?.cleanup());

  test('a failed and a successful password sign-in and a single sign-on to an application, as the owner sees them', async () => {
    const agent = new Agent(server.issuer);
    const failed = await siteSignIn(agent, teacher.username, 'Wrong#2026pass', '203.0.113.7', IPHONE);
    assert.notEqual(failed.status, 302, 'refused');
    const ok = await siteSignIn(agent, teacher.username, teacher.password, '198.51.100.20', FIREFOX);
    assert.equal(ok.status, 302, 'signed in');
    // Single sign-on: the application gets the person without the form.
    const provider = await createProvider(server.services);
    const c = await addClient(server.services.clients, { name: '校務行政系統', redirectUris: ['http://app.localhost/cb'], firstParty: true }, (m) => provider.Client.validate(m));
    await signIn(agent, await discover(server.issuer, c.clientId, c.clientSecret), { redirectUri: 'http://app.localhost/cb', username: teacher.username, password: teacher.password });
    // Someone else's sign-in is not shown.
    await siteSignIn(new Agent(server.issuer), staff.username, staff.password, '192.0.2.99', FIREFOX);

    const ipRes = await agent.get('/account/ip-logins');
    const ip = await ipRes.text();
    assert.equal(ipRes.status, 200, ip.slice(0, 3000));
    assert.ok(ip.includes('請選擇您想要顯示的ＩＰ登入紀錄筆數。') && ip.includes('送出'));
    assert.deepEqual(
      rowsOf(ip).map(([, ...cells]) => cells),
      [
        ['198.51.100.20', '密碼', '成功', 'Firefox 128 / Windows 10', '電腦'],
        ['203.0.113.7', '密碼', '失敗', 'Mobile Safari 17 / iOS 17.1', '手機'],
      ],
    );
    assert.match(rowsOf(ip)[0]![0]!, /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}$/, 'the time, in Asia/Taipei');

    const apps = await (await agent.get('/account/app-logins?n=20')).text();
    assert.ok(apps.includes('<option value="20" selected>'));
    assert.deepEqual(rowsOf(apps).map(([, ...cells]) => cells), [['校務行政系統', '成功', '密碼', '127.0.0.1']]);

    const en = await (await agent.get('/account/ip-logins?lang=en')).text();
    assert.deepEqual(rowsOf(en).map((r) => [r[2], r[3], r[5]]), [['Password', 'Succeeded', 'Computer'], ['Password', 'Failed', 'Mobile phone']]);
  });

  test('a count that is not offered gets a message and the latest 10; nothing else is possible', async () => {
    const agent = new Agent(server.issuer);
    await siteSignIn(agent, teacher.username, teacher.password, '198.51.100.21', FIREFOX);
    for (const n of ['7', 'abc', '1000', '']) {
      const res = await agent.get(`/account/ip-logins?n=${n}`);
      assert.equal(res.status, 400, n);
      const html = await res.text();
      assert.ok(html.includes('筆數只能選擇 10、20、50 或 100，以下顯示最近 10 筆。'), n);
      assert.ok(html.includes('<option value="10" selected>'));
    }
    const en = await (await agent.get('/account/app-logins?n=3&lang=en')).text();
    assert.ok(en.includes('The number can only be 10, 20, 50 or 100; the latest 10 are shown.'));
    const out = await new Agent(server.issuer).get('/account/ip-logins');
    assert.equal(out.headers.get('location'), '/login?next=%2Faccount%2Fip-logins', 'signed out: sign in first');
  });

  test('the purge removes records older than the retention only (the daily job, and edusso records purge)', async () => {
    const { db, signInRecords, accounts } = server.services;
    const account = (await accounts.findByUsername(teacher.username))!;
    const count = async () => Number((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM sign_in_records WHERE account_id = $1`, [account.id]))[0]!.n);
    const before = await count();
    await server.services.store.signIns.record({ accountId: account.id, kind: 'authentication', method: 'password', result: 'failed', ip: '192.0.2.1' });
    await server.services.store.signIns.record({ accountId: account.id, kind: 'application', method: 'password', result: 'succeeded', ip: '192.0.2.2' });
    await db.query(`UPDATE sign_in_records SET at = now() - interval '200 days' WHERE ip = '192.0.2.1'`);
    await db.query(`UPDATE sign_in_records SET at = now() - interval '40 days' WHERE ip = '192.0.2.2'`);
    assert.equal(await signInRecords.purge(180), 1);
    assert.equal(await count(), before + 1, 'the 40-day-old one and the recent ones stay');

    const cli = spawnSync(process.execPath, ['bin/edusso.js', 'records', 'purge', '--days', '30', '--json'], { env: { ...process.env, ...server.env }, encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    assert.deepEqual(JSON.parse(cli.stdout), { purged: 1, days: 30 });
    assert.equal(await count(), before);
    const bad = spawnSync(process.execPath, ['bin/edusso.js', 'records', 'purge', '--days', '0'], { env: { ...process.env, ...server.env }, encoding: 'utf8' });
    assert.notEqual(bad.status, 0);
    assert.match(bad.stderr, /--days must be a whole number of days, at least 1/);
  });
});
