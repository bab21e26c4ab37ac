import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { CURRENT_PASSWORD_FAILURES } from '../src/flows/change-password/service.ts';
import { axe, overflow, signInPage, tabTo } from './support/browser-console.ts';
import { browserSkipReason } from './support/browser.ts';
import { serverAndBrowser } from './support/browser-suite.ts';
import type { TestServer } from './support/server.ts';

describe('修改密碼 in Chromium, with axe-core on every page and error state', { skip: browserSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;
  serverAndBrowser((s, b) => ((server = s), (browser = b)));

  // Each language changes demo.staff's password on from the one before.
  const passwords = { 'zh-TW': ['Staff#2026sso', 'Green#Hill2027'], en: ['Green#Hill2027', 'Blue#River2028'] } as const;

  for (const lang of ['zh-TW', 'en'] as const) {
    test(`(${lang}) wrong current password, a refused new one, the attempt cap, then the change and the 24-hour lock; keyboard; 360 px`, async () => {
      const [current, next] = passwords[lang];
      const t = (zh: string, en: string) => (lang === 'en' ? en : zh);
      await server.services.db.query(`DELETE FROM rate_limits`);
      await server.services.db.query(`UPDATE accounts SET password_locked_until = NULL`);
      const context = await browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      await signInPage(page, server.issuer, lang, 'demo.staff', current);
      await page.goto(`${server.issuer}/account/sessions`);
      await page.getByRole('navigation', { name: t('帳號管理選單', 'Account management menu') }).getByRole('link', { name: t('修改密碼', 'Change password') }).click();
      await page.waitForURL(/\/account\/password$/);
      await axe(page, `${lang} form`);
      assert.equal(await overflow(page), 0, 'no sideways scrolling at 360 px');
      assert.ok(await page.getByLabel(t('登出其他裝置', 'Sign out my other devices')).isChecked(), 'ticked by default');

      const fill = async (c: string, p1: string, p2: string) => {
        await page.locator('#current').fill(c);
        await page.locator('#password').fill(p1);
        await page.locator('#password2').fill(p2);
        await page.getByRole('button', { name: t('修改密碼', 'Change password') }).click();
        await page.waitForLoadState();
      };
      // Error state: the wrong current password.
      await fill('Wrong#Pass2026', next, next);
      assert.equal(await page.locator('#current-error').textContent(), t('目前密碼錯誤。', 'The current password is wrong.'));
      assert.equal(await page.locator('#current').getAttribute('aria-invalid'), 'true');
      await axe(page, `${lang} wrong current password`);
      // Error state: a new password the rule refuses.
      await fill(current, 'short', 'short');
      assert.ok(await page.locator('#password-error').isVisible());
      await axe(page, `${lang} refused new password`);
      // Error state: the cap on wrong current passwords.
      const staff = (await server.services.accounts.findByUsername('demo.staff'))!;
      await server.services.rateLimits.penalty(CURRENT_PASSWORD_FAILURES, staff.id, CURRENT_PASSWORD_FAILURES.points);
      await fill(current, next, next);
      assert.ok((await page.getByRole('alert').first().textContent())!.includes(t('錯誤次數過多', 'Too many')));
      await axe(page, `${lang} too many`);
      await server.services.db.query(`DELETE FROM rate_limits`);

      // The change, by keyboard from the first field to the button.
      await page.locator('#current').fill(current);
      await page.locator('#password').fill(next);
      await page.locator('#password2').fill(next);
      await tabTo(page, 'button.primary[type="submit"]');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/account\/password\?changed=1&others=1$/);
      assert.ok((await page.getByRole('status').textContent())!.includes(t('密碼變更完成', 'Your password was changed')));
      assert.ok((await page.locator('#unlocks-at').textContent())!.includes(t('臺北時間', 'Taipei time')));
      await axe(page, `${lang} changed`);
      assert.equal(await overflow(page), 0);
      // Still signed in; the form stays away for 24 hours.
      await page.goto(`${server.issuer}/account/password`);
      assert.equal(await page.locator('#current').count(), 0);
      assert.ok((await page.locator('.notice').textContent())!.includes(t('需 24 小時後才能再次變更', 'cannot be changed again for 24 hours')));
      await axe(page, `${lang} locked`);
      await context.close();
    });
  }
});
