import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { hashPassword } from '../src/security/password.ts';
import { Agent, formOf } from './support/agent.ts';
import { startCountyIdp, startTaipeiOAuth, type CountyIdp } from './support/county-idp.ts';
import { countyLogin } from './support/county-login.ts';
import { latestCode, submit } from './support/registration.ts';
import { freePort, startServer, TEST_CAPTCHA, type TestServer } from './support/server.ts';

describe('county accounts: sign in, register, forgot account, reset password (real county providers)', () => {
  let server: TestServer;
  let yunlin: CountyIdp;
  let ntpc: CountyIdp;
  let taipei: Awaited<ReturnType<typeof startTaipeiOAuth>>;
  const db = () => server.services.db;
  const count = async (sql: string) => (await db().query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`))[0]!.n;

  async function account(username: string, idNumber: string, name: string) {
    return server.services.accounts.create({
      username,
      passwordHash: await hashPassword('Known#Pass2026'),
      displayName: name,
      personIdHash: server.services.pii.idHash(idNumber),
      personIdSealed: server.services.pii.seal(idNumber),
    });
  }

  before(async () => {
    const port = await freePort();
    const redirectUri = `http://localhost:${port}/federation/callback`;
    yunlin = await startCountyIdp({ redirectUri, withIdNumber: true });
    ntpc = await startCountyIdp({ redirectUri, withIdNumber: false });
    taipei = await startTaipeiOAuth({ redirectUri });
    server = await startServer({ port });
    const p = server.services.countyProviders;
    await p.add({ id: 'yunlin', county: '雲林縣', issuer: yunlin.issuer, clientId: yunlin.clientId, clientSecret: yunlin.clientSecret, scopes: 'openid profile eduid', claims: { idNumber: 'id_number', schoolCode: 'school_code', titles: 'titles' } });
    await p.add({ id: 'ntpc', county: '新北市', issuer: ntpc.issuer, clientId: ntpc.clientId, clientSecret: ntpc.clientSecret, scopes: 'openid profile eduid' });
    await p.add({
      id: 'taipei', county: '臺北市', displayName: '校園單一身分驗證', kind: 'oauth2', issuer: taipei.base, clientId: 'edusso', clientSecret: 'taipei-secret',
      claims: { subject: 'uuid', idNumber: 'idno' },
      endpoints: { authorize: `${taipei.base}/oauth/authorize`, token: `${taipei.base}/oauth/token`, user: `${taipei.base}/api/user`, profile: `${taipei.base}/api/profile` },
    });
    await p.add({ id: 'offline', county: '嘉義縣', issuer: `http://127.0.0.1:${await freePort()}`, clientId: 'x', clientSecret: 'y' });
  });
  after(async () => {
    await server?.cleanup();
    await yunlin?.stop();
    await ntpc?.stop();
    await taipei?.stop();
  });

  test('a county icon is served from this site, sandboxed; anything but PNG or SVG is refused', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="green"/></svg>');
    await server.services.countyProviders.setIcon('yunlin', svg);
    const agent = new Agent(server.issuer);
    assert.ok((await (await agent.get('/county?purpose=login')).text()).includes('<img src="/county/yunlin/icon"'));
    const icon = await agent.get('/county/yunlin/icon');
    assert.equal(icon.headers.get('content-type'), 'image/svg+xml');
    assert.match(icon.headers.get('content-security-policy')!, /sandbox/);
    assert.deepEqual(Buffer.from(await icon.arrayBuffer()), svg);
    await assert.rejects(server.services.countyProviders.setIcon('yunlin', Buffer.from('<html><script>alert(1)</script></html>')), /PNG or SVG/);
    assert.equal((await agent.get('/county/ntpc/icon')).status, 404);
  });

  test('the county map lists every county, only configured ones as links', async () => {
    const html = await (await new Agent(server.issuer).get('/county?purpose=login')).text();
    assert.equal((html.match(/class="county( active)?"/g) ?? []).length, 22);
    assert.ok(html.includes('href="/county/yunlin?purpose=login"'));
    assert.ok(/aria-disabled="true">宜蘭縣/.test(html));
    const county = await (await new Agent(server.issuer).get('/county/yunlin?purpose=forgot-account')).text();
    assert.ok(county.includes('使用 SSO 單一認證帳號取得') && county.includes('教育人員登入'));
  });

  test('貳.2 first sign-in links by the identity number the county asserts; later by (county, subject) only', async () => {
    const acct = await account('county.linked', 'M123456789', '周老師');
    yunlin.people.set('yl-001', { name: '周老師', idNumber: 'M123456789', schoolCode: '094601' });
    const agent = new Agent(server.issuer);
    const r = await countyLogin(agent, '/county/yunlin/start?purpose=login', 'yl-001');
    assert.ok(r.html.includes('您的教育雲端帳號為 county.linked'), r.html);
    assert.ok(r.html.includes('我知道了'));
    const profile = await (await agent.get('/account')).text();
    assert.ok(profile.includes('雲林縣'), 'the console lists the linked county identity');
    // The county changes what it says about the number: the link by subject still holds, never by email or number.
    yunlin.people.set('yl-001', { name: '周老師', idNumber: 'A123456789' });
    const again = await countyLogin(new Agent(server.issuer), '/county/yunlin/start?purpose=login', 'yl-001');
    assert.ok(again.html.includes('county.linked'));
    assert.equal(await count(`county_identities WHERE account_id = '${acct.id}'`), 1);
  });

  test('柒 a disabled account cannot sign in with its county account; the page says how to re-activate it', async () => {
    const acct = await account('county.disabled', 'F223456786', '施老師');
    await server.services.accounts.disable(acct.id, 'inactive');
    yunlin.people.set('yl-disabled', { name: '施老師', idNumber: 'F223456786', schoolCode: '094601' });
    const agent = new Agent(server.issuer);
    const r = await countyLogin(agent, '/county/yunlin/start?purpose=login', 'yl-disabled');
    assert.ok(r.html.includes('您的帳號已停用') && r.html.includes('啟用帳號'), r.html);
    assert.notEqual((await agent.get('/account')).status, 200, 'not signed in');
  });

  test('the account console unlinks a county identity', async () => {
    const agent = new Agent(server.issuer);
    await countyLogin(agent, '/county/yunlin/start?purpose=login', 'yl-001');
    const profile = await (await agent.get('/account')).text();
    const form = /<form method="post" action="\/account\/county\/unlink"[\s\S]*?<\/form>/.exec(profile)![0];
    const { action, fields } = formOf(form);
    const res = await agent.post(action, fields);
    assert.equal(res.status, 303);
    assert.ok((await (await agent.get('/account')).text()).includes('尚未連結縣市帳號'));
    assert.equal(await count(`county_identities WHERE provider_id = 'yunlin' AND subject = 'yl-001'`), 0);
    const forged = await agent.post(action, { ...fields, _csrf: 'forged' });
    assert.equal(forged.status, 403);
  });

  test('a county without identity numbers: link once with the password; one county identity, one account', async () => {
    await account('ntpc.one', 'N123456780', '甲');
    await account('ntpc.two', 'N223456782', '乙');
    ntpc.people.set('np-9', { name: '甲' });
    const first = new Agent(server.issuer);
    const second = new Agent(server.issuer);
    const a = await countyLogin(first, '/county/ntpc/start?purpose=login', 'np-9');
    const b = await countyLogin(second, '/county/ntpc/start?purpose=login', 'np-9');
    assert.ok(a.html.includes('尚未連結教育雲端帳號') && b.html.includes('尚未連結教育雲端帳號'));
    const link = async (agent: Agent, html: string, username: string) => {
      const { action, fields } = formOf(html);
      return agent.post(action, { ...fields, account: username, password: 'Known#Pass2026', captcha: TEST_CAPTCHA, action: 'login' });
    };
    const wrongPassword = await (async () => {
      const { action, fields } = formOf(a.html);
      return first.post(action, { ...fields, account: 'ntpc.one', password: 'nope', captcha: TEST_CAPTCHA, action: 'login' });
    })();
    assert.equal(wrongPassword.status, 400);
    const retry = await wrongPassword.text();
    const ok = await link(first, retry, 'ntpc.one');
    assert.ok((await ok.text()).includes('您的教育雲端帳號為 ntpc.one'));
    const taken = await link(second, b.html, 'ntpc.two');
    assert.equal(taken.status, 409);
    assert.ok((await taken.text()).includes('已連結另一個教育雲端帳號'));
    assert.equal(await count(`county_identities WHERE provider_id = 'ntpc' AND subject = 'np-9'`), 1);
    const later = await countyLogin(new Agent(server.issuer), '/county/ntpc/start?purpose=login', 'np-9');
    assert.ok(later.html.includes('ntpc.one'));
  });

  test('貳.2 continues to the waiting application after 我知道了', async () => {
    yunlin.people.set('yl-001', { name: '周老師', idNumber: 'M123456789' });
    const agent = new Agent(server.issuer);
    const start = await agent.get(`/oidc/v1/azp?client_id=edusso-demo&response_type=code&scope=openid&redirect_uri=${encodeURIComponent(`${server.issuer}/demo/callback`)}&code_challenge=${'a'.repeat(43)}&code_challenge_method=S256&state=s1`);
    const interaction = new URL(start.headers.get('location')!, server.issuer).pathname.split('/').pop()!;
    const login = await (await agent.get(`/interaction/${interaction}`)).text();
    assert.ok(login.includes(`/county?purpose=login&amp;interaction=${interaction}`));
    const r = await countyLogin(agent, `/county/yunlin/start?purpose=login&interaction=${interaction}`, 'yl-001');
    assert.ok(r.html.includes(`href="/interaction/${interaction}"`), '我知道了 leads back to the application');
    const next = await agent.follow(`/interaction/${interaction}`);
    const html = await next.res.text();
    assert.ok(html.includes('同意授權') && !html.includes('name="password"'), 'signed in: the third-party application asks only for consent');
  });

  test('壹 4-1 registration with the county identity, matched against the chosen school’s source data, links the new account', async () => {
    const imported = await server.services.importer.peopleText('school_code,id_number,name,birthday,identity,titles\n094601,K123456788,柯老師,1977-07-07,教師,教師;導師\n');
    assert.deepEqual(imported.errors, []);
    yunlin.people.set('yl-777', { name: '柯老師', idNumber: 'K123456788' });
    const agent = new Agent(server.issuer);
    await agent.get('/register?new=1');
    await submit(agent, '/register/identity', { role: 'teacher' });
    const school = (await db().query<{ county_code: string; district_code: string }>(`SELECT county_code, district_code FROM schools WHERE code = '094601'`))[0]!;
    const verify = await submit(agent, '/register/school', { county: school.county_code, district: school.district_code, level: '國小', school: '094601', action: 'next' });
    assert.ok(verify.html.includes('我有單一身份驗證帳號'));
    const r = await countyLogin(agent, '/county/yunlin/start?purpose=register', 'yl-777');
    assert.ok(r.html.includes('柯老師') && r.html.includes('資料無誤，下一步'), r.html.slice(r.html.indexOf('<main'), r.html.indexOf('</main>')));
    await submit(agent, '/register/confirm', {});
    await submit(agent, '/register/privacy', { decision: 'agree' });
    const acct = { username: 'ke.teacher', password: 'Pine#Tree2026', email: 'ke@example.edu.tw', mobile: '0912121212' };
    await submit(agent, '/register/account', { ...acct, password2: acct.password });
    await submit(agent, '/register/codes', { email_code: await latestCode(agent, acct.email), sms_code: await latestCode(agent, acct.mobile), action: 'verify' });
    const done = await submit(agent, '/register/review', { action: 'complete' });
    assert.ok(done.html.includes('新建帳號成功！'));
    const created = (await server.services.accounts.findByUsername('ke.teacher'))!;
    assert.equal(await count(`county_identities WHERE provider_id = 'yunlin' AND subject = 'yl-777' AND account_id = '${created.id}'`), 1);
    const login = await countyLogin(new Agent(server.issuer), '/county/yunlin/start?purpose=login', 'yl-777');
    assert.ok(login.html.includes('您的教育雲端帳號為 ke.teacher'));
  });

  test('伍.1 forgot account and 陸.2 reset password with the county account; then no change for 24 hours', async () => {
    await account('forgetful.one', 'F123456784', '馮老師');
    yunlin.people.set('yl-555', { name: '馮老師', idNumber: 'F123456784' });
    const found = await countyLogin(new Agent(server.issuer), '/county/yunlin/start?purpose=forgot-account', 'yl-555');
    assert.ok(found.html.includes('forgetful.one'), found.html);
    assert.ok(found.html.includes('href="/login"') && found.html.includes('忘記密碼'));

    const agent = new Agent(server.issuer);
    const reset = await countyLogin(agent, '/county/yunlin/start?purpose=reset-password', 'yl-555');
    assert.ok(reset.html.includes('forgetful.one') && reset.html.includes('馮老師'));
    const { action, fields } = formOf(reset.html);
    const weak = await agent.post(action, { ...fields, password: 'weakpass', password2: 'weakpass' });
    assert.equal(weak.status, 400);
    const form2 = formOf(await weak.text());
    const done = await agent.post(form2.action, { ...form2.fields, password: 'New#Harbor2026', password2: 'New#Harbor2026' });
    assert.ok((await done.text()).includes('密碼變更完成，需 24 小時後才能再次變更'));
    const login = new Agent(server.issuer);
    const page = formOf(await (await login.get('/login')).text());
    const signIn = await login.post(page.action, { ...page.fields, account: 'forgetful.one', password: 'New#Harbor2026', captcha: TEST_CAPTCHA, action: 'login' });
    assert.equal(signIn.status, 302, 'the new password works');
    const again = await countyLogin(new Agent(server.issuer), '/county/yunlin/start?purpose=reset-password', 'yl-555');
    assert.ok(again.html.includes('密碼變更完成，需 24 小時後才能再次變更'));
    assert.ok(!again.html.includes('name="password2"'), 'no form while locked');
  });

  test('陸.2 the county reset applies the one new-password rule: no identity number, no birthday', async () => {
    // Registration refused these passwords; a reset through the county used to accept them.
    const a = await account('ruled.reset', 'R123456786', '盧老師');
    await db().query(`UPDATE accounts SET birthday_sealed = $2 WHERE id = $1`, [a.id, server.services.pii.seal('1981-02-03')]);
    yunlin.people.set('yl-556', { name: '盧老師', idNumber: 'R123456786' });
    const agent = new Agent(server.issuer);
    const reset = await countyLogin(agent, '/county/yunlin/start?purpose=reset-password', 'yl-556');
    let form = formOf(reset.html);
    for (const [password, message] of [
      ['Sea#R123456786', '密碼不可包含身分證字號'],
      ['Sea#Wind19810203', '密碼不可包含生日'],
    ] as const) {
      const refused = await agent.post(form.action, { ...form.fields, password, password2: password });
      const html = await refused.text();
      assert.equal(refused.status, 400, password);
      assert.ok(html.includes(message), message);
      form = formOf(html);
    }
    const done = await agent.post(form.action, { ...form.fields, password: 'New#Meadow2026', password2: 'New#Meadow2026' });
    assert.ok((await done.text()).includes('密碼變更完成'));
  });

  test('Taipei-style OAuth 2 with a user API signs in and links by the identity number', async () => {
    await account('taipei.teacher', 'T123456785', '唐老師');
    taipei.people.set('tp001', { uuid: 'uuid-tp-001', role: 'teacher', name: '唐老師', email: 't@tp.edu.tw', idNumber: 'T123456785', schoolCode: '313601' });
    const r = await countyLogin(new Agent(server.issuer), '/county/taipei/start?purpose=login', 'tp001');
    assert.ok(r.html.includes('您的教育雲端帳號為 taipei.teacher'), r.html);
    assert.equal(await count(`county_identities WHERE provider_id = 'taipei' AND subject = 'uuid-tp-001'`), 1);
  });

  describe('each failure ends on a clear page, is logged, and changes no account', () => {
    const snapshot = async () => [await count('accounts'), await count('county_identities'), await count('web_sessions')];
    const expectFailure = async (r: { status?: number; res: Response; html: string }, message: string) => {
      assert.ok(r.html.includes(message), `${message}\n${r.html.slice(0, 1500)}`);
      assert.ok(r.html.includes('重新操作'), 'a way back');
    };

    test('state mismatch and a callback nobody started', async () => {
      const before = await snapshot();
      const agent = new Agent(server.issuer);
      const start = await agent.get('/county/yunlin/start?purpose=login');
      assert.equal(start.status, 302);
      const forged = await agent.get('/federation/callback?code=abc&state=forged');
      assert.equal(forged.status, 400);
      await expectFailure({ res: forged, html: await forged.text() }, '登入流程已逾時或不是從本站開始的');
      const stranger = await new Agent(server.issuer).get('/federation/callback?code=abc&state=x');
      assert.equal(stranger.status, 400);
      assert.deepEqual(await snapshot(), before);
    });

    test('error=access_denied from the county', async () => {
      const before = await snapshot();
      const r = await countyLogin(new Agent(server.issuer), '/county/yunlin/start?purpose=login', { cancel: true });
      await expectFailure(r, '您在縣市登入頁面取消了授權');
      assert.deepEqual(await snapshot(), before);
    });

    for (const [mode, what] of [['bad-signature', 'signature'], ['wrong-nonce', 'nonce'], ['wrong-audience', 'audience']] as const) {
      test(`an ID token with a bad ${what}`, async () => {
        const before = await snapshot();
        yunlin.mode = mode;
        try {
          const r = await countyLogin(new Agent(server.issuer), '/county/yunlin/start?purpose=login', 'yl-001');
          await expectFailure(r, '無法確認縣市帳號系統回傳的身分資料');
        } finally {
          yunlin.mode = 'ok';
        }
        assert.deepEqual(await snapshot(), before);
      });
    }

    test('an unreachable county provider', async () => {
      const before = await snapshot();
      const r = await new Agent(server.issuer).get('/county/offline/start?purpose=login');
      assert.equal(r.status, 502);
      await expectFailure({ res: r, html: await r.text() }, '目前無法連線到縣市帳號系統');
      assert.deepEqual(await snapshot(), before);
    });

    test('a county that asserts no identity number cannot find or reset an account', async () => {
      ntpc.people.set('np-unlinked', { name: '丙' });
      const before = await snapshot();
      for (const purpose of ['forgot-account', 'reset-password']) {
        const r = await countyLogin(new Agent(server.issuer), `/county/ntpc/start?purpose=${purpose}`, 'np-unlinked');
        await expectFailure(r, '這個縣市帳號沒有提供身分證字號');
      }
      assert.deepEqual(await snapshot(), before);
    });
  });
});
