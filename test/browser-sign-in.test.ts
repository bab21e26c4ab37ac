import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { demoAccounts } from '../src/seed/demo.ts';
import { browserSkipReason } from './support/browser.ts';
import { serverAndBrowser } from './support/browser-suite.ts';
import { TEST_CAPTCHA, type TestServer } from './support/server.ts';

const teacher = demoAccounts[0];

describe('a teacher signs in to the demo application in Chromium', { skip: browserSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;
  serverAndBrowser((s, b) => ((server = s), (browser = b)));

  test('demo → 登入 → login form → consent → claims, userinfo and eduinfo shown', async () => {
    const page = await browser.newPage();
    const cspViolations: string[] = [];
    page.on('console', (m) => m.text().includes('Content Security Policy') && cspViolations.push(m.text()));
    await page.goto(`${server.issuer}/demo`);
    await page.getByRole('link', { name: '登入' }).last().click();
    await page.waitForURL(/\/interaction\//);

    assert.equal(await page.title(), '登入 - 教育體系單一簽入服務');
    await page.getByLabel('教育雲端帳號').fill(`${teacher.username}@mail.edu.tw`);
    const password = page.locator('#password');
    await password.fill(teacher.password);
    // The eye toggle reveals the password and hides it again.
    const eye = page.getByRole('button', { name: '顯示密碼' });
    await eye.click();
    assert.equal(await password.getAttribute('type'), 'text');
    assert.equal(await eye.getAttribute('aria-pressed'), 'true');
    await eye.click();
    assert.equal(await password.getAttribute('type'), 'password');

    // The captcha picture is a real PNG served for this challenge.
    const img = page.locator('img.captcha-img');
    const naturalWidth = await img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth);
    assert.ok(naturalWidth && naturalWidth > 0, 'captcha image rendered');
    // 「換下一個」 swaps in a new challenge without reloading.
    const before = await page.locator('input[name="captcha_id"]').inputValue();
    await page.getByRole('button', { name: '換下一個' }).click();
    await page.waitForFunction(
      (old: string) => (globalThis as any).document.querySelector('input[name="captcha_id"]').value !== old,
      before,
    );

    await page.getByLabel('驗證碼', { exact: true }).fill(TEST_CAPTCHA);
    await page.getByRole('button', { name: '登入', exact: true }).click();

    await page.getByRole('button', { name: '同意授權' }).click();
    await page.waitForURL(/\/demo\/callback/);
    const claims = JSON.parse((await page.locator('#id-token-claims').textContent())!);
    const userinfo = JSON.parse((await page.locator('#userinfo').textContent())!);
    const eduinfo = JSON.parse((await page.locator('#eduinfo').textContent())!);
    assert.equal(claims.preferred_username, teacher.username);
    assert.equal(userinfo.name, teacher.displayName);
    assert.equal(eduinfo.schoolid, teacher.affiliation.schoolCode);
    assert.equal(eduinfo.titles[0].titles[0], '教師');

    // Signing out with the application's ID token asks nothing and ends the SSO site's session too.
    await page.getByRole('link', { name: '登出' }).last().click();
    await page.waitForURL(`${server.issuer}/demo`);
    await page.goto(`${server.issuer}/account`);
    await page.waitForURL(/\/login/);
    assert.deepEqual(cspViolations, []);
  });

  test('the speaker plays the captcha as a valid WAV', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.issuer}/login`);
    const href = await page.locator('[data-audio]').getAttribute('href');
    const res = await page.request.get(new URL(href!, server.issuer).href);
    assert.equal(res.status(), 200);
    assert.equal(res.headers()['content-type'], 'audio/wav');
    const wav = await res.body();
    assert.equal(wav.subarray(0, 4).toString('ascii'), 'RIFF');
    assert.equal(wav.subarray(8, 12).toString('ascii'), 'WAVE');
    assert.equal(wav.readUInt32LE(4), wav.length - 8);
    assert.ok(wav.length > 8000, 'three spoken digits');
  });
});
