import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { demoAccounts } from '../src/seed/demo.ts';
import { PASSKEYS_BASE, PASSKEYS_PAGE } from '../src/web/views/passkeys.ts';
import { Agent, formOf } from './support/agent.ts';
import { axe } from './support/axe.ts';
import { tabTo } from './support/browser-console.ts';
import { browserSkipReason, launchBrowser } from './support/browser.ts';
import { startServer, TEST_CAPTCHA, type TestServer } from './support/server.ts';
import { accountWithTwoFactor } from './support/two-factor.ts';

const teacher = demoAccounts[0];
const staff = demoAccounts[1];

/** A browser context whose page has a platform authenticator that keeps passkeys and verifies its user. */
async function withAuthenticator(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  return { context, page };
}

describe('passkeys in Chromium with a virtual authenticator: add, sign in without a password, remove; axe on every page', { skip: browserSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;
  /** What the browser posted for a passkey sign-in, and its cookies then: replayed over HTTP below. */
  let captured: { body: string; cookie: string } | undefined;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.cleanup();
  });

  const firstPasskeyOf = async (username: string) =>
    (await server.services.db.query<{ id: string }>(`SELECT p.id FROM passkeys p JOIN accounts a ON a.id = p.account_id WHERE a.username = $1`, [username]))[0]!.id;
  const passkeysOf = async (username: string) =>
    (await server.services.db.query<{ name: string }>(`SELECT p.name FROM passkeys p JOIN accounts a ON a.id = p.account_id WHERE a.username = $1`, [username])).map((r) => r.name);
  const audited = async (type: string, username: string) =>
    (await server.services.db.query<{ detail: Record<string, unknown> }>(`SELECT e.detail FROM audit_events e JOIN accounts a ON a.id = e.account_id WHERE e.type = $1 AND a.username = $2 ORDER BY e.id`, [type, username])).map((r) => r.detail);
  const mailed = async (to: string) => (await server.services.db.query<{ subject: string }>(`SELECT subject FROM outbox WHERE recipient = $1 ORDER BY id`, [to])).map((r) => r.subject);

  async function signInWithPassword(page: Page, account: { username: string; password: string }, lang: string) {
    await page.goto(`${server.issuer}/login?next=${encodeURIComponent(PASSKEYS_PAGE)}&lang=${lang}`);
    await page.locator('#account').fill(account.username);
    await page.locator('#password').fill(account.password);
    await page.locator('#captcha').fill(TEST_CAPTCHA);
    await page.locator('button.primary[type="submit"]').click();
    await page.waitForURL(new RegExp(`${PASSKEYS_PAGE}$`));
  }

  // One zh-TW journey in three steps on one browser page (the authenticator lives on that page).
  let journey: { context: BrowserContext; page: Page };
  test('zh-TW: add a passkey (named), signed out sign in with it alone, reached by keyboard', async () => {
    journey = await withAuthenticator(browser);
    const { context, page } = journey;
    await signInWithPassword(page, teacher, 'zh-TW');
    await axe(page, 'passkeys, none yet');
    assert.match(await page.locator('#passkeys').innerText(), /尚未新增通行金鑰/);
    await page.getByLabel('通行金鑰名稱（可不填）').fill('辦公室電腦');
    await page.getByRole('button', { name: '新增通行金鑰' }).click();
    await page.waitForURL(/\?passkey=added#passkeys$/);
    assert.match(await page.locator('#passkeys').innerText(), /已新增通行金鑰[\s\S]*辦公室電腦[\s\S]*尚未使用/);
    await axe(page, 'passkeys, one added');
    assert.deepEqual(await passkeysOf(teacher.username), ['辦公室電腦']);
    assert.equal((await audited('passkey.added', teacher.username)).length, 1);
    assert.ok((await mailed(teacher.email)).includes('【教育雲端帳號】已新增通行金鑰'), 'the owner is told by mail');

    // Signed out: the passkey alone signs in (the button is reached with Tab and pressed with Enter).
    await context.clearCookies();
    page.on('request', async (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/login/passkey')
        captured = { body: request.postData()!, cookie: (await request.allHeaders()).cookie! };
    });
    await page.goto(`${server.issuer}/login?lang=zh-TW`);
    await page.getByRole('button', { name: '使用通行金鑰登入' }).waitFor();
    await axe(page, 'login with the passkey button');
    await tabTo(page, '[data-passkey-login] button');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/account$/);
    assert.match(await page.locator('main').innerText(), new RegExp(teacher.username));
    const [record] = await server.services.db.query<{ method: string; result: string }>(
      `SELECT r.method, r.result FROM sign_in_records r JOIN accounts a ON a.id = r.account_id WHERE a.username = $1 AND r.kind = 'authentication' ORDER BY r.id DESC LIMIT 1`,
      [teacher.username],
    );
    assert.deepEqual(record, { method: 'passkey', result: 'succeeded' });
    assert.match(await page.goto(`${server.issuer}${PASSKEYS_PAGE}`).then(() => page.locator('#passkeys').innerText()), /最後使用時間：\d/);
  });

  test('a replayed sign-in answer, or one for another challenge, is refused (HTTP)', async () => {
    assert.ok(captured, 'the browser journey captured a passkey sign-in');
    // Its own challenge was used up by the first answer.
    const replay = await fetch(`${server.issuer}/login/passkey`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', cookie: captured.cookie }, body: captured.body });
    assert.equal(replay.status, 400);
    assert.equal(((await replay.json()) as { error: string }).error, 'passkey.expired');
    assert.equal(replay.headers.getSetCookie().some((c) => c.startsWith('edusso.sid=') && !c.startsWith('edusso.sid=;')), false, 'no session');
    // A fresh challenge for this browser: the old answer is not signed over it.
    const agent = new Agent(server.issuer);
    const { fields } = formOf(await (await agent.get('/login')).text());
    const json = (path: string, body: unknown) => agent.request(path, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) });
    assert.equal((await json('/login/passkey/options', {})).status, 403, 'no CSRF token, no challenge');
    assert.equal((await json('/login/passkey/options', { _csrf: fields._csrf })).status, 200);
    const other = await json('/login/passkey', { ...JSON.parse(captured.body), _csrf: fields._csrf });
    assert.equal(other.status, 400);
    assert.equal(((await other.json()) as { error: string }).error, 'passkey.signInFailed');
    assert.equal(agent.cookiesFor().has('edusso.sid'), false);
    const failures = await audited('login.failed', teacher.username);
    assert.ok(failures.some((d) => d.method === 'passkey' && d.reason === 'invalid'), 'the refusal is audited for the passkey’s account');
  });

  test('zh-TW: inside an application’s sign-in the passkey continues it; removed (password asked again), it is refused', async () => {
    const { context, page } = journey;
    // Inside an application's sign-in (the demo application, openid-client over HTTP): the passkey continues it.
    await context.clearCookies();
    await page.goto(`${server.issuer}/demo/login`);
    await page.waitForURL(/\/interaction\//);
    await page.getByRole('button', { name: '使用通行金鑰登入' }).click();
    // The demo application is a third party: its consent page follows the sign-in.
    await page.locator('button[name="decision"][value="allow"]').click();
    await page.waitForURL(/\/demo\/callback/);
    assert.match(await page.locator('main').innerText(), /"preferred_username": "demo.teacher"/, 'the application received the teacher');
    const [appRecord] = await server.services.db.query<{ client_id: string; method: string }>(
      `SELECT r.client_id, r.method FROM sign_in_records r JOIN accounts a ON a.id = r.account_id WHERE a.username = $1 AND r.kind = 'application' ORDER BY r.id DESC LIMIT 1`,
      [teacher.username],
    );
    assert.deepEqual(appRecord, { client_id: 'edusso-demo', method: 'passkey' }, '應用服務登入紀錄 names the passkey (the session’s amr)');

    // 「移除」 more than 5 minutes after the sign-in asks the password again (/account/confirm); a wrong one changes nothing.
    await server.services.db.query(`UPDATE web_sessions SET authenticated_at = now() - interval '10 minutes'`);
    await page.goto(`${server.issuer}${PASSKEYS_PAGE}`);
    await page.getByRole('link', { name: '移除' }).click();
    await page.waitForURL(/\/account\/confirm\?next=/);
    await page.locator('#password').fill('not-the-password');
    await page.getByRole('button', { name: '確認' }).click();
    await page.locator('#password-error').waitFor();
    assert.match(await page.locator('#password-error').innerText(), /密碼錯誤/);
    assert.deepEqual(await passkeysOf(teacher.username), ['辦公室電腦']);
    await page.locator('#password').fill(teacher.password);
    await page.getByRole('button', { name: '確認' }).click();
    await page.waitForURL(/\/remove$/);
    await axe(page, 'remove a passkey');
    await page.getByRole('button', { name: '移除' }).click();
    await page.waitForURL(/\?passkey=removed#passkeys$/);
    assert.deepEqual(await passkeysOf(teacher.username), []);
    assert.ok((await mailed(teacher.email)).includes('【教育雲端帳號】已移除通行金鑰'));
    await axe(page, 'passkeys, removed');

    // The authenticator still offers it; the service no longer knows it.
    await context.clearCookies();
    await page.goto(`${server.issuer}/login?lang=zh-TW`);
    await page.getByRole('button', { name: '使用通行金鑰登入' }).click();
    await page.getByRole('alert').filter({ hasText: '無法以這個通行金鑰登入' }).waitFor();
    assert.match(page.url(), /\/login/);
    await axe(page, 'login, passkey refused');
    await context.close();
  });

  test('English: the password asked again before adding; error states; keyboard only; axe on each', async () => {
    const { context, page } = await withAuthenticator(browser);
    await signInWithPassword(page, staff, 'en');
    // A session proven more than 5 minutes ago must confirm the password first.
    await server.services.db.query(`UPDATE web_sessions SET authenticated_at = now() - interval '10 minutes'`);
    await page.goto(`${server.issuer}${PASSKEYS_PAGE}?lang=en`);
    assert.equal(await page.getByRole('button', { name: 'Add a passkey' }).count(), 0);
    await axe(page, 'passkeys, confirm password (en)');
    await page.getByRole('link', { name: 'Confirm password' }).click();
    await page.waitForURL(/\/account\/confirm\?next=/);
    await page.getByRole('button', { name: 'Confirm', exact: true }).click();
    await page.locator('#password-error').waitFor();
    assert.match(await page.locator('#password-error').innerText(), /Enter your password/);
    await page.locator('#password').fill('wrong-password-1');
    await page.getByRole('button', { name: 'Confirm', exact: true }).click();
    await page.locator('#password-error').filter({ hasText: 'The password is wrong' }).waitFor();
    await page.locator('#password').fill(staff.password);
    await page.getByRole('button', { name: 'Confirm', exact: true }).click();
    await page.getByRole('button', { name: 'Add a passkey' }).waitFor();
    assert.deepEqual(await passkeysOf(staff.username), [], 'nothing added by the password alone');
    // Keyboard only: Tab to the name, type it, Tab to 「Add a passkey」, Enter.
    await tabTo(page, '#passkey-name');
    await page.keyboard.type('Phone');
    await tabTo(page, '#passkey-add button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?passkey=added#passkeys$/);
    assert.deepEqual(await passkeysOf(staff.username), ['Phone']);
    await axe(page, 'passkeys, one added (en)');
    // 「Rename」: an empty name is refused in place.
    await page.locator('#passkeys summary').click();
    await page.getByLabel('New name').fill('');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('#rename-0-error').waitFor();
    assert.match(await page.locator('#rename-0-error').innerText(), /Enter a name/);
    await axe(page, 'passkeys, rename refused (en)');
    await page.getByLabel('New name').fill('Work phone');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\?passkey=renamed#passkeys$/);
    assert.deepEqual(await passkeysOf(staff.username), ['Work phone']);
    // At 360 px nothing scrolls sideways: the list and the remove page.
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of [PASSKEYS_PAGE, `${PASSKEYS_BASE}/${encodeURIComponent(await firstPasskeyOf(staff.username))}/remove`]) {
      await page.goto(`${server.issuer}${path}`);
      const overflow = (await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number;
      assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px at 360 px`);
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${server.issuer}${PASSKEYS_BASE}/not-a-passkey/remove`);
    assert.match(await page.getByRole('alert').innerText(), /not found/);
    await axe(page, 'remove, not found (en)');
    // 「Remove」 more than 5 minutes after the password: asked again first, nothing removed.
    await server.services.db.query(`UPDATE web_sessions SET authenticated_at = now() - interval '10 minutes'`);
    await page.goto(`${server.issuer}${PASSKEYS_PAGE}`);
    await page.getByRole('link', { name: 'Remove' }).click();
    await page.waitForURL(/\/account\/confirm\?next=/);
    assert.deepEqual(await passkeysOf(staff.username), ['Work phone']);
    // Signed out, in English: the passkey signs in again.
    await context.clearCookies();
    await page.goto(`${server.issuer}/login?lang=en`);
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await page.waitForURL(/\/account$/);
    await context.close();
  });

  test('zh-TW: with two-factor on, 「使用通行金鑰」 on the second-factor page finishes a password sign-in; another account’s passkey is refused', async () => {
    await server.services.db.query(`DELETE FROM rate_limits`);
    const username = 'pk.browser';
    const password = 'Browser#2026sso';
    const { account } = await accountWithTwoFactor(server, username, password);
    const { context, page } = await withAuthenticator(browser);
    const useIt = page.getByRole('button', { name: '使用通行金鑰', exact: true });
    const signIn = async () => {
      await page.goto(`${server.issuer}/login?next=${encodeURIComponent(PASSKEYS_PAGE)}&lang=zh-TW`);
      await page.locator('#account').fill(username);
      await page.locator('#password').fill(password);
      await page.locator('#captcha').fill(TEST_CAPTCHA);
      await page.locator('button.primary[type="submit"]').click();
      await page.waitForURL(/\/login\/second-factor$/);
    };
    await signIn();
    assert.equal(await useIt.count(), 0, 'no passkey yet: nothing to use');
    await page.getByRole('link', { name: '使用備用代碼' }).click();
    await page.getByLabel('備用代碼').fill('abcde-fghij');
    await page.getByRole('button', { name: '驗證' }).click();
    await page.waitForURL(new RegExp(`${PASSKEYS_PAGE}$`));
    await page.getByRole('button', { name: '新增通行金鑰' }).click();
    await page.waitForURL(/\?passkey=added#passkeys$/);
    assert.deepEqual(
      await page.locator('h1, h2').evaluateAll((hs) => hs.map((h) => h.tagName)),
      ['H1', 'H2', 'H2', 'H2', 'H2'],
      '雙因子認證綁定 (h1), then its sections and 通行金鑰 (h2)',
    );
    await axe(page, 'two-factor on, with the passkey section');

    // A new sign-in: the password, then the passkey instead of a code.
    await context.clearCookies();
    await signIn();
    await useIt.waitFor();
    await axe(page, 'second factor with 「使用通行金鑰」');
    // Meanwhile the passkey belongs to someone else: refused on the page, nothing signed in.
    const [{ id: staffId }] = await server.services.db.query<{ id: string }>(`SELECT id FROM accounts WHERE username = $1`, [staff.username]);
    await server.services.db.query(`UPDATE passkeys SET account_id = $1 WHERE account_id = $2`, [staffId, account.id]);
    await useIt.click();
    await page.getByRole('alert').filter({ hasText: '無法以這個通行金鑰完成驗證' }).waitFor();
    assert.match(page.url(), /\/login\/second-factor$/);
    await axe(page, 'second factor, passkey refused');
    await server.services.db.query(`UPDATE passkeys SET account_id = $1 WHERE account_id = $2`, [account.id, staffId]);
    await useIt.click();
    await page.waitForURL(new RegExp(`${PASSKEYS_PAGE}$`));
    const [session] = await server.services.db.query<{ methods: string[] }>(`SELECT methods FROM web_sessions WHERE account_id = $1 ORDER BY created_at DESC LIMIT 1`, [account.id]);
    assert.deepEqual(session?.methods, ['password', 'passkey']);
    const records = await server.services.db.query<{ method: string; result: string }>(`SELECT method, result FROM sign_in_records WHERE account_id = $1 ORDER BY id DESC LIMIT 2`, [account.id]);
    assert.deepEqual(records, [{ method: 'passkey', result: 'succeeded' }, { method: 'passkey', result: 'failed' }]);
    await context.close();
  });
});
