import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { newTotpSecret, recoveryCodeHash, totpCode, totpStep } from '../src/methods/totp.ts';
import { hashPassword } from '../src/security/password.ts';
import { browserSkipReason } from './support/browser.ts';
import { serverAndBrowser } from './support/browser-suite.ts';
import { axe, overflow, signInPage, tabTo } from './support/browser-console.ts';
import type { TestServer } from './support/server.ts';

describe('the password asked again (/account/confirm) in Chromium: errors, keyboard, 360 px, axe in zh-TW and English', { skip: browserSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;
  serverAndBrowser((s, b) => ((server = s), (browser = b)));

  // zh-TW: an account with the password only; English: one whose two-factor is turned on after it signed in.
  for (const [lang, username, withCode] of [['zh-TW', 'reauth.zh', false], ['en', 'reauth.en', true]] as const) {
    test(`${lang}: a stale session is asked again on the way to 更新個人資料; every error state; then back to the page`, async () => {
      const t = (zh: string, en: string) => (lang === 'en' ? en : zh);
      const password = 'Reauth#2026sso';
      const { store, pii, db } = server.services;
      const account = await store.accounts.create({ username, passwordHash: await hashPassword(password), displayName: '測試老師', emailVerified: false });
      const context = await browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      await signInPage(page, server.issuer, lang, username, password);
      const secret = newTotpSecret();
      if (withCode) {
        await store.twoFactor.bind(account.id, pii.seal(secret), totpStep() - 2);
        await store.twoFactor.enable(account.id, [recoveryCodeHash('abcde-fghij')!]);
      }
      await db.query(`UPDATE web_sessions SET authenticated_at = now() - interval '10 minutes'`);

      await page.goto(`${server.issuer}/account/school`);
      await page.waitForURL(/\/account\/confirm\?next=%2Faccount%2Fschool$/);
      assert.equal(await page.locator('#account').inputValue(), username);
      assert.equal(await page.locator('#account').getAttribute('readonly'), '');
      assert.ok((await overflow(page)) <= 0, 'no sideways scrolling at 360 px');
      await axe(page, `${lang} question`);

      // Keyboard only: nothing typed, then a wrong password.
      await tabTo(page, '#password');
      await page.keyboard.press('Enter');
      await page.locator('#password-error').filter({ hasText: t('請輸入密碼。', 'Enter your password.') }).waitFor();
      await axe(page, `${lang} password missing`);
      await tabTo(page, '#password');
      await page.keyboard.type('Wrong#2026sso');
      if (withCode) {
        await tabTo(page, '#code');
        await page.keyboard.type('abcde-zzzzz');
      }
      await page.keyboard.press('Enter');
      await page.locator('#password-error').filter({ hasText: t('密碼錯誤，請重新輸入。', 'The password is wrong. Please try again.') }).waitFor();
      await axe(page, `${lang} password wrong`);
      assert.match(page.url(), /\/account\/confirm$/);

      if (withCode) {
        await page.locator('#password').fill(password);
        await page.locator('#code').fill('');
        await page.getByRole('button', { name: 'Confirm', exact: true }).click();
        await page.locator('#code-error').filter({ hasText: 'Enter the code or a recovery code.' }).waitFor();
        await axe(page, `${lang} code missing`);
        await page.locator('#password').fill(password);
        await page.locator('#code').fill(totpCode(secret) === '000000' ? '111111' : '000000');
        await page.getByRole('button', { name: 'Confirm', exact: true }).click();
        await page.locator('#code-error').filter({ hasText: 'The code is wrong' }).waitFor();
        await axe(page, `${lang} code wrong`);
        await page.locator('#code').fill(totpCode(secret));
      }
      await page.locator('#password').fill(password);
      await page.getByRole('button', { name: t('確認', 'Confirm'), exact: true }).click();
      await page.waitForURL(/\/account\/school$/);
      await page.locator('#id_number').waitFor();
      await context.close();
    });
  }
});
