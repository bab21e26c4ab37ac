import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { hashPassword } from '../src/security/password.ts';
import { axe } from './support/axe.ts';
import { browserSkipReason } from './support/browser.ts';
import { serverAndBrowser } from './support/browser-suite.ts';
import { oathtool, oathtoolSkipReason } from './support/oathtool.ts';
import { TEST_CAPTCHA, type TestServer } from './support/server.ts';
import { freshCode } from './support/two-factor.ts';

/** No WCAG 2.1 A/AA violation on this page, and nothing wider than the 360 px screen. */
async function check(page: Page, label: string) {
  await axe(page, label);
  assert.ok((await page.evaluate('document.documentElement.scrollWidth')) as number <= 360, `${label}: no sideways scrolling at 360 px`);
}

/** Moves the focus with Tab until it is on the control named `name`, then presses Enter: the page works from the keyboard. */
async function tabTo(page: Page, name: string) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const focused = (await page.evaluate('document.activeElement && document.activeElement.textContent.trim()')) as string | null;
    if (focused === name) return page.keyboard.press('Enter');
  }
  assert.fail(`${name} is not reachable with Tab`);
}

describe('雙因子認證綁定 and the second-factor page in Chromium at 360 px, axe on every step', { skip: browserSkipReason() || oathtoolSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;
  serverAndBrowser((s, b) => ((server = s), (browser = b)));

  for (const lang of ['zh-TW', 'en'] as const) {
    test(`the binding journey and a sign-in with the code (${lang})`, async () => {
      const t = (zh: string, en: string) => (lang === 'en' ? en : zh);
      const username = `tf.browser.${lang === 'en' ? 'en' : 'zh'}`;
      const password = 'Browser#2026sso';
      const account = await server.services.accounts.create({ username, passwordHash: await hashPassword(password), displayName: '瀏覽器老師' });
      await server.services.db.query(`DELETE FROM rate_limits`);
      const context = await browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 780 } });
      const page = await context.newPage();
      const signIn = async (next: string) => {
        await page.goto(`${server.issuer}/login?next=${encodeURIComponent(next)}&lang=${lang}`);
        await page.getByLabel(t('教育雲端帳號', 'Education Cloud account')).fill(username);
        await page.locator('#password').fill(password);
        await page.locator('#captcha').fill(TEST_CAPTCHA);
        await page.locator('#captcha').press('Enter');
      };
      await signIn('/account/two-factor');
      await page.waitForURL(/\/account\/two-factor$/);
      await check(page, 'start');
      await tabTo(page, t('開始', 'Start'));
      await page.waitForURL(/\/prepare$/);
      await check(page, 'prepare');
      await tabTo(page, t('下一步', 'Next'));
      await page.waitForURL(/\/apps$/);
      await check(page, 'apps');
      assert.equal(await page.getByRole('img', { name: /Google Authenticator/ }).count(), 2, 'the app QR codes are named');
      await page.getByRole('link', { name: t('下一步', 'Next') }).click();
      await page.waitForURL(/\/setup$/);
      await check(page, 'setup');
      assert.ok(await page.getByRole('img', { name: new RegExp(username.replaceAll('.', '\\.')) }).isVisible(), 'the QR code of the account');
      await page.getByText(t('iOS 操作步驟說明', 'Steps on iOS')).click();
      const secret = (await page.locator('code.secret').textContent())!.replaceAll(' ', '');
      // Error state: a wrong code.
      const code = page.getByLabel(t('驗證碼', 'Code'), { exact: true });
      await code.fill('000000');
      await code.press('Enter');
      await page.locator('#bind-code-error').waitFor();
      await check(page, 'setup, wrong code');
      await page.getByLabel(t('驗證碼', 'Code'), { exact: true }).fill(oathtool(secret));
      await page.getByRole('button', { name: t('綁定', 'Bind') }).click();
      await page.waitForURL(/\/account\/two-factor\?done=bound$/);
      await page.getByText(t('綁定完成。', 'The authenticator app is bound.')).waitFor();
      await check(page, 'bound');
      // Error state: 「啟用雙因子驗證」 with a wrong password.
      await page.locator('#enable-password').fill('Wrong#2026sso');
      await page.locator('#enable-code').fill(await freshCode(server, account.id, secret));
      await page.getByRole('button', { name: t('啟用雙因子驗證', 'Turn on two-factor verification') }).click();
      await page.locator('#enable-password-error').waitFor();
      await check(page, 'enable, wrong password');
      await page.locator('#enable-password').fill(password);
      await page.locator('#enable-code').fill(await freshCode(server, account.id, secret));
      await page.getByRole('button', { name: t('啟用雙因子驗證', 'Turn on two-factor verification') }).click();
      await page.locator('ol.recovery-codes').waitFor();
      assert.equal(await page.locator('ol.recovery-codes li').count(), 10);
      const recovery = (await page.locator('ol.recovery-codes code').first().textContent())!;
      await check(page, 'recovery codes');
      await page.getByRole('link', { name: t('確定', 'OK') }).click();
      await page.waitForURL(/\/account\/two-factor$/);
      await check(page, 'on');

      // A new sign-in stops at the second-factor page.
      await context.clearCookies();
      await signIn('/account');
      await page.waitForURL(/\/login\/second-factor(\?lang=en)?$/);
      await check(page, 'second factor');
      await page.getByLabel(t('驗證碼', 'Code'), { exact: true }).fill('000000');
      await page.getByRole('button', { name: t('驗證', 'Verify') }).click();
      await page.locator('#code-error').waitFor();
      await check(page, 'second factor, wrong code');
      await page.getByRole('link', { name: t('使用備用代碼', 'Use a recovery code') }).click();
      await page.waitForURL(/mode=recovery$/);
      await page.getByLabel(t('備用代碼', 'Recovery code')).fill('zzzzz-zzzzz');
      await page.getByRole('button', { name: t('驗證', 'Verify') }).click();
      await page.locator('#code-error').waitFor();
      await check(page, 'second factor, wrong recovery code');
      await page.getByLabel(t('備用代碼', 'Recovery code')).fill(recovery);
      await tabTo(page, t('驗證', 'Verify'));
      await page.waitForURL(/\/account$/);
      await context.close();
    });
  }
});
