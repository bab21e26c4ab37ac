import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { adminSignInPage, adminUser } from './support/admin.ts';
import { browserSkipReason } from './support/browser.ts';
import { serverAndBrowser } from './support/browser-suite.ts';
import { axe, overflow } from './support/browser-console.ts';
import { oathtoolSkipReason } from './support/oathtool.ts';
import type { TestServer } from './support/server.ts';

describe('the administration console’s frame in Chromium at 360 px: menu by role, axe', { skip: browserSkipReason() || oathtoolSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;
  serverAndBrowser((s, b) => ((server = s), (browser = b)));

  for (const lang of ['zh-TW', 'en'] as const) {
    test(`a school administrator sees only the school's pages (${lang})`, async () => {
      const user = await adminUser(server, `school.${lang === 'en' ? 'en' : 'zh'}`, 'school-admin', { school: '094601' });
      const context = await browser.newContext({ viewport: { width: 360, height: 800 }, bypassCSP: true });
      const page = await context.newPage();
      await adminSignInPage(page, server, user, lang);
      const menu = await page.getByRole('navigation', { name: lang === 'en' ? 'Console menu' : '管理後台選單' }).getByRole('link').allTextContents();
      assert.deepEqual(menu, lang === 'en' ? ['Overview', 'Accounts', 'Source data', 'Student accounts'] : ['總覽', '帳號查詢', '來源資料', '學生帳號']);
      assert.equal(await overflow(page), 0);
      await axe(page, `admin home ${lang}`);
      await context.close();
    });
  }
});
