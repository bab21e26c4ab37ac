import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as oidc from 'openid-client';
import { addClient } from '../src/oidc/client-registry.ts';
import { createProvider } from '../src/oidc/provider.ts';
import { demoAccounts } from '../src/seed/demo.ts';
import { hashPassword } from '../src/security/password.ts';
import { Agent, formOf } from './support/agent.ts';
import { startServer, TEST_CAPTCHA, type TestServer } from './support/server.ts';
import { authorize, discover } from './support/sign-in.ts';

const teacher = demoAccounts[0];
const redirectUri = 'http://app.localhost:9000/cb';
const failed = '帳號、密碼或驗證碼錯誤，請重新輸入。';

describe('sign-in refuses bad input with a clear message and changes nothing', () => {
  let server: TestServer;
  let app: { id: string; secret: string };
  let firstParty: { id: string; secret: string };
  let publicApp: { id: string };
  const countRows = async (table: string) => (await server.services.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

  before(async () => {
    server = await startServer();
    const provider = await createProvider(server.services);
    const validate = (m: Parameters<typeof provider.Client.validate>[0]) => provider.Client.validate(m);
    const a = await addClient(server.services.clients, { name: '第三方', redirectUris: [redirectUri] }, validate);
    app = { id: a.clientId, secret: a.clientSecret! };
    const f = await addClient(server.services.clients, { name: '校務行政', redirectUris: [redirectUri], firstParty: true }, validate);
    firstParty = { id: f.clientId, secret: f.clientSecret! };
    const p = await addClient(server.services.clients, { name: '行動 App', redirectUris: [redirectUri], public: true }, validate);
    publicApp = { id: p.clientId };
  });
  after(() => server?.cleanup());

  async function loginPage(agent: Agent) {
    const res = await agent.get('/login');
    return formOf(await res.text());
  }

  test('wrong password and unknown account: the same message; a disabled account with its right password: how to re-activate; no session', async () => {
    const agent = new Agent(server.issuer);
    await server.services.db.query(`UPDATE accounts SET status = 'disabled' WHERE username = 'demo.staff'`);
    for (const [account, password] of [[teacher.username, 'Wrong#Pass123'], ['nobody.here', 'Wrong#Pass123'], ['demo.staff', demoAccounts[1].password]]) {
      const { action, fields } = await loginPage(agent);
      const res = await agent.post(action, { ...fields, account: account!, password: password!, captcha: TEST_CAPTCHA, action: 'login' });
      assert.equal(res.status, 400);
      const html = await res.text();
      // The right password of a disabled account is told how to re-activate it (SPEC 柒); the others learn nothing.
      if (account === 'demo.staff') assert.ok(html.includes('您的帳號已停用') && !html.includes(failed), account);
      else assert.ok(html.includes(failed) && !html.includes('停用'), account);
      assert.ok(html.includes(`value="${account}"`), 'the typed account is kept');
      assert.ok(!html.includes(password!), 'the password is never echoed');
    }
    await server.services.db.query(`UPDATE accounts SET status = 'active' WHERE username = 'demo.staff'`);
    assert.equal((await agent.get('/account')).status, 302, 'still signed out');
    const audit = await server.services.db.query<{ reason: string }>(`SELECT detail->>'reason' AS reason FROM audit_events WHERE type = 'login.failed' ORDER BY id`);
    assert.deepEqual(audit.map((a) => a.reason), ['password', 'unknown_account', 'disabled']);
  });

  test('wrong, reused, expired and made-up captchas are refused', async () => {
    const agent = new Agent(server.issuer);
    const good = { account: teacher.username, password: teacher.password, action: 'login' };
    // wrong answer (the test answer is 424; a real answer is three random digits, so 4-digit input never matches)
    let form = await loginPage(agent);
    let res = await agent.post(form.action, { ...form.fields, ...good, captcha: '9999' });
    assert.equal(res.status, 400);
    assert.ok((await res.text()).includes(failed));
    // reused: the same challenge id a second time, even with the right answer
    form = await loginPage(agent);
    const used = form.fields.captcha_id!;
    await agent.post(form.action, { ...form.fields, ...good, password: 'Wrong#Pass123', captcha: TEST_CAPTCHA });
    form = await loginPage(agent);
    res = await agent.post(form.action, { ...form.fields, captcha_id: used, ...good, captcha: TEST_CAPTCHA });
    assert.equal(res.status, 400, 'a challenge answers once');
    // expired
    form = await loginPage(agent);
    await server.services.db.query(`UPDATE captchas SET expires_at = now() - interval '1 second' WHERE id = $1`, [form.fields.captcha_id]);
    res = await agent.post(form.action, { ...form.fields, ...good, captcha: TEST_CAPTCHA });
    assert.equal(res.status, 400, 'expired challenge');
    // made up
    form = await loginPage(agent);
    res = await agent.post(form.action, { ...form.fields, captcha_id: 'made-up', ...good, captcha: TEST_CAPTCHA });
    assert.equal(res.status, 400);
    // the picture of a used challenge is gone
    assert.equal((await agent.get(`/captcha/${used}.png`)).status, 404);
    // and a correct attempt still works
    form = await loginPage(agent);
    res = await agent.post(form.action, { ...form.fields, ...good, captcha: TEST_CAPTCHA });
    assert.equal(res.status, 302);
    assert.equal(res.headers.get('location'), '/account');
  });

  test('forms without the CSRF token, or with another browser’s, are refused', async () => {
    const victim = new Agent(server.issuer);
    const attacker = new Agent(server.issuer);
    const theirs = await loginPage(attacker);
    const mine = await loginPage(victim);
    const creds = { account: teacher.username, password: teacher.password, captcha: TEST_CAPTCHA, action: 'login' };
    const noToken = await victim.post('/login', { captcha_id: mine.fields.captcha_id!, ...creds });
    assert.equal(noToken.status, 403);
    assert.ok((await noToken.text()).includes('這個表單已過期或來源不明'));
    const forged = await victim.post('/login', { ...mine.fields, _csrf: theirs.fields._csrf!, ...creds });
    assert.equal(forged.status, 403);
  });

  test('malformed and oversized bodies get a clear error', async () => {
    const agent = new Agent(server.issuer);
    const { fields } = await loginPage(agent);
    const json = await agent.request('/login', { method: 'POST', body: JSON.stringify(fields), headers: { 'content-type': 'application/json' } });
    assert.equal(json.status, 415);
    assert.ok((await json.text()).includes('送出的資料格式不正確'));
    const big = await agent.post('/login', { ...fields, account: 'a'.repeat(20_000) });
    assert.equal(big.status, 413);
    assert.ok((await big.text()).includes('送出的資料過大'));
    const dup = await agent.request('/login', { method: 'POST', body: `_csrf=${fields._csrf}&account=a&account=b`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(dup.status, 400);
    const broken = await agent.request('/login', { method: 'POST', body: `_csrf=${fields._csrf}&account=%E0%A4%A&password=%`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(broken.status, 400, 'undecodable input is shown the form again, not a crash');
    const english = await agent.get('/nowhere?lang=en');
    assert.equal(english.status, 404);
    assert.ok((await english.text()).includes('This page does not exist.'));
  });

  test('unknown client and unregistered redirect_uri stop at a translated error page, never redirecting', async () => {
    const agent = new Agent(server.issuer);
    const unknown = await agent.get(`/oidc/v1/azp?client_id=nope&response_type=code&scope=openid&redirect_uri=${encodeURIComponent(redirectUri)}`);
    assert.equal(unknown.status, 400);
    assert.equal(unknown.headers.get('location'), null);
    assert.ok((await unknown.text()).includes('未註冊的應用服務'));
    const wrongUri = await agent.get(`/oidc/v1/azp?client_id=${app.id}&response_type=code&scope=openid&redirect_uri=${encodeURIComponent('https://evil.example/cb')}`);
    assert.equal(wrongUri.status, 400);
    assert.equal(wrongUri.headers.get('location'), null);
    assert.ok((await wrongUri.text()).includes('返回網址未經註冊'));
  });

  test('PKCE mismatch and a replayed authorization code are refused; the replay revokes the tokens', async () => {
    const config = await discover(server.issuer, app.id, app.secret);
    const agent = new Agent(server.issuer);
    const a = await authorize(agent, config, { redirectUri, username: teacher.username, password: teacher.password });
    assert.ok(a.landed);
    await assert.rejects(
      oidc.authorizationCodeGrant(config, a.landed!, { pkceCodeVerifier: oidc.randomPKCECodeVerifier(), expectedState: a.state, expectedNonce: a.nonce }),
      (err: any) => err.error === 'invalid_grant',
    );
    const b = await authorize(agent, config, { redirectUri, username: teacher.username, password: teacher.password });
    const tokens = await oidc.authorizationCodeGrant(config, b.landed!, { pkceCodeVerifier: b.verifier, expectedState: b.state, expectedNonce: b.nonce });
    await assert.rejects(
      oidc.authorizationCodeGrant(config, b.landed!, { pkceCodeVerifier: b.verifier, expectedState: b.state, expectedNonce: b.nonce }),
      (err: any) => err.error === 'invalid_grant',
    );
    await assert.rejects(oidc.fetchUserInfo(config, tokens.access_token, tokens.claims()!.sub), 'tokens of a replayed code are revoked');
  });

  test('an application asking for ui_locales=en gets the English login page', async () => {
    const config = await discover(server.issuer, app.id, app.secret);
    const url = oidc.buildAuthorizationUrl(config, { redirect_uri: redirectUri, scope: 'openid', code_challenge: 'x'.repeat(43), code_challenge_method: 'S256', ui_locales: 'en' });
    const page = await new Agent(server.issuer).follow(url.href);
    const html = await page.res.text();
    assert.ok(html.includes('<html lang="en">') && html.includes('Education Cloud account'));
  });

  test('public clients must use PKCE; first-party applications skip consent', async () => {
    const agent = new Agent(server.issuer);
    const noPkce = await agent.get(`/oidc/v1/azp?client_id=${publicApp.id}&response_type=code&scope=openid&redirect_uri=${encodeURIComponent(redirectUri)}`);
    const location = new URL(noPkce.headers.get('location')!);
    assert.equal(location.searchParams.get('error'), 'invalid_request');
    assert.match(location.searchParams.get('error_description')!, /PKCE/);

    const config = await discover(server.issuer, firstParty.id, firstParty.secret);
    const r = await authorize(agent, config, { redirectUri, username: teacher.username, password: teacher.password, consent: 'deny' });
    assert.ok(r.landed?.searchParams.get('code'), 'no consent page for a first-party application');
  });

  test('denying consent returns access_denied to the application', async () => {
    const config = await discover(server.issuer, app.id, app.secret);
    const agent = new Agent(server.issuer);
    const r = await authorize(agent, config, { redirectUri, username: teacher.username, password: teacher.password, consent: 'deny' });
    assert.equal(r.landed?.searchParams.get('error'), 'access_denied');
    assert.equal(await countRows(`audit_events WHERE type = 'consent.denied' AND client_id = '${app.id}'`), 1);
  });

  test('password guessing from one address waits longer after each failure, known and unknown names alike', async () => {
    // The attack: try passwords against one account name as fast as captchas allow.
    await server.services.accounts.create({ username: 'guessed.user', passwordHash: await hashPassword('Right#Pass2026'), displayName: '被猜者' });
    const attempt = async (account: string, password: string) => {
      const agent = new Agent(server.issuer);
      const { action, fields } = await loginPage(agent);
      const res = await agent.post(action, { ...fields, account, password, captcha: TEST_CAPTCHA, action: 'login' });
      return { status: res.status, html: await res.text(), retryAfter: Number(res.headers.get('retry-after') ?? 0) };
    };
    const waitPasses = () => server.services.db.query(`UPDATE rate_limits SET blocked_until = now()`);
    for (let i = 0; i < 5; i++) {
      assert.ok((await attempt('guessed.user', `Wrong#Pass${i}x`)).html.includes(failed), 'a few typos are answered as usual');
      assert.ok((await attempt('never.existed', `Wrong#Pass${i}x`)).html.includes(failed));
    }
    const waiting = await attempt('guessed.user', 'Right#Pass2026');
    assert.equal(waiting.status, 400, 'even the right password waits');
    assert.ok(waiting.html.includes('嘗試登入失敗次數過多'));
    assert.ok(waiting.retryAfter > 0 && waiting.retryAfter <= 15, `retry after ${waiting.retryAfter}`);
    assert.ok((await attempt('never.existed', 'Right#Pass2026')).html.includes('嘗試登入失敗次數過多'), 'an unknown name is treated the same');
    assert.equal((await attempt(teacher.username, teacher.password)).status, 302, 'other accounts are not affected');

    await waitPasses();
    assert.ok((await attempt('guessed.user', 'Wrong#Pass6x')).html.includes(failed));
    const longer = await attempt('guessed.user', 'Right#Pass2026');
    assert.ok(longer.retryAfter > waiting.retryAfter, `the next wait is longer (${longer.retryAfter} s after ${waiting.retryAfter} s)`);

    const decisions = await server.services.db.query<{ type: string; limit: string }>(
      `SELECT type, detail->>'limit' AS limit FROM audit_events WHERE type IN ('login.delayed', 'login.throttled') ORDER BY id`,
    );
    assert.deepEqual(decisions.filter((d) => d.type === 'login.delayed').length, 3, 'each wait set is recorded');
    assert.ok(decisions.filter((d) => d.type === 'login.throttled').every((d) => d.limit === 'pair'));

    await server.services.db.query(`UPDATE rate_limits SET window_ends_at = now(), blocked_until = NULL`);
    assert.equal((await attempt('guessed.user', 'Right#Pass2026')).status, 302, 'the window passes');
  });

  test('an unknown account costs as much time as a known one (no enumeration by timing)', async () => {
    const agent = new Agent(server.issuer);
    const time = async (account: string) => {
      // Every attempt starts unthrottled, so each pays its password check.
      await server.services.db.query('DELETE FROM rate_limits');
      const { action, fields } = await loginPage(agent);
      const t = performance.now();
      await agent.post(action, { ...fields, account, password: 'Wrong#Pass123', captcha: TEST_CAPTCHA, action: 'login' });
      return performance.now() - t;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 6; i++) {
      known.push(await time(teacher.username));
      unknown.push(await time(`ghost${i}.user`));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1]!;
    const ratio = median(unknown) / median(known);
    // Both pay one argon2id verification; without the decoy the unknown account would answer many times faster.
    assert.ok(ratio > 0.5 && ratio < 3, `unknown/known time ratio ${ratio.toFixed(2)}`);
  });
});
