import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { browserSkipReason } from './support/browser.ts';
import { serverAndBrowser } from './support/browser-suite.ts';
import type { TestServer } from './support/server.ts';

// Runs in the page (a string: this project's types have no DOM).
const measureScript = `(() => {
  const header = document.querySelector('.site-header');
  const labels = [...header.querySelectorAll('a, .menu-title')].map((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    return { text: el.textContent.trim(), lines: lines.size };
  });
  return {
    headerHeight: header.getBoundingClientRect().height,
    viewportHeight: window.innerHeight,
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    wrapped: labels.filter((l) => l.lines > 1).map((l) => l.text),
  };
})()`;

/**
 * What a 360 px phone shows: the header's height, any sideways scrolling, and labels broken inside themselves.
 * Meaningful with a CJK font installed (Debian: fonts-wqy-microhei or fonts-noto-cjk), as on every phone.
 */
const measure = (page: Page) =>
  page.evaluate(measureScript) as Promise<{ headerHeight: number; viewportHeight: number; overflow: number; wrapped: string[] }>;

describe('pages on a 360 px phone in Chromium', { skip: browserSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;
  serverAndBrowser((s, b) => ((server = s), (browser = b)));

  for (const lang of ['zh-TW', 'en'] as const) {
    test(`${lang}: the header is compact, no label breaks inside itself, nothing scrolls sideways`, async () => {
      const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
      for (const path of ['/', '/login', '/register', '/county?purpose=reset-password', '/forgot-account', '/forgot-account/id', '/contact']) {
        await page.goto(`${server.issuer}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
        const m = await measure(page);
        assert.deepEqual(m.wrapped, [], `${path}: labels wrapped inside themselves`);
        assert.ok(m.overflow <= 0, `${path}: scrolls sideways by ${m.overflow}px`);
        // Chinese labels are short; English ones take one more line, still well under a quarter of the screen.
        const limit = lang === 'zh-TW' ? 0.15 : 0.2;
        assert.ok(m.headerHeight < m.viewportHeight * limit, `${path}: header is ${m.headerHeight}px of ${m.viewportHeight}px`);
      }
      await page.close();
    });
  }

  test('the language switch keeps the page: 忘記密碼 stays the county reset page in English', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${server.issuer}/county?purpose=reset-password&lang=zh-TW`);
    const zhTitle = await page.locator('h1').textContent();
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/lang=en/);
    const url = new URL(page.url());
    assert.equal(url.pathname, '/county');
    assert.equal(url.searchParams.get('purpose'), 'reset-password');
    assert.equal(await page.locator('h1').textContent(), 'Reset with a county account');
    assert.notEqual(zhTitle, 'Reset with a county account');
    // No county is configured here: the page says so, in English, and points to the other way.
    assert.ok(await page.getByText('No county offers county accounts yet.').isVisible());
    await page.getByRole('link', { name: '中文' }).click();
    await page.waitForURL(/lang=zh-TW/);
    assert.equal(new URL(page.url()).searchParams.get('purpose'), 'reset-password');
    await page.close();
  });

  test('the eye and speaker icons draw without an emoji font and are named', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${server.issuer}/login?lang=zh-TW`);
    const eye = page.getByRole('button', { name: '顯示密碼' });
    const speaker = page.getByRole('button', { name: '播放語音驗證碼' }); // site.js makes the link a button
    for (const control of [eye, speaker]) {
      const box = await control.locator('svg').boundingBox();
      assert.ok(box && box.width >= 16 && box.height >= 16, 'icon has a visible size');
    }
    await page.close();
  });
});
