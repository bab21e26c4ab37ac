import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { addClient } from '../src/oidc/client-registry.ts';
import { createProvider } from '../src/oidc/provider.ts';
import { demoAccounts } from '../src/seed/demo.ts';
import { axe } from './support/axe.ts';
import { overflow, tabTo } from './support/browser-console.ts';
import { browserSkipReason, launchBrowser } from './support/browser.ts';
import { startServer, TEST_CAPTCHA, type TestServer } from './support/server.ts';

const [teacher, staff] = demoAccounts;

/** Nothing scrolls sideways: the page holds at the viewport's width. */
async function holds(page: Page, label: string) {
  const wider = await overflow(page);
  assert.ok(wider <= 0, `${label}: ${wider}px wider than the screen`);
}

describe('應用服務授權清單, 應用服務登入紀錄, ＩＰ登入紀錄 in Chromium, with axe-core on every page and error state', { skip: browserSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;
  const clients: string[] = [];
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const provider = await createProvider(server.services);
    for (const name of ['成績系統', '圖書館系統'])
      clients.push((await addClient(server.services.clients, { name, redirectUris: ['http://app.localhost/cb'] }, (m) => provider.Client.validate(m))).clientId);
  });
  after(async () => {
    await browser?.close();
    await server?.cleanup();
  });

  async function journey(lang: 'zh-TW' | 'en', account: (typeof demoAccounts)[number], width: number) {
    const t = (zh: string, en: string) => (lang === 'en' ? en : zh);
    const { store, accounts } = server.services;
    const accountId = (await accounts.findByUsername(account.username))!.id;
    // Two applications this account authorized, and one sign-in each handed to them.
    for (const [i, clientId] of clients.entries()) {
      await store.oidcPayloads.upsert('Grant', `grant-${lang}-${i}`, { accountId, clientId, openid: { scope: 'openid profile email' }, iat: Math.floor(Date.now() / 1000) - 3600 * (i + 1), jti: `grant-${lang}-${i}` }, 3600);
      await store.signIns.record({ accountId, kind: 'application', clientId, method: 'password', result: 'succeeded', ip: '198.51.100.4', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0' });
    }
    const context = await browser.newContext({ bypassCSP: true, viewport: { width, height: 800 } });
    const page = await context.newPage();

    // A wrong password first (an ＩＰ登入紀錄 failure), then the right one; the login comes back to the list.
    await page.goto(`${server.issuer}/login?lang=${lang}&next=/account/authorizations`);
    for (const password of ['Wrong#2026pass', account.password]) {
      await page.getByLabel(t('教育雲端帳號', 'Education Cloud account')).fill(account.username);
      await page.locator('#password').fill(password);
      await page.getByLabel(t('驗證碼', 'Verification code'), { exact: true }).fill(TEST_CAPTCHA);
      await page.getByRole('button', { name: t('登入', 'Sign in'), exact: true }).click();
      await page.waitForLoadState();
    }
    await page.waitForURL(/\/account\/authorizations$/);
    assert.equal(await page.title(), `${t('應用服務授權清單', 'Authorized applications')} - ${t('教育體系單一簽入服務', 'Education Single Sign-On')}`);
    await page.getByRole('checkbox', { name: '成績系統' }).waitFor();
    await axe(page, `${lang} list`);
    await holds(page, `${lang} list`);

    // Nothing ticked: the message, and both applications are still there.
    await tabTo(page, 'form[action="/account/authorizations/confirm"] button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: t('請勾選您所欲取消授權的應用服務名稱。', 'Tick the applications whose authorization you want to cancel.') }).waitFor();
    assert.equal(await page.getByRole('checkbox').count(), 2);
    await axe(page, `${lang} list, nothing ticked`);

    // Tick 成績系統 with the keyboard, 「下一步」, the confirm step shows the name and the count.
    await tabTo(page, '#app-1');
    assert.equal(await page.locator('#app-1').getAttribute('data-name'), '成績系統', 'listed oldest consent first');
    await page.keyboard.press('Space');
    assert.ok(await page.locator('#app-1').isChecked());
    assert.equal(await page.locator('#grants-summary').textContent(), t('已選擇 1 項：成績系統', '1 selected: 成績系統'), 'the live summary (site.js)');
    await page.getByRole('button', { name: t('下一步', 'Next') }).click();
    await page.getByRole('heading', { name: t('確認取消授權', 'Confirm cancelling the authorization') }).waitFor();
    assert.ok((await page.locator('main').textContent())!.includes(t('共 1 項', '1 in all')));
    assert.equal(await page.locator('.chosen-apps li').textContent(), '成績系統');
    await axe(page, `${lang} confirm`);
    await holds(page, `${lang} confirm`);
    await tabTo(page, 'form[action="/account/authorizations/revoke"] button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.getByText(t('取消授權成功', 'Authorization cancelled'), { exact: true }).waitFor();
    assert.deepEqual(await page.locator('label').allTextContents(), ['圖書館系統']);
    await axe(page, `${lang} revoked`);
    assert.deepEqual((await store.oidcPayloads.grantsForAccount(accountId)).map((g) => g.clientId), [clients[1]]);

    // 應用服務登入紀錄: a bad count, then 20 chosen from the select and 「送出」.
    await page.goto(`${server.issuer}/account/app-logins?n=7`);
    await page.getByRole('alert').filter({ hasText: t('筆數只能選擇 10、20、50 或 100', 'The number can only be 10, 20, 50 or 100') }).waitFor();
    await axe(page, `${lang} app-logins, bad count`);
    await tabTo(page, '#n');
    await page.selectOption('#n', '20');
    await page.getByRole('button', { name: t('送出', 'Submit') }).click();
    await page.waitForURL(/\/account\/app-logins\?n=20$/);
    const appRows = page.locator('table.records tbody tr');
    assert.equal(await appRows.count(), 2);
    assert.ok((await appRows.first().textContent())!.includes(t('成功', 'Succeeded')));
    await axe(page, `${lang} app-logins`);
    await holds(page, `${lang} app-logins`);

    // ＩＰ登入紀錄: the failure and the success of this sign-in, newest first.
    await page.getByRole('navigation', { name: t('帳號管理選單', 'Account management menu') }).getByRole('link', { name: t('ＩＰ登入紀錄', 'IP sign-in records') }).click();
    await page.waitForURL(/\/account\/ip-logins$/);
    const results = await page.locator('table.records tbody tr td:nth-child(4)').allTextContents();
    assert.deepEqual(results, [t('成功', 'Succeeded'), t('失敗', 'Failed')]);
    await axe(page, `${lang} ip-logins`);
    await holds(page, `${lang} ip-logins`);
    await page.goto(`${server.issuer}/account/ip-logins?n=abc`);
    await page.getByRole('alert').waitFor();
    await axe(page, `${lang} ip-logins, bad count`);
    await context.close();
  }

  test('zh-TW on a 360 px phone', () => journey('zh-TW', teacher, 360));
  test('English on a desktop', () => journey('en', staff, 1280));
});
