import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { randomIdNumber } from '../src/domain/national-id.ts';
import { adminSignInPage, adminUser, type AdminUser } from './support/admin.ts';
import { browserSkipReason, launchBrowser } from './support/browser.ts';
import { holds } from './support/browser-suite.ts';
import { tabTo } from './support/browser-console.ts';
import { oathtoolSkipReason } from './support/oathtool.ts';
import { pdfPagesText } from './support/pdf-text.ts';
import { startServer, TEST_CAPTCHA, type TestServer } from './support/server.ts';

const SCHOOL = '094601';
const header = 'school_code,id_number,name,birthday,identity,titles,class_year,class_semester,class_grade,class_no,class_title';
const CLASSES = { 'zh-TW': { no: '701', title: '七年一班', names: ['林小安', '陳小美'] }, en: { no: '702', title: '七年二班', names: ['張家豪', '黃怡婷'] } } as const;


describe('student accounts in Chromium at 360 px: provision a class, the sheet, the first sign-in (zh-TW and English)', { skip: browserSkipReason() || oathtoolSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;
  let admin: AdminUser;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const rows = Object.values(CLASSES).flatMap((c, i) => c.names.map((n, j) => `${SCHOOL},${randomIdNumber()},${n},2013-0${i + 1}-1${j},學生,,114,1,7,${c.no},${c.title}`));
    await server.services.importer.peopleText([header, ...rows].join('\n'));
    admin = await adminUser(server, 'school.browser', 'school-admin', { school: SCHOOL });
  });
  after(async () => {
    await browser?.close();
    await server?.cleanup();
  });

  for (const lang of ['zh-TW', 'en'] as const) {
    test(`a school administrator provisions class ${CLASSES[lang].no} with the keyboard and a student sets a first password (${lang})`, async () => {
      const cls = CLASSES[lang];
      const en = lang === 'en';
      const context = await browser.newContext({ viewport: { width: 360, height: 800 }, bypassCSP: true, acceptDownloads: true });
      const page = await context.newPage();
      await adminSignInPage(page, server, admin, lang, '/admin/students');
      assert.equal(await page.locator('#school').inputValue(), SCHOOL, 'its own school is chosen');
      await holds(page, `students page ${lang}`);

      // An error state: a class that cannot be one.
      await tabTo(page, '#class');
      await page.keyboard.type('7/01');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#class-error');
      assert.match(await page.locator('#class-error').innerText(), en ? /letters, digits/ : /英數字/);
      await holds(page, `students page, bad class ${lang}`);

      // The preview, reached with the keyboard.
      await page.locator('#class').fill('');
      await page.locator('#class').focus();
      await page.keyboard.type(cls.no);
      await page.keyboard.press('Enter');
      await page.waitForSelector('#preview-count');
      assert.match(await page.locator('#preview-count').innerText(), en ? /^2 students have no account/ : /^共 2 位學生/);
      for (const n of cls.names) assert.ok((await page.locator('main').innerText()).includes(n));
      assert.match(await page.locator('#once-notice').innerText(), en ? /not kept/ : /系統不保存初始密碼/);
      await holds(page, `students preview ${lang}`);

      // Create: the sheet downloads at once.
      await tabTo(page, 'form[action="/admin/students/provision"] button');
      const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      assert.match(download.suggestedFilename(), /^students-094601-.*\.pdf$/);
      const text = (await pdfPagesText(await readFile((await download.path())!))).join('\n');
      const accounts = [...text.matchAll(/帳號：\s*(s[a-z0-9]+)/g)].map((m) => m[1]!);
      const passwords = [...text.matchAll(/初始密碼：\s*([A-Za-z0-9-]{9})/g)].map((m) => m[1]!);
      assert.equal(accounts.length, 2);
      assert.equal(passwords.length, 2);
      for (const n of cls.names) assert.ok(text.includes(n), `the sheet names ${n}`);

      // The same form sent again (a second press, a stale tab): nobody is left, nothing is created, the page says so.
      await page.locator('form[action="/admin/students/provision"] button').press('Enter');
      await page.waitForSelector('#form-error');
      assert.match(await page.locator('#form-error').innerText(), en ? /nothing was created/ : /未建立任何帳號/);
      await holds(page, `students, nothing to provision ${lang}`);

      // Another school (or one that does not exist) is outside a school administrator's reach: the refusal page.
      const refused = await page.goto(`${server.issuer}/admin/students?school=999999`);
      assert.equal(refused!.status(), 403);
      await holds(page, `students, another school refused ${lang}`);

      // The page again: the accounts (initial password still in use) and the batch, counts only.
      await page.goto(`${server.issuer}/admin/students?school=${SCHOOL}&class=${cls.no}`);
      const accountsTable = await page.locator('table', { has: page.locator('#accounts-caption') }).innerText();
      for (const a of accounts) assert.ok(accountsTable.includes(a));
      assert.match(accountsTable, en ? /No \(initial password\)/ : /否（仍為初始密碼）/);
      assert.match(await page.locator('#batches').innerText(), /\b2\b/);
      assert.doesNotMatch(await page.content(), new RegExp(passwords[0]!), 'no password is ever shown again');
      await holds(page, `students list ${lang}`);
      await context.close();

      // The student's first sign-in.
      const student = await browser.newContext({ viewport: { width: 360, height: 800 }, bypassCSP: true });
      const sp = await student.newPage();
      await sp.goto(`${server.issuer}/login?lang=${lang}`);
      await sp.locator('input[name="account"]').fill(accounts[0]!);
      await sp.locator('#password').fill(passwords[0]!);
      await sp.locator('#captcha').fill(TEST_CAPTCHA);
      await sp.locator('button.primary[value="login"]').click();
      await sp.waitForURL((u) => u.pathname === '/account/password/first');
      assert.equal(await sp.locator('h1').innerText(), en ? 'First sign-in: set a new password' : '首次登入：設定新密碼');
      await holds(sp, `first password ${lang}`);

      await tabTo(sp, '#current');
      await sp.keyboard.type('Wrong-Pass9');
      await tabTo(sp, '#password');
      await sp.keyboard.type('Fresh-Start8x');
      await tabTo(sp, '#password2');
      await sp.keyboard.type('Fresh-Start8x');
      await sp.keyboard.press('Enter');
      await sp.waitForSelector('#current-error');
      assert.match(await sp.locator('#current-error').innerText(), en ? /wrong/ : /錯誤/);
      await holds(sp, `first password, wrong initial ${lang}`);

      await sp.locator('#current').fill(passwords[0]!);
      await sp.locator('#password').fill('abc');
      await sp.locator('#password2').fill('abc');
      await sp.locator('#password2').press('Enter');
      await sp.waitForSelector('#password-error');
      await holds(sp, `first password, weak new password ${lang}`);

      await sp.locator('#current').fill(passwords[0]!);
      await sp.locator('#password').fill('Fresh-Start8x');
      await sp.locator('#password2').fill('Fresh-Start8x');
      await tabTo(sp, 'form[action="/account/password/first"] button[type="submit"]');
      await sp.keyboard.press('Enter');
      await sp.waitForURL((u) => u.pathname === '/account');
      assert.equal((await server.services.accounts.findByUsername(accounts[0]!))!.mustChangePassword, false);
      await student.close();
    });
  }
});
