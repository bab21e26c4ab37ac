import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { randomIdNumber } from '../src/domain/national-id.ts';
import { hashPassword } from '../src/security/password.ts';
import { axeViolations } from './support/axe.ts';
import { browserSkipReason, launchBrowser } from './support/browser.ts';
import { startServer, TEST_CAPTCHA, type TestServer } from './support/server.ts';

const KNOWN_ID = 'E123456783';
describe('忘記帳號 and 聯絡我們 in Chromium, with axe-core on every page', { skip: browserSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;
  let address = 0;
  before(async () => {
    server = await startServer({ env: { TRUST_PROXY: 'true', HELPDESK_EMAIL: 'helpdesk@example.edu.tw' } });
    browser = await launchBrowser();
    const s = server.services;
    await s.accounts.create({
      username: 'browser.forgetful',
      passwordHash: await hashPassword('Known#Pass2026'),
      displayName: '林美玲',
      email: 'browser.forgetful@example.edu.tw',
      emailVerified: true,
      personIdHash: s.pii.idHash(KNOWN_ID),
      personIdSealed: s.pii.seal(KNOWN_ID),
    });
  });
  after(async () => {
    await browser?.close();
    await server?.cleanup();
  });

  /** A page of its own address (limits are per address), able to take axe-core's script under the site's CSP. */
  async function newPage(lang: 'zh-TW' | 'en') {
    const context = await browser.newContext({ bypassCSP: true, extraHTTPHeaders: { 'x-forwarded-for': `192.0.2.${++address}` } });
    const page = await context.newPage();
    await page.goto(`${server.issuer}/?lang=${lang}`);
    return page;
  }

  for (const lang of ['zh-TW', 'en'] as const) {
    test(`forgot account journey (${lang}): the choice, errors, no account, the account found`, async () => {
      const page = await newPage(lang);
      const found: string[] = [];
      await page.locator('.menu a[href="/forgot-account"]').click();
      await page.waitForURL(/\/forgot-account$/);
      found.push(...(await axeViolations(page)));

      await page.locator('a[href="/county?purpose=forgot-account"]').click();
      found.push(...(await axeViolations(page)));
      await page.locator('a[href="/forgot-account/id"]').click();
      await page.waitForURL(/\/forgot-account\/id$/);
      found.push(...(await axeViolations(page)));

      // Error states: a malformed number, then a wrong captcha.
      await page.locator('#id_number').fill('A123456780');
      await page.locator('#captcha').fill(TEST_CAPTCHA);
      await page.locator('button.primary[value="lookup"]').click();
      await page.locator('#id_number-error').waitFor();
      found.push(...(await axeViolations(page)));
      await page.locator('#id_number').fill(randomIdNumber());
      await page.locator('#captcha').fill('999');
      await page.locator('button.primary[value="lookup"]').click();
      await page.locator('#form-error').waitFor();
      found.push(...(await axeViolations(page)));

      // A number without an account.
      await page.locator('#captcha').fill(TEST_CAPTCHA);
      await page.locator('button.primary[value="lookup"]').click();
      await page.locator('main [role="status"]').waitFor();
      assert.match((await page.locator('main').textContent())!, lang === 'en' ? /No Education Cloud account matches/ : /查無對應的教育雲端帳號/);
      found.push(...(await axeViolations(page)));

      // The account: 帳號取得 → the name, with 登入 and 忘記密碼.
      await page.goto(`${server.issuer}/forgot-account/id`);
      await page.locator('#id_number').fill(KNOWN_ID);
      await page.locator('#captcha').fill(TEST_CAPTCHA);
      await page.getByRole('button', { name: lang === 'en' ? 'Get my account' : '帳號取得' }).click();
      assert.equal(await page.locator('.account-name').textContent(), 'browser.forgetful');
      assert.ok(await page.locator('main a[href="/login"]').isVisible());
      assert.ok(await page.locator('main a[href="/forgot-password"]').isVisible());
      found.push(...(await axeViolations(page)));
      assert.deepEqual(found, []);
      await page.context().close();
    });

    test(`contact journey (${lang}): the form, its errors, 送出 and the ticket number`, async () => {
      const page = await newPage(lang);
      const found: string[] = [];
      await page.locator('.menu a[href="/contact"]').click();
      await page.waitForURL(/\/contact$/);
      found.push(...(await axeViolations(page)));
      await page.goto(`${server.issuer}/contact?category=no-code`);
      assert.equal(await page.locator('#category').inputValue(), 'no-code');
      const template = await page.locator('#description').inputValue();
      assert.ok(template.length > 10, 'the template');
      // Another category swaps the untouched template.
      await page.locator('#category').selectOption('account');
      assert.notEqual(await page.locator('#description').inputValue(), template);
      await page.locator('#category').selectOption('no-code');
      assert.equal(await page.locator('#description').inputValue(), template);
      found.push(...(await axeViolations(page)));

      // Error state: an invalid contact, the rest empty.
      await page.locator('#contact').fill('not-an-address');
      await page.locator('#description').fill('');
      await page.locator('#captcha').fill(TEST_CAPTCHA);
      await page.locator('button.primary[value="send"]').click();
      await page.locator('#contact-error').waitFor();
      found.push(...(await axeViolations(page)));

      await page.locator('#who').fill(KNOWN_ID);
      await page.locator('#name').fill('林美玲');
      await page.locator('#contact').fill('0912345678');
      await page.locator('#description').fill(lang === 'en' ? 'No SMS arrives' : '收不到簡訊');
      await page.locator('#captcha').fill(TEST_CAPTCHA);
      await page.locator('button.primary[value="send"]').click();
      await page.locator('main [role="status"]').waitFor();
      assert.match((await page.locator('main').textContent())!, lang === 'en' ? /case \d+/ : /案件編號 \d+/);
      assert.ok(await page.locator('main a[href="/register"]').isVisible());
      assert.ok(await page.locator('main a[href="/login"]').isVisible());
      found.push(...(await axeViolations(page)));
      assert.deepEqual(found, []);
      await page.context().close();
    });
  }
});
