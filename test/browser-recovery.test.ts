import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { axe } from './support/axe.ts';
import { browserSkipReason, launchBrowser } from './support/browser.ts';
import { startServer, TEST_CAPTCHA, type TestServer } from './support/server.ts';
import { startSmsGateway } from './support/sms-gateway.ts';
import { SmtpCapture } from './support/smtp-capture.ts';
import { waitFor } from './support/wait.ts';

const newPassword = 'Green#Hill2027';

describe('forgot password and re-activation in Chromium, with axe-core on every page', { skip: browserSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;
  // Codes travel as they do in production: mail over real SMTP, SMS through the gateway's wire format.
  const smtp = new SmtpCapture();
  let sms: Awaited<ReturnType<typeof startSmsGateway>>;
  before(async () => {
    const port = await smtp.start();
    sms = await startSmsGateway();
    server = await startServer({ env: { SMTP_URL: `smtp://127.0.0.1:${port}`, SMS_GATEWAY_URL: sms.url, SMS_USERNAME: 'edusso', SMS_PASSWORD: 'gateway-secret' } });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.cleanup();
    await sms?.close();
    await smtp.stop();
  });

  /** The newest code mailed to the address; the same code reached the mobile by SMS. */
  const codeFor = async (account: { email: string; mobile: string }, seen: number) => {
    const mail = await waitFor(`a code mail to ${account.email}`, () => smtp.mails.slice(seen).findLast((m) => m.to.includes(account.email) && /\d{6}/.test(m.text)));
    const code = /(\d{6})/.exec(mail.text)![1]!;
    await waitFor(`the same code by SMS to ${account.mobile}`, () => sms.received.some((r) => r.to.endsWith(account.mobile.slice(1)) && r.text.includes(code)));
    assert.deepEqual(sms.refused, [], 'every SMS in the gateway’s format');
    return code;
  };

  /** The whole code flow at `base`, with the error states on the way; returns the page at the end. */
  async function journey(lang: 'zh-TW' | 'en', base: string, account: { username: string; email: string; mobile: string }, label: string) {
    const seen = smtp.mails.length;
    await server.services.db.query(`DELETE FROM rate_limits`);
    // axe-core is injected as a script tag, which the site's strict CSP would refuse: the check runs with CSP bypassed.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const t = (zh: string, en: string) => (lang === 'en' ? en : zh);
    if (base === '/forgot-password/code') {
      await page.goto(`${server.issuer}/forgot-password?lang=${lang === 'en' ? 'en' : 'zh-TW'}`);
      await axe(page, `${label} choice`);
      await page.getByRole('link', { name: t('傳送驗證碼重設', 'Reset with a verification code') }).click();
    } else {
      await page.goto(`${server.issuer}${base}?new=1&lang=${lang === 'en' ? 'en' : 'zh-TW'}`);
    }
    await page.waitForURL(new RegExp(`${base}$`));
    await axe(page, `${label} account`);
    // Error state: the wrong captcha.
    await page.getByLabel(t('教育雲端帳號', 'Education Cloud account')).fill(account.username);
    await page.locator('#captcha').fill('999');
    await page.getByRole('button', { name: t('傳送認證碼', 'Send the code') }).click();
    await page.locator('.field-error').first().waitFor();
    await axe(page, `${label} account, wrong captcha`);
    await page.getByLabel(t('教育雲端帳號', 'Education Cloud account')).fill(account.username);
    await page.locator('#captcha').fill(TEST_CAPTCHA);
    await page.getByRole('button', { name: t('傳送認證碼', 'Send the code') }).click();
    await page.waitForURL(new RegExp(`${base}/code$`));
    assert.ok(await page.locator('button[value="resend"]').isDisabled(), '「傳送驗證碼」 locked during the cooldown');
    assert.match((await page.locator('[data-countdown]').textContent())!, /\d+/);
    await axe(page, `${label} code`);
    // Error state: a wrong code.
    const code = await codeFor(account, seen);
    await page.locator('#code').fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: t('開始驗證', 'Verify') }).click();
    await page.locator('#code-error').waitFor();
    await axe(page, `${label} code, wrong code`);
    await page.locator('#code').fill(code);
    await page.getByRole('button', { name: t('開始驗證', 'Verify') }).click();
    await page.waitForURL(new RegExp(`${base}/(reset|helpdesk)$`));
    return { page, context };
  }

  for (const lang of ['zh-TW', 'en'] as const) {
    test(`reset by code (${lang}): every page and error state passes axe; the eye toggle; done`, async () => {
      const { page, context } = await journey(lang, '/forgot-password/code', { username: 'demo.teacher', email: 'demo.teacher@example.edu.tw', mobile: '0912345678' }, `reset ${lang}`);
      await axe(page, `reset ${lang} new password`);
      const password = page.locator('#password');
      await password.fill('short');
      const eye = page.locator('[data-toggle-password="password"]');
      await eye.click();
      assert.equal(await password.getAttribute('type'), 'text');
      await page.locator('#password2').fill('short');
      await page.locator('button.primary[type="submit"]').click();
      await page.locator('#password-error, #password2-error').first().waitFor();
      await axe(page, `reset ${lang} new password, refused`);
      await page.locator('#password').fill(newPassword);
      await page.locator('#password2').fill(newPassword);
      await page.locator('button.primary[type="submit"]').click();
      await page.waitForURL(/\/forgot-password\/code\/done$/);
      await axe(page, `reset ${lang} done`);
      await context.close();
      await server.services.db.query(`UPDATE accounts SET password_locked_until = NULL`);
    });

    test(`re-activation (${lang}): every page passes axe; the account ends active; an administrator-disabled one sees the helpdesk page`, async () => {
      const staff = (await server.services.accounts.findByUsername('demo.staff'))!;
      await server.services.accounts.disable(staff.id, 'inactive');
      const { page, context } = await journey(lang, '/activate', { username: 'demo.staff', email: 'demo.staff@example.edu.tw', mobile: '0923456789' }, `activation ${lang}`);
      await axe(page, `activation ${lang} new password`);
      await page.locator('#password').fill(newPassword);
      await page.locator('#password2').fill(newPassword);
      await page.locator('button.primary[type="submit"]').click();
      await page.waitForURL(/\/activate\/done$/);
      await axe(page, `activation ${lang} done`);
      assert.equal((await server.services.accounts.findById(staff.id))!.status, 'active');
      await context.close();

      await server.services.accounts.disable(staff.id, 'admin');
      const admin = await journey(lang, '/activate', { username: 'demo.staff', email: 'demo.staff@example.edu.tw', mobile: '0923456789' }, `activation ${lang} admin`);
      assert.match(admin.page.url(), /\/activate\/helpdesk$/);
      await axe(admin.page, `activation ${lang} helpdesk`);
      await admin.context.close();
      await server.services.accounts.activate(staff.id);
    });
  }

  test('an expired flow page passes axe', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.issuer}/activate/reset`);
    await axe(page, 'expired');
    await context.close();
  });
});
