import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { randomIdNumber } from '../src/domain/national-id.ts';
import { adminSignInPage, adminUser } from './support/admin.ts';
import { browserSkipReason } from './support/browser.ts';
import { serverAndBrowser, holds } from './support/browser-suite.ts';
import { tabTo } from './support/browser-console.ts';
import { oathtoolSkipReason } from './support/oathtool.ts';
import type { TestServer } from './support/server.ts';

const HEADER = 'school_code,id_number,name,birthday,identity,titles';


describe('the directory area in Chromium at 360 px: a school administrator’s source data, uploads; the school directory', { skip: browserSkipReason() || oathtoolSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;
  serverAndBrowser((s, b) => ((server = s), (browser = b)));

  for (const lang of ['zh-TW', 'en'] as const) {
    const en = lang === 'en';
    test(`a school administrator: list → add (an error first) → upload with a bad row → fix → commit (${lang})`, async () => {
      const user = await adminUser(server, `school.dir.${en ? 'en' : 'zh'}`, 'school-admin', { school: '094601' });
      const context = await browser.newContext({ viewport: { width: 360, height: 800 }, bypassCSP: true });
      const page = await context.newPage();
      await adminSignInPage(page, server, user, lang, '/admin/people');
      await page.getByRole('heading', { name: en ? 'Source data of 縣立鎮西國小 (094601)' : '縣立鎮西國小（094601）的來源資料' }).waitFor();
      await holds(page, `people list ${lang}`);

      // Add a record by keyboard, with an impossible birthday first.
      const id = randomIdNumber();
      await tabTo(page, '#idNumber');
      await page.keyboard.type(id);
      await tabTo(page, '#name');
      await page.keyboard.type(en ? '林測試' : '林測驗');
      await tabTo(page, '#birthday');
      await page.keyboard.type('1985/2/30');
      await page.locator('#identity').selectOption('教師');
      await tabTo(page, 'form[action$="/add"] button[type=submit]');
      await page.keyboard.press('Enter');
      await page.locator('#birthday-error').waitFor();
      assert.match(await page.locator('#birthday-error').innerText(), en ? /does not exist/ : /日期不存在/);
      assert.equal(await page.locator('#birthday').getAttribute('aria-invalid'), 'true');
      await holds(page, `add error ${lang}`);
      await page.locator('#birthday').fill('1985/2/3');
      await page.locator('form[action$="/add"] button[type=submit]').click();
      await page.getByRole('status').filter({ hasText: en ? 'was added' : '已新增' }).waitFor();
      const masked = `${id.slice(0, 2)}******${id.slice(-2)}`;
      assert.ok(await page.getByRole('cell', { name: masked }).isVisible(), 'the new record is listed, masked');
      assert.ok(!(await page.content()).includes(id));
      await holds(page, `added ${lang}`);

      // The correction form of that record.
      await page.getByRole('link', { name: en ? `Correct ${en ? '林測試' : '林測驗'}` : '更正 林測驗' }).click();
      await page.locator('#name').waitFor();
      await holds(page, `correct form ${lang}`);
      await page.locator('#titles').fill(en ? 'Teacher;Advisor' : '導師;組長');
      await page.locator('form button.primary').click();
      await page.getByRole('status').filter({ hasText: en ? 'was corrected' : '已更正' }).waitFor();

      // An upload with a bad row: the preview lists it and offers no commit.
      const good = `094601,${randomIdNumber()},${en ? '上傳甲' : '上傳乙'},1990-01-01,職員,幹事`;
      await tabTo(page, '#upload-people-file');
      await page.locator('#upload-people-file').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from([HEADER, good, '094601,A123456780,壞號碼,1990-01-01,職員,'].join('\n')) });
      await tabTo(page, 'form[enctype="multipart/form-data"] button[type=submit]');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/admin\/uploads\//);
      await page.locator('#upload-errors').waitFor();
      assert.match(await page.locator('#upload-errors').innerText(), en ? /3\s+id_number\s+This ID number is not valid/ : /3\s+id_number\s+身分證字號或居留證號有誤/);
      assert.equal(await page.getByRole('button', { name: en ? 'Confirm the import' : '確認匯入' }).count(), 0);
      await holds(page, `preview with errors ${lang}`);

      // 重新上傳 the fixed file, then 確認匯入.
      await page.getByRole('link', { name: en ? 'Upload again' : '重新上傳' }).click();
      await page.locator('#upload-people-file').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from([HEADER, good].join('\n')) });
      await page.locator('form[enctype="multipart/form-data"] button[type=submit]').click();
      await page.waitForURL(/\/admin\/uploads\//);
      await page.getByRole('button', { name: en ? 'Confirm the import' : '確認匯入' }).waitFor();
      await holds(page, `preview ready ${lang}`);
      await tabTo(page, 'form[action$="/commit"] button[type=submit]');
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: en ? 'Imported: 1 new' : '已匯入：新增 1 筆' }).waitFor();
      await holds(page, `committed ${lang}`);
      const stored = await server.services.db.query(`SELECT 1 FROM source_people WHERE school_code = '094601' AND name = $1`, [en ? '上傳甲' : '上傳乙']);
      assert.equal(stored.length, 1);

      // An upload that is not there (or not this administrator's): the refusal page.
      const missing = await page.goto(`${server.issuer}/admin/uploads/nothing-here`);
      assert.equal(missing?.status(), 404);
      await holds(page, `upload not found ${lang}`);

      // Another school's people: the 403 page.
      await page.goto(`${server.issuer}/admin/people?school=094602`);
      await holds(page, `another school refused ${lang}`);
      await context.close();
    });

    test(`a county administrator searches the school directory and sees one school (${lang})`, async () => {
      const user = await adminUser(server, `county.dir.${en ? 'en' : 'zh'}`, 'county-admin', { county: '雲林縣' });
      const context = await browser.newContext({ viewport: { width: 360, height: 800 }, bypassCSP: true });
      const page = await context.newPage();
      await adminSignInPage(page, server, user, lang, '/admin/schools');
      await holds(page, `schools ${lang}`);
      await tabTo(page, '#q');
      await page.keyboard.type('鎮西');
      await page.keyboard.press('Enter');
      await page.getByRole('link', { name: '縣立鎮西國小' }).waitFor();
      await holds(page, `schools found ${lang}`);
      await page.getByRole('link', { name: '縣立鎮西國小' }).click();
      await page.getByRole('heading', { name: '縣立鎮西國小' }).waitFor();
      await holds(page, `one school ${lang}`);
      await page.goto(`${server.issuer}/admin/schools?q=${encodeURIComponent('沒有這所學校')}`);
      await holds(page, `no school found ${lang}`);
      await context.close();
    });
  }
});
