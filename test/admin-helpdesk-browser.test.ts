import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { adminSignInPage, adminUser } from './support/admin.ts';
import { formOf } from './support/agent.ts';
import { browserSkipReason, launchBrowser } from './support/browser.ts';
import { holds } from './support/browser-suite.ts';
import { tabTo } from './support/browser-console.ts';
import { oathtoolSkipReason } from './support/oathtool.ts';
import { startServer, TEST_CAPTCHA, type TestServer } from './support/server.ts';
import { accountWithTwoFactor } from './support/two-factor.ts';
import { agentFrom } from './support/visitor.ts';

let addresses = 0;

async function report(server: TestServer, fields: { category: string; who: string; contact: string; description: string }) {
  const agent = agentFrom(server.issuer, `192.0.2.${++addresses}`);
  const html = await (await agent.get(`/contact?category=${fields.category}`)).text();
  const { action, fields: hidden } = formOf(html);
  const res = await agent.post(action, { ...hidden, captcha: TEST_CAPTCHA, action: 'send', name: '林美玲', ...fields });
  return Number(/案件編號 (\d+)/.exec(await res.text())![1]);
}


describe('the helpdesk in Chromium at 360 px: an agent’s and a county administrator’s journeys, by keyboard, axe', { skip: browserSkipReason() || oathtoolSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;
  let taipeiSchool: string;
  before(async () => {
    server = await startServer({ env: { TRUST_PROXY: 'true' } });
    browser = await launchBrowser();
    const taipei = (await server.services.store.directory.findCounty('臺北市'))!.code;
    taipeiSchool = (await server.services.db.query<{ code: string }>(`SELECT code FROM schools WHERE county_code = $1 ORDER BY code LIMIT 1`, [taipei]))[0]!.code;
  });
  after(async () => {
    await browser?.close();
    await server?.cleanup();
  });

  for (const lang of ['zh-TW', 'en'] as const) {
    const en = lang === 'en';
    const tag = en ? 'en' : 'zh';

    test(`a helpdesk agent: queue → filter → ticket → reply → resolve, and 帳號查詢 (${lang})`, async () => {
      const { store } = server.services;
      const person = await accountWithTwoFactor(server, `br.person.${tag}`, 'Pers0n-Passw0rd!', { email: `br.person.${tag}@example.com` });
      await store.accounts.setAffiliation(person.account.id, { schoolCode: '094601', identity: '教師', titles: [], classes: [] });
      await store.signIns.record({ accountId: person.account.id, kind: 'authentication', method: 'password', result: 'succeeded', ip: '203.0.113.9', userAgent: 'Mozilla/5.0 (Windows NT 10.0) Chrome/120.0' });
      const id = await report(server, { category: 'account', who: `br.person.${tag}`, contact: `reporter.${tag}@example.com`, description: `登不進去 ${'很長的描述'.repeat(30)}` });
      await report(server, { category: 'other', who: 'E123456783', contact: '0912345678', description: '其他問題' });
      const user = await adminUser(server, `br.desk.${tag}`, 'helpdesk');
      const context = await browser.newContext({ viewport: { width: 360, height: 800 }, bypassCSP: true });
      const page = await context.newPage();
      await adminSignInPage(page, server, user, lang, '/admin/tickets');
      await holds(page, `queue ${lang}`);

      // Filter by keyboard: the category select, then the form's button.
      await tabTo(page, '#category');
      await page.locator('#category').selectOption('account');
      await tabTo(page, 'form.queue-filters button[type="submit"]');
      await page.keyboard.press('Enter');
      await page.waitForURL(/category=account/);
      const rows = await page.locator('table.tickets tbody tr').count();
      assert.ok(rows >= 1);
      assert.equal(await page.locator('table.tickets').getByText(en ? 'Other' : '其他', { exact: true }).count(), 0, 'the filter leaves other categories out');
      await holds(page, `queue filtered ${lang}`);

      await page.goto(`${server.issuer}/admin/tickets?olderThanDays=abc`);
      assert.ok(await page.getByText(en ? 'The age must be a whole number' : '天數須為 0 至 3650 的整數').first().isVisible());
      await holds(page, `queue error ${lang}`);

      await page.goto(`${server.issuer}/admin/tickets?category=account`);
      await tabTo(page, `a[href="/admin/tickets/${id}"]`, 120);
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`/admin/tickets/${id}$`));
      assert.ok(await page.getByRole('heading', { name: en ? `Ticket ${id}` : `案件 ${id}` }).isVisible());
      assert.ok(await page.getByText(`br.person.${tag}`).first().isVisible());
      await holds(page, `ticket ${lang}`);

      // A reply of spaces passes the browser's `required` and is refused by the server: the error state.
      await page.locator('#body').fill('   ');
      await page.getByRole('button', { name: en ? 'Send the reply' : '送出回覆' }).click();
      await page.waitForLoadState();
      assert.ok(await page.getByText(en ? 'Write the reply.' : '請輸入回覆內容。').isVisible());
      await holds(page, `ticket reply error ${lang}`);

      await page.locator('#body').focus();
      await page.keyboard.type(en ? 'Please use Forgot password.' : '請改用忘記密碼。');
      await tabTo(page, 'button.primary');
      await page.keyboard.press('Enter');
      await page.waitForURL(/done=replied/);
      assert.ok(await page.getByText(en ? 'The reply is queued for delivery.' : '回覆已排入寄送。').isVisible());
      await holds(page, `ticket replied ${lang}`);

      for (const to of ['in-progress', 'waiting', 'resolved'] as const) {
        await page.locator('#status').selectOption(to);
        await page.getByRole('button', { name: en ? 'Change the status' : '變更狀態' }).click();
        await page.waitForURL(/done=status/);
      }
      assert.equal((await server.services.store.tickets.get(id))!.status, 'resolved');
      assert.ok(await page.getByText(en ? 'Resolved' : '已解決').first().isVisible());
      await holds(page, `ticket resolved ${lang}`);

      // A missing school with a bad code: the error state of an action form.
      await page.locator('#school_code').fill('x');
      await page.locator('#school_name').fill('縣立新設國小');
      await page.locator('#school_level').selectOption('國小');
      await page.locator('#school_address').fill('雲林縣斗六市大學路1號');
      await page.getByRole('button', { name: en ? 'Add the school' : '新增學校' }).click();
      await page.waitForLoadState();
      assert.ok(await page.getByText(en ? 'A school code is 6 letters or digits.' : '學校代碼須為 6 碼英數字。').isVisible());
      await holds(page, `ticket action error ${lang}`);

      // 帳號查詢: search, the account, a reset without a real reason refused.
      await page.goto(`${server.issuer}/admin/accounts`);
      await holds(page, `accounts ${lang}`);
      await tabTo(page, '#q');
      await page.keyboard.type(`br.person.${tag}`);
      await page.keyboard.press('Enter');
      await page.waitForURL(/q=/);
      await holds(page, `accounts found ${lang}`);
      await page.getByRole('link', { name: new RegExp(`br\\.person\\.${tag}`) }).click();
      await page.waitForURL(/\/admin\/accounts\/[0-9a-f-]{36}$/);
      await holds(page, `account ${lang}`);
      await page.locator('#reason').fill('  ');
      await page.getByRole('button', { name: en ? 'Reset two-factor' : '重設雙因子驗證' }).click();
      await page.waitForLoadState();
      assert.ok(await page.getByText(en ? 'Give the reason for the reset; nothing was changed.' : '請填寫重設雙因子驗證的原因，未做任何變更。').isVisible());
      assert.ok(await store.twoFactor.find(person.account.id));
      await holds(page, `account reset error ${lang}`);
      await context.close();
    });

    test(`a county administrator of 雲林縣: its county’s tickets only; another county’s ticket is a 403 page (${lang})`, async () => {
      const { store } = server.services;
      const mine = await store.accounts.create({ username: `br.yl.${tag}`, passwordHash: 'x', displayName: '甲' });
      await store.accounts.setAffiliation(mine.id, { schoolCode: '094601', identity: '教師', titles: [], classes: [] });
      const theirs = await store.accounts.create({ username: `br.tp.${tag}`, passwordHash: 'x', displayName: '乙' });
      await store.accounts.setAffiliation(theirs.id, { schoolCode: taipeiSchool, identity: '教師', titles: [], classes: [] });
      const own = await report(server, { category: 'data-error', who: `br.yl.${tag}`, contact: `yl.${tag}@example.com`, description: '職稱錯誤' });
      const other = await report(server, { category: 'data-error', who: `br.tp.${tag}`, contact: `tp.${tag}@example.com`, description: '臺北的案件' });
      const user = await adminUser(server, `br.county.${tag}`, 'county-admin', { county: '雲林縣' });
      const context = await browser.newContext({ viewport: { width: 360, height: 800 }, bypassCSP: true });
      const page = await context.newPage();
      await adminSignInPage(page, server, user, lang, '/admin/tickets');
      const links = await page.locator('table.tickets tbody a').allTextContents();
      assert.ok(links.includes(String(own)));
      assert.ok(!links.includes(String(other)));
      const counties = await page.locator('#county option').allTextContents();
      assert.equal(counties.length, 2, 'any, and its own county');
      await holds(page, `county queue ${lang}`);
      await tabTo(page, `a[href="/admin/tickets/${own}"]`, 120);
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`/admin/tickets/${own}$`));
      await holds(page, `county ticket ${lang}`);
      const refused = await page.goto(`${server.issuer}/admin/tickets/${other}`);
      assert.equal(refused?.status(), 403);
      assert.ok(!(await page.content()).includes('臺北的案件'));
      await holds(page, `county refused ${lang}`);
      await context.close();
    });
  }
});
