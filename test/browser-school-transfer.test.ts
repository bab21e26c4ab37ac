import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { demoAccounts, demoMovedPeople } from '../src/seed/demo.ts';
import { axe } from './support/axe.ts';
import { browserSkipReason } from './support/browser.ts';
import { serverAndBrowser } from './support/browser-suite.ts';
import { TEST_CAPTCHA, type TestServer } from './support/server.ts';

const teacher = demoAccounts[0];
const moved = demoMovedPeople[0];

describe('更新個人資料 in Chromium, with axe-core on every page and error state', { skip: browserSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;
  serverAndBrowser((s, b) => ((server = s), (browser = b)));

  const pickSchool = async (page: Page, code: string) => {
    await page.selectOption('#county', '10009000');
    await page.locator('#district option[value="10009010"]').waitFor({ state: 'attached' });
    await page.selectOption('#district', '10009010');
    await page.locator('#level option[value="國小"]').waitFor({ state: 'attached' });
    await page.selectOption('#level', '國小');
    await page.locator(`#school option[value="${code}"]`).waitFor({ state: 'attached' });
    await page.selectOption('#school', code);
  };

  for (const lang of ['zh-TW', 'en'] as const) {
    test(`${lang}: sign in, the password again, errors, no record, 目前資料 beside 來源資料, 更新 by keyboard, 360 px wide`, async () => {
      const account = (await server.services.accounts.findByUsername(teacher.username))!;
      await server.services.store.transaction((r) => r.accounts.replaceAffiliations(account.id, [{ ...teacher.affiliation, titles: [...teacher.affiliation.titles], classes: [...teacher.affiliation.classes] }]));
      await server.services.db.query(`DELETE FROM rate_limits`);
      const t = (zh: string, en: string) => (lang === 'en' ? en : zh);
      const context = await browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 800 } });
      const page = await context.newPage();

      // The menu entry sends a signed-out person to the login page, which comes back here.
      await page.goto(`${server.issuer}/account/school?lang=${lang}`);
      await page.waitForURL(/\/login\?next=/);
      await page.locator('#account').fill(teacher.username);
      await page.locator('#password').fill(teacher.password);
      await page.locator('#captcha').fill(TEST_CAPTCHA);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/account\/school(\?|$)/);
      await page.locator('#id_number').waitFor();

      // Credentials older than 5 minutes: the password again, with its error state.
      await server.services.db.query(`UPDATE web_sessions SET authenticated_at = now() - interval '6 minutes'`);
      await page.reload();
      await page.waitForURL(/\/account\/confirm\?next=%2Faccount%2Fschool/);
      assert.equal(await page.locator('#account').inputValue(), teacher.username);
      await page.locator('#password').fill('Wrong#Pass123');
      await page.keyboard.press('Enter');
      await page.locator('#password-error').waitFor();
      await page.locator('#password').fill(teacher.password);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/account\/school(\?|$)/);
      await page.locator('#id_number').waitFor();
      await axe(page, `${lang} query`);

      // Error states: nothing chosen, then the own number at a school without a record.
      await page.getByRole('button', { name: t('查詢', 'Search') }).click();
      await page.locator('#school-error').waitFor();
      assert.equal(await page.locator('#id_number').getAttribute('aria-invalid'), 'true');
      await axe(page, `${lang} query, fields missing`);
      await pickSchool(page, '094603');
      await page.locator('#id_number').fill(moved.idNumber);
      await page.keyboard.press('Enter');
      await page.getByRole('link', { name: t('聯絡我們', 'Contact us') }).first().waitFor();
      assert.ok((await page.locator('#form-error').textContent())!.includes(t('請洽貴校人事', 'personnel office')));
      await axe(page, `${lang} query, no record`);

      // The own record: 目前資料 beside 來源資料, then 「更新」 with the keyboard alone.
      await pickSchool(page, moved.schoolCode);
      await page.locator('#id_number').fill(moved.idNumber);
      await page.keyboard.press('Enter');
      const table = page.getByRole('table', { name: t('目前資料與來源資料', 'Current data and source record') });
      await table.waitFor();
      assert.equal(await page.getByRole('columnheader', { name: t('目前資料', 'Current data') }).count(), 1);
      assert.match((await table.textContent())!, /縣立鎮西國小[\s\S]*縣立鎮東國小/);
      assert.ok(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth'), 'no sideways scrolling at 360 px');
      await axe(page, `${lang} compare`);
      // Tab until 「更新」 has the focus (its form's action ends in /update), then Enter.
      const onUpdate = () => page.evaluate(`document.activeElement?.closest('form')?.getAttribute('action') === '/account/school/update' && document.activeElement.type === 'submit'`);
      for (let i = 0; i < 40 && !(await onUpdate()); i++) await page.keyboard.press('Tab');
      assert.ok(await onUpdate(), '「更新」 is reachable with Tab');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: t('更新成功', 'Updated') }).waitFor();
      await axe(page, `${lang} done`);
      await page.getByRole('link', { name: t('確定', 'OK') }).click();
      await page.waitForURL(/\/account$/);
      assert.match((await page.locator('main').textContent())!, /縣立鎮東國小/);
      assert.deepEqual((await server.services.accounts.affiliations(account.id)).map((a) => a.schoolCode), [moved.schoolCode]);
      await context.close();
    });
  }
});
