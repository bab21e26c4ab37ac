import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { axe } from './support/axe.ts';
import { overflow, tabTo } from './support/browser-console.ts';
import { browserSkipReason, launchBrowser } from './support/browser.ts';
import { startServer, TEST_CAPTCHA, type TestServer } from './support/server.ts';
import { startSmsGateway } from './support/sms-gateway.ts';
import { SmtpCapture } from './support/smtp-capture.ts';
import { waitFor } from './support/wait.ts';

const teacher = { username: 'demo.teacher', password: 'Teach#2026sso', email: 'demo.teacher@example.edu.tw', mobile: '0912345678' };

/** No WCAG 2.1 A/AA violation, and nothing scrolls sideways on the 360 px screen. */
async function check(page: Page, label: string) {
  await axe(page, label);
  const wider = await overflow(page);
  assert.ok(wider <= 0, `${label}: scrolls sideways by ${wider}px at 360 px`);
}

describe('查閱個人資料 and the contact change in Chromium on a 360 px screen, with axe-core on every page and error state', { skip: browserSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;
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

  for (const [lang, newEmail, newMobile] of [['zh-TW', 'teacher.zh@example.com', '0933000111'], ['en', 'teacher.en@example.com', '0933000222']] as const) {
    test(`${lang}: profile → password asked again → form (keyboard only) → codes → 資料更新成功 → 確定 → the new values`, async () => {
      const t = (zh: string, en: string) => (lang === 'en' ? en : zh);
      await server.services.db.query(`DELETE FROM rate_limits`);
      const context = await browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      await page.goto(`${server.issuer}/login?lang=zh-TW`);
      await page.getByLabel('教育雲端帳號').fill(teacher.username);
      await page.locator('#password').fill(teacher.password);
      await page.getByLabel('驗證碼', { exact: true }).fill(TEST_CAPTCHA);
      await page.getByRole('button', { name: '登入', exact: true }).click();
      await page.waitForURL(/\/account$/);
      await page.goto(`${server.issuer}/account?lang=${lang}`);
      await check(page, `${lang} profile`);
      const before = (await server.services.accounts.findByUsername(teacher.username))!;
      assert.ok(await page.getByText(before.email!).isVisible());

      // Signed in longer than 5 minutes ago: the password is asked again.
      await server.services.db.query(`UPDATE web_sessions SET authenticated_at = now() - interval '10 minutes'`);
      await page.getByRole('link', { name: t('修改備用電子郵件信箱/行動電話', 'Change backup email / mobile phone') }).click();
      await page.waitForURL(/\/account\/confirm\?next=%2Faccount%2Fcontacts$/);
      await check(page, `${lang} password question`);
      await page.locator('#password').fill('Wrong#2026sso');
      await page.getByRole('button', { name: t('確認', 'Confirm') }).click();
      await page.locator('#password-error').waitFor();
      await check(page, `${lang} password refused`);
      await page.locator('#password').fill(teacher.password);
      await page.getByRole('button', { name: t('確認', 'Confirm') }).click();
      await page.waitForURL(/\/account\/contacts$/);
      await page.locator('#email').waitFor();
      await check(page, `${lang} form`);
      await page.getByRole('button', { name: t('儲存變更', 'Save changes') }).click();
      await page.locator('#form-error').waitFor();
      assert.equal(await page.locator('#form-error').textContent(), t('資料沒有變更。', 'Nothing was changed.'));
      await check(page, `${lang} form, nothing changed`);

      // Keyboard only: a malformed email first, then the new values.
      await tabTo(page, '#email');
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type('not-an-email');
      await tabTo(page, 'button.primary[type="submit"]');
      await page.keyboard.press('Enter');
      await page.locator('#email-error').waitFor();
      await check(page, `${lang} form, bad email`);
      assert.equal((await server.services.accounts.findById(before.id))!.email, before.email, 'nothing changed');
      await tabTo(page, '#email');
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type(newEmail);
      await tabTo(page, '#mobile');
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type(newMobile);
      const mails = smtp.mails.length;
      const texts = sms.received.length;
      await tabTo(page, 'button.primary[type="submit"]');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/account\/contacts\/codes$/);
      await check(page, `${lang} codes`);
      const emailCode = /(\d{6})/.exec((await waitFor('the email code', () => smtp.mails.slice(mails).find((m) => m.to.includes(newEmail)))).text)![1]!;
      const smsCode = /(\d{6})/.exec((await waitFor('the SMS code', () => sms.received.slice(texts).find((m) => m.to === newMobile))).text)![1]!;

      await page.locator('#email_code').fill(emailCode === '000000' ? '111111' : '000000');
      await page.locator('#sms_code').fill(smsCode);
      await page.getByRole('button', { name: t('開始驗證', 'Verify') }).click();
      await page.locator('#email_code-error').waitFor();
      await check(page, `${lang} codes, wrong email code`);
      assert.equal((await server.services.accounts.findById(before.id))!.email, before.email, 'nothing changed');
      await page.locator('#email_code').fill(emailCode);
      await page.getByRole('button', { name: t('開始驗證', 'Verify') }).click();
      await page.waitForURL(/\/account\/contacts\/done$/);
      await check(page, `${lang} done`);
      assert.ok(await page.getByText(t('資料更新成功', 'Your data was updated.')).isVisible());
      await page.getByRole('link', { name: t('確定', 'OK') }).click();
      await page.waitForURL(/\/account$/);
      assert.ok(await page.getByText(newEmail).isVisible());
      assert.ok(await page.getByText(newMobile).isVisible());
      await waitFor('the notice to the old email', () => smtp.mails.slice(mails).find((m) => m.to.includes(before.email!) && !/\d{6}/.test(m.text)));
      await context.close();
    });
  }
});
