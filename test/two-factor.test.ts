import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addClient } from '../src/oidc/client-registry.ts';
import { createProvider } from '../src/oidc/provider.ts';
import { Agent } from './support/agent.ts';
import { startCountyIdp, type CountyIdp } from './support/county-idp.ts';
import { countyLogin } from './support/county-login.ts';
import { oathtool, oathtoolSkipReason } from './support/oathtool.ts';
import { codeFor, enterCode, postForm, requestCode } from './support/recovery.ts';
import { freePort, startServer, type TestServer } from './support/server.ts';
import { authorize, discover } from './support/sign-in.ts';
import { SmtpCapture } from './support/smtp-capture.ts';
import { accountWithTwoFactor, freshCode, passwordSignIn, postWith, secondFactor } from './support/two-factor.ts';
import { waitFor } from './support/wait.ts';
import * as oidc from 'openid-client';

const teacher = { username: 'demo.teacher', password: 'Teach#2026sso', email: 'demo.teacher@example.edu.tw' };

describe('雙因子認證綁定 and the second factor at sign-in (SPEC 壹拾)', { skip: oathtoolSkipReason() }, () => {
  let server: TestServer;
  let county: CountyIdp;
  const smtp = new SmtpCapture();
  const db = () => server.services.db;
  const audits = async (accountId: string, type: string) =>
    (await db().query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE account_id = $1 AND type = $2`, [accountId, type]))[0]!.n;
  const resetLimits = () => db().query(`DELETE FROM rate_limits`);

  before(async () => {
    const port = await freePort();
    county = await startCountyIdp({ redirectUri: `http://localhost:${port}/federation/callback`, withIdNumber: true });
    const smtpPort = await smtp.start(0);
    server = await startServer({ port, env: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, MAIL_FROM: 'edusso <no-reply@example.edu.tw>' } });
    await server.services.countyProviders.add({ id: 'yunlin', county: '雲林縣', issuer: county.issuer, clientId: county.clientId, clientSecret: county.clientSecret, scopes: 'openid profile eduid', claims: { idNumber: 'id_number' } });
  });
  after(async () => {
    await server?.cleanup();
    await county?.stop();
    await smtp.stop();
  });

  test('bind with a code from oathtool, turn it on (ten recovery codes, a notice mailed); sign-in then asks for the code', async () => {
    const agent = new Agent(server.issuer);
    assert.equal((await passwordSignIn(agent, teacher.username, teacher.password)).location, '/account', 'no second factor before binding');
    const accountId = (await server.services.accounts.findByUsername(teacher.username))!.id;

    const start = await (await agent.get('/account/two-factor')).text();
    assert.ok(start.includes('請依畫面顯示步驟操作，點選「開始」。') && start.includes('id="passkey-section"'));
    const started = await postWith(agent, start, '/account/two-factor/start', {});
    assert.equal(started.location, '/account/two-factor/prepare');
    const prepare = await (await agent.get('/account/two-factor/prepare')).text();
    assert.ok(prepare.includes('請先準備想綁定的設備後，點選「下一步」。') && prepare.includes('href="/account/two-factor/apps"'));
    const apps = await (await agent.get('/account/two-factor/apps')).text();
    assert.ok(apps.includes('https://apps.apple.com/') && apps.includes('https://play.google.com/'), 'App Store and Google Play');
    assert.equal((apps.match(/<svg class="qr"[^>]*role="img" aria-label="[^"]+"/g) ?? []).length, 4, 'a named QR code per app');
    const setup = await (await agent.get('/account/two-factor/setup')).text();
    assert.match(setup, /<svg class="qr"[^>]*aria-label="以驗證 APP 掃描此 QR 碼，加入教育雲端帳號 demo.teacher"/);
    const secret = /<code class="secret">([A-Z2-7 ]+)<\/code>/.exec(setup)![1]!.replaceAll(' ', '');
    assert.equal(secret.length, 32);

    // Bad codes: a message, nothing bound.
    for (const [code, message] of [['12', '請輸入 6 位數字的驗證碼。'], [String((Number(oathtool(secret)) + 1) % 1e6).padStart(6, '0'), '驗證碼錯誤']] as const) {
      const bad = await postWith(agent, setup, '/account/two-factor/bind', { code });
      assert.equal(bad.status, 400);
      assert.ok(bad.html.includes(message), bad.html);
      assert.equal(await server.services.store.twoFactor.find(accountId), undefined);
    }
    const bound = await postWith(agent, setup, '/account/two-factor/bind', { code: oathtool(secret) });
    assert.equal(bound.location, '/account/two-factor?done=bound');
    const status = await (await agent.get(bound.location!)).text();
    assert.ok(status.includes('綁定完成。') && status.includes('啟用雙因子驗證') && status.includes('解除雙因子綁定'));
    assert.equal(await audits(accountId, 'two_factor.bound'), 1);
    assert.equal((await passwordSignIn(new Agent(server.issuer), teacher.username, teacher.password)).location, '/account', 'bound but not on: no code asked yet');

    // 「啟用雙因子驗證」: the password and a current code.
    const wrongPassword = await postWith(agent, status, '/account/two-factor/enable', { password: 'Wrong#2026sso', code: await freshCode(server, accountId, secret) });
    assert.equal(wrongPassword.status, 400);
    assert.ok(wrongPassword.html.includes('密碼錯誤。'));
    assert.equal((await server.services.store.twoFactor.find(accountId))?.enabledAt, null);
    const enabled = await postWith(agent, status, '/account/two-factor/enable', { password: teacher.password, code: await freshCode(server, accountId, secret) });
    assert.equal(enabled.status, 200);
    assert.ok(enabled.html.includes('雙因子驗證已啟用。'));
    const codes = [...enabled.html.matchAll(/<li><code>([a-z2-7]{5}-[a-z2-7]{5})<\/code><\/li>/g)].map((m) => m[1]!);
    assert.equal(new Set(codes).size, 10, 'ten recovery codes shown');
    assert.equal(await audits(accountId, 'two_factor.enabled'), 1);
    const mail = await waitFor('the notice mail', () => smtp.mails.find((m) => m.to.includes(teacher.email) && m.text.includes('雙因子驗證已啟用')));
    assert.ok(mail.text.includes(teacher.username));
    assert.ok(!(await (await agent.get('/account/two-factor')).text()).includes(codes[0]!), 'the codes are shown once');

    // The next sign-in stops at the second factor: no session until the code.
    await resetLimits();
    const other = new Agent(server.issuer);
    const first = await passwordSignIn(other, teacher.username, teacher.password, '/account/two-factor');
    assert.equal(first.location, '/login/second-factor');
    assert.notEqual((await other.get('/account')).status, 200, 'not signed in after the password alone');
    const wrong = await secondFactor(other, '000000');
    assert.equal(wrong.status, 400);
    assert.ok(wrong.html.includes('驗證碼錯誤'));
    const code = await freshCode(server, accountId, secret);
    const done = await secondFactor(other, code);
    assert.equal(done.location, '/account/two-factor', 'back where the sign-in was asked for');
    assert.equal((await other.get('/account')).status, 200);
    const [session] = await db().query<{ methods: string[] }>(`SELECT methods FROM web_sessions WHERE account_id = $1 ORDER BY created_at DESC LIMIT 1`, [accountId]);
    assert.deepEqual(session?.methods, ['password', 'two-factor']);
    const records = await server.services.store.signIns.forAccount(accountId, 'authentication', 3);
    assert.deepEqual(records.map((r) => [r.method, r.result]).slice(0, 2), [['two-factor', 'succeeded'], ['two-factor', 'failed']]);

    // The same code again, in another browser: refused as used.
    const replay = new Agent(server.issuer);
    assert.equal((await passwordSignIn(replay, teacher.username, teacher.password)).location, '/login/second-factor');
    const replayed = await secondFactor(replay, code);
    assert.equal(replayed.status, 400);
    assert.ok(replayed.html.includes('此驗證碼已使用過'));
    assert.notEqual((await replay.get('/account')).status, 200);

    // A recovery code works once.
    const recovered = await secondFactor(replay, codes[0]!.toUpperCase(), 'recovery');
    assert.equal(recovered.location, '/account');
    const again = new Agent(server.issuer);
    await passwordSignIn(again, teacher.username, teacher.password);
    const reused = await secondFactor(again, codes[0]!, 'recovery');
    assert.equal(reused.status, 400);
    assert.ok(reused.html.includes('備用代碼錯誤或已使用過。'));
  });

  test('wrong codes are capped per account: after five, even the right code waits', async () => {
    await resetLimits();
    const { account, secret } = await accountWithTwoFactor(server, 'tf.capped', 'Capped#2026sso');
    const agent = new Agent(server.issuer);
    assert.equal((await passwordSignIn(agent, 'tf.capped', 'Capped#2026sso')).location, '/login/second-factor');
    for (let i = 0; i < 4; i++) assert.equal((await secondFactor(agent, '000000')).status, 400);
    const fifth = await secondFactor(agent, '000000');
    assert.equal(fifth.status, 429);
    const right = await secondFactor(agent, await freshCode(server, account.id, secret));
    assert.equal(right.status, 429);
    assert.match(right.html, /驗證碼錯誤次數過多，請於 \d+ 分鐘後再試。/);
    assert.notEqual((await agent.get('/account')).status, 200);
    assert.equal(await audits(account.id, 'two_factor.code_failed'), 5);
  });

  test('inside an application sign-in (a real openid-client RP) the code is asked before the application gets its tokens', async () => {
    await resetLimits();
    const { account, secret } = await accountWithTwoFactor(server, 'tf.app', 'AppUser#2026sso');
    const provider = await createProvider(server.services);
    const c = await addClient(server.services.clients, { name: 'School', redirectUris: ['http://app.localhost/cb'], firstParty: true }, (m) => provider.Client.validate(m));
    const config = await discover(server.issuer, c.clientId, c.clientSecret);
    for (const extra of [{}, { prompt: 'login', ui_locales: 'en' }] as Record<string, string>[]) {
      const agent = new Agent(server.issuer);
      const a = await authorize(agent, config, { redirectUri: 'http://app.localhost/cb', username: 'tf.app', password: 'AppUser#2026sso', extra });
      assert.equal(a.landed, undefined, 'the application gets nothing after the password alone');
      assert.ok(a.page.includes(extra.ui_locales ? 'Type the 6-digit code' : '請輸入驗證 APP 上目前顯示的 6 位數字驗證碼'), 'the second-factor page, in the language the application asked for');
      const done = await secondFactor(agent, await freshCode(server, account.id, secret));
      assert.match(done.location ?? '', /^\/interaction\//);
      const back = await agent.follow(new URL(done.location!, server.issuer).href, (u) => u.href.startsWith('http://app.localhost/cb'));
      assert.ok(back.url.href.startsWith('http://app.localhost/cb'), `prompt ${JSON.stringify(extra)}: back at the application`);
      const tokens = await oidc.authorizationCodeGrant(config, back.url, { pkceCodeVerifier: a.verifier, expectedState: a.state, expectedNonce: a.nonce });
      assert.equal(tokens.claims()?.sub, account.id);
    }
    // 應用服務登入紀錄 names the sign-in by its strongest method.
    const apps = await waitFor('the application sign-ins', async () => {
      const r = await server.services.store.signIns.forAccount(account.id, 'application', 10);
      return r.length === 2 ? r : undefined;
    });
    assert.deepEqual(apps.map((r) => r.method), ['two-factor', 'two-factor']);
  });

  test('a county sign-in asks for the code too', async () => {
    await resetLimits();
    const { pii } = server.services;
    const { account, secret } = await accountWithTwoFactor(server, 'tf.county', 'County#2026sso', { personIdHash: pii.idHash('P123456789'), personIdSealed: pii.seal('P123456789') });
    county.people.set('yl-tf', { name: '測試老師', idNumber: 'P123456789', schoolCode: '094601' });
    const agent = new Agent(server.issuer);
    const r = await countyLogin(agent, '/county/yunlin/start?purpose=login', 'yl-tf');
    assert.ok(r.html.includes('雙因子驗證') && r.html.includes('name="code"'), r.html.slice(0, 2000));
    assert.notEqual((await agent.get('/account')).status, 200);
    const done = await secondFactor(agent, await freshCode(server, account.id, secret));
    assert.equal(done.location, '/account');
    const [session] = await db().query<{ methods: string[] }>(`SELECT methods FROM web_sessions WHERE account_id = $1`, [account.id]);
    assert.deepEqual(session?.methods, ['county', 'two-factor']);
  });

  test('a password reset by code starts no session, and the next sign-in still asks for the code', async () => {
    await resetLimits();
    const { account } = await accountWithTwoFactor(server, 'tf.reset', 'Reset#2026sso', { email: 'tf.reset@example.edu.tw' });
    const agent = new Agent(server.issuer);
    await requestCode(agent, 'tf.reset');
    const reset = await enterCode(agent, (await codeFor(agent, 'tf.reset@example.edu.tw'))!);
    const done = await postForm(agent, reset.html, { password: 'NewReset#2027sso', password2: 'NewReset#2027sso' });
    assert.equal(done.url, '/forgot-password/code/done');
    assert.notEqual((await agent.get('/account')).status, 200, 'the reset signed nobody in');
    assert.equal((await passwordSignIn(agent, 'tf.reset', 'NewReset#2027sso')).location, '/login/second-factor');
    assert.ok((await server.services.store.twoFactor.find(account.id))?.enabledAt, 'still on');
  });

  test('重新產生備用代碼 replaces the codes; 解除雙因子綁定 needs the password and a current code; then sign-in asks for nothing more', async () => {
    await resetLimits();
    const { account, secret, recoveryCodes } = await accountWithTwoFactor(server, 'tf.remove', 'Remove#2026sso', { email: 'tf.remove@example.edu.tw' });
    const agent = new Agent(server.issuer);
    await passwordSignIn(agent, 'tf.remove', 'Remove#2026sso');
    await secondFactor(agent, await freshCode(server, account.id, secret));
    const page = await (await agent.get('/account/two-factor')).text();
    assert.ok(page.includes('重新產生備用代碼') && page.includes('尚有 2 組未使用的備用代碼。'));
    // 「重新產生備用代碼」: ten new codes, the old ones dead.
    const regenerated = await postWith(agent, page, '/account/two-factor/regenerate', { password: 'Remove#2026sso', code: await freshCode(server, account.id, secret) });
    assert.ok(regenerated.html.includes('已重新產生備用代碼'));
    assert.equal((regenerated.html.match(/<li><code>[a-z2-7]{5}-[a-z2-7]{5}<\/code><\/li>/g) ?? []).length, 10);
    assert.equal(await audits(account.id, 'two_factor.recovery_codes_regenerated'), 1);
    const oldCode = new Agent(server.issuer);
    await passwordSignIn(oldCode, 'tf.remove', 'Remove#2026sso');
    assert.equal((await secondFactor(oldCode, recoveryCodes[0]!, 'recovery')).status, 400, 'an old recovery code no longer works');
    const noCode = await postWith(agent, page, '/account/two-factor/remove', { password: 'Remove#2026sso', code: '' });
    assert.equal(noCode.status, 400);
    assert.ok(noCode.html.includes('請輸入 6 位數字的驗證碼。'));
    const noPassword = await postWith(agent, page, '/account/two-factor/remove', { password: '', code: await freshCode(server, account.id, secret) });
    assert.equal(noPassword.status, 400);
    assert.ok(await server.services.store.twoFactor.find(account.id), 'still bound');
    const removed = await postWith(agent, page, '/account/two-factor/remove', { password: 'Remove#2026sso', code: await freshCode(server, account.id, secret) });
    assert.equal(removed.location, '/account/two-factor?done=removed');
    assert.ok((await (await agent.get(removed.location!)).text()).includes('已解除雙因子綁定。'));
    assert.equal(await server.services.store.twoFactor.find(account.id), undefined);
    assert.equal(await audits(account.id, 'two_factor.removed'), 1);
    await waitFor('the removal notice', () => smtp.mails.find((m) => m.to.includes('tf.remove@example.edu.tw') && m.text.includes('雙因子綁定已解除')));
    assert.equal((await passwordSignIn(new Agent(server.issuer), 'tf.remove', 'Remove#2026sso')).location, '/account');
  });

  test('the pages need a signed-in account; the second-factor page without a pending sign-in says it expired', async () => {
    const agent = new Agent(server.issuer);
    assert.match((await agent.get('/account/two-factor')).headers.get('location') ?? '', /^\/login\?next=%2Faccount%2Ftwo-factor/);
    const expired = await agent.get('/login/second-factor');
    assert.equal(expired.status, 410);
    assert.ok((await expired.text()).includes('登入已逾時，請重新登入。'));
  });
});
