import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { axe, overflow, signInPage, tabTo } from './support/browser-console.ts';
import { browserSkipReason } from './support/browser.ts';
import { serverAndBrowser } from './support/browser-suite.ts';
import type { TestServer } from './support/server.ts';

const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1';

describe('登入中的裝置 in Chromium: two browsers of one account, axe-core on every page and state', { skip: browserSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;
  serverAndBrowser((s, b) => ((server = s), (browser = b)));

  for (const lang of ['zh-TW', 'en'] as const) {
    test(`(${lang}) the first browser lists both, ends the second by keyboard; the second is signed out; 登出其他所有裝置; 360 px holds`, async () => {
      const t = (zh: string, en: string) => (lang === 'en' ? en : zh);
      await server.services.db.query(`DELETE FROM web_sessions`);
      // The first browser is a 360 px phone; the second says it is an iPhone.
      const first = await browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 } });
      const second = await browser.newContext({ bypassCSP: true, userAgent: iphone });
      const a = await first.newPage();
      const b = await second.newPage();
      await signInPage(a, server.issuer, lang, 'demo.teacher', 'Teach#2026sso');
      await signInPage(b, server.issuer, lang, 'demo.teacher', 'Teach#2026sso');

      await a.goto(`${server.issuer}/account/sessions`);
      await axe(a, `${lang} list`);
      assert.equal(await overflow(a), 0, 'no sideways scrolling at 360 px');
      const cards = a.locator('.console-page section.card');
      assert.equal(await cards.count(), 2, 'both browsers listed');
      assert.ok((await cards.first().textContent())!.includes(t('目前使用中', 'This device')), 'this one first, marked');
      assert.ok((await cards.nth(1).textContent())!.includes('iOS 17.1'), 'the other, by its system');

      // 「登出」 beside the second, reached and pressed with the keyboard.
      await tabTo(a, '.console-page section.card button[type="submit"]');
      await a.keyboard.press('Enter');
      await a.waitForURL(/done=ended$/);
      assert.ok((await a.getByRole('status').textContent())!.includes(t('已登出該裝置。', 'That device was signed out.')));
      await axe(a, `${lang} one ended`);
      assert.equal(await a.locator('.console-page section.card').count(), 1);

      await b.goto(`${server.issuer}/account/sessions`);
      await b.waitForURL(/\/login\?next=/);
      assert.ok(b.url().endsWith('/login?next=%2Faccount%2Fsessions'), 'the second browser is signed out on its next page load');

      // Error state: a device already gone.
      await a.goto(`${server.issuer}/account/sessions?done=gone`);
      assert.ok((await a.getByRole('alert').textContent())!.includes(t('沒有任何變更', 'nothing was changed')));
      await axe(a, `${lang} gone`);

      // Signed in again on the second: 「登出其他所有裝置」.
      await signInPage(b, server.issuer, lang, 'demo.teacher', 'Teach#2026sso');
      await a.goto(`${server.issuer}/account/sessions`);
      await a.getByRole('button', { name: t('登出其他所有裝置', 'Sign out every other device') }).click();
      await a.waitForURL(/done=others&count=1$/);
      await axe(a, `${lang} others ended`);
      assert.equal(await overflow(a), 0);
      await b.goto(`${server.issuer}/account/sessions`);
      await b.waitForURL(/\/login\?next=/);
      await first.close();
      await second.close();
    });
  }
});
