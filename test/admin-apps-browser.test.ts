import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { adminSignInPage, adminUser } from './support/admin.ts';
import { browserSkipReason } from './support/browser.ts';
import { serverAndBrowser, holds } from './support/browser-suite.ts';
import { tabTo } from './support/browser-console.ts';
import { oathtoolSkipReason } from './support/oathtool.ts';
import type { TestServer } from './support/server.ts';

const T = {
  'zh-TW': { register: '登錄應用服務', name: '應用服務名稱', redirect: '重新導向網址', copyNow: '請立即複製', badUrl: '重新導向網址須為', rotateConfirm: '我了解舊密鑰會立即失效', disabled: '已停用', toApp: '前往此應用服務的設定' },
  en: { register: 'Register an application', name: 'Application name', redirect: 'Redirect URLs', copyNow: 'Copy the secret below now', badUrl: 'Each redirect URL must be', rotateConfirm: 'I understand the old secret stops working', disabled: 'Disabled', toApp: 'Go to this application’s settings' },
} as const;


describe('a system administrator manages applications in Chromium at 360 px (zh-TW and English)', { skip: browserSkipReason() || oathtoolSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;
  serverAndBrowser((s, b) => ((server = s), (browser = b)));

  for (const lang of ['zh-TW', 'en'] as const) {
    test(`register, see the secret once, rotate it, disable the application (${lang})`, async () => {
      const t = T[lang];
      const user = await adminUser(server, `apps.browser.${lang === 'en' ? 'en' : 'zh'}`, 'system-admin');
      const context = await browser.newContext({ viewport: { width: 360, height: 800 }, bypassCSP: true });
      const page = await context.newPage();
      await adminSignInPage(page, server, user, lang, '/admin/apps');
      await holds(page, `apps list ${lang}`);

      // Keyboard: the register link, then the form's fields and its button.
      await tabTo(page, 'a[href="/admin/apps/new"]');
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => u.pathname === '/admin/apps/new');
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), t.register);
      await holds(page, `register form ${lang}`);

      const name = `校務系統 ${lang}`;
      await tabTo(page, '#f-name');
      await page.keyboard.type(name);
      await page.getByLabel(t.redirect).fill('javascript:alert(1)');
      await tabTo(page, 'button.primary');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.error-summary');
      assert.ok((await page.locator('.error-summary').textContent())!.includes(t.badUrl));
      assert.equal(await page.getByLabel(t.redirect).getAttribute('aria-invalid'), 'true');
      assert.equal(await page.getByLabel(t.name).inputValue(), name, 'what was typed is kept');
      await holds(page, `register form with an error ${lang}`);
      assert.equal((await server.services.clientAdmin.list()).some((c) => c.name === name), false, 'nothing registered');

      await page.getByLabel(t.redirect).fill('https://school.example/callback');
      await page.locator('button.primary').click();
      await page.waitForSelector('#client-secret');
      assert.ok((await page.locator('.secret-once').textContent())!.includes(t.copyNow));
      const secret = await page.locator('#client-secret').inputValue();
      const clientId = (await page.locator('#client-id').textContent())!;
      assert.ok(secret.length >= 32);
      await holds(page, `secret shown once ${lang}`);

      await page.getByRole('link', { name: t.toApp }).click();
      await page.waitForURL((u) => u.pathname === `/admin/apps/${clientId}`);
      assert.equal((await page.content()).includes(secret), false, 'the secret is not shown again');
      await holds(page, `application page ${lang}`);

      // Without the confirmation (the browser's own check taken away, as a script-less client might post): refused, shown.
      await page.evaluate(`document.getElementById('confirm-rotate').removeAttribute('required')`);
      await page.locator(`form[action="/admin/apps/${clientId}/rotate-secret"] button`).click();
      await page.waitForSelector('#confirm-rotate-error');
      assert.equal((await server.services.clientAdmin.find(clientId))?.metadata.client_secret, secret, 'not rotated without the confirmation');
      await holds(page, `rotate without confirmation ${lang}`);

      await page.getByLabel(t.rotateConfirm).check();
      await page.locator(`form[action="/admin/apps/${clientId}/rotate-secret"] button`).click();
      await page.waitForSelector('#client-secret');
      const rotated = await page.locator('#client-secret').inputValue();
      assert.notEqual(rotated, secret);
      assert.equal((await server.services.clientAdmin.find(clientId))?.metadata.client_secret, rotated);
      await holds(page, `rotated secret ${lang}`);

      await page.goto(`${server.issuer}/admin/apps/${clientId}`);
      await page.locator(`form[action="/admin/apps/${clientId}/disable"] button`).click();
      await page.waitForURL((u) => u.search === '?done=disabled');
      assert.ok((await page.locator('.notice').textContent())!.length > 0);
      assert.equal((await server.services.clientAdmin.find(clientId))?.metadata.disabled, true);
      await holds(page, `disabled application ${lang}`);

      await page.goto(`${server.issuer}/admin/apps`);
      const row = page.locator('tr', { hasText: name });
      assert.ok((await row.textContent())!.includes(t.disabled));
      await holds(page, `apps list with applications ${lang}`);

      // The county providers' pages, empty and with a refused form.
      await page.goto(`${server.issuer}/admin/counties`);
      await holds(page, `counties list ${lang}`);
      await page.goto(`${server.issuer}/admin/counties/new`);
      await holds(page, `county form ${lang}`);
      await page.locator('button.primary').click();
      await page.waitForSelector('.error-summary');
      await holds(page, `county form with errors ${lang}`);
      await context.close();
    });
  }
});
